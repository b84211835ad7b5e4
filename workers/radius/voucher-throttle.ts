// Failed voucher logins (a hotspot login whose code matches nothing) counted per calling MAC and per
// router in fixed windows. Past a limit, voucher logins from that MAC (or through that router) are refused
// without a lookup until the window ends, so codes cannot be tried one after another. Per process and in
// memory: the check sits on the RADIUS hot path, and one router talks to one worker at a time.
export interface VoucherThrottleOptions {
  /** Failed voucher logins allowed per calling MAC (Calling-Station-Id) per window (default 10 per 10 min). */
  perMac?: number;
  macWindowMs?: number;
  /** Failed voucher logins allowed per router per window (default 60 per minute). */
  perRouter?: number;
  routerWindowMs?: number;
  /** MACs remembered at most (a flood of made-up MACs cannot grow memory without bound). */
  maxMacs?: number;
}

export type ThrottleVerdict = null | "mac" | "router";

interface Window {
  start: number;
  fails: number;
}

export class VoucherThrottle {
  private readonly macs = new Map<string, Window>();
  private readonly routers = new Map<string, Window>();
  private readonly perMac: number;
  private readonly macWindowMs: number;
  private readonly perRouter: number;
  private readonly routerWindowMs: number;
  private readonly maxMacs: number;
  /** Logins refused by the throttle, by what tripped it. */
  readonly stats = { mac: 0, router: 0 };

  constructor(opts: VoucherThrottleOptions = {}) {
    this.perMac = opts.perMac ?? 10;
    this.macWindowMs = opts.macWindowMs ?? 600_000;
    this.perRouter = opts.perRouter ?? 60;
    this.routerWindowMs = opts.routerWindowMs ?? 60_000;
    this.maxMacs = opts.maxMacs ?? 100_000;
  }

  /** Whether a voucher login from this MAC through this router is refused right now. */
  check(routerId: string, mac: string | null, now = Date.now()): ThrottleVerdict {
    if (mac && over(this.macs.get(`${routerId}|${mac}`), this.perMac, this.macWindowMs, now)) {
      this.stats.mac++;
      return "mac";
    }
    if (over(this.routers.get(routerId), this.perRouter, this.routerWindowMs, now)) {
      this.stats.router++;
      return "router";
    }
    return null;
  }

  /** A voucher login that matched nothing. */
  failed(routerId: string, mac: string | null, now = Date.now()) {
    bump(this.routers, routerId, this.routerWindowMs, now);
    if (!mac) return;
    if (this.macs.size >= this.maxMacs) this.sweep(now);
    bump(this.macs, `${routerId}|${mac}`, this.macWindowMs, now);
  }

  private sweep(now: number) {
    for (const [k, w] of this.macs) if (now - w.start >= this.macWindowMs) this.macs.delete(k);
    // Still full: the oldest go first (Map order is insertion order).
    for (const k of this.macs.keys()) {
      if (this.macs.size < this.maxMacs) break;
      this.macs.delete(k);
    }
  }
}

function over(w: Window | undefined, limit: number, windowMs: number, now: number): boolean {
  return w !== undefined && now - w.start < windowMs && w.fails >= limit;
}

function bump(map: Map<string, Window>, key: string, windowMs: number, now: number) {
  const w = map.get(key);
  if (!w || now - w.start >= windowMs) map.set(key, { start: now, fails: 1 });
  else w.fails++;
}
