// Durable on-disk spool for accounting while PostgreSQL is unreachable: append-only JSON-lines segments,
// fdatasync'd before the packets are acknowledged, rotated by size, replayed oldest first when the database
// returns. A segment is read in bounded pieces (never whole into one string), its replay position is kept
// on disk, and it is deleted only once every record in it is stored. A segment that cannot be read is kept.
import fs from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import type { AccountingRecord } from "@/lib/services/radius/record-accounting";

const SEGMENT = /^acct-(\d{12})\.jsonl$/;
/** A segment rotates once it holds this much (about 16,000 records): one outage makes many small files. */
export const DEFAULT_SEGMENT_BYTES = 8 * 1024 * 1024;
/** No record is near this long; a longer "line" is damage, not a record. */
const MAX_LINE_BYTES = 256 * 1024;

export interface SpoolChunk {
  records: AccountingRecord[];
  /** Call after the records are stored: advances the cursor (on disk) and deletes a finished segment. */
  commit(): Promise<void>;
}

export interface SpoolOptions {
  maxSegmentBytes?: number;
  /** Bytes read per step (tests make it small to cross piece boundaries). */
  readBytes?: number;
  log?: Logger;
  /** A segment or a line could not be read (the segment is kept on disk). */
  onReadError?: (file: string, err: Error) => void;
}

interface Cursor {
  seq: number;
  fd: fs.promises.FileHandle;
  /** Bytes of the file consumed into `parsed` or `tail`. */
  readPos: number;
  /** Parsed records not yet handed out, each with the file offset just past its line. */
  parsed: { record: AccountingRecord; end: number }[];
  tail: Buffer;
  eof: boolean;
  /** A read failed after `parsed` was filled: those go out first, then the segment is kept and skipped. */
  failed: Error | null;
}

export class AccountingSpool {
  private closed: number[] = [];
  private seq = 0;
  private fd: fs.promises.FileHandle | null = null;
  private currentBytes = 0;
  private cursor: Cursor | null = null;
  /** Segments this process could not read: left on disk for an operator, skipped by the replay. */
  private readonly unreadable = new Set<number>();
  private readonly maxSegmentBytes: number;
  private readonly readBytes: number;

  constructor(
    readonly dir: string,
    private readonly opts: SpoolOptions = {},
  ) {
    this.maxSegmentBytes = opts.maxSegmentBytes ?? DEFAULT_SEGMENT_BYTES;
    this.readBytes = opts.readBytes ?? 256 * 1024;
  }

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
    return this.closed.length > this.unreadable.size || this.currentBytes > 0;
  }

  /** Segments kept on disk because they could not be read. */
  get unreadableFiles(): string[] {
    return [...this.unreadable].map((s) => this.file(s));
  }

  file(seq: number) {
    return path.join(this.dir, `acct-${String(seq).padStart(12, "0")}.jsonl`);
  }

  private posFile(seq: number) {
    return path.join(this.dir, `acct-${String(seq).padStart(12, "0")}.pos`);
  }

  async append(records: readonly AccountingRecord[]) {
    if (records.length === 0) return;
    if (this.fd && this.currentBytes >= this.maxSegmentBytes) await this.rotate();
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

  /** The next records to replay, oldest first; null when nothing readable is left. */
  async next(max: number): Promise<SpoolChunk | null> {
    for (;;) {
      if (!this.cursor) {
        if (!this.closed.some((s) => !this.unreadable.has(s))) await this.rotate();
        const seq = this.closed.find((s) => !this.unreadable.has(s));
        if (seq === undefined) return null;
        try {
          this.cursor = await this.openSegment(seq);
        } catch (e) {
          this.readFailed(seq, e as Error);
          continue;
        }
      }
      const cursor = this.cursor;
      while (cursor.parsed.length < max && !cursor.eof && !cursor.failed) {
        try {
          await this.readMore(cursor);
        } catch (e) {
          // What was read before the damage is still handed out (and its position kept); the file stays.
          cursor.failed = e as Error;
        }
      }
      if (cursor.parsed.length === 0) {
        if (cursor.failed) {
          await cursor.fd.close().catch(() => undefined);
          this.cursor = null;
          this.readFailed(cursor.seq, cursor.failed);
          continue;
        }
        // Nothing (more) in it: everything before was stored, so it goes.
        await this.finish(cursor);
        continue;
      }
      const taken = cursor.parsed.slice(0, max);
      return {
        records: taken.map((p) => p.record),
        commit: async () => {
          cursor.parsed.splice(0, taken.length);
          if (cursor.parsed.length === 0 && cursor.eof && !cursor.failed) await this.finish(cursor);
          else await writeDurably(this.posFile(cursor.seq), String(taken[taken.length - 1].end), "w");
        },
      };
    }
  }

  private async openSegment(seq: number): Promise<Cursor> {
    const fd = await fs.promises.open(this.file(seq), "r");
    let start = 0;
    try {
      const pos = Number((await fs.promises.readFile(this.posFile(seq), "utf8")).trim());
      if (Number.isSafeInteger(pos) && pos > 0) start = pos;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
        await fd.close();
        throw e;
      }
    }
    return { seq, fd, readPos: start, parsed: [], tail: Buffer.alloc(0), eof: false, failed: null };
  }

  private async readMore(cursor: Cursor) {
    const buf = Buffer.allocUnsafe(this.readBytes);
    const { bytesRead } = await cursor.fd.read(buf, 0, buf.length, cursor.readPos);
    if (bytesRead === 0) {
      // A torn last line (a crash mid-write) was never acknowledged: it is dropped with the segment.
      cursor.eof = true;
      return;
    }
    const base = cursor.readPos - cursor.tail.length;
    cursor.readPos += bytesRead;
    const data = cursor.tail.length ? Buffer.concat([cursor.tail, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      if (nl > start) {
        const line = data.toString("utf8", start, nl);
        try {
          cursor.parsed.push({ record: JSON.parse(line) as AccountingRecord, end: base + nl + 1 });
        } catch (e) {
          // A damaged line in the middle: kept aside (durably) before the segment can go.
          this.opts.onReadError?.(this.file(cursor.seq), e as Error);
          this.opts.log?.error({ file: this.file(cursor.seq), offset: base + start }, "accounting spool line unreadable; kept in unreadable.jsonl");
          await writeDurably(path.join(this.dir, "unreadable.jsonl"), line + "\n", "a");
        }
      }
      start = nl + 1;
    }
    cursor.tail = Buffer.from(data.subarray(start));
    if (cursor.tail.length > MAX_LINE_BYTES) throw new Error(`a line longer than ${MAX_LINE_BYTES} bytes at offset ${base + start}`);
  }

  private async finish(cursor: Cursor) {
    await cursor.fd.close().catch(() => undefined);
    await fs.promises.rm(this.file(cursor.seq), { force: true });
    await fs.promises.rm(this.posFile(cursor.seq), { force: true });
    this.closed = this.closed.filter((s) => s !== cursor.seq);
    if (this.cursor === cursor) this.cursor = null;
  }

  private readFailed(seq: number, err: Error) {
    this.unreadable.add(seq);
    this.opts.onReadError?.(this.file(seq), err);
    this.opts.log?.error(
      { err: err.message, file: this.file(seq) },
      "accounting spool segment cannot be read; it is kept on disk and skipped (restart the worker to retry it)",
    );
  }

  async close() {
    await this.fd?.close();
    this.fd = null;
    await this.cursor?.fd.close().catch(() => undefined);
    this.cursor = null;
  }

  /** Records the database refuses (not an outage): kept for an operator, durably, out of the replay path. */
  async setAside(record: AccountingRecord) {
    await writeDurably(path.join(this.dir, "rejected.jsonl"), JSON.stringify(record) + "\n", "a");
  }
}

/** Write (or append) and fdatasync before returning: what is removed after this relies on it. */
async function writeDurably(file: string, data: string, flags: "a" | "w") {
  const fd = await fs.promises.open(file, flags, 0o600);
  try {
    await fd.write(data);
    await fd.datasync();
  } finally {
    await fd.close();
  }
}
