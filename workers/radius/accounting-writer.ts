// Group commit for accounting: packets queue up, one transaction stores everything that arrived while
// the previous one ran, then all of them are acknowledged. When PostgreSQL is unreachable the batch is
// fsync'd to the spool instead (and acknowledged); the spool is replayed in order before new writes.
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
  onCommitted?: (result: RecordAccountingResult) => void;
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

  constructor(
    private readonly db: Db,
    private readonly spool: AccountingSpool,
    private readonly metrics: RadiusMetrics,
    private readonly log: Logger,
    private readonly opts: AccountingWriterOptions = {},
  ) {}

  /** Resolves once the record is durable (database or spool): only then may the NAS get its ACK. */
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
    try {
      for (;;) {
        if (this.spool.hasData && Date.now() >= this.retryAt) {
          await this.replayChunk(max);
          // Acknowledge what queued up meanwhile by spooling it behind the replay, so order holds.
          if (this.queue.length) await this.toSpool(this.queue.splice(0, max));
          continue;
        }
        if (this.queue.length === 0) break;
        const batch = this.queue.splice(0, max);
        if (this.spool.hasData) {
          await this.toSpool(batch);
          continue;
        }
        try {
          const records = batch.map((p) => p.record);
          const result = await recordAccounting(this.db, records);
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
      if (this.spool.hasData && !this.stopped) {
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
      // Neither database nor disk: no ACK, the NAS retransmits.
      this.log.error({ err: (e as Error).message }, "accounting spool append failed");
      for (const p of batch) p.reject(e as Error);
    }
  }

  private async replayChunk(max: number) {
    const chunk = await this.spool.next(max);
    if (!chunk) return;
    try {
      const result = await recordAccounting(this.db, chunk.records);
      await chunk.commit();
      this.opts.onStored?.(chunk.records);
      this.metrics.replayed += chunk.records.length;
      this.opts.onCommitted?.(result);
      if (!this.spool.hasData) this.log.info("accounting spool replayed; writing directly again");
    } catch (e) {
      if (await this.databaseAnswers()) {
        // The database is up, so one record is poison: store the rest one by one, set the bad ones aside.
        await this.replayOneByOne(chunk.records);
        await chunk.commit();
        return;
      }
      this.retryAt = Date.now() + (this.opts.retryMs ?? 1000);
      this.log.debug({ err: (e as Error).message }, "accounting replay failed; will retry");
    }
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.$client`select 1`;
      return true;
    } catch {
      return false;
    }
  }

  private async replayOneByOne(records: AccountingRecord[]) {
    for (const record of records) {
      try {
        this.opts.onCommitted?.(await recordAccounting(this.db, [record]));
        this.opts.onStored?.([record]);
        this.metrics.replayed++;
      } catch (e) {
        this.log.error({ err: (e as Error).message, nasId: record.nasId, acctSessionId: record.acctSessionId }, "spooled accounting record rejected by the database");
        await this.spool.setAside(record);
      }
    }
  }
}
