// The worker must survive the database going away: it reports not-ready, retries with backoff
// instead of crashing, and recovers by itself when the database returns.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { findFreePort } from "@/lib/testing/ports";
import { createDatabaseService } from "./database";
import { startWhenReady } from "./service";
import { createHealthServer } from "./health";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-worker-db-"));
fs.chmodSync(dir, 0o755);
let pg: RunningPostgres | undefined;
afterAll(async () => {
  await pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function waitFor(cond: () => boolean, ms = 20_000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("worker database service", () => {
  it("reports the outage on its health endpoint and recovers when PostgreSQL returns", async () => {
    const password = crypto.randomBytes(8).toString("hex");
    const port = await findFreePort();
    pg = await startEmbeddedPostgres({ dataDir: dir, port, password });
    const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
    const log = pino({ level: "silent" });
    const db = createDatabaseService(url, log, { checkIntervalMs: 200 });
    const health = createHealthServer(0, "127.0.0.1", [{ name: "database", check: () => ({ ok: db.healthy, detail: db.lastError ?? undefined }) }]);
    await health.start();
    await db.start();
    await db.ready; // migrations applied, then checked
    const ready = () => fetch(`http://127.0.0.1:${health.port()}/health/ready`).then(async (r) => ({ status: r.status, body: await r.json() }));
    try {
      expect(db.healthy).toBe(true);
      expect((await ready()).status).toBe(200);

      await pg.stop();
      await waitFor(() => !db.healthy);
      const down = await ready();
      expect(down.status).toBe(503);
      expect(down.body.checks.database.ok).toBe(false);
      expect(down.body.checks.database.detail).toBeTruthy();
      expect((await fetch(`http://127.0.0.1:${health.port()}/health/live`)).status).toBe(200);

      pg = await startEmbeddedPostgres({ dataDir: dir, port, password });
      await waitFor(() => db.healthy);
      expect((await ready()).status).toBe(200);
    } finally {
      await db.stop();
      await health.stop();
    }
  });

  it("starts without waiting for a database that is down; the services that need it start when it returns", async () => {
    const password = crypto.randomBytes(8).toString("hex");
    const port = await findFreePort();
    const log = pino({ level: "silent" });
    const db = createDatabaseService(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`, log, { checkIntervalMs: 200, retryMaxMs: 500 });
    const started: string[] = [];
    const jobs = { name: "jobs", start: async () => void started.push("jobs"), stop: async () => void started.push("jobs stopped") };
    const later = startWhenReady("after-database", db.ready, [jobs], log, (e) => {
      throw e;
    });
    try {
      const t0 = Date.now();
      await db.start(); // nothing listens on that port yet
      await later.start();
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(db.healthy).toBe(false);
      await new Promise((r) => setTimeout(r, 1500));
      expect(started).toEqual([]);

      const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), "isp-worker-db-late-"));
      fs.chmodSync(dir2, 0o755);
      const late = await startEmbeddedPostgres({ dataDir: dir2, port, password });
      try {
        await db.ready;
        expect(db.healthy).toBe(true);
        await waitFor(() => later.running);
        expect(started).toEqual(["jobs"]);
        await later.stop();
        expect(started).toEqual(["jobs", "jobs stopped"]);
      } finally {
        await late.stop();
        fs.rmSync(dir2, { recursive: true, force: true });
      }
    } finally {
      await db.stop();
    }
  }, 90_000);
});
