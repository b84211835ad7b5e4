import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { EventHub } from "./event-hub";
import { publishEvent } from "./publish-event";
import { liveEventStream } from "./sse";
import type { LiveEvent } from "./types";

let t: TestDatabase;
let hub: EventHub;
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

beforeAll(async () => {
  t = await createTestDatabase();
  hub = new EventHub(t.db.$client);
});
afterAll(async () => {
  await hub.close();
  await t.drop();
});

const waitFor = async (cond: () => boolean, ms = 5000) => {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error("timed out waiting for live events");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("live events", () => {
  it("delivers a NOTIFY to the subscribers of its tenant only", async () => {
    const gotA: LiveEvent[] = [];
    const gotB: LiveEvent[] = [];
    const offA = await hub.subscribe(A, (e) => gotA.push(e));
    const offB = await hub.subscribe(B, (e) => gotB.push(e));
    await publishEvent(t.db, { type: "session.started", tenantId: A, username: "alice" });
    await publishEvent(t.db, { type: "session.stopped", tenantId: B, username: "bob" });
    await waitFor(() => gotA.length === 1 && gotB.length === 1);
    expect(gotA[0]).toMatchObject({ type: "session.started", tenantId: A, username: "alice" });
    expect(gotB[0]).toMatchObject({ type: "session.stopped", tenantId: B, username: "bob" });
    offA();
    offB();
    expect(hub.subscriberCount).toBe(0);
  });

  it("publishes inside a transaction only when it commits", async () => {
    const got: LiveEvent[] = [];
    const off = await hub.subscribe(A, (e) => got.push(e));
    await t.db
      .transaction(async (tx) => {
        await publishEvent(tx, { type: "session.started", tenantId: A, username: "rolled-back" });
        throw new Error("rollback");
      })
      .catch(() => undefined);
    await t.db.transaction((tx) => publishEvent(tx, { type: "session.started", tenantId: A, username: "committed" }));
    await waitFor(() => got.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(got.map((e) => e.username)).toEqual(["committed"]);
    off();
  });

  it("drops malformed payloads and events without a tenant", () => {
    const got: LiveEvent[] = [];
    const before = hub.droppedCount;
    void hub.subscribe(A, (e) => got.push(e)).then((off) => off());
    hub.dispatch("not json");
    hub.dispatch(JSON.stringify({ type: "session.started" }));
    expect(got).toEqual([]);
    expect(hub.droppedCount).toBe(before + 2);
  });

  it("streams the tenant's events as Server-Sent Events and stops on abort", async () => {
    const ctl = new AbortController();
    const res = liveEventStream({ hub, tenantId: A, signal: ctl.signal, heartbeatMs: 60_000 });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let text = "";
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += dec.decode(value);
      }
    };
    await readUntil("event: ready");
    await publishEvent(t.db, { type: "session.stopped", tenantId: B, username: "not-for-a" });
    await publishEvent(t.db, { type: "session.started", tenantId: A, username: "for-a" });
    await readUntil("for-a");
    expect(text).toContain("event: session.started");
    expect(text).not.toContain("not-for-a");
    ctl.abort();
    await readUntil("\u0000never");
    expect(hub.subscriberCount).toBe(0);
  });
});
