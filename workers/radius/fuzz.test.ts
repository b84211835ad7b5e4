// Server-level fuzz: 100,000+ random, truncated and bit-flipped datagrams at the running server, with
// valid requests interleaved. The process must survive, never accept anything malformed, keep answering
// the valid ones, and store nothing from the junk.
import dgram from "node:dgram";
import crypto from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { RadiusCode, decodePacket, encodeAccessRequest, encodeAccountingRequest } from "@/lib/radius";
import { addCustomer, seedFixture, startRadius, TEST_SECRET } from "./test-support";

let t: TestDatabase;
let srv: Awaited<ReturnType<typeof startRadius>>;

beforeAll(async () => {
  t = await createTestDatabase();
  const f = await seedFixture(t.db);
  await addCustomer(t.db, f, { username: "alice", password: "alice-pass-1" });
  srv = await startRadius(t.db, t.url);
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

function mutate(base: Buffer): Buffer {
  const out = mutateOnce(base);
  // A mutation that changed nothing (a byte replaced by itself) is not malformed: break the code instead.
  if (out.equals(base)) out[0] = 0;
  return out;
}

function mutateOnce(base: Buffer): Buffer {
  const b = Buffer.from(base);
  const r = Math.random();
  if (r < 0.3) {
    // Flip a few bits anywhere (header, length, attributes, authenticators).
    for (let i = 0; i < 1 + Math.floor(Math.random() * 4); i++) b[Math.floor(Math.random() * b.length)] ^= 1 << Math.floor(Math.random() * 8);
    return b;
  }
  if (r < 0.5) return b.subarray(0, Math.floor(Math.random() * b.length)); // truncated
  if (r < 0.65) {
    // Corrupt an attribute length byte.
    const at = 20 + Math.floor(Math.random() * Math.max(1, b.length - 21));
    b[at] = Math.floor(Math.random() * 256);
    return b;
  }
  if (r < 0.75) {
    b.writeUInt16BE(Math.floor(Math.random() * 5000), 2); // lie about the length
    return b;
  }
  // An attribute that runs past the end of the packet (Length covers it, the TLV does not fit).
  const tail = Buffer.from([1 + Math.floor(Math.random() * 254), 10 + Math.floor(Math.random() * 200), 0x41]);
  const out = Buffer.concat([b, tail]);
  out.writeUInt16BE(out.length, 2);
  return out;
}

it("survives 100,000+ malformed datagrams, accepts none of them, and keeps serving valid requests", async () => {
  const fuzz = dgram.createSocket({ type: "udp4", recvBufferSize: 4 << 20 });
  const good = dgram.createSocket("udp4");
  const fuzzReplies: number[] = [];
  const goodReplies = new Map<number, number>();
  fuzz.on("message", (m) => fuzzReplies.push(m[0]));
  good.on("message", (m) => goodReplies.set(m[1], decodePacket(m).code));
  await Promise.all([fuzz, good].map((s) => new Promise<void>((r) => s.bind(0, "127.0.0.1", () => r()))));

  // Bases a mutation could turn into something parseable: a wrong password (never an Accept) and accounting.
  const wrongPassword = () =>
    encodeAccessRequest({ identifier: Math.floor(Math.random() * 256), secret: TEST_SECRET, attributes: [["User-Name", "alice"]], password: "wrong-password", messageAuthenticator: Math.random() < 0.5 });
  const accounting = () =>
    encodeAccountingRequest({
      identifier: Math.floor(Math.random() * 256),
      secret: TEST_SECRET,
      attributes: [["User-Name", "fuzz-acct"], ["Acct-Status-Type", "Start"], ["Acct-Session-Id", `fz-${Math.random()}`]],
    });

  const TOTAL = 100_000;
  const goodPackets: Buffer[] = [];
  let goodSent = 0;
  for (let i = 0; i < TOTAL; i++) {
    const r = Math.random();
    const packet = r < 0.3 ? crypto.randomBytes(Math.floor(Math.random() * 200)) : r < 0.8 ? mutate(wrongPassword()) : mutate(accounting());
    const port = r >= 0.8 || Math.random() < 0.2 ? srv.acct : srv.auth;
    fuzz.send(packet, port, "127.0.0.1");
    if (i % 2000 === 0) {
      const packet = encodeAccessRequest({ identifier: goodSent % 256, secret: TEST_SECRET, attributes: [["User-Name", "alice"]], password: "alice-pass-1" });
      goodPackets.push(packet);
      good.send(packet, srv.auth, "127.0.0.1");
      goodSent++;
    }
    if (i % 100 === 0) await new Promise((r) => setTimeout(r, 1));
  }
  const deadline = Date.now() + 15_000;
  // Like a router, retransmit unanswered valid requests (the flood may have overflowed the socket buffer).
  while (goodReplies.size < goodSent && Date.now() < deadline) {
    for (const p of goodPackets) if (!goodReplies.has(p[1])) good.send(p, srv.auth, "127.0.0.1");
    await new Promise((r) => setTimeout(r, 500));
  }
  if (goodReplies.size < goodSent) console.log(JSON.stringify(srv.runtime.metrics.snapshot().totals), goodReplies.size);

  expect(fuzzReplies.filter((c) => c === RadiusCode.AccessAccept)).toHaveLength(0);
  expect(goodReplies.size).toBe(goodSent);
  expect([...goodReplies.values()].every((c) => c === RadiusCode.AccessAccept)).toBe(true);
  const snap = srv.runtime.metrics.snapshot();
  expect(Object.values(snap.totals.drops).reduce((a, b) => a + b, 0)).toBeGreaterThan(TOTAL / 2);
  // Junk accounting stored nothing.
  const stored = await t.db.execute(sql`select 1 from sessions where acct_session_id like 'fz-%'`);
  expect(stored.length).toBe(0);
  fuzz.close();
  good.close();
}, 180_000);
