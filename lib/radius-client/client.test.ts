import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FakeRouter } from "@/lib/testing/fake-router";
import dgram from "node:dgram";
import { encodeRequest, RadiusCode } from "@/lib/radius";
import { DynamicAuthClient } from "./client";
import { sessionIdentification } from "./identification";

const secret = "fake-router-shared-secret-0001";
let router: FakeRouter;
let client: DynamicAuthClient;
const target = () => ({ host: "127.0.0.1", port: router.port, secret });

beforeAll(async () => {
  router = new FakeRouter({ secret });
  await router.start();
  client = new DynamicAuthClient({ timeoutMs: 150, tries: 3 });
});
afterAll(async () => {
  await client.close();
  await router.stop();
});
afterEach(() => {
  router.received.length = 0;
  router.dropNext = 0;
  router.corruptReplies = false;
  router.forceNak = undefined;
});

const ident = (acctSessionId: string, extra: { framedIp?: string } = {}) =>
  sessionIdentification({ username: "alice", acctSessionId, framedIp: extra.framedIp, nasIp: "127.0.0.1" });

describe("DynamicAuthClient against a router stand-in", () => {
  it("disconnects a session: the router accepts our signature, MA and Event-Timestamp and ACKs", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000001", framedIp: "10.5.0.2" });
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("81000001", { framedIp: "10.5.0.2" }) });
    expect(r).toMatchObject({ outcome: "ACK", replyCode: RadiusCode.DisconnectAck, attempts: 1 });
    expect(router.sessions.has("alice\u000081000001")).toBe(false);
    const [p] = router.accepted;
    expect(p.getString("User-Name")).toBe("alice");
    expect(p.getString("Acct-Session-Id")).toBe("81000001");
    expect(p.getIp("Framed-IP-Address")).toBe("10.5.0.2");
    expect(p.getIp("NAS-IP-Address")).toBe("127.0.0.1");
    expect(p.has("Message-Authenticator")).toBe(true);
    expect(Math.abs(p.getDate("Event-Timestamp")!.getTime() - Date.now())).toBeLessThan(5000);
  });

  it("is also accepted without a Message-Authenticator", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000009" });
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("81000009"), messageAuthenticator: false });
    expect(r.outcome).toBe("ACK");
    expect(router.accepted[0].has("Message-Authenticator")).toBe(false);
  });

  it("reports a NAK with the Error-Cause name when the session is unknown", async () => {
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("no-such") });
    expect(r).toMatchObject({ outcome: "NAK", replyCode: RadiusCode.DisconnectNak, errorCause: 503, errorCauseName: "Session-Context-Not-Found" });
  });

  it("changes the rate by CoA without a disconnect", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000002" });
    const r = await client.send(target(), {
      code: RadiusCode.CoaRequest,
      attributes: [...ident("81000002"), ["Mikrotik-Rate-Limit", "512k/1M"]],
    });
    expect(r.outcome).toBe("ACK");
    expect(router.sessions.get("alice\u000081000002")?.rateLimit).toBe("512k/1M");
  });

  it("retransmits the identical packet (same id and Event-Timestamp) when the router drops it", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000003" });
    router.dropNext = 2;
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("81000003") });
    expect(r).toMatchObject({ outcome: "ACK", attempts: 3 });
    expect(router.received).toHaveLength(3);
    const raws = router.received.map((x) => x.packet.raw.toString("hex"));
    expect(new Set(raws).size).toBe(1);
  });

  it("times out after the configured tries", async () => {
    router.dropNext = 10;
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("81000004") });
    expect(r).toMatchObject({ outcome: "TIMEOUT", attempts: 3 });
    expect(client.outstanding("127.0.0.1")).toEqual([]);
  });

  it("ignores replies with a wrong authenticator (and times out)", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000005" });
    router.corruptReplies = true;
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident("81000005") });
    expect(r.outcome).toBe("TIMEOUT");
    expect(r.invalidReplies).toBeGreaterThanOrEqual(1);
  });

  it("is discarded by the router when signed with the wrong secret", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000006" });
    const r = await client.send({ ...target(), secret: "a-different-secret-xx" }, { code: RadiusCode.DisconnectRequest, attributes: ident("81000006") });
    expect(r.outcome).toBe("TIMEOUT");
    expect(router.received.every((x) => x.discarded === "bad_authenticator")).toBe(true);
  });

  it("never reuses an Identifier while requests are outstanding", async () => {
    const busy = new DynamicAuthClient({ timeoutMs: 3000, tries: 2 });
    for (let i = 0; i < 300; i++) router.addSession({ username: "alice", acctSessionId: `bulk-${i}` });
    let peak = 0;
    const probe = setInterval(() => (peak = Math.max(peak, busy.outstanding("127.0.0.1").length)), 1);
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => busy.send(target(), { code: RadiusCode.DisconnectRequest, attributes: ident(`bulk-${i}`) })),
    );
    clearInterval(probe);
    await busy.close();
    // Had an id been reused in flight, one reply would have settled the wrong request and the other timed out.
    expect(results.map((r) => r.outcome)).toEqual(Array(300).fill("ACK"));
    expect([...router.sessions.keys()].filter((k) => k.includes("bulk-"))).toEqual([]);
    expect(new Set(results.slice(0, 256).map((r) => r.identifier)).size).toBe(256);
    expect(peak).toBeLessThanOrEqual(256);
  });

  it("the stand-in refuses a replayed request (Event-Timestamp outside its window) and a Disconnect carrying authorization", async () => {
    router.addSession({ username: "alice", acctSessionId: "81000007" });
    const old = encodeRequest({
      code: RadiusCode.DisconnectRequest,
      identifier: 7,
      secret,
      attributes: [...ident("81000007"), ["Event-Timestamp", new Date(Date.now() - 600_000)]],
      messageAuthenticator: true,
    });
    const sock = dgram.createSocket("udp4");
    await new Promise<void>((r) => sock.send(old, router.port, "127.0.0.1", () => r()));
    await new Promise((r) => setTimeout(r, 100));
    sock.close();
    expect(router.received.at(-1)?.discarded).toBe("stale_timestamp");
    const r = await client.send(target(), { code: RadiusCode.DisconnectRequest, attributes: [...ident("81000007"), ["Mikrotik-Rate-Limit", "1M/1M"]] });
    expect(r).toMatchObject({ outcome: "NAK", errorCauseName: "Unsupported-Attribute" });
  });
});
