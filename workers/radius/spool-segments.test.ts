// The spool's files on their own (no database): size rotation, bounded reads, a replay position that
// survives a restart, and segments that cannot be read being kept on disk, logged and counted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccountingRecord } from "@/lib/services/radius/record-accounting";
import { AccountingSpool, type SpoolOptions } from "./spool";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-spool-seg-"));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function record(i: number): AccountingRecord {
  return {
    tenantId: "00000000-0000-4000-8000-000000000001",
    nasId: "00000000-0000-4000-8000-000000000002",
    statusType: 3,
    acctSessionId: `s-${i}`,
    username: `user-${i}`,
    customerId: null,
    voucherId: null,
    framedIp: null,
    callingStationId: null,
    calledStationId: null,
    nasPortId: null,
    nasPortType: null,
    serviceType: null,
    class: null,
    eventTime: new Date(1_700_000_000_000 + i).toISOString(),
    sessionTime: i,
    inputOctets: String(i),
    outputOctets: String(i * 2),
    inputPackets: 0,
    outputPackets: 0,
    terminateCause: null,
  };
}

const segments = () => fs.readdirSync(dir).filter((f) => /^acct-\d+\.jsonl$/.test(f)).sort();

function spy() {
  const errors: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = { error: (obj: Record<string, unknown>, msg: string) => errors.push({ obj, msg }) } as unknown as Logger;
  const counted: string[] = [];
  const opts: SpoolOptions = { log, onReadError: (file) => counted.push(file) };
  return { errors, counted, opts };
}

async function drain(spool: AccountingSpool, max = 100): Promise<AccountingRecord[]> {
  const out: AccountingRecord[] = [];
  for (let chunk = await spool.next(max); chunk; chunk = await spool.next(max)) {
    out.push(...chunk.records);
    await chunk.commit();
  }
  return out;
}

describe("accounting spool segments", () => {
  it("rotates segments by size during an outage, so none grows past the limit", async () => {
    const spool = new AccountingSpool(dir, { maxSegmentBytes: 4096 });
    await spool.init();
    for (let i = 0; i < 60; i++) await spool.append([record(i)]);
    await spool.close();
    const files = segments();
    expect(files.length).toBeGreaterThan(3);
    const one = Buffer.byteLength(JSON.stringify(record(59)) + "\n");
    for (const f of files) expect(fs.statSync(path.join(dir, f)).size).toBeLessThan(4096 + one);

    const again = new AccountingSpool(dir);
    await again.init();
    expect((await drain(again, 7)).map((r) => r.acctSessionId)).toEqual(Array.from({ length: 60 }, (_, i) => `s-${i}`));
    expect(segments()).toEqual([]);
  });

  it("reads a segment in bounded pieces and removes it only after its last record is committed", async () => {
    const spool = new AccountingSpool(dir, { readBytes: 300 });
    await spool.init();
    await spool.append(Array.from({ length: 25 }, (_, i) => record(i)));
    const seen: string[] = [];
    for (let chunk = await spool.next(10); chunk; chunk = await spool.next(10)) {
      expect(segments()).toHaveLength(1);
      seen.push(...chunk.records.map((r) => r.acctSessionId));
      await chunk.commit();
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `s-${i}`));
    expect(segments()).toEqual([]);
  });

  it("keeps the replay position on disk: a restart does not hand out committed records again", async () => {
    const spool = new AccountingSpool(dir);
    await spool.init();
    await spool.append(Array.from({ length: 10 }, (_, i) => record(i)));
    const first = await spool.next(4);
    await first!.commit();
    const uncommitted = await spool.next(4);
    expect(uncommitted!.records.map((r) => r.acctSessionId)).toEqual(["s-4", "s-5", "s-6", "s-7"]);
    await spool.close(); // the worker stops before this chunk is stored

    const again = new AccountingSpool(dir);
    await again.init();
    expect((await drain(again)).map((r) => r.acctSessionId)).toEqual(["s-4", "s-5", "s-6", "s-7", "s-8", "s-9"]);
  });

  it("keeps a segment whose read fails, logs it at error level with its path, counts it, and replays the others", async () => {
    const { errors, counted, opts } = spy();
    const spool = new AccountingSpool(dir, { ...opts, maxSegmentBytes: 1 });
    await spool.init();
    await spool.append([record(1)]);
    await spool.append([record(2)]);
    await spool.close();
    const [bad, good] = segments().map((f) => path.join(dir, f));

    const failing = new AccountingSpool(dir, opts);
    await failing.init();
    const eio = () => Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    const realOpen = fs.promises.open;
    const realReadFile = fs.promises.readFile;
    vi.spyOn(fs.promises, "open").mockImplementation(((p: fs.PathLike, ...rest: unknown[]) =>
      String(p) === bad ? Promise.reject(eio()) : (realOpen as (...a: unknown[]) => unknown)(p, ...rest)) as typeof fs.promises.open);
    vi.spyOn(fs.promises, "readFile").mockImplementation(((p: fs.PathLike, ...rest: unknown[]) =>
      String(p) === bad ? Promise.reject(eio()) : (realReadFile as (...a: unknown[]) => unknown)(p, ...rest)) as typeof fs.promises.readFile);

    expect((await drain(failing)).map((r) => r.acctSessionId)).toEqual(["s-2"]);
    expect(fs.existsSync(bad)).toBe(true);
    expect(fs.existsSync(good)).toBe(false);
    expect(counted).toEqual([bad]);
    expect(errors).toHaveLength(1);
    expect(errors[0].obj.file).toBe(bad);
    expect(failing.unreadableFiles).toEqual([bad]);
    expect(failing.hasData).toBe(false);
  });

  it("keeps a segment too large to read as one string (one long outage): the records before the damage replay, the file stays", async () => {
    const { errors, counted, opts } = spy();
    const file = path.join(dir, "acct-000000000001.jsonl");
    fs.writeFileSync(file, [record(1), record(2), record(3)].map((r) => JSON.stringify(r) + "\n").join(""));
    // Sparse: 2.5 GiB on paper (more than readFile or a string can hold), nothing on disk.
    fs.truncateSync(file, 2.5 * 1024 ** 3);
    const spool = new AccountingSpool(dir, opts);
    await spool.init();
    expect((await drain(spool)).map((r) => r.acctSessionId)).toEqual(["s-1", "s-2", "s-3"]);
    expect(fs.existsSync(file)).toBe(true);
    expect(counted).toEqual([file]);
    expect(errors[0].obj.file).toBe(file);

    // A restart replays nothing twice: the position past the stored records was kept.
    const again = new AccountingSpool(dir, opts);
    await again.init();
    expect(await drain(again)).toEqual([]);
    expect(fs.existsSync(file)).toBe(true);
  });

  it("sets a damaged line aside durably instead of losing it silently", async () => {
    const { counted, opts } = spy();
    const file = path.join(dir, "acct-000000000001.jsonl");
    fs.writeFileSync(file, `${JSON.stringify(record(1))}\n{"not json\n${JSON.stringify(record(2))}\n`);
    const spool = new AccountingSpool(dir, opts);
    await spool.init();
    expect((await drain(spool)).map((r) => r.acctSessionId)).toEqual(["s-1", "s-2"]);
    expect(fs.readFileSync(path.join(dir, "unreadable.jsonl"), "utf8")).toBe('{"not json\n');
    expect(counted).toEqual([file]);
    expect(fs.existsSync(file)).toBe(false);
  });
});
