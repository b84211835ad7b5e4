import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import pino from "pino";
import postgres from "postgres";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { clearJobs, queuedJobs } from "@/lib/testing/jobs";
import { withTenant } from "@/lib/db/tenant";
import { makeCustomer, makeTenant } from "@/lib/services/customers/test-fixtures";
import { createJobService, handle, type JobService } from "@/workers/jobs/service";
import { disconnectSessionsJob, enforceQuotaJob } from "./catalog";
import { enqueueJob } from "./enqueue";
import { ensureJobQueues, forgetJobQueues, installJobQueues, JOBS_CHANNEL, PGBOSS_SCHEMA } from "./queue";

let t: TestDatabase;
let tenant: string;
let customer: string;

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Jobs");
  customer = (await makeCustomer(t.db, tenant)).id;
});
afterAll(async () => {
  await t.drop();
});
beforeEach(() => clearJobs(t.db));

describe("enqueueJob: inside the caller's transaction", () => {
  it("a rollback sends nothing (the tenant role's transaction, as the web runs it)", async () => {
    await expect(
      withTenant(t.db, tenant, async (tx) => {
        expect(await enqueueJob(tx, enforceQuotaJob, { tenantId: tenant, customerId: customer })).toMatch(/^[0-9a-f-]{36}$/);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await queuedJobs(t.db)).toEqual([]);
  });

  it("a commit sends it, and the runner's wake-up arrives only at the commit", async () => {
    const notes: string[] = [];
    const sub = await t.db.$client.listen(JOBS_CHANNEL, (p) => notes.push(p));
    let seenInside = -1;
    const id = await withTenant(t.db, tenant, async (tx) => {
      const jobId = await enqueueJob(tx, disconnectSessionsJob, { tenantId: tenant, customerId: customer, reason: "test" });
      // Another connection cannot see the job before the commit.
      const [{ n }] = await postgres(t.url, { max: 1 }).begin(async (other) => {
        const r = await other.unsafe(`select count(*)::int as n from ${PGBOSS_SCHEMA}.job where id = $1`, [jobId!]);
        await other.unsafe("select 1");
        return r;
      });
      seenInside = n;
      await new Promise((r) => setTimeout(r, 100));
      expect(notes).toEqual([]);
      return jobId;
    });
    expect(seenInside).toBe(0);
    const jobs = await queuedJobs(t.db);
    expect(jobs).toEqual([expect.objectContaining({ id, name: "sessions.disconnect", state: "created", data: expect.objectContaining({ customerId: customer }) })]);
    for (let i = 0; i < 50 && notes.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(notes).toEqual(["sessions.disconnect"]);
    await sub.unlisten();
  });

  it("refuses a payload that does not match the job's schema before writing anything", async () => {
    await expect(t.db.transaction((tx) => enqueueJob(tx, enforceQuotaJob, { tenantId: tenant, customerId: "nope" }))).rejects.toThrow(/customerId/);
    await expect(t.db.transaction((tx) => enqueueJob(tx, disconnectSessionsJob, { tenantId: tenant }))).rejects.toThrow(/sessionIds, customerId or nasId/);
    expect(await queuedJobs(t.db)).toEqual([]);
  });

  it("no code sends a job outside enqueueJob (a grep over the sources)", () => {
    // Sending needs pg-boss: only the enqueuer, the queue installer and the worker's runner may use it.
    const allowed = [path.join("lib", "jobs", "enqueue.ts"), path.join("lib", "jobs", "queue.ts"), path.join("workers", "jobs", "service.ts")];
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !allowed.some((a) => p.endsWith(a))) {
          if (/from "pg-boss"|\bsendJob\(|\bboss\.send/.test(fs.readFileSync(p, "utf8"))) offenders.push(p);
        }
      }
    };
    for (const d of ["app", "lib", "workers", "components"]) walk(path.resolve(d));
    expect(offenders).toEqual([]);
  });
});

describe("the job queue heals by itself", () => {
  it("one failed install is not remembered: the next attempt installs", async () => {
    forgetJobQueues();
    await expect(ensureJobQueues(t.url, () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    // The old sender cached this rejection for the life of the process; now the next call starts afresh.
    await expect(ensureJobQueues(t.url)).resolves.toBeUndefined();
    forgetJobQueues();
  });

  it("a send on a database whose queue storage is missing fails cleanly (rolled back), and works once it is installed", async () => {
    const db2 = await createTestDatabase();
    try {
      const tn = await makeTenant(db2.db, "Heal");
      const c = (await makeCustomer(db2.db, tn)).id;
      await db2.db.execute(sql.raw(`drop schema ${PGBOSS_SCHEMA} cascade`));
      await expect(withTenant(db2.db, tn, (tx) => enqueueJob(tx, enforceQuotaJob, { tenantId: tn, customerId: c }))).rejects.toMatchObject({ code: "UNAVAILABLE" });
      const admin = postgres(db2.url, { max: 1, onnotice: () => undefined });
      await installJobQueues(admin);
      await admin.end();
      const id = await withTenant(db2.db, tn, (tx) => enqueueJob(tx, enforceQuotaJob, { tenantId: tn, customerId: c }));
      expect(id).toBeTruthy();
    } finally {
      await db2.drop();
    }
  });
});

describe("the worker validates what it takes", () => {
  let jobs: JobService;
  const handled: unknown[] = [];
  beforeAll(async () => {
    jobs = createJobService(t.url, [handle(enforceQuotaJob, async (p) => void handled.push(p))], pino({ level: "silent" }), {
      listen: (channel, onNotify) => t.db.$client.listen(channel, onNotify),
      pollingIntervalSeconds: 1,
    });
    await jobs.start();
  });
  afterAll(() => jobs.stop());

  async function settled(id: string) {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.db.execute<{ state: string; retry_count: number; output: { message?: string } | null }>(
        sql`select state::text as state, retry_count, output from pgboss.job where id = ${id}::uuid`,
      );
      if (row && (row.state === "completed" || row.state === "failed")) return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("job did not settle");
  }

  it("an invalid payload (written past enqueueJob) is refused and failed for good, never handed to the handler", async () => {
    // A raw pg-boss send, as an old or foreign sender could write it.
    const raw = new PgBoss({ db: { executeSql: async (text, values) => ({ rows: await t.db.$client.unsafe(text, values.map((v) => (v !== null && typeof v === "object" ? JSON.stringify(v) : (v ?? null)))) }) }, schema: PGBOSS_SCHEMA });
    const id = (await raw.send(enforceQuotaJob.name, { tenantId: tenant, customerId: 42 }, { retryLimit: 3 }))!;
    const row = await settled(id);
    expect(row.state).toBe("failed");
    expect(row.retry_count).toBe(0);
    expect(row.output?.message).toMatch(/invalid payload: customerId/);
    expect(handled).toEqual([]);
  });

  it("a valid payload reaches the handler as parsed", async () => {
    const id = (await t.db.transaction((tx) => enqueueJob(tx, enforceQuotaJob, { tenantId: tenant, customerId: customer })))!;
    expect((await settled(id)).state).toBe("completed");
    expect(handled).toEqual([{ tenantId: tenant, customerId: customer }]);
  });
});
