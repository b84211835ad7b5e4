// Subscriber-operations benchmark (issue 5): a fresh embedded PostgreSQL seeded with 100,000 customers,
// 10,000 vouchers and 1,000,000 session-history rows, then the server time of the service functions the
// pages call (inside withTenant, as the pages do), printed as p50/p95. Prints figures; never asserts.
//
//   npm run bench -- subscribers [--customers=100000] [--history=1000000] [--vouchers=10000]
//                                [--runs=20] [--only=customers,dashboard,sessions,vouchers,import]
//                                [--keep] [--explain] [--json=bench/out/subscribers.json]
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Tx } from "@/lib/db/client";

type Args = { only: string[]; customers: number; history: number; vouchers: number; sessions: number; payments: number; runs: number; keep: boolean; explain: boolean; json?: string };

function parseArgs(argv: string[]): Args {
  const get = (k: string) => argv.find((a) => a.startsWith(`--${k}=`))?.split("=")[1];
  const num = (k: string, d: number) => {
    const v = get(k);
    const n = v === undefined ? d : Number(v.replace(/_/g, ""));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a number`);
    return Math.floor(n);
  };
  const groups = ["customers", "dashboard", "sessions", "vouchers", "import"];
  const only = (get("only") ?? groups.join(",")).split(",").filter(Boolean);
  for (const g of only) if (!groups.includes(g)) throw new Error(`--only takes ${groups.join(",")}`);
  return {
    only,
    customers: num("customers", 100_000),
    history: num("history", 1_000_000),
    vouchers: num("vouchers", 10_000),
    sessions: num("sessions", 3_000),
    payments: num("payments", 60_000),
    runs: Math.max(3, num("runs", 20)),
    keep: argv.includes("--keep"),
    explain: argv.includes("--explain"),
    json: get("json"),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

interface Figure {
  group: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  note?: string;
}

const figures: Figure[] = [];

async function measure(group: string, name: string, runs: number, fn: () => Promise<unknown>, note?: string): Promise<Figure> {
  await fn(); // warm: plan caches, buffers
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const f: Figure = { group, name, runs, p50: pct(times, 50), p95: pct(times, 95), max: times[times.length - 1], note };
  figures.push(f);
  process.stdout.write(`  ${group.padEnd(16)} ${name.padEnd(44)} p50 ${fmtMs(f.p50).padStart(9)}  p95 ${fmtMs(f.p95).padStart(9)}${note ? `  ${note}` : ""}\n`);
  return f;
}

function step(label: string) {
  const t0 = performance.now();
  process.stdout.write(`• ${label}… `);
  return () => process.stdout.write(`${fmtMs(performance.now() - t0)}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-bench-subscribers-"));
  const port = await freePort();
  const password = crypto.randomBytes(12).toString("hex");
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  const tenantUrl = `postgres://isp_tenant_login:${password}@127.0.0.1:${port}/postgres`;
  // The services read configuration lazily; give them a complete one before loading them.
  Object.assign(process.env, {
    NODE_ENV: "development",
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    TENANT_DATABASE_URL: tenantUrl,
    AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    ENCRYPTION_KEYS: `bench:${crypto.randomBytes(32).toString("base64")}`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });

  const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
  const { runMigrations } = await import("@/lib/db/migrate");
  const { createDb, closeDb } = await import("@/lib/db/client");
  const { withTenant } = await import("@/lib/db/tenant");

  console.log(`Subscriber benchmark: ${args.customers.toLocaleString("en")} customers, ${args.vouchers.toLocaleString("en")} vouchers, ${args.history.toLocaleString("en")} session-history rows, ${args.runs} runs per figure`);
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}\n`);

  let done = step(`starting embedded PostgreSQL in ${dataDir}`);
  const pg = await startEmbeddedPostgres({ dataDir, port, password });
  done();
  const cleanup = async () => {
    await pg.stop().catch(() => undefined);
    if (!args.keep) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    done = step("migrating");
    await runMigrations(url, { tenantUrl });
    done();
    const db = createDb(url, { max: 4, applicationName: "isp-bench", tenantUrl });
    const sql = db.$client;
    try {
      const { tenantId, hotspotPackageId, routerIds } = await seed(sql, args);
      // What autovacuum does on a live system: statistics, and the visibility map index-only scans need.
      done = step("VACUUM ANALYZE");
      await sql`vacuum analyze`;
      done();
      const counts = await sql<{ customers: number; history: number; vouchers: number; sessions: number; payments: number }[]>`
        select (select count(*)::int from customers where tenant_id = ${tenantId}) as customers,
               (select count(*)::int from session_history where tenant_id = ${tenantId}) as history,
               (select count(*)::int from vouchers where tenant_id = ${tenantId}) as vouchers,
               (select count(*)::int from sessions where tenant_id = ${tenantId}) as sessions,
               (select count(*)::int from payments where tenant_id = ${tenantId}) as payments`;
      console.log(`Seeded tenant: ${Object.entries(counts[0]).map(([k, v]) => `${Number(v).toLocaleString("en")} ${k}`).join(", ")}\n`);

      const asTenant = <T>(fn: (tx: Tx) => Promise<T>) => withTenant(db, tenantId, fn);
      const runs = args.runs;

      // ---- Customer list (customers engineer's findCustomers) --------------------------------------
      if (args.only.includes("customers")) console.log("Customer list (findCustomers, page size 25):");
      const customersMod = await import("@/lib/services/customers/find-customers").catch(() => null);
      if (!args.only.includes("customers")) {
        // skipped (--only)
      } else if (!customersMod) {
        console.log("  (lib/services/customers/find-customers.ts is not there yet: skipped)");
      } else {
        const { findCustomers, findCustomersSchema } = customersMod;
        const list = (input: Record<string, unknown>) => asTenant((tx) => findCustomers(tx, { ...findCustomersSchema.parse({ pageSize: 25, ...input }), tenantId }));
        const pages = Math.ceil(args.customers / 25);
        const listGroup = "customer list";
        await measure(listGroup, "first page (newest)", runs, () => list({}));
        await measure(listGroup, `middle page (${Math.ceil(pages / 2)})`, runs, () => list({ page: Math.ceil(pages / 2) }));
        await measure(listGroup, `last page (${pages})`, runs, () => list({ page: pages }));
        for (const sort of ["name", "username", "expiry", "created", "status"]) {
          for (const dir of ["asc", "desc"]) {
            await measure(listGroup, `sort ${sort} ${dir}, first page`, runs, () => list({ sort, dir }));
          }
          await measure(listGroup, `sort ${sort} asc, last page`, runs, () => list({ sort, dir: "asc", page: pages }));
        }
        for (const status of ["ACTIVE", "SUSPENDED", "EXPIRED", "DISABLED"]) await measure(listGroup, `filter status=${status}`, runs, () => list({ status }));
        for (const type of ["PPPOE", "HOTSPOT", "DHCP", "STATIC"]) await measure(listGroup, `filter type=${type}`, runs, () => list({ type }));
        await measure(listGroup, "filter package", runs, () => list({ packageId: hotspotPackageId }));
        await measure(listGroup, "filter online=yes", runs, () => list({ online: "yes" }));
        await measure(listGroup, "filter expiring=soon", runs, () => list({ expiring: "soon" }));
        await measure(listGroup, "filter status+type, sort expiry", runs, () => list({ status: "ACTIVE", type: "PPPOE", sort: "expiry", dir: "asc" }));
        // The deepest page OFFSET reaches (the middle): sorted by another column, and filtered as well.
        await measure(listGroup, `sort name asc, middle page (${Math.ceil(pages / 2)})`, runs, () => list({ sort: "name", dir: "asc", page: Math.ceil(pages / 2) }));
        await measure(listGroup, `sort expiry desc, middle page (${Math.ceil(pages / 2)})`, runs, () => list({ sort: "expiry", dir: "desc", page: Math.ceil(pages / 2) }));
        const activePages = Math.ceil((await asTenant((tx) => findCustomers(tx, { ...findCustomersSchema.parse({ pageSize: 25, status: "ACTIVE" }), tenantId }))).total / 25);
        await measure(listGroup, `filter status=ACTIVE, sort name, middle page (${Math.ceil(activePages / 2)})`, runs, () =>
          list({ status: "ACTIVE", sort: "name", dir: "asc", page: Math.ceil(activePages / 2) }),
        );
        await measure(listGroup, "search username (user004217)", runs, () => list({ q: "user004217" }));
        await measure(listGroup, "search name (Wanjiru)", runs, () => list({ q: "Wanjiru" }));
        await measure(listGroup, "search phone (0712 34)", runs, () => list({ q: "071234" }));
        await measure(listGroup, "search, no match", runs, () => list({ q: "zzqqxx" }));
      }

      // ---- Dashboard --------------------------------------------------------------------------------
      if (args.only.includes("dashboard")) {
        console.log("\nDashboard:");
        const { getDashboardStats, getDashboardStatsSchema } = await import("@/lib/services/dashboard/get-dashboard-stats");
        const dash = { ...getDashboardStatsSchema.parse({}), tenantId };
        // As the page calls it: two query groups, each in its own tenant-scoped transaction.
        await measure("dashboard", "getDashboardStats", runs * 2, () => getDashboardStats(db, dash, (fn) => withTenant(db, tenantId, fn)));
        await measure("dashboard", "getDashboardStats, one transaction", runs, () => asTenant((tx) => getDashboardStats(tx, dash)));
      }

      // ---- Sessions ---------------------------------------------------------------------------------
      if (args.only.includes("sessions")) {
        console.log("\nSessions:");
        const { findSessionHistory, findSessionHistorySchema } = await import("@/lib/services/sessions/find-session-history");
        const { findSessions, findSessionsSchema } = await import("@/lib/services/sessions/find-sessions");
        const { getSessionStats } = await import("@/lib/services/sessions/get-session-stats");
        const hist = (input: Record<string, unknown>) => asTenant((tx) => findSessionHistory(tx, { ...findSessionHistorySchema.parse({ timezone: "Africa/Nairobi", ...input }), tenantId }));
        const weekTotal = (await hist({})).total;
        await measure("session history", "last 7 days, first page", runs, () => hist({}), `${weekTotal.toLocaleString("en")} rows in range`);
        await measure("session history", "last 7 days, last page", runs, () => hist({ page: Math.max(1, Math.ceil(weekTotal / 25)) }));
        await measure("session history", "last 7 days, sort by traffic", runs, () => hist({ sort: "bytes" }));
        await measure("session history", "last 7 days, one router", runs, () => hist({ nasId: routerIds[0] }));
        await measure("session history", "last 7 days, username search", runs, () => hist({ q: "user004217" }));
        await measure("session history", "last 7 days, terminate cause", runs, () => hist({ terminateCause: "Lost-Carrier" }));
        const monthAgo = new Date(Date.now() - 30 * 86_400_000);
        await measure("session history", "last 30 days, first page", runs, () => hist({ from: monthAgo, to: new Date() }));
        await measure("active sessions", "findSessions first page", runs, () => asTenant((tx) => findSessions(tx, { ...findSessionsSchema.parse({}), tenantId })));
        await measure("active sessions", "findSessions sort by traffic", runs, () => asTenant((tx) => findSessions(tx, { ...findSessionsSchema.parse({ sort: "bytes" }), tenantId })));
        await measure("active sessions", "findSessions search IP", runs, () => asTenant((tx) => findSessions(tx, { ...findSessionsSchema.parse({ q: "10.64.1." }), tenantId })));
        await measure("active sessions", "getSessionStats", runs, () => asTenant((tx) => getSessionStats(tx, { tenantId })));
      }

      // ---- Voucher generation (vouchers engineer's generateVouchers) --------------------------------
      console.log("\nWrites:");
      const voucherMod = await import("@/lib/services/vouchers/generate-vouchers").catch(() => null);
      const actor = { label: "bench" };
      if (!args.only.includes("vouchers")) {
        // skipped (--only)
      } else if (!voucherMod) {
        console.log("  (lib/services/vouchers/generate-vouchers.ts is not there yet: skipped)");
      } else {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const t0 = performance.now();
          const r = await asTenant((tx) => voucherMod.generateVouchers(tx, { ...voucherMod.generateVouchersSchema.parse({ packageId: hotspotPackageId, count: 10_000, length: 12, name: `Bench batch ${i + 1}` }), tenantId }, actor));
          times.push(performance.now() - t0);
          if (r.count !== 10_000) throw new Error(`generateVouchers made ${r.count} vouchers`);
        }
        pushOnce("vouchers", "generate 10,000 vouchers", times);
      }

      // ---- CSV import (customers engineer's importCustomers) ----------------------------------------
      const importMod = await import("@/lib/services/customers/import-customers").catch(() => null);
      if (!args.only.includes("import")) {
        // skipped (--only)
      } else if (!importMod) {
        console.log("  (lib/services/customers/import-customers.ts is not there yet: skipped)");
      } else {
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          const csv = customerCsv(10_000, `imp${i}`);
          const t0 = performance.now();
          const r = await asTenant((tx) => importMod.importCustomers(tx, { tenantId, csv }, actor));
          times.push(performance.now() - t0);
          if (r.imported !== 10_000) throw new Error(`importCustomers imported ${r.imported} (${r.errors.length} errors)`);
        }
        pushOnce("csv import", "import 10,000 customers (validate + insert)", times);
      }

      if (args.explain) await explainDashboard(sql, tenantId);
      printTable(args);
      if (args.json) {
        fs.mkdirSync(path.dirname(path.resolve(args.json)), { recursive: true });
        fs.writeFileSync(path.resolve(args.json), JSON.stringify({ at: new Date().toISOString(), args, counts: counts[0], figures }, null, 2));
        console.log(`\nFigures written to ${args.json}`);
      }
    } finally {
      await closeDb(db);
    }
  } finally {
    await cleanup();
    if (args.keep) console.log(`\nKept the database cluster in ${dataDir}`);
  }
}

function pushOnce(group: string, name: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const f: Figure = { group, name, runs: times.length, p50: pct(sorted, 50), p95: pct(sorted, 95), max: sorted[sorted.length - 1], note: `runs: ${times.map(fmtMs).join(", ")}` };
  figures.push(f);
  process.stdout.write(`  ${group.padEnd(16)} ${name.padEnd(44)} p50 ${fmtMs(f.p50).padStart(9)}  max ${fmtMs(f.max).padStart(9)}\n`);
}

function printTable(args: Args) {
  const goals: Record<string, { limit: number; stat: "p95" | "max"; label: string }> = {
    "customer list": { limit: 100, stat: "p95", label: "p95 < 100 ms" },
    dashboard: { limit: 200, stat: "p95", label: "< 200 ms" },
    vouchers: { limit: 2000, stat: "max", label: "< 2 s" },
    "csv import": { limit: 10_000, stat: "max", label: "< 10 s" },
  };
  console.log(`\n## Results (${args.customers.toLocaleString("en")} customers, ${args.history.toLocaleString("en")} history rows; server time in ms)\n`);
  console.log("| group | measurement | runs | p50 | p95 | max | goal |");
  console.log("|---|---|---:|---:|---:|---:|---|");
  for (const f of figures) {
    const g = goals[f.group];
    const goal = g ? `${g.label} ${f[g.stat] < g.limit ? "(met)" : "(NOT met)"}` : "";
    console.log(`| ${f.group} | ${f.name} | ${f.runs} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.max.toFixed(1)} | ${goal} |`);
  }
  const list = figures.filter((f) => f.group === "customer list");
  if (list.length) {
    const worst = list.reduce((a, b) => (b.p95 > a.p95 ? b : a));
    console.log(`\nCustomer list: worst p95 ${worst.p95.toFixed(1)} ms (${worst.name}) over ${list.length} page/sort/filter/search cases.`);
  }
}

/** Customers CSV in the importer's template format. */
function customerCsv(n: number, tag: string): string {
  const lines = ["type,name,username,password,phone,package,expires_at,status"];
  const first = ["Amina", "Brian", "Chebet", "David", "Esther", "Faith", "George", "Halima", "Ivy", "James"];
  const last = ["Otieno", "Wanjiru", "Kamau", "Njoroge", "Achieng", "Mwangi", "Kiptoo", "Omondi"];
  for (let i = 0; i < n; i++) {
    const hotspot = i % 4 === 0;
    lines.push(
      [
        hotspot ? "HOTSPOT" : "PPPOE",
        `${first[i % first.length]} ${last[(i * 7) % last.length]}`,
        `${tag}-${String(i).padStart(5, "0")}`,
        `pw-${tag}-${i}-secret`,
        `0722${String(i).padStart(6, "0")}`,
        hotspot ? "Hotspot 1 day" : "Home 10 Mbps",
        "",
        "ACTIVE",
      ].join(","),
    );
  }
  return lines.join("\n");
}

type Sql = import("postgres").Sql;

/** Fills the database fast with generate_series INSERT … SELECT (no per-row round trips). */
async function seed(sql: Sql, a: Args): Promise<{ tenantId: string; hotspotPackageId: string; routerIds: string[] }> {
  let done = step("seeding tenants, packages and routers");
  const [tenant] = await sql<{ id: string }[]>`
    insert into tenants (name, slug, status, timezone, currency) values ('Bench ISP', 'bench', 'ACTIVE', 'Africa/Nairobi', 'KES') returning id`;
  // A second, smaller tenant so every query really has to pick its tenant's rows.
  const [other] = await sql<{ id: string }[]>`
    insert into tenants (name, slug, status, timezone, currency) values ('Other ISP', 'other', 'ACTIVE', 'UTC', 'KES') returning id`;
  const tenantId = tenant.id;
  const pkgs = await sql<{ id: string; type: string; name: string }[]>`
    insert into packages (tenant_id, name, type, price, validity_value, validity_unit, download_kbps, upload_kbps)
    values
      (${tenantId}, 'Home 10 Mbps', 'PPPOE', 200000, 30, 'DAYS', 10000, 5000),
      (${tenantId}, 'Home 20 Mbps', 'PPPOE', 300000, 30, 'DAYS', 20000, 10000),
      (${tenantId}, 'Business 50', 'PPPOE', 800000, 1, 'MONTHS', 50000, 25000),
      (${tenantId}, 'Hotspot 1 day', 'HOTSPOT', 5000, 1, 'DAYS', 5000, 2000),
      (${tenantId}, 'Hotspot 1 week', 'HOTSPOT', 25000, 7, 'DAYS', 5000, 2000),
      (${tenantId}, 'DHCP 15', 'DHCP', 250000, 30, 'DAYS', 15000, 5000),
      (${tenantId}, 'Static 30', 'STATIC', 500000, 30, 'DAYS', 30000, 15000)
    returning id, type, name`;
  const hotspotPackageId = pkgs.find((p) => p.name === "Hotspot 1 day")!.id;
  const inserted = await sql<{ id: string }[]>`
    insert into nas (tenant_id, name, ip_address, secret_sealed, status, last_seen_at)
    select ${tenantId}, 'Router ' || lpad(g::text, 2, '0'), '10.255.0.' || g, 'sealed', 'ONLINE',
           case when g % 5 = 0 then now() - interval '2 hours' else now() - interval '1 minute' end
    from generate_series(1, 20) g returning id`;
  const routerIds = inserted.map((n) => n.id);
  await sql`insert into nas (tenant_id, name, ip_address, secret_sealed) values (${other.id}, 'Other core', '10.254.0.1', 'sealed')`;
  done();

  done = step(`seeding ${a.customers.toLocaleString("en")} customers`);
  // Types 50% PPPoE, 30% hotspot, 10% DHCP, 10% static; statuses 75/7/15/3; expiries ±45 days; 5% online.
  await sql`
    insert into customers (tenant_id, type, name, username, phone, email, package_id, status, expires_at, mac_address,
                           static_ip, online, last_seen_at, created_at, updated_at, wallet_balance)
    select ${tenantId},
           t.type::connection_type,
           (array['Amina','Brian','Chebet','David','Esther','Faith','George','Halima','Ivy','James','Kevin','Lucy','Mercy','Nelson','Otieno','Purity'])[1 + g % 16]
             || ' ' || (array['Otieno','Wanjiru','Kamau','Njoroge','Achieng','Mwangi','Kiptoo','Omondi','Mutua','Wekesa','Chege','Akinyi'])[1 + (g / 16) % 12],
           'user' || lpad(g::text, 6, '0'),
           '07' || lpad(((g * 7919) % 100000000)::text, 8, '0'),
           case when g % 3 = 0 then 'user' || g || '@example.com' end,
           (select id from packages p where p.tenant_id = ${tenantId} and p.type = t.type::connection_type order by p.name limit 1 offset (g % (case t.type when 'PPPOE' then 3 when 'HOTSPOT' then 2 else 1 end))),
           (case when g % 100 < 75 then 'ACTIVE' when g % 100 < 82 then 'SUSPENDED' when g % 100 < 97 then 'EXPIRED' else 'DISABLED' end)::customer_status,
           now() + ((g * 37) % 90 - 45) * interval '1 day' + (g % 24) * interval '1 hour',
           case when g % 2 = 0 then upper(substr(md5(g::text), 1, 2) || ':' || substr(md5(g::text), 3, 2) || ':' || substr(md5(g::text), 5, 2) || ':' || substr(md5(g::text), 7, 2) || ':' || substr(md5(g::text), 9, 2) || ':' || substr(md5(g::text), 11, 2)) end,
           case when t.type = 'STATIC' then '10.' || (100 + g / 65536) || '.' || ((g / 256) % 256) || '.' || (g % 256) end,
           g % 20 = 0,
           now() - (g % 1000) * interval '1 minute',
           now() - (g % 730) * interval '1 day' - (g % 86400) * interval '1 second',
           now(),
           (g % 10) * 5000
    from generate_series(1, ${a.customers}::int) g
    cross join lateral (select case when g % 10 < 5 then 'PPPOE' when g % 10 < 8 then 'HOTSPOT' when g % 10 < 9 then 'DHCP' else 'STATIC' end as type) t`;
  await sql`
    insert into customers (tenant_id, type, name, username, status)
    select ${other.id}, 'PPPOE', 'Other ' || g, 'user' || lpad(g::text, 5, '0'), 'ACTIVE' from generate_series(1, 5000) g`;
  done();

  done = step(`seeding ${a.vouchers.toLocaleString("en")} vouchers`);
  await sql`
    insert into voucher_batches (tenant_id, name, package_id, count, prefix, code_length, charset)
    values (${tenantId}, 'Seed batch', ${hotspotPackageId}, ${a.vouchers}, 'S', 8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')`;
  await sql`
    insert into vouchers (tenant_id, batch_id, package_id, code, status, used_at, created_at)
    select ${tenantId}, (select id from voucher_batches where tenant_id = ${tenantId} limit 1), ${hotspotPackageId},
           'S' || upper(substr(md5('v' || g), 1, 9)),
           (case when g % 10 < 6 then 'AVAILABLE' when g % 10 < 9 then 'USED' when g % 20 = 19 then 'REVOKED' else 'EXPIRED' end)::voucher_status,
           case when g % 10 between 6 and 8 then now() - (g % 60) * interval '1 day' end,
           now() - (g % 90) * interval '1 day'
    from generate_series(1, ${a.vouchers}::int) g`;
  done();

  done = step(`seeding ${a.sessions.toLocaleString("en")} active sessions`);
  await sql`
    insert into sessions (tenant_id, nas_id, customer_id, username, acct_session_id, framed_ip, calling_station_id, nas_port_type,
                          started_at, updated_at, session_time, input_octets, output_octets, rate_limit)
    select ${tenantId}, (${routerIds}::uuid[])[1 + rn % 20], c.id, c.username, 'bench-' || rn,
           '10.64.' || (rn / 250) || '.' || (1 + rn % 250), coalesce(c.mac_address, 'AA:00:00:00:' || lpad(to_hex(rn / 256), 2, '0') || ':' || lpad(to_hex(rn % 256), 2, '0')),
           case when c.type = 'HOTSPOT' then 'Wireless-802.11' else 'Ethernet' end,
           now() - (rn % 7200) * interval '1 minute', now() - (rn % 5) * interval '1 minute', (rn % 7200) * 60,
           (rn::bigint * 104729) % 5000000000, (rn::bigint * 1299709) % 50000000000, '10M/5M'
    from (select id, username, type, mac_address, row_number() over (order by id) as rn from customers
          where tenant_id = ${tenantId} and status = 'ACTIVE' limit ${a.sessions}) c`;
  done();

  done = step(`seeding ${a.history.toLocaleString("en")} session-history rows over 6 months`);
  // Customers numbered 1..n, so each history row picks one by arithmetic (no random joins).
  await sql`create temporary table bench_c as select row_number() over (order by username) as rn, id, username from customers where tenant_id = ${tenantId}`;
  await sql`create index on bench_c (rn)`;
  const n = Math.max(1, a.customers);
  const chunk = 250_000;
  for (let start = 1; start <= a.history; start += chunk) {
    const end = Math.min(a.history, start + chunk - 1);
    await sql`
      insert into session_history (tenant_id, nas_id, customer_id, username, acct_session_id, framed_ip, calling_station_id,
                                   started_at, stopped_at, session_time, input_octets, output_octets, terminate_cause)
      select ${tenantId}, (${routerIds}::uuid[])[1 + g % 20], c.id, c.username, 'h-' || g,
             '10.64.' || ((g / 250) % 250) || '.' || (1 + g % 250), null,
             s.stopped - (g % 43200) * interval '1 second', s.stopped, g % 43200,
             (g::bigint * 7919) % 2000000000, (g::bigint * 104729) % 20000000000,
             (array['User-Request','Lost-Carrier','Idle-Timeout','Session-Timeout','Admin-Reset','NAS-Reboot','Port-Error','User-Request'])[1 + g % 8]
      from generate_series(${start}::int, ${end}::int) g
      cross join lateral (select now() - ((g::bigint * 2654435761) % (180 * 86400)) * interval '1 second' as stopped) s
      join bench_c c on c.rn = 1 + (g::bigint * 48271) % ${n}
      order by s.stopped`;
  }
  await sql`drop table bench_c`;
  done();

  done = step(`seeding ${a.payments.toLocaleString("en")} payments over 6 months`);
  await sql`
    insert into payments (tenant_id, customer_id, package_id, amount, currency, method, status, purpose, receipt_number, paid_at, created_at)
    select ${tenantId}, c.id, c.package_id, 100000 + (g % 20) * 10000, 'KES',
           (array['CASH','MPESA','MPESA','MPESA','BANK_TRANSFER','CARD'])[1 + g % 6]::payment_method,
           (case when g % 20 = 0 then 'FAILED' when g % 50 = 1 then 'PENDING' else 'COMPLETED' end)::payment_status,
           'RENEWAL', g, now() - ((g::bigint * 2654435761) % (183 * 86400)) * interval '1 second', now()
    from generate_series(1, ${a.payments}::int) g
    join (select id, package_id, row_number() over (order by id) as rn from customers where tenant_id = ${tenantId}) c on c.rn = 1 + (g % ${n})`;
  done();
  return { tenantId, hotspotPackageId, routerIds };
}

/** EXPLAIN (ANALYZE) of the dashboard's heaviest queries, so index use can be checked. */
async function explainDashboard(sql: Sql, tenantId: string) {
  console.log("\nEXPLAIN ANALYZE of the dashboard queries:");
  const queries: [string, string][] = [
    ["customers by type/status", `select type, status, count(*) from customers where tenant_id = '${tenantId}' group by type, status`],
    [
      "revenue 6 months",
      `select width_bucket(paid_at, array(select generate_series(date_trunc('month', now()) - interval '5 months', date_trunc('month', now()), interval '1 month'))), sum(amount) from payments where tenant_id = '${tenantId}' and status = 'COMPLETED' and paid_at >= date_trunc('month', now()) - interval '5 months' and paid_at <= now() group by 1`,
    ],
    [
      "customer search, common surname (count)",
      `select count(*) from customers where tenant_id = '${tenantId}' and id in (select isp_customer_search_ids('${tenantId}'::uuid, '%Wanjiru%')) and (name || ' ' || username || ' ' || coalesce(phone, '')) ilike '%Wanjiru%'`,
    ],
    [
      "customer search, common surname (page)",
      `select id, name from customers where tenant_id = '${tenantId}' and id in (select isp_customer_search_ids('${tenantId}'::uuid, '%Wanjiru%')) and (name || ' ' || username || ' ' || coalesce(phone, '')) ilike '%Wanjiru%' order by created_at desc, id desc limit 25`,
    ],
    [
      "customer list by expiry, latest first",
      `select id, name from customers where tenant_id = '${tenantId}' order by expires_at desc nulls last, id desc nulls last limit 25`,
    ],
    [
      "customer list by status",
      `select id, name from customers where tenant_id = '${tenantId}' order by status asc, id asc limit 25`,
    ],
    ["vouchers by status", `select status, count(*) from vouchers where tenant_id = '${tenantId}' group by status`],
    [
      "expiring in 7 days",
      `select id, name from customers where tenant_id = '${tenantId}' and status = 'ACTIVE' and expires_at >= now() and expires_at < now() + interval '7 days' order by expires_at limit 8`,
    ],
    [
      "history last 7 days",
      `select * from session_history where tenant_id = '${tenantId}' and stopped_at >= now() - interval '7 days' and stopped_at < now() order by stopped_at desc limit 25`,
    ],
  ];
  for (const [label, q] of queries) {
    const plan = await sql.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, costs off, timing on) ${q}`);
    console.log(`\n-- ${label}`);
    for (const row of plan) console.log(`   ${row["QUERY PLAN"]}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
