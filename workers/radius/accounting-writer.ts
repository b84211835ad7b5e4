// Group commit for accounting: packets queue up, one transaction stores everything that arrived while
// the previous one ran, then all of them are acknowledged. When PostgreSQL is unreachable, or does not
// answer within the commit deadline (a lock, a stalled disk), the batch is fsync'd to the spool instead
// (and acknowledged); the spool is replayed in order before new writes. A write that overran its deadline
// is still running: nothing is replayed until it has settled, so it cannot land after a later record, and
// the replay of its records is harmless (counters only grow, a replayed Stop does not reopen a session).
import type { Logger } from "pino";
import type { Db } from "@/lib/db/client";
import { recordAccounting, type AccountingRecord, type RecordAccountingResult } from "@/lib/services/radius/record-accounting";
import type { AccountingSpool } from "./spool";
import type { RadiusMetrics } from "./metrics";

interface Pending {
  record: AccountingRecord;
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface AccountingWriterOptions {
  maxBatch?: number;
  /** Wait after a failed replay before trying the database again. */
  retryMs?: number;
  /**
   * How long a commit may take before its batch is spooled and acknowledged anyway (default 2,000 ms).
   * Routers retransmit accounting after a few hundred milliseconds and give up after a few tries.
   */
  commitTimeoutMs?: number;
  onCommitted?: (result: RecordAccountingResult) => void;
  /**
   * Whether the database is known to be up (migrations current). While it is not, batches go straight to
   * the spool and nothing is replayed: a half-migrated database would refuse good records as poison.
   */
  online?: () => boolean;
  /** Records now in the database (directly or replayed from the spool). */
  onStored?: (records: readonly AccountingRecord[]) => void;
}

export class AccountingWriter {
  private queue: Pending[] = [];
  private running = false;
  private retryAt = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  /** A write that overran the deadline and has not settled yet. */
  private overrun: Promise<unknown> | null = null;

  constructor(
    private readonly db: Db,
    private readonly spool: AccountingSpool,
    private readonly metrics: RadiusMetrics,
    private readonly log: Logger,
    private readonly opts: AccountingWriterOptions = {},
  ) {}

  /** Resolves once the record is durable (database or spool): only then may the router get its ACK. */
  write(record: AccountingRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ record, resolve, reject });
      this.kick();
    });
  }

  /** The database came back (or may have): try the spool now. */
  wake() {
    this.retryAt = 0;
    this.kick();
  }

  get spooling(): boolean {
    return this.spool.hasData;
  }

  kick() {
    if (this.running || this.stopped) return;
    this.running = true;
    setImmediate(() => void this.loop());
  }

  async drain(): Promise<void> {
    if (!this.running && this.queue.length === 0) return;
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }

  async stop() {
    await this.drain();
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }

  private async loop() {
    const max = this.opts.maxBatch ?? 2000;
    const online = this.opts.online ?? (() => true);
    try {
      for (;;) {
        const up = online();
        if (!up && this.retryAt <= Date.now()) this.retryAt = Date.now() + (this.opts.retryMs ?? 1000);
        if (up && this.spool.hasData && !this.overrun && Date.now() >= this.retryAt) {
          await this.replayChunk(max);
          // Acknowledge what queued up meanwhile by spooling it behind the replay, so order holds.
          if (this.queue.length) await this.toSpool(this.queue.splice(0, max));
          continue;
        }
        if (this.queue.length === 0) break;
        const batch = this.queue.splice(0, max);
        if (this.spool.hasData || !up) {
          await this.toSpool(batch);
          continue;
        }
        try {
          const records = batch.map((p) => p.record);
          const result = await this.withinDeadline(recordAccounting(this.db, records));
          this.opts.onStored?.(records);
          for (const p of batch) p.resolve();
          this.opts.onCommitted?.(result);
        } catch (e) {
          this.log.warn({ err: (e as Error).message, records: batch.length }, "accounting write failed; spooling to disk");
          this.retryAt = Date.now() + (this.opts.retryMs ?? 1000);
          await this.toSpool(batch);
        }
      }
    } finally {
      this.running = false;
      // While a write overruns, its settling wakes the loop (withinDeadline), not a timer.
      if (this.spool.hasData && !this.overrun && !this.stopped) {
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.kick(), Math.max(50, this.retryAt - Date.now()));
        this.retryTimer.unref();
      }
      if (this.queue.length && !this.stopped) this.kick();
      else if (!this.queue.length) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private async toSpool(batch: Pending[]) {
    if (batch.length === 0) return;
    try {
      await this.spool.append(batch.map((p) => p.record));
      this.metrics.spooled += batch.length;
      for (const p of batch) p.resolve();
    } catch (e) {
      // Neither database nor disk: no ACK, the router retransmits.
      this.log.error({ err: (e as Error).message }, "accounting spool append failed");
      for (const p of batch) p.reject(e as Error);
    }
  }

  private async replayChunk(max: number) {
    const chunk = await this.spool.next(max);
    if (!chunk) return;
    try {
      const result = await this.withinDeadline(recordAccounting(this.db, chunk.records));
      await chunk.commit();
      this.opts.onStored?.(chunk.records);
      this.metrics.replayed += chunk.records.length;
      this.opts.onCommitted?.(result);
      if (!this.spool.hasData) this.log.info("accounting spool replayed; writing directly again");
    } catch (e) {
      // Slow is not poison: the chunk stays, and is tried again once the overrunning write has settled.
      if (!(e instanceof CommitOverrun) && (await this.databaseAnswers())) {
        // The database is up, so one record is poison: store the rest one by one, set the bad ones aside.
        try {
          await this.replayOneByOne(chunk.records);
          await chunk.commit();
          return;
        } catch (again) {
          if (!(again instanceof CommitOverrun)) throw again;
        }
      }
      this.retryAt = Date.now() + (this.opts.retryMs ?? 1000);
      this.log.debug({ err: (e as Error).message }, "accounting replay failed; will retry");
    }
  }

  /**
   * The write, or a CommitOverrun after the deadline. An overrunning write goes on in the background; the
   * loop replays nothing until it settles, then is woken.
   */
  private withinDeadline<T>(write: Promise<T>): Promise<T> {
    const ms = this.opts.commitTimeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.metrics.accountingOverruns++;
        const overrun = write.then(
          () => undefined,
          () => undefined,
        );
        this.overrun = overrun;
        void overrun.then(() => {
          if (this.overrun === overrun) this.overrun = null;
          this.log.info("the database call that overran its deadline has settled; replaying the spool");
          this.wake();
        });
        reject(new CommitOverrun(ms));
      }, ms);
    });
    return Promise.race([write, deadline]).finally(() => clearTimeout(timer));
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.withinDeadline(this.db.$client`select 1`.then(() => undefined));
      return true;
    } catch {
      return false;
    }
  }

  private async replayOneByOne(records: AccountingRecord[]) {
    for (const record of records) {
      try {
        this.opts.onCommitted?.(await this.withinDeadline(recordAccounting(this.db, [record])));
        this.opts.onStored?.([record]);
        this.metrics.replayed++;
      } catch (e) {
        if (e instanceof CommitOverrun) throw e; // slow, not poison: the chunk is kept and replayed later
        this.log.error({ err: (e as Error).message, nasId: record.nasId, acctSessionId: record.acctSessionId }, "spooled accounting record rejected by the database");
        await this.spool.setAside(record);
      }
    }
  }
}

/** A commit that did not finish within the deadline (it may still finish later). */
export class CommitOverrun extends Error {
  constructor(ms: number) {
    super(`the database did not commit within ${ms} ms`);
    this.name = "CommitOverrun";
  }
}
