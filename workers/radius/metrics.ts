// In-memory RADIUS counters per router (requests, accepts, rejects, drops by reason, latency), exposed as
// JSON on the worker's health server at /metrics/radius.
const BUCKETS_MS = [
  0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 12.5, 15, 20, 25, 30, 40, 50, 75, 100, 150, 250, 500,
  1000, 2500, Infinity,
];

class Latency {
  readonly counts = new Array<number>(BUCKETS_MS.length).fill(0);
  total = 0;
  sumMs = 0;
  observe(ms: number) {
    this.total++;
    this.sumMs += ms;
    let i = 0;
    while (ms > BUCKETS_MS[i]) i++;
    this.counts[i]++;
  }
  /** Upper bound of the bucket holding quantile q (coarse, but cheap and allocation-free). */
  quantile(q: number): number | null {
    if (this.total === 0) return null;
    const target = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i];
      if (seen >= target) return BUCKETS_MS[i] === Infinity ? BUCKETS_MS[i - 1] : BUCKETS_MS[i];
    }
    return null;
  }
  toJSON() {
    return {
      count: this.total,
      meanMs: this.total ? Math.round((this.sumMs / this.total) * 1000) / 1000 : null,
      p50Ms: this.quantile(0.5),
      p99Ms: this.quantile(0.99),
    };
  }
}

export interface RouterCounters {
  routerId: string | null;
  tenantId: string | null;
  nasIp: string;
  requests: number;
  accepts: number;
  rejects: number;
  accountingResponses: number;
  statusServer: number;
  duplicates: number;
  drops: Record<string, number>;
  authLatency: Latency;
  acctLatency: Latency;
}

export class RadiusMetrics {
  private readonly byRouter = new Map<string, RouterCounters>();
  readonly startedAt = Date.now();
  spooled = 0;
  replayed = 0;
  /** Accounting database calls that overran their deadline (their batches were spooled or kept). */
  accountingOverruns = 0;
  logRowsDropped = 0;
  /** Spool segments or lines that could not be read (each kept on disk and logged with its path). */
  spoolReadErrors = 0;
  /** Packets from addresses that are no router of ours (counted always; only a sample is logged). */
  unknownSourceDrops = 0;

  private counters(nasIp: string, routerId: string | null, tenantId: string | null): RouterCounters {
    // Unknown sources share one bucket so a spoofing flood cannot grow this map without bound.
    const key = routerId ? nasIp : "unknown";
    let c = this.byRouter.get(key);
    if (!c) {
      c = {
        routerId,
        tenantId,
        nasIp: routerId ? nasIp : "unknown",
        requests: 0,
        accepts: 0,
        rejects: 0,
        accountingResponses: 0,
        statusServer: 0,
        duplicates: 0,
        drops: {},
        authLatency: new Latency(),
        acctLatency: new Latency(),
      };
      this.byRouter.set(key, c);
    }
    return c;
  }

  request(nasIp: string, routerId: string, tenantId: string) {
    this.counters(nasIp, routerId, tenantId).requests++;
  }
  drop(nasIp: string, routerId: string | null, tenantId: string | null, reason: string) {
    const c = this.counters(nasIp, routerId, tenantId);
    c.drops[reason] = (c.drops[reason] ?? 0) + 1;
  }
  duplicate(nasIp: string, routerId: string, tenantId: string) {
    this.counters(nasIp, routerId, tenantId).duplicates++;
  }
  status(nasIp: string, routerId: string, tenantId: string) {
    this.counters(nasIp, routerId, tenantId).statusServer++;
  }
  auth(nasIp: string, routerId: string, tenantId: string, accepted: boolean, ms: number) {
    const c = this.counters(nasIp, routerId, tenantId);
    if (accepted) c.accepts++;
    else c.rejects++;
    c.authLatency.observe(ms);
  }
  acct(nasIp: string, routerId: string, tenantId: string, ms: number) {
    const c = this.counters(nasIp, routerId, tenantId);
    c.accountingResponses++;
    c.acctLatency.observe(ms);
  }

  snapshot() {
    const routers = [...this.byRouter.values()].map((c) => ({ ...c, authLatency: c.authLatency.toJSON(), acctLatency: c.acctLatency.toJSON() }));
    const sum = (f: (c: RouterCounters) => number) => [...this.byRouter.values()].reduce((n, c) => n + f(c), 0);
    const drops: Record<string, number> = {};
    for (const c of this.byRouter.values()) for (const [k, v] of Object.entries(c.drops)) drops[k] = (drops[k] ?? 0) + v;
    return {
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      totals: {
        requests: sum((c) => c.requests),
        accepts: sum((c) => c.accepts),
        rejects: sum((c) => c.rejects),
        accountingResponses: sum((c) => c.accountingResponses),
        duplicates: sum((c) => c.duplicates),
        drops,
        spooled: this.spooled,
        replayed: this.replayed,
        accountingOverruns: this.accountingOverruns,
        logRowsDropped: this.logRowsDropped,
        spoolReadErrors: this.spoolReadErrors,
        unknownSourceDrops: this.unknownSourceDrops,
      },
      routers,
    };
  }
}
