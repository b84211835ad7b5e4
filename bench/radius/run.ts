// RADIUS benchmark: 100,000 customers in a fresh embedded PostgreSQL, the worker's RADIUS service in its
// own process (setsid), several real radclient processes (-p 100) over files of ~5,000 requests.
// Prints PAP auth/s and durable Interim-Update/s, server-side p50/p99, worker RSS and UDP receive drops.
// Usage: npm run bench -- radius [--customers=100000] [--procs=4] [--per-file=5000] [--rounds=2] [--parallel=100] [--ma] [--explain] [--phases=auth,acct]
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import postgres from "postgres";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { runMigrations } from "@/lib/db/migrate";
import { findFreePort } from "@/lib/testing/ports";
import { parseKeyring, seal } from "@/lib/crypto/seal";
import { AUTH_SUBJECTS_SQL, findAuthSubjects } from "@/lib/services/radius/find-auth-subjects";
import { pgArray } from "@/lib/services/radius/pg-array";
import { recordAccounting, type AccountingRecord } from "@/lib/services/radius/record-accounting";
import { authRequest, interimRequest, loadOptions, measuredRounds, pickUser, rssMb, TIME } from "./common";

const args = process.argv.slice(2);
const { customers: CUSTOMERS, procs: PROCS, perFile: PER_FILE, rounds: ROUNDS, parallel: PARALLEL, phases: PHASES } = loadOptions(args);
const WITH_MA = args.includes("--ma");
const SECRET = "bench-secret-0123456789";
const KEYS = `bench:${crypto.randomBytes(32).toString("base64")}`;

async function metrics(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics/radius`);
  return (await res.json()) as {
    totals: { requests: number; accepts: number; rejects: number; accountingResponses: number; drops: Record<string, number> };
    authCache?: { size: number; caching: boolean; hits: number; misses: number; loads: number; invalidations: number };
    duplicateCache?: { auth: number; acct: number };
    memoryMb?: Record<string, number>;
    routers: { authLatency: { p50Ms: number; p99Ms: number; meanMs: number }; acctLatency: { p50Ms: number; p99Ms: number; meanMs: number } }[];
  };
}

/** Database time alone (no UDP, no Node handler): the batched lookup and one accounting group commit. */
async function explain(sql: postgres.Sql, tenantId: string) {
  const [routerRow] = await sql`select id from nas where tenant_id = ${tenantId}`;
  for (const n of [1, 100, 500]) {
    const keys = Array.from({ length: n }, () => ({
      tenantId,
      routerId: routerRow.id as string,
      username: `user${String(Math.floor(Math.random() * CUSTOMERS)).padStart(6, "0")}`,
    }));
    const t0 = performance.now();
    const found = await findAuthSubjects(sql, keys);
    const ms = performance.now() - t0;
    console.log(`  lookup of ${n} customers in one query: ${ms.toFixed(1)} ms (${((ms * 1000) / n).toFixed(0)} µs each), found ${found.filter(Boolean).length}`);
  }
  {
    const keys = Array.from({ length: 500 }, () => `user${String(Math.floor(Math.random() * CUSTOMERS)).padStart(6, "0")}`);
    const plan = await sql.unsafe(`explain (analyze, buffers, settings) ${AUTH_SUBJECTS_SQL}`, [
      pgArray(keys.map(() => tenantId)),
      pgArray(keys.map(() => routerRow.id as string)),
      pgArray(keys),
    ]);
    console.log(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
  }
  for (const n of [1, 100, 500]) {
    const records: AccountingRecord[] = Array.from({ length: n }, (_, i) => ({
      tenantId,
      nasId: routerRow.id as string,
      statusType: 3,
      acctSessionId: `x-${n}-${i}`,
      username: `user${String(Math.floor(Math.random() * CUSTOMERS)).padStart(6, "0")}`,
      customerId: null,
      voucherId: null,
      framedIp: null,
      callingStationId: null,
      calledStationId: null,
      nasPortId: null,
      nasPortType: null,
      serviceType: null,
      class: null,
      eventTime: new Date().toISOString(),
      sessionTime: 60,
      inputOctets: "1000",
      outputOctets: "5000",
      inputPackets: 1,
      outputPackets: 1,
      terminateCause: null,
    }));
    const t0 = performance.now();
    await recordAccounting(sql, records);
    const ms = performance.now() - t0;
    console.log(`  accounting group commit of ${n} interims: ${ms.toFixed(1)} ms (${((ms * 1000) / n).toFixed(0)} µs each)`);
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-bench-radius-"));
  fs.chmodSync(dataDir, 0o755);
  const pgPort = await findFreePort();
  const password = crypto.randomBytes(8).toString("hex");
  console.log(`data dir ${dataDir}; starting PostgreSQL on ${pgPort}`);
  const pg = await startEmbeddedPostgres({ dataDir, port: pgPort, password });
  const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/postgres`;
  const tenantUrl = `postgres://isp_tenant_login:${password}@127.0.0.1:${pgPort}/postgres`;
  let server: ChildProcess | undefined;
  try {
    await runMigrations(url, { tenantUrl });
    const sql = postgres(url, { max: 2, onnotice: () => undefined });
    const keyring = parseKeyring(KEYS);
    const [tenant] = await sql`insert into tenants (name, slug, status) values ('Bench ISP', 'bench', 'ACTIVE') returning id`;
    await sql`insert into nas (tenant_id, name, ip_address, secret_sealed, require_message_authenticator)
              values (${tenant.id}, 'bench-router', '127.0.0.1', ${seal(keyring, SECRET, "nas-secret")}, ${WITH_MA})`;
    const [pkg] = await sql`insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps,
                              burst_download_kbps, burst_upload_kbps, burst_threshold_download_kbps, burst_threshold_upload_kbps, burst_time_seconds, priority, shared_users)
                            values (${tenant.id}, 'Bench 10M', 'PPPOE', 100000, 1, 'MONTHS', 10000, 5000, 15000, 8000, 8000, 4000, 16, 5, 1000) returning id`;
    const t = Date.now();
    for (let from = 0; from < CUSTOMERS; from += 10_000) {
      const n = Math.min(10_000, CUSTOMERS - from);
      const names = Array.from({ length: n }, (_, i) => `user${String(from + i).padStart(6, "0")}`);
      const sealed = names.map((u) => seal(keyring, `pw-${u}`, "customer-password"));
      await sql`insert into customers (tenant_id, type, name, username, password_sealed, package_id, status, expires_at)
                select ${tenant.id}, 'PPPOE', u, u, p, ${pkg.id}, 'ACTIVE', now() + interval '30 days'
                  from unnest(${sql.array(names)}::text[], ${sql.array(sealed)}::text[]) as x(u, p)`;
    }
    // VACUUM too: otherwise autovacuum (and the trigram index's pending-list flush) runs during the phases.
    await sql`vacuum analyze`;
    console.log(`seeded ${CUSTOMERS} customers in ${Date.now() - t} ms`);
    if (args.includes("--explain")) await explain(sql, tenant.id as string);
    await sql.end();

    const healthPort = await findFreePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production" as const,
      DATABASE_URL: url,
      TENANT_DATABASE_URL: tenantUrl,
      AUTH_SECRET: crypto.randomBytes(24).toString("hex"),
      ENCRYPTION_KEYS: KEYS,
      DATA_DIR: dataDir,
      RADIUS_HOST: "127.0.0.1",
      RADIUS_AUTH_PORT: String(await findFreePort()),
      RADIUS_ACCT_PORT: String(await findFreePort()),
      WORKER_HEALTH_PORT: String(healthPort),
      LOG_LEVEL: "warn",
    };
    // setsid: the kernel then schedules the server apart from this process and the radclients.
    const prof = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const flags = (process.env.BENCH_NODE_FLAGS ?? "").split(" ").filter(Boolean);
    const child = spawn("setsid", [process.execPath, ...flags, ...prof, "--import", "tsx", path.join(import.meta.dirname, "server.ts")], { env, stdio: ["ignore", "pipe", "inherit"] });
    server = child;
    const ready = await new Promise<string>((resolve, reject) => {
      let buf = "";
      child.stdout!.on("data", (d: Buffer) => {
        buf += d;
        const m = /READY (\d+) (\d+) (\d+)/.exec(buf);
        if (m) resolve(m[0]);
      });
      child.once("exit", (c) => reject(new Error(`server exited ${c}`)));
    });
    const [, authPort, acctPort, mPort] = ready.split(" ").map(Number);
    const serverPid = child.pid!;
    console.log(`server pid ${serverPid} ready: auth ${authPort}, acct ${acctPort}; idle RSS ${rssMb(serverPid)} MB`);

    const files = path.join(dataDir, "radclient");
    fs.mkdirSync(files);

    let correct = true;
    const phase = async (label: string, kind: "auth" | "acct", port: number, gen: (p: number, r: number, i: number) => string) => {
      const before = await metrics(mPort);
      const { total, failed, clientCpu, seconds, cost } = await measuredRounds(serverPid, dataDir, {
        dir: files, label, kind, port, secret: SECRET, procs: PROCS, perFile: PER_FILE, rounds: ROUNDS, parallel: PARALLEL, gen,
      });
      const { serverCpu, pgCpu, load } = cost;
      const after = await metrics(mPort);
      const lat = kind === "auth" ? after.routers[0]?.authLatency : after.routers[0]?.acctLatency;
      const answered = kind === "auth" ? after.totals.accepts - before.totals.accepts : after.totals.accountingResponses - before.totals.accountingResponses;
      if (answered !== total || failed !== 0) correct = false;
      console.log(
        `${label}: ${total} requests by ${PROCS} radclient x ${ROUNDS} rounds in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} /s; ` +
          `${kind === "auth" ? "accepted" : "acknowledged (durable)"} ${answered}, failed/lost ${failed}; ` +
          `server latency (cumulative) p50 ${lat?.p50Ms} ms, p99 ${lat?.p99Ms} ms, mean ${lat?.meanMs} ms; ` +
          `peak RSS ${cost.peakRssMb} MB; UDP RcvbufErrors +${cost.rcvbufErrors}, InErrors +${cost.inErrors}`,
      );
      // Where the wall time went: CPU seconds of each party (2 cores = 2 CPU-seconds per second at most).
      console.log(
        `  CPU during ${label} (${seconds.toFixed(2)} s wall, load average ${load} at start): RADIUS process ${serverCpu.toFixed(2)} s, ` +
          `PostgreSQL ${pgCpu.toFixed(2)} s, radclients ${TIME ? clientCpu.toFixed(2) : "?"} s`,
      );
    };

    if (PHASES.includes("auth")) await phase("PAP Access-Request", "auth", authPort, () => authRequest(pickUser(CUSTOMERS), WITH_MA));
    const check = postgres(url, { max: 1, onnotice: () => undefined });
    if (PHASES.includes("acct")) {
      await phase("Interim-Update", "acct", acctPort, (p, r, i) => interimRequest(pickUser(CUSTOMERS), p, r, i));
      // Read back what was stored, as bench/freeradius/run.ts does with radacct.
      const total = PROCS * PER_FILE * ROUNDS;
      const [row] = await check`select count(*)::int as rows, count(distinct acct_session_id)::int as sessions
                                  from sessions where acct_session_id like 'b-%'`;
      // The last session of each file carries gigawords: (perFile - 1) * 1,000,000 input octets.
      const last = `b-0-0-${PER_FILE - 1}`;
      const [big] = await check`select input_octets::text as octets from sessions where acct_session_id = ${last}`;
      const expected = String(BigInt(PER_FILE - 1) * 1_000_000n);
      const stored = row.rows === total && row.sessions === total && big?.octets === expected;
      if (!stored) correct = false;
      console.log(
        `  sessions: ${row.rows} rows, ${row.sessions} distinct session ids for ${total} Interim-Updates; ` +
          `${last} input octets ${big?.octets ?? "missing"} (expected ${expected}) ${stored ? "— one row per session" : "— MISMATCH"}`,
      );
    }
    const final = await metrics(mPort);
    console.log(`drops: ${JSON.stringify(final.totals.drops)}; final RSS ${rssMb(serverPid)} MB`);
    console.log(`auth cache: ${JSON.stringify(final.authCache)}; duplicate cache entries ${JSON.stringify(final.duplicateCache)}; memory (MB) ${JSON.stringify(final.memoryMb)}`);
    const tables = await check`select relname, n_tup_ins::int as ins, n_tup_upd::int as upd, n_tup_hot_upd::int as hot
                                 from pg_stat_user_tables where relname in ('customers', 'sessions') order by relname`;
    // HOT updates touch no index; customers' fillfactor (drizzle/0006) leaves room for them. These counters
    // are flushed by backends now and then, so they may trail the rows read back above.
    console.log(`row writes: ${tables.map((t) => `${t.relname} ${t.ins} inserted, ${t.upd} updated (${t.hot} HOT)`).join("; ")}`);
    await check.end();
    console.log(correct ? "correct: every request answered, one session row per session" : "NOT CORRECT: see the lines above");
    if (!correct) process.exitCode = 1;
  } finally {
    if (server?.pid) {
      server.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 1000));
    }
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
