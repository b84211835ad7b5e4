// The RADIUS server against real peers (radtest/radclient from freeradius-utils) and a real PostgreSQL:
// every test asserts the reply on the wire AND what landed in the database.
import dgram from "node:dgram";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import {
  RadiusCode,
  decodePacket,
  encodeAccessRequest,
  generateAuthenticatorResponse,
  generateMschapV2Response,
  ntPasswordHash,
} from "@/lib/radius";
import { notifyRoutersChanged } from "@/lib/services/radius/notify-routers-changed";
import { addCustomer, radclient, radtest, requireFreeradiusUtils, seedFixture, startRadius, TEST_SECRET, waitFor, type Fixture } from "./test-support";
import type { RadiusRuntime } from "./index";

let t: TestDatabase;
let f: Fixture;
let srv: Awaited<ReturnType<typeof startRadius>>;
let rt: RadiusRuntime;
const ids: Record<string, string> = {};

beforeAll(async () => {
  requireFreeradiusUtils();
  t = await createTestDatabase();
  f = await seedFixture(t.db);
  ids.alice = await addCustomer(t.db, f, { username: "alice", password: "alice-pass-1" });
  ids.bob = await addCustomer(t.db, f, { username: "bob", password: "bob-pass-1", staticIp: "10.9.0.5" });
  ids.expired = await addCustomer(t.db, f, { username: "old", password: "old-pass-1", expiresAt: new Date(Date.now() - 60_000) });
  ids.suspended = await addCustomer(t.db, f, { username: "susp", password: "susp-pass-1", status: "SUSPENDED" });
  ids.hot = await addCustomer(t.db, f, { username: "hot", password: "hot-pass-1", type: "HOTSPOT", packageId: f.hotspotPackageId });
  ids.bound = await addCustomer(t.db, f, { username: "bound", password: "bound-pass-1", macAddress: "AA:BB:CC:00:11:22" });
  ids.mac = await addCustomer(t.db, f, {
    username: "mac-user",
    password: "mac-pass-1",
    type: "HOTSPOT",
    packageId: f.hotspotPackageId,
    macAddress: "AA:BB:CC:DD:EE:01",
  });
  ids.quota = await addCustomer(t.db, f, { username: "quota", password: "quota-pass-1", type: "HOTSPOT", packageId: f.hotspotPackageId });
  await t.db.execute(sql`insert into vouchers (tenant_id, package_id, code) values (${f.tenantId}, ${f.hotspotPackageId}, 'VOUCH-1234')`);
  srv = await startRadius(t.db, t.url, { routerReloadMs: 60_000 });
  rt = srv.runtime;
});

afterAll(async () => {
  await srv?.stop();
  await t?.drop();
});

async function logRows(username: string) {
  await rt.logWriter.flush();
  return t.db.execute<{ outcome: string; reason: string | null; kind: string; detail: unknown }>(
    sql`select outcome, reason, kind, detail from radius_log where tenant_id = ${f.tenantId} and username = ${username} order by created_at`,
  );
}

describe("authentication", () => {
  it("accepts PAP with the package's reply attributes, MA first, and logs the outcome without the password", async () => {
    const r = await radtest(srv.auth, "alice", "alice-pass-1", "pap");
    expect(r.reply, r.stdout + r.stderr).toBe("Access-Accept");
    expect(r.attributes["Mikrotik-Rate-Limit"]).toEqual(["5M/10M 8M/15M 4M/8M 16/16 5"]);
    expect(r.attributes["Mikrotik-Address-List"]).toEqual(["pppoe-users"]);
    expect(r.attributes["Idle-Timeout"]).toEqual(["300"]);
    expect(r.attributes["Acct-Interim-Interval"]).toEqual(["300"]);
    expect(Number(r.attributes["Session-Timeout"][0])).toBeGreaterThan(29 * 86_400);
    expect(Number(r.attributes["Session-Timeout"][0])).toBeLessThanOrEqual(30 * 86_400);
    expect(r.attributes["Class"][0]).toBe(`0x${Buffer.from(`isp:c:${ids.alice}`).toString("hex")}`);
    const rows = await logRows("alice");
    expect(rows.map((x) => x.outcome)).toEqual(["ACCEPT"]);
    expect(JSON.stringify(rows)).not.toContain("alice-pass-1");
  });

  it("rejects a wrong PAP password with a Reply-Message and logs the reason", async () => {
    const r = await radtest(srv.auth, "alice", "not-the-password", "pap");
    expect(r.reply).toBe("Access-Reject");
    expect(r.attributes["Reply-Message"]).toEqual(["Unknown user or wrong password"]);
    const rows = await logRows("alice");
    expect(rows.at(-1)).toMatchObject({ outcome: "REJECT", reason: "wrong_password" });
  });

  it("accepts CHAP and MS-CHAP (v1, as radtest sends it) and sends a static IP", async () => {
    const chap = await radtest(srv.auth, "bob", "bob-pass-1", "chap");
    expect(chap.reply, chap.stdout).toBe("Access-Accept");
    expect(chap.attributes["Framed-IP-Address"]).toEqual(["10.9.0.5"]);
    const mschap = await radtest(srv.auth, "bob", "bob-pass-1", "mschap");
    expect(mschap.reply, mschap.stdout).toBe("Access-Accept");
    const bad = await radtest(srv.auth, "bob", "wrong-pass", "mschap");
    expect(bad.reply).toBe("Access-Reject");
  });

  it("accepts MS-CHAPv2 with MS-CHAP2-Success and MPPE keys", async () => {
    const challenge = crypto.randomBytes(16);
    const peer = crypto.randomBytes(16);
    const response = generateMschapV2Response({ password: "alice-pass-1", username: "alice", authenticatorChallenge: challenge, peerChallenge: peer, ident: 7 });
    const input = [
      'User-Name = "alice"',
      `MS-CHAP-Challenge = 0x${challenge.toString("hex")}`,
      `MS-CHAP2-Response = 0x${response.toString("hex")}`,
      "Framed-Protocol = PPP",
      "Service-Type = Framed-User",
      "Message-Authenticator = 0x00",
    ].join("\n");
    const r = await radclient(srv.auth, "auth", input);
    expect(r.reply, r.stdout).toBe("Access-Accept");
    const expected = generateAuthenticatorResponse({
      passwordHash: ntPasswordHash("alice-pass-1"),
      ntResponse: response.subarray(26, 50),
      peerChallenge: peer,
      authenticatorChallenge: challenge,
      username: "alice",
    });
    expect(r.attributes["MS-CHAP2-Success"][0]).toBe(`0x07${Buffer.from(expected).toString("hex")}`);
    expect(r.attributes["MS-MPPE-Send-Key"]).toHaveLength(1);
    expect(r.attributes["MS-MPPE-Recv-Key"]).toHaveLength(1);
  });

  it("rejects expired and suspended customers, or restricts them when the tenant enables it", async () => {
    expect((await radtest(srv.auth, "old", "old-pass-1")).attributes["Reply-Message"]).toEqual(["Subscription expired"]);
    expect((await radtest(srv.auth, "susp", "susp-pass-1")).attributes["Reply-Message"]).toEqual(["Account suspended"]);
    await t.db.execute(sql`insert into settings (tenant_id, key, value) values (${f.tenantId}, 'radius.restricted_mode',
      ${JSON.stringify({ enabled: true, addressList: "unpaid", rateLimit: "128k/128k" })}::jsonb)`);
    // A second handler sees the setting at once (the running one caches settings for 10 s).
    const fresh = await startRadius(t.db, t.url);
    try {
      // Same router address: the fresh server answers from its own port.
      const r = await radtest(fresh.auth, "old", "old-pass-1");
      expect(r.reply).toBe("Access-Accept");
      expect(r.attributes["Mikrotik-Address-List"]).toEqual(["unpaid"]);
      expect(r.attributes["Mikrotik-Rate-Limit"]).toEqual(["128k/128k"]);
    } finally {
      await fresh.stop();
      await t.db.execute(sql`delete from settings where tenant_id = ${f.tenantId}`);
    }
  });

  it("refuses a PPPoE login to a hotspot package and enforces MAC binding", async () => {
    const ppp = await radclient(srv.auth, "auth", 'User-Name = "hot"\nUser-Password = "hot-pass-1"\nFramed-Protocol = PPP\nService-Type = Framed-User');
    expect(ppp.attributes["Reply-Message"]).toEqual(["Package does not allow this connection type"]);
    const wrongMac = await radclient(srv.auth, "auth", 'User-Name = "bound"\nUser-Password = "bound-pass-1"\nCalling-Station-Id = "AA:BB:CC:00:11:99"');
    expect(wrongMac.attributes["Reply-Message"]).toEqual(["Device not allowed for this account"]);
    const rightMac = await radclient(srv.auth, "auth", 'User-Name = "bound"\nUser-Password = "bound-pass-1"\nCalling-Station-Id = "AA:BB:CC:00:11:22"');
    expect(rightMac.reply).toBe("Access-Accept");
  });

  it("logs in hotspot users by voucher (activating and binding it) and by MAC address", async () => {
    const v = await radclient(
      srv.auth,
      "auth",
      'User-Name = "VOUCH-1234"\nUser-Password = "VOUCH-1234"\nService-Type = Login-User\nCalling-Station-Id = "02:00:00:00:00:07"',
    );
    expect(v.reply, v.stdout).toBe("Access-Accept");
    const [row] = await t.db.execute<{ status: string; used_at: Date | null; expires_at: Date | null; mac_address: string | null }>(
      sql`select status, used_at, expires_at, mac_address from vouchers where tenant_id = ${f.tenantId} and code = 'VOUCH-1234'`,
    );
    expect(row.status).toBe("USED");
    expect(row.mac_address).toBe("02:00:00:00:00:07");
    expect(new Date(row.expires_at!).getTime() - new Date(row.used_at!).getTime()).toBeGreaterThan(86_399_000);
    const other = await radclient(srv.auth, "auth", 'User-Name = "VOUCH-1234"\nUser-Password = "VOUCH-1234"\nCalling-Station-Id = "02:00:00:00:00:08"');
    expect(other.attributes["Reply-Message"]).toEqual(["Device not allowed for this account"]);

    const mac = await radclient(srv.auth, "auth", 'User-Name = "aa:bb:cc:dd:ee:01"\nUser-Password = ""\nCalling-Station-Id = "AA:BB:CC:DD:EE:01"');
    expect(mac.reply, mac.stdout).toBe("Access-Accept");
    expect(mac.attributes["Class"][0]).toBe(`0x${Buffer.from(`isp:c:${ids.mac}`).toString("hex")}`);
  });

  it("answers Status-Server on both ports", async () => {
    const a = await radclient(srv.auth, "status", "Message-Authenticator = 0x00");
    expect(a.reply).toBe("Access-Accept");
    const b = await radclient(srv.acct, "status", "Message-Authenticator = 0x00");
    expect(b.reply).toBe("Accounting-Response");
  });

  it("drops a packet signed with the wrong secret, counts it and logs why", async () => {
    const r = await radclient(srv.auth, "auth", 'User-Name = "alice"\nUser-Password = "alice-pass-1"\nMessage-Authenticator = 0x00', "not-the-secret-00");
    expect(r.reply).toBeNull();
    const snap = rt.metrics.snapshot();
    expect(snap.totals.drops.bad_message_authenticator).toBeGreaterThanOrEqual(1);
    const rows = await logRows("alice");
    expect(rows.at(-1)).toMatchObject({ outcome: "DROP", reason: "bad_message_authenticator" });
  });

  it("marks the router seen on verified packets only (routers.last_seen_at, which 'routers online' reads)", async () => {
    const seen = async () => {
      const [row] = await t.db.execute<{ last_seen_at: string | null }>(sql`select last_seen_at::text from nas where id = ${f.routerId}`);
      return row.last_seen_at ? new Date(row.last_seen_at) : null;
    };
    await rt.routerSeen.flush();
    await t.db.execute(sql`update nas set last_seen_at = null where id = ${f.routerId}`);
    // A packet with the wrong secret is not the router talking.
    await radclient(srv.auth, "auth", 'User-Name = "alice"\nUser-Password = "alice-pass-1"\nMessage-Authenticator = 0x00', "not-the-secret-00");
    await rt.routerSeen.flush();
    expect(await seen()).toBeNull();
    const before = Date.now();
    expect((await radtest(srv.auth, "alice", "alice-pass-1")).reply).toBe("Access-Accept");
    await rt.routerSeen.flush();
    const at = await seen();
    expect(at).not.toBeNull();
    expect(at!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // A note never moves the time back.
    await t.db.execute(sql`update nas set last_seen_at = now() + interval '1 hour' where id = ${f.routerId}`);
    await radclient(srv.auth, "status", "Message-Authenticator = 0x00");
    await rt.routerSeen.flush();
    expect((await seen())!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
  });

  it("drops requests without Message-Authenticator once the router requires it (reloaded on NOTIFY)", async () => {
    await t.db.execute(sql`update nas set require_message_authenticator = true where id = ${f.routerId}`);
    await notifyRoutersChanged(t.db, { tenantId: f.tenantId, routerId: f.routerId });
    await waitFor(async () => rt.registry.get("127.0.0.1")?.requireMessageAuthenticator === true, 5000, "registry reload");
    const without = await radclient(srv.auth, "auth", 'User-Name = "alice"\nUser-Password = "alice-pass-1"');
    expect(without.reply).toBeNull();
    expect(rt.metrics.snapshot().totals.drops.missing_message_authenticator).toBeGreaterThanOrEqual(1);
    const withMa = await radtest(srv.auth, "alice", "alice-pass-1");
    expect(withMa.reply).toBe("Access-Accept");
    await t.db.execute(sql`update nas set require_message_authenticator = false where id = ${f.routerId}`);
    await notifyRoutersChanged(t.db, { tenantId: f.tenantId, routerId: f.routerId });
    await waitFor(async () => rt.registry.get("127.0.0.1")?.requireMessageAuthenticator === false, 5000, "registry reload");
  });

  it("answers a retransmission (same id and authenticator) from the cache without processing it twice", async () => {
    const packet = encodeAccessRequest({ identifier: 42, secret: TEST_SECRET, attributes: [["User-Name", "alice"]], password: "alice-pass-1" });
    const socket = dgram.createSocket("udp4");
    const replies: Buffer[] = [];
    socket.on("message", (m) => replies.push(m));
    await new Promise<void>((r) => socket.bind(0, "127.0.0.1", () => r()));
    const before = (await logRows("alice")).length;
    const dupBefore = rt.metrics.snapshot().totals.duplicates;
    socket.send(packet, srv.auth, "127.0.0.1");
    await waitFor(async () => replies.length === 1, 3000, "first reply");
    socket.send(packet, srv.auth, "127.0.0.1");
    await waitFor(async () => replies.length === 2, 3000, "second reply");
    socket.close();
    expect(replies[1].equals(replies[0])).toBe(true);
    expect(decodePacket(replies[0]).code).toBe(RadiusCode.AccessAccept);
    expect(rt.metrics.snapshot().totals.duplicates).toBe(dupBefore + 1);
    expect((await logRows("alice")).length).toBe(before + 1);
  });
});

describe("accounting", () => {
  const acct = (status: string, extra: string[] = []) =>
    ['User-Name = "hot"', `Acct-Status-Type = ${status}`, 'Acct-Session-Id = "81a00001"', 'Framed-IP-Address = 10.5.0.9', `Class = 0x${Buffer.from(`isp:c:${ids.hot}`).toString("hex")}`, ...extra].join("\n");

  it("Start, Interim-Update with gigawords, and Stop: one session row, then history, usage and online state", async () => {
    const start = await radclient(srv.acct, "acct", acct("Start"));
    expect(start.reply, start.stdout).toBe("Accounting-Response");
    const [s1] = await t.db.execute<{ id: string; framed_ip: string }>(
      sql`select id, framed_ip from sessions where tenant_id = ${f.tenantId} and acct_session_id = '81a00001'`,
    );
    expect(s1.framed_ip).toBe("10.5.0.9");
    const [c1] = await t.db.execute<{ online: boolean }>(sql`select online from customers where id = ${ids.hot}`);
    expect(c1.online).toBe(true);

    const interim = acct("Interim-Update", [
      "Acct-Session-Time = 120",
      "Acct-Input-Octets = 5",
      "Acct-Input-Gigawords = 1",
      "Acct-Output-Octets = 100",
      "Acct-Output-Gigawords = 2",
    ]);
    expect((await radclient(srv.acct, "acct", interim)).reply).toBe("Accounting-Response");
    // The same interim again (a router retransmitting with a new id) must not count twice.
    expect((await radclient(srv.acct, "acct", interim)).reply).toBe("Accounting-Response");
    const [s2] = await t.db.execute<{ input_octets: bigint; output_octets: bigint; session_time: number }>(
      sql`select input_octets, output_octets, session_time from sessions where id = ${s1.id}`,
    );
    expect(s2.input_octets).toBe(2n ** 32n + 5n);
    expect(s2.output_octets).toBe(2n * 2n ** 32n + 100n);
    expect(s2.session_time).toBe(120);
    const [c2] = await t.db.execute<{ used_bytes: bigint; used_seconds: bigint }>(sql`select used_bytes, used_seconds from customers where id = ${ids.hot}`);
    expect(c2.used_bytes).toBe(3n * 2n ** 32n + 105n);
    expect(Number(c2.used_seconds)).toBe(120);

    const stop = acct("Stop", [
      "Acct-Session-Time = 180",
      "Acct-Input-Octets = 10",
      "Acct-Input-Gigawords = 1",
      "Acct-Output-Octets = 200",
      "Acct-Output-Gigawords = 2",
      "Acct-Terminate-Cause = User-Request",
    ]);
    expect((await radclient(srv.acct, "acct", stop)).reply).toBe("Accounting-Response");
    expect((await t.db.execute(sql`select 1 from sessions where id = ${s1.id}`)).length).toBe(0);
    const [h] = await t.db.execute<{ terminate_cause: string; input_octets: bigint; session_time: number }>(
      sql`select terminate_cause, input_octets, session_time from session_history where tenant_id = ${f.tenantId} and id = ${s1.id}`,
    );
    expect(h).toMatchObject({ terminate_cause: "User-Request", input_octets: 2n ** 32n + 10n, session_time: 180 });
    const [c3] = await t.db.execute<{ used_bytes: bigint; online: boolean }>(sql`select used_bytes, online from customers where id = ${ids.hot}`);
    expect(c3.used_bytes).toBe(3n * 2n ** 32n + 210n);
    expect(c3.online).toBe(false);
    // A late duplicate Stop does not resurrect the session or count again.
    expect((await radclient(srv.acct, "acct", stop)).reply).toBe("Accounting-Response");
    expect((await t.db.execute(sql`select 1 from session_history where id = ${s1.id}`)).length).toBe(1);
    const [c4] = await t.db.execute<{ used_bytes: bigint }>(sql`select used_bytes from customers where id = ${ids.hot}`);
    expect(c4.used_bytes).toBe(3n * 2n ** 32n + 210n);
  });

  it("flags a used-up quota once and then rejects the customer", async () => {
    const start = ['User-Name = "quota"', "Acct-Status-Type = Interim-Update", 'Acct-Session-Id = "q-1"', "Acct-Input-Gigawords = 6", "Acct-Input-Octets = 1"].join("\n");
    expect((await radclient(srv.acct, "acct", start)).reply).toBe("Accounting-Response");
    const [c] = await t.db.execute<{ quota_exceeded_at: Date | null }>(sql`select quota_exceeded_at from customers where id = ${ids.quota}`);
    expect(c.quota_exceeded_at).not.toBeNull();
    // The enforcement job was committed with the flag (before, it was sent after the commit and could be lost).
    const jobs = await t.db.execute<{ customer_id: string }>(sql`select data->>'customerId' as customer_id from pgboss.job where name = 'sessions.enforce-quota'`);
    expect(jobs.map((j) => j.customer_id)).toEqual([ids.quota]);
    await radclient(srv.acct, "acct", start.replace("Interim-Update", "Stop"));
    const r = await radtest(srv.auth, "quota", "quota-pass-1");
    expect(r.attributes["Reply-Message"]).toEqual(["Data quota used up"]);
  });

  it("Accounting-On closes every open session of the router", async () => {
    for (const id of ["on-1", "on-2"]) {
      expect((await radclient(srv.acct, "acct", `User-Name = "alice"\nAcct-Status-Type = Start\nAcct-Session-Id = "${id}"`)).reply).toBe("Accounting-Response");
    }
    expect((await t.db.execute(sql`select 1 from sessions where nas_id = ${f.routerId}`)).length).toBe(2);
    expect((await radclient(srv.acct, "acct", "Acct-Status-Type = Accounting-On\nNAS-IP-Address = 127.0.0.1")).reply).toBe("Accounting-Response");
    expect((await t.db.execute(sql`select 1 from sessions where nas_id = ${f.routerId}`)).length).toBe(0);
    const closed = await t.db.execute<{ terminate_cause: string }>(
      sql`select terminate_cause from session_history where nas_id = ${f.routerId} and acct_session_id in ('on-1', 'on-2')`,
    );
    expect(closed.map((r) => r.terminate_cause)).toEqual(["NAS-Reboot", "NAS-Reboot"]);
    const [c] = await t.db.execute<{ online: boolean }>(sql`select online from customers where id = ${ids.alice}`);
    expect(c.online).toBe(false);
  });

  it("drops accounting signed with the wrong secret", async () => {
    const r = await radclient(srv.acct, "acct", 'User-Name = "alice"\nAcct-Status-Type = Start\nAcct-Session-Id = "bad-1"', "wrong-secret-000");
    expect(r.reply).toBeNull();
    expect(rt.metrics.snapshot().totals.drops.bad_authenticator).toBeGreaterThanOrEqual(1);
    expect((await t.db.execute(sql`select 1 from sessions where acct_session_id = 'bad-1'`)).length).toBe(0);
  });
});
