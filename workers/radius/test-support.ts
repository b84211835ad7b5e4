// Shared by the RADIUS server tests and the benchmark: a tenant with a router and customers, the RADIUS
// service started on random loopback ports against a given database, and a radclient runner.
import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { delimiter, join } from "node:path";
import crypto from "node:crypto";
import pino from "pino";
import type { Db } from "@/lib/db/client";
import { customers, routers, packages, tenants } from "@/lib/db/schema";
import { sealSecret } from "@/lib/crypto";
import type { WorkerContext } from "../core/context";
import type { DatabaseService } from "../core/database";
import type { Env } from "@/lib/env";
import { createRadiusService, type RadiusRuntime, type RadiusServiceOptions } from "./index";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { closeDb, createDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/testing/ports";
import fs from "node:fs";

export const TEST_SECRET = "radius-test-secret-123";

export function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, program);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function requireFreeradiusUtils() {
  if (!findOnPath("radclient") || !findOnPath("radtest")) {
    throw new Error("radclient/radtest not found: install the Debian package freeradius-utils (apt-get install freeradius-utils)");
  }
}

export interface Fixture {
  tenantId: string;
  routerId: string;
  pppoePackageId: string;
  hotspotPackageId: string;
}

export async function seedFixture(db: Db, opts: { requireMa?: boolean; nasIp?: string } = {}): Promise<Fixture> {
  const [tenant] = await db
    .insert(tenants)
    .values({ name: "Radius Test ISP", slug: `rt-${crypto.randomBytes(4).toString("hex")}`, status: "ACTIVE" })
    .returning({ id: tenants.id });
  const [n] = await db
    .insert(routers)
    .values({
      tenantId: tenant.id,
      name: "test-router",
      ipAddress: opts.nasIp ?? "127.0.0.1",
      secretSealed: sealSecret("nas-secret", TEST_SECRET),
      requireMessageAuthenticator: opts.requireMa ?? false,
    })
    .returning({ id: routers.id });
  const [pppoe, hotspot] = await db
    .insert(packages)
    .values([
      {
        tenantId: tenant.id,
        name: "PPPoE 10M",
        type: "PPPOE",
        price: 100000,
        validityValue: 1,
        validityUnit: "MONTHS",
        downloadKbps: 10000,
        uploadKbps: 5000,
        burstDownloadKbps: 15000,
        burstUploadKbps: 8000,
        burstThresholdDownloadKbps: 8000,
        burstThresholdUploadKbps: 4000,
        burstTimeSeconds: 16,
        priority: 5,
        addressList: "pppoe-users",
        idleTimeoutSeconds: 300,
      },
      {
        tenantId: tenant.id,
        name: "Hotspot day",
        type: "HOTSPOT",
        price: 5000,
        validityValue: 1,
        validityUnit: "DAYS",
        downloadKbps: 4000,
        uploadKbps: 2000,
        dataQuotaBytes: 6n * 2n ** 32n,
        sharedUsers: 1,
      },
    ])
    .returning({ id: packages.id });
  return { tenantId: tenant.id, routerId: n.id, pppoePackageId: pppoe.id, hotspotPackageId: hotspot.id };
}

export async function addCustomer(
  db: Db,
  f: Fixture,
  values: Partial<typeof customers.$inferInsert> & { username: string; password?: string },
): Promise<string> {
  const { password, ...rest } = values;
  const [c] = await db
    .insert(customers)
    .values({
      tenantId: f.tenantId,
      type: "PPPOE",
      name: values.username,
      packageId: f.pppoePackageId,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      ...rest,
      passwordSealed: password === undefined ? null : sealSecret("customer-password", password),
    })
    .returning({ id: customers.id });
  return c.id;
}

const silent = pino({ level: process.env.RADIUS_TEST_LOG ?? "silent" });

export function fakeDatabaseService(db: Db): DatabaseService & { setHealthy(v: boolean): void } {
  let healthy = true;
  const listeners: ((h: boolean) => void)[] = [];
  return {
    name: "database",
    db,
    get healthy() {
      return healthy;
    },
    lastError: null,
    ready: Promise.resolve(),
    onChange: (l) => void listeners.push(l),
    setHealthy(v: boolean) {
      healthy = v;
      for (const l of listeners) l(v);
    },
    start: async () => undefined,
    stop: async () => undefined,
  };
}

export async function startRadius(
  db: Db,
  databaseUrl: string,
  opts: Omit<RadiusServiceOptions, "host" | "authPort" | "acctPort"> & { database?: DatabaseService; dataDir?: string } = {},
): Promise<{ runtime: RadiusRuntime; auth: number; acct: number; stop(): Promise<void> }> {
  const { database, dataDir = mkdtempSync(path.join(os.tmpdir(), "isp-radius-")), ...serviceOpts } = opts;
  const env = { DATA_DIR: dataDir, databaseUrl, RADIUS_HOST: "127.0.0.1", RADIUS_AUTH_PORT: 0, RADIUS_ACCT_PORT: 0 } as unknown as Env;
  const ctx: WorkerContext = { env, db, database: database ?? fakeDatabaseService(db), log: silent };
  const service = createRadiusService(ctx, { ...serviceOpts, authPort: 0, acctPort: 0, host: "127.0.0.1" });
  await service.start();
  const runtime = service.runtime()!;
  const ports = runtime.server.ports();
  return { runtime, auth: ports.auth, acct: ports.acct, stop: () => service.stop() };
}

export interface RadclientResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** "Access-Accept", "Access-Reject", "Accounting-Response" or null when nothing valid came back. */
  reply: string | null;
  attributes: Record<string, string[]>;
}

export function runTool(program: string, args: string[], input = "", timeoutMs = 20_000): Promise<RadclientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { timeout: timeoutMs });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const m = /Received (Access-Accept|Access-Reject|Accounting-Response|Access-Challenge)/.exec(stdout);
      const attributes: Record<string, string[]> = {};
      if (m) {
        const after = stdout.slice(m.index).split("\n").slice(1);
        for (const line of after) {
          const a = /^\s+([A-Za-z0-9-]+) = (.*)$/.exec(line);
          if (!a) {
            if (line.trim() === "" || /^(Sent|Received|\(\d+\))/.test(line.trim())) continue;
            continue;
          }
          (attributes[a[1]] ??= []).push(a[2].replace(/^"|"$/g, ""));
        }
      }
      resolve({ code, stdout, stderr, reply: m ? m[1] : null, attributes });
    });
    child.stdin.end(input);
  });
}

export function radclient(port: number, type: "auth" | "acct" | "status", input: string, secret = TEST_SECRET, extra: string[] = []) {
  return runTool("radclient", ["-x", "-r", "1", "-t", "2", ...extra, `127.0.0.1:${port}`, type, secret], input);
}

export function radtest(port: number, user: string, password: string, method: "pap" | "chap" | "mschap" = "pap", secret = TEST_SECRET) {
  return runTool("radtest", ["-x", "-t", method, user, password, `127.0.0.1:${port}`, "0", secret]);
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 5000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A migrated PostgreSQL of the test's own (embedded, on a free port) that it may stop and start: outages. */
export async function ownPostgres(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  const port = await findFreePort();
  const password = crypto.randomBytes(8).toString("hex");
  let pg: RunningPostgres | null = await startEmbeddedPostgres({ dataDir: dir, port, password });
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  await runMigrations(url);
  const db = createDb(url, { max: 5 });
  return {
    url,
    db,
    async stop() {
      await pg?.stop();
      pg = null;
    },
    async start() {
      pg ??= await startEmbeddedPostgres({ dataDir: dir, port, password });
    },
    async drop() {
      await closeDb(db).catch(() => undefined);
      await pg?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
