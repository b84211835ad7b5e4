// The anchor for the RADIUS benchmark: FreeRADIUS 3.2 (Debian's freeradius + freeradius-postgresql) with
// the stock PostgreSQL schema and queries, on a fresh embedded PostgreSQL, driven by exactly the same
// radclient load as bench/radius/run.ts (bench/radius/common.ts). Run both back to back and quote our
// figures as a ratio to these, measured on the same machine at the same moment.
// Usage: npm run bench -- freeradius [--customers=100000] [--procs=4] [--per-file=5000] [--rounds=2] [--parallel=100]
//          [--phases=auth,acct] [--threads=8] [--post-auth=sql|none]
import { spawn, type ChildProcess } from "node:child_process";
import dgram from "node:dgram";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import postgres from "postgres";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded";
import { formatRateLimit } from "@/lib/radius/rate-limit";
import { findFreePort } from "@/lib/testing/ports";
import {
  authRequest, interimRequest, killRunning, loadOptions, measuredRounds, numberOption, pickUser, rssMb, run, TIME,
} from "../radius/common";

const args = process.argv.slice(2);
const { customers: CUSTOMERS, procs: PROCS, perFile: PER_FILE, rounds: ROUNDS, parallel: PARALLEL, phases: PHASES } = loadOptions(args);
// Worker threads, and as many SQL connections (rlm_sql fails a request when no connection is free). 8 was
// the best of 4/8/16/32 on the 2-core VM: with 16–32, PostgreSQL's backends fight for the cores (PAP fell to
// 1,600/s at 32); with 4, requests queue longer and the waiting radclients burned 3x the CPU.
const THREADS = numberOption(args, "threads", 8);
const POST_AUTH = args.find((a) => a.startsWith("--post-auth="))?.split("=")[1] ?? "sql";
if (POST_AUTH !== "sql" && POST_AUTH !== "none") {
  console.error(`--post-auth=${POST_AUTH}: use sql (a radpostauth row per reply, the stock setup) or none`);
  process.exit(2);
}
const SECRET = "bench-secret-0123456789";
const RECV_BUFF = 4 * 1024 * 1024;

// Debian's layout (freeradius, freeradius-config, freeradius-common, freeradius-postgresql, freeradius-utils).
const RADDB = "/etc/freeradius/3.0";
const SQL_DIR = `${RADDB}/mods-config/sql/main/postgresql`;
const DICT_DIR = "/usr/share/freeradius";
const LIB_DIRS = ["/usr/lib/freeradius", "/usr/lib64/freeradius", "/usr/local/lib/freeradius"];
const INSTALL = "apt-get install -y freeradius freeradius-postgresql freeradius-utils";

/** The same package as bench/radius/run.ts seeds (10M down / 5M up, burst, priority 5). */
const RATE_LIMIT = formatRateLimit({
  downloadKbps: 10000, uploadKbps: 5000, burstDownloadKbps: 15000, burstUploadKbps: 8000,
  burstThresholdDownloadKbps: 8000, burstThresholdUploadKbps: 4000, burstTimeSeconds: 16, priority: 5,
});

function which(name: string, extra: string[] = []): string | null {
  for (const dir of [...(process.env.PATH ?? "").split(":"), ...extra]) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Everything this benchmark needs from Debian's packages, or a message naming what to install. */
function prerequisites() {
  const sbin = ["/usr/sbin", "/usr/local/sbin", "/sbin"];
  const binary = which("freeradius", sbin) ?? which("radiusd", sbin);
  const libdir = LIB_DIRS.find((d) => fs.existsSync(path.join(d, "rlm_sql.so")));
  const missing: string[] = [];
  if (!binary) missing.push("the FreeRADIUS server (freeradius or radiusd; Debian package freeradius)");
  if (!libdir || !fs.existsSync(path.join(libdir, "rlm_sql_postgresql.so")))
    missing.push("the rlm_sql_postgresql module (Debian package freeradius-postgresql)");
  if (!fs.existsSync(path.join(SQL_DIR, "schema.sql")) || !fs.existsSync(path.join(SQL_DIR, "queries.conf")))
    missing.push(`the stock PostgreSQL schema and queries in ${SQL_DIR} (Debian package freeradius-config)`);
  if (!fs.existsSync(path.join(DICT_DIR, "dictionary"))) missing.push(`the dictionaries in ${DICT_DIR} (Debian package freeradius-common)`);
  if (!which("radclient")) missing.push("radclient (Debian package freeradius-utils)");
  if (missing.length) {
    console.error(`The freeradius benchmark needs FreeRADIUS 3.2 with PostgreSQL support. Missing:\n${missing.map((m) => `  - ${m}`).join("\n")}\nInstall with: ${INSTALL}`);
    process.exit(2);
  }
  return { binary: binary!, libdir: libdir! };
}

/** A system FreeRADIUS does not share our ports or config, but it shares the CPU (and 1812/1813 with whatever else). */
function otherFreeradius(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return /^(freeradius|radiusd)$/.test(fs.readFileSync(`/proc/${d}/comm`, "utf8").trim());
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Two distinct free UDP ports on 127.0.0.1 (bound at the same time, then released). */
async function freeUdpPorts(n: number): Promise<number[]> {
  const sockets = await Promise.all(
    Array.from({ length: n }, () => new Promise<dgram.Socket>((resolve, reject) => {
      const s = dgram.createSocket("udp4");
      s.once("error", reject);
      s.bind(0, "127.0.0.1", () => resolve(s));
    })),
  );
  const ports = sockets.map((s) => s.address().port);
  await Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

interface ConfigInput {
  dir: string;
  libdir: string;
  authPort: number;
  acctPort: number;
  pgPort: number;
  pgPassword: string;
}

/** A minimal FreeRADIUS configuration directory: only what PAP + SQL accounting needs. */
function writeConfig(c: ConfigInput): string {
  const raddb = path.join(c.dir, "raddb");
  for (const d of ["raddb/mods-enabled", "raddb/sites-enabled", "raddb/mods-config/preprocess", "log", "run"]) fs.mkdirSync(path.join(c.dir, d), { recursive: true });
  const put = (name: string, text: string) => fs.writeFileSync(path.join(raddb, name), text.replace(/^ {6}/gm, ""));
  put("radiusd.conf", `
      prefix = /usr
      exec_prefix = /usr
      sysconfdir = /etc
      localstatedir = /var
      sbindir = /usr/sbin
      logdir = ${c.dir}/log
      raddbdir = ${raddb}
      radacctdir = \${logdir}/radacct
      name = freeradius
      confdir = \${raddbdir}
      modconfdir = \${confdir}/mods-config
      run_dir = ${c.dir}/run
      db_dir = \${raddbdir}
      libdir = ${c.libdir}
      pidfile = \${run_dir}/\${name}.pid
      # The dictionaries: Debian's, which include dictionary.mikrotik.
      dictdir = ${DICT_DIR}
      correct_escapes = true
      max_request_time = 30
      # Answered requests are kept cleanup_delay seconds to answer retransmissions, so max_requests must
      # hold ~5 s of traffic (the default 16,384 drops requests above ~3,000/s).
      cleanup_delay = 5
      max_requests = 262144
      hostname_lookups = no
      proxy_requests = no
      log {
        destination = files
        colourise = no
        file = \${logdir}/radius.log
        stripped_names = no
        auth = no
        auth_badpass = no
        auth_goodpass = no
      }
      security {
        allow_core_dumps = no
        max_attributes = 200
        reject_delay = 0
        status_server = yes
      }
      # Fixed size: no threads started or stopped during a phase.
      thread pool {
        start_servers = ${THREADS}
        max_servers = ${THREADS}
        min_spare_servers = 1
        max_spare_servers = ${THREADS}
        max_requests_per_server = 0
        max_queue_size = 65536
        auto_limit_acct = no
      }
      $INCLUDE clients.conf
      modules {
        $INCLUDE mods-enabled/
      }
      policy {
        # The stock acct_unique (Acct-Unique-Session-Id = md5 of user, session id, router, port) the queries key on.
        $INCLUDE ${RADDB}/policy.d/accounting
      }
      $INCLUDE sites-enabled/
  `);
  put("clients.conf", `
      client bench {
        ipaddr = 127.0.0.1
        secret = ${SECRET}
        require_message_authenticator = no
        nas_type = other
      }
  `);
  // The string functions the stock queries and acct_unique use (%{tolower:…}, %{md5:…}).
  put("mods-enabled/expr", `
      expr {
      }
  `);
  put("mods-enabled/pap", `
      pap {
        normalise = yes
      }
  `);
  fs.writeFileSync(path.join(raddb, "mods-config/preprocess/huntgroups"), "");
  fs.writeFileSync(path.join(raddb, "mods-config/preprocess/hints"), "");
  put("mods-enabled/preprocess", `
      preprocess {
        huntgroups = \${modconfdir}/preprocess/huntgroups
        hints = \${modconfdir}/preprocess/hints
        with_ascend_hack = no
        ascend_channels_per_line = 23
        with_ntdomain_hack = no
        with_specialix_jetstream_hack = no
        with_cisco_vsa_hack = no
        with_alvarion_vsa_hack = no
      }
  `);
  put("mods-enabled/sql", `
      sql {
        dialect = "postgresql"
        driver = "rlm_sql_postgresql"
        postgresql {
          send_application_name = yes
        }
        server = "127.0.0.1"
        port = ${c.pgPort}
        login = "postgres"
        password = "${c.pgPassword}"
        radius_db = "radius"
        acct_table1 = "radacct"
        acct_table2 = "radacct"
        postauth_table = "radpostauth"
        authcheck_table = "radcheck"
        groupcheck_table = "radgroupcheck"
        authreply_table = "radreply"
        groupreply_table = "radgroupreply"
        usergroup_table = "radusergroup"
        delete_stale_sessions = yes
        client_table = "nas"
        read_clients = no
        read_groups = yes
        group_attribute = "SQL-Group"
        # One connection per worker thread, all opened at start: rlm_sql fails a request that finds none free.
        pool {
          start = ${THREADS}
          min = ${THREADS}
          max = ${THREADS}
          spare = 0
          uses = 0
          retry_delay = 1
          lifetime = 0
          idle_timeout = 0
          connect_timeout = 3
        }
        # Debian's stock PostgreSQL queries (authorize, group membership, accounting upsert, post-auth).
        $INCLUDE ${SQL_DIR}/queries.conf
      }
  `);
  put("sites-enabled/default", `
      server default {
        listen {
          type = auth
          ipaddr = 127.0.0.1
          port = ${c.authPort}
          recv_buff = ${RECV_BUFF}
        }
        listen {
          type = acct
          ipaddr = 127.0.0.1
          port = ${c.acctPort}
          recv_buff = ${RECV_BUFF}
        }
        authorize {
          preprocess
          sql
          pap
        }
        authenticate {
          Auth-Type PAP {
            pap
          }
        }
        preacct {
          preprocess
          acct_unique
        }
        accounting {
          sql
        }
        post-auth {${POST_AUTH === "sql" ? `
          sql
          Post-Auth-Type REJECT {
            sql
          }` : ""}
        }
      }
  `);
  return raddb;
}

/** The stock schema, the users (Cleartext-Password), one group with the package's reply attributes. */
async function seed(sql: postgres.Sql) {
  await sql.unsafe(fs.readFileSync(path.join(SQL_DIR, "schema.sql"), "utf8")).simple();
  const user = `'user' || lpad(i::text, greatest(6, length(i::text)), '0')`;
  await sql.unsafe(`insert into radcheck (username, attribute, op, value)
                    select ${user}, 'Cleartext-Password', ':=', 'pw-' || ${user} from generate_series(0, ${CUSTOMERS - 1}) as i`);
  await sql.unsafe(`insert into radusergroup (username, groupname, priority)
                    select ${user}, 'bench-10m', 1 from generate_series(0, ${CUSTOMERS - 1}) as i`);
  await sql`insert into radgroupreply (groupname, attribute, op, value)
            values ('bench-10m', 'Mikrotik-Rate-Limit', ':=', ${RATE_LIMIT}), ('bench-10m', 'Acct-Interim-Interval', ':=', '300')`;
  await sql`insert into nas (nasname, shortname, type, secret) values ('127.0.0.1', 'bench-router', 'other', ${SECRET})`;
  await sql`vacuum analyze`;
}

async function main() {
  const { binary, libdir } = prerequisites();
  const others = otherFreeradius();
  if (others.length)
    console.log(`note: FreeRADIUS already runs as pid ${others.join(", ")} (Debian's service?). It does not use our ports or config, but it shares the CPU; stop it for clean figures (systemctl stop freeradius, or kill ${others.join(" ")}).`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-bench-freeradius-"));
  fs.chmodSync(dataDir, 0o755);
  let pg: RunningPostgres | undefined;
  let server: ChildProcess | undefined;
  let serverLog = "";
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      killRunning();
      if (server && server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((r) => server!.once("exit", r));
        server.kill("SIGTERM");
        const t = setTimeout(() => server!.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(t);
      }
      await pg?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    })());
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping FreeRADIUS and PostgreSQL, removing ${dataDir}`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const pgPort = await findFreePort();
    const password = crypto.randomBytes(8).toString("hex");
    console.log(`data dir ${dataDir}; starting PostgreSQL on ${pgPort}`);
    pg = await startEmbeddedPostgres({ dataDir, port: pgPort, password });
    const admin = postgres(`postgres://postgres:${password}@127.0.0.1:${pgPort}/postgres`, { max: 1, onnotice: () => undefined });
    await admin`create database radius`;
    await admin.end();
    const url = `postgres://postgres:${password}@127.0.0.1:${pgPort}/radius`;
    const sql = postgres(url, { max: 1, onnotice: () => undefined });
    const t = Date.now();
    await seed(sql);
    console.log(`seeded ${CUSTOMERS} users (radcheck Cleartext-Password, radusergroup, group reply Mikrotik-Rate-Limit "${RATE_LIMIT}") in ${Date.now() - t} ms`);

    const [authPort, acctPort] = await freeUdpPorts(2);
    const raddb = writeConfig({ dir: dataDir, libdir, authPort, acctPort, pgPort, pgPassword: password });
    // setsid, as run.ts does for our server: the kernel schedules it apart from this process and the radclients.
    const child = spawn("setsid", [binary, "-f", "-d", raddb, "-l", "stdout"], { stdio: ["ignore", "pipe", "pipe"] });
    server = child;
    const onOutput = (d: Buffer) => {
      serverLog += d;
      if (serverLog.length > 200_000) serverLog = serverLog.slice(-100_000);
    };
    child.stdout!.on("data", onOutput);
    child.stderr!.on("data", onOutput);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`FreeRADIUS did not start within 20 s:\n${serverLog.slice(-3000)}`)), 20_000);
      const check = () => {
        if (serverLog.includes("Ready to process requests")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on("data", check);
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`FreeRADIUS exited with code ${code} during start:\n${serverLog.slice(-3000)}`));
      });
    });
    const serverPid = child.pid!;
    const comm = fs.readFileSync(`/proc/${serverPid}/comm`, "utf8").trim();
    // Not ready until it answers: one Access-Request and one Accounting-Request through the whole chain.
    const probe = async (kind: "auth" | "acct", port: number, body: string) => {
      const f = path.join(dataDir, `probe-${kind}.txt`);
      fs.writeFileSync(f, body);
      for (let i = 0; i < 20; i++) {
        const res = await run("radclient", ["-x", "-r", "1", "-t", "1", "-f", f, `127.0.0.1:${port}`, kind, SECRET]);
        if (/Received (Access-Accept|Accounting-Response)/.test(res.out)) return res.out;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`FreeRADIUS does not answer ${kind} on ${port}:\n${serverLog.slice(-3000)}`);
    };
    const accept = await probe("auth", authPort, authRequest("user000000"));
    await probe("acct", acctPort, interimRequest("user000000", 0, 99, 0).replace('"b-99-0-0"', '"probe"'));
    const replyAttrs = accept
      .slice(accept.indexOf("Received Access-Accept"))
      .split("\n")
      .slice(1)
      .filter((l) => /^\s+\S+ = /.test(l))
      .map((l) => l.trim());
    console.log(
      `FreeRADIUS pid ${serverPid} (${comm}) ready: auth ${authPort}, acct ${acctPort}; ${THREADS} threads and ${THREADS} SQL connections, ` +
        `post-auth ${POST_AUTH === "sql" ? "sql (one radpostauth row per Access-Accept)" : "none"}; recv_buff ${RECV_BUFF}; idle RSS ${rssMb(serverPid)} MB`,
    );
    console.log(`  Access-Accept carries: ${replyAttrs.join(", ")}`);

    const files = path.join(dataDir, "radclient");
    fs.mkdirSync(files);
    let correct = true;
    const phase = async (label: string, kind: "auth" | "acct", port: number, gen: (p: number, r: number, i: number) => string) => {
      const { total, accepted, failed, clientCpu, seconds, cost } = await measuredRounds(serverPid, dataDir, {
        dir: files, label, kind, port, secret: SECRET, procs: PROCS, perFile: PER_FILE, rounds: ROUNDS, parallel: PARALLEL, gen,
      });
      const { serverCpu, pgCpu, load, when } = cost;
      if (accepted !== total || failed !== 0) correct = false;
      console.log(
        `${label}: ${total} requests by ${PROCS} radclient x ${ROUNDS} rounds in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} /s; ` +
          `${kind === "auth" ? "accepted" : "acknowledged"} ${accepted}, failed/lost ${failed}; ` +
          `peak RSS ${cost.peakRssMb} MB; UDP RcvbufErrors +${cost.rcvbufErrors}, InErrors +${cost.inErrors}`,
      );
      const us = (s: number) => `${Math.round((s * 1e6) / total)} µs`;
      console.log(
        `  CPU during ${label} (${seconds.toFixed(2)} s wall, ${when} UTC, load average ${load} at start): FreeRADIUS ${serverCpu.toFixed(2)} s (${us(serverCpu)}), ` +
          `PostgreSQL ${pgCpu.toFixed(2)} s (${us(pgCpu)}), radclients ${TIME ? `${clientCpu.toFixed(2)} s (${us(clientCpu)})` : "?"}`,
      );
      return total;
    };

    if (PHASES.includes("auth")) {
      const total = await phase("PAP Access-Request", "auth", authPort, () => authRequest(pickUser(CUSTOMERS)));
      if (POST_AUTH === "sql") {
        // The probe's row is one more.
        const [{ n }] = await sql`select count(*)::int as n from radpostauth where reply = 'Access-Accept'`;
        const ok = n === total + 1;
        if (!ok) correct = false;
        console.log(`  radpostauth: ${n - 1} Access-Accept rows for ${total} requests ${ok ? "(one per request)" : "(MISMATCH)"}`);
      }
    }
    if (PHASES.includes("acct")) {
      const total = await phase("Interim-Update", "acct", acctPort, (p, r, i) => interimRequest(pickUser(CUSTOMERS), p, r, i));
      const [row] = await sql`select count(*)::int as rows, count(distinct acctsessionid)::int as sessions, count(distinct acctuniqueid)::int as uniq
                                from radacct where acctsessionid like 'b-%'`;
      // The last session of each file carries gigawords: (perFile - 1) * 1,000,000 input octets.
      const last = `b-0-0-${PER_FILE - 1}`;
      const [big] = await sql`select acctinputoctets::text as octets from radacct where acctsessionid = ${last}`;
      const expected = String(BigInt(PER_FILE - 1) * 1_000_000n);
      const ok = row.rows === total && row.sessions === total && row.uniq === total && big?.octets === expected;
      if (!ok) correct = false;
      console.log(
        `  radacct: ${row.rows} rows, ${row.sessions} sessions, ${row.uniq} unique ids for ${total} Interim-Updates; ` +
          `${last} input octets ${big?.octets ?? "missing"} (expected ${expected}) ${ok ? "— one row per session" : "— MISMATCH"}`,
      );
    }
    const errors = serverLog.split("\n").filter((l) => /\b(ERROR|Error|WARNING|Warning)\b/.test(l) && !/^\s*$/.test(l));
    console.log(`FreeRADIUS final RSS ${rssMb(serverPid)} MB; ${errors.length} error/warning lines in its log${errors.length ? ":" : ""}`);
    for (const l of errors.slice(0, 10)) console.log(`  ${l}`);
    await sql.end();
    console.log(correct ? "correct: every request answered, one radacct row per session" : "NOT CORRECT: see the lines above");
    if (!correct) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
