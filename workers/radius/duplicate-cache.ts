// RFC 5080 §2.2.2 duplicate detection: (source, port, Identifier) → the request authenticator and, once
// answered, the reply. A retransmission gets the cached reply; one still being processed is dropped.
export type DuplicateCheck = { kind: "new" } | { kind: "in_progress" } | { kind: "answered"; reply: Buffer };

interface Entry {
  authenticator: Buffer;
  reply: Buffer | null;
  expiresAt: number;
}

export class DuplicateCache {
  private entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 200_000,
  ) {}

  start() {
    this.timer = setInterval(() => this.sweep(), Math.min(5000, this.ttlMs)).unref();
  }
  stop() {
    clearInterval(this.timer);
    this.entries.clear();
  }

  /** Registers a new request (returns "new") or reports what to do with a duplicate. */
  check(key: string, authenticator: Buffer, now = Date.now()): DuplicateCheck {
    const e = this.entries.get(key);
    if (e && e.expiresAt > now && e.authenticator.equals(authenticator)) {
      return e.reply ? { kind: "answered", reply: e.reply } : { kind: "in_progress" };
    }
    // Same key, new authenticator: a new request (the old entry is replaced).
    if (this.entries.size >= this.maxEntries) this.sweep(now);
    this.entries.delete(key);
    this.entries.set(key, { authenticator, reply: null, expiresAt: now + this.ttlMs });
    return { kind: "new" };
  }

  answered(key: string, authenticator: Buffer, reply: Buffer, now = Date.now()) {
    const e = this.entries.get(key);
    if (e && e.authenticator.equals(authenticator)) {
      e.reply = reply;
      e.expiresAt = now + this.ttlMs;
    }
  }

  /** Processing failed without an answer: let a retransmission try again. */
  forget(key: string, authenticator: Buffer) {
    const e = this.entries.get(key);
    if (e && e.authenticator.equals(authenticator)) this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }

  private sweep(now = Date.now()) {
    // Map iteration is insertion order, and entries are re-inserted when refreshed: stop at the first live one.
    for (const [k, e] of this.entries) {
      if (e.expiresAt > now && this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}
