// Durable on-disk spool for accounting while PostgreSQL is unreachable: append-only JSON-lines segments,
// fdatasync'd before the packets are acknowledged, replayed oldest first when the database returns.
import fs from "node:fs";
import path from "node:path";
import type { AccountingRecord } from "@/lib/services/radius/record-accounting";

const SEGMENT = /^acct-(\d{12})\.jsonl$/;

export interface SpoolChunk {
  records: AccountingRecord[];
  /** Call after the records are stored: advances the cursor and deletes a finished segment. */
  commit(): Promise<void>;
}

export class AccountingSpool {
  private closed: number[] = [];
  private seq = 0;
  private fd: fs.promises.FileHandle | null = null;
  private currentBytes = 0;
  private cursor: { seq: number; records: AccountingRecord[]; offset: number } | null = null;

  constructor(readonly dir: string) {}

  async init() {
    await fs.promises.mkdir(this.dir, { recursive: true, mode: 0o700 });
    const seqs = (await fs.promises.readdir(this.dir))
      .map((f) => SEGMENT.exec(f)?.[1])
      .filter((s): s is string => !!s)
      .map(Number)
      .sort((a, b) => a - b);
    this.closed = seqs;
    this.seq = (seqs.at(-1) ?? 0) + 1;
  }

  /** Anything waiting to be replayed (new records must then go behind it to keep the order). */
  get hasData(): boolean {
    return this.closed.length > 0 || this.currentBytes > 0;
  }

  private file(seq: number) {
    return path.join(this.dir, `acct-${String(seq).padStart(12, "0")}.jsonl`);
  }

  async append(records: readonly AccountingRecord[]) {
    if (records.length === 0) return;
    if (!this.fd) {
      this.fd = await fs.promises.open(this.file(this.seq), "a", 0o600);
      this.currentBytes = 0;
    }
    const data = Buffer.from(records.map((r) => JSON.stringify(r)).join("\n") + "\n", "utf8");
    await this.fd.write(data);
    await this.fd.datasync();
    this.currentBytes += data.length;
  }

  private async rotate() {
    if (!this.fd) return;
    await this.fd.close();
    this.fd = null;
    if (this.currentBytes > 0) this.closed.push(this.seq);
    this.currentBytes = 0;
    this.seq++;
  }

  /** The next records to replay, oldest first; null when the spool is empty. */
  async next(max: number): Promise<SpoolChunk | null> {
    if (!this.cursor) {
      if (this.closed.length === 0) await this.rotate();
      const seq = this.closed[0];
      if (seq === undefined) return null;
      const text = await fs.promises.readFile(this.file(seq), "utf8").catch(() => "");
      const records: AccountingRecord[] = [];
      for (const line of text.split("\n")) {
        if (!line) continue;
        try {
          records.push(JSON.parse(line) as AccountingRecord);
        } catch {
          // A torn last line from a crash mid-write: that batch was never acknowledged.
        }
      }
      this.cursor = { seq, records, offset: 0 };
    }
    const cursor = this.cursor;
    const records = cursor.records.slice(cursor.offset, cursor.offset + max);
    return {
      records,
      commit: async () => {
        cursor.offset += records.length;
        if (cursor.offset >= cursor.records.length) {
          await fs.promises.rm(this.file(cursor.seq), { force: true });
          this.closed.shift();
          this.cursor = null;
        }
      },
    };
  }

  async close() {
    await this.fd?.close();
    this.fd = null;
  }

  /** Records the database refuses (not an outage): kept for an operator, out of the replay path. */
  async setAside(record: AccountingRecord) {
    await fs.promises.appendFile(path.join(this.dir, "rejected.jsonl"), JSON.stringify(record) + "\n", { mode: 0o600 });
  }
}
