// What the RADIUS benchmarks share: options, the radclient load (request files, rounds of parallel
// radclient processes under /usr/bin/time) and the process/kernel counters they print. Used by
// bench/radius/run.ts (our server) and bench/freeradius/run.ts (FreeRADIUS, the anchor), so both
// drive the server under test with exactly the same load.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** `--name=N` or `--name N`, else the fallback. */
export function numberOption(args: string[], name: string, fallback: number): number {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return Number(eq.split("=")[1]);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

/** The load options both RADIUS benchmarks take. */
export function loadOptions(args: string[]) {
  return {
    customers: numberOption(args, "customers", 100_000),
    procs: numberOption(args, "procs", 4),
    perFile: numberOption(args, "per-file", 5000),
    rounds: numberOption(args, "rounds", 2),
    parallel: numberOption(args, "parallel", 100),
    phases: (args.find((a) => a.startsWith("--phases="))?.split("=")[1] ?? "auth,acct").split(","),
  };
}

export function udpStats(): { RcvbufErrors: number; InErrors: number } {
  const lines = fs.readFileSync("/proc/net/snmp", "utf8").split("\n").filter((l) => l.startsWith("Udp:"));
  const names = lines[0].split(/\s+/).slice(1);
  const values = lines[1].split(/\s+/).slice(1).map(Number);
  const get = (n: string) => values[names.indexOf(n)] ?? 0;
  return { RcvbufErrors: get("RcvbufErrors"), InErrors: get("InErrors") };
}

export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

/** CPU seconds (user + system, all threads) used so far by these processes. */
export function cpuSeconds(pids: number[]): number {
  const tick = 100; // USER_HZ on Linux
  let sum = 0;
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      sum += (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      // exited
    }
  }
  return sum;
}

/** The embedded PostgreSQL's processes: the postmaster (first line of postmaster.pid) and its children. */
export function postgresPids(dataDir: string): number[] {
  try {
    const master = Number(fs.readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    return [master, ...childrenOf([master])];
  } catch {
    return [];
  }
}

/** The processes whose parent is one of these (from /proc/<pid>/stat). */
function childrenOf(parents: number[]): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        return parents.includes(Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        return false;
      }
    })
    .map(Number);
}

export const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

/** The processes run() started that have not exited yet (radclients, under /usr/bin/time). */
const running = new Set<ChildProcess>();
let stopped = false;

export function run(cmd: string, argv: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    if (stopped) return resolve({ code: null, out: "" });
    const c = spawn(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
    running.add(c);
    let out = "";
    c.stdout.on("data", (d: Buffer) => (out += d));
    c.stderr.on("data", (d: Buffer) => (out += d));
    c.on("close", (code) => {
      running.delete(c);
      resolve({ code, out });
    });
  });
}

/** Stops what run() started and their children (the radclient under each /usr/bin/time), and starts no more: on Ctrl-C. */
export function killRunning() {
  stopped = true;
  const pids = [...running].map((c) => c.pid).filter((p): p is number => !!p);
  for (const pid of [...childrenOf(pids), ...pids]) {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // exited
    }
  }
}

/** A random customer of the seeded `user000000` … range. */
export function pickUser(customers: number): string {
  return `user${String(Math.floor(Math.random() * customers)).padStart(6, "0")}`;
}

/** One PAP Access-Request in radclient's file format (password `pw-<user>`). */
export function authRequest(user: string, withMessageAuthenticator = false): string {
  const ma = withMessageAuthenticator ? "Message-Authenticator = 0x00\n" : "";
  return `User-Name = "${user}"\nUser-Password = "pw-${user}"\nNAS-IP-Address = 127.0.0.1\nNAS-Port = 1\n${ma}`;
}

/** One Interim-Update of a new session `b-<round>-<proc>-<i>`, 64-bit input counter (gigawords from i ≥ 4,295). */
export function interimRequest(user: string, proc: number, round: number, i: number): string {
  const bytes = BigInt(i) * 1_000_000n;
  return (
    `User-Name = "${user}"\nAcct-Status-Type = Interim-Update\nAcct-Session-Id = "b-${round}-${proc}-${i}"\nNAS-IP-Address = 127.0.0.1\n` +
    `Acct-Session-Time = ${i}\nAcct-Input-Octets = ${Number(bytes % 2n ** 32n)}\nAcct-Input-Gigawords = ${Number(bytes / 2n ** 32n)}\nAcct-Output-Octets = ${i * 3}\n`
  );
}

export interface RadclientLoad {
  /** Where the request files go. */
  dir: string;
  label: string;
  kind: "auth" | "acct";
  port: number;
  secret: string;
  procs: number;
  perFile: number;
  rounds: number;
  parallel: number;
  gen: (proc: number, round: number, i: number) => string;
}

/**
 * `rounds` times: writes `procs` files of `perFile` requests and runs one `radclient -p <parallel>` per
 * file, all at once, under /usr/bin/time. The wall time covers writing the files and the radclients.
 */
export async function radclientRounds(load: RadclientLoad) {
  const write = (name: string, gen: (i: number) => string) => {
    const f = path.join(load.dir, name);
    fs.writeFileSync(f, Array.from({ length: load.perFile }, (_, i) => gen(i)).join("\n"));
    return f;
  };
  let total = 0;
  let accepted = 0;
  let failed = 0;
  let clientCpu = 0;
  const t0 = performance.now();
  for (let r = 0; r < load.rounds; r++) {
    const paths = Array.from({ length: load.procs }, (_, p) => write(`${load.label}-${r}-${p}.txt`, (i) => load.gen(p, r, i)));
    const rcArgs = (f: string) => ["-s", "-p", String(load.parallel), "-r", "3", "-t", "3", "-f", f, `127.0.0.1:${load.port}`, load.kind, load.secret];
    const results = await Promise.all(
      paths.map((f) => (TIME ? run(TIME, ["-f", "RCCPU %U %S", "radclient", ...rcArgs(f)]) : run("radclient", rcArgs(f)))),
    );
    for (const res of results) {
      const cpu = /RCCPU ([\d.]+) ([\d.]+)/.exec(res.out);
      if (cpu) clientCpu += Number(cpu[1]) + Number(cpu[2]);
      const ok = /Accepted\s*:\s*(\d+)/.exec(res.out);
      const rejected = /Rejected\s*:\s*(\d+)/.exec(res.out);
      const lost = /Lost\s*:\s*(\d+)/.exec(res.out);
      total += load.perFile;
      accepted += Number(ok?.[1] ?? 0);
      failed += Number(lost?.[1] ?? 0) + Number(rejected?.[1] ?? 0);
      if (!ok && !stopped) console.log(res.out.slice(0, 500));
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { total, accepted, failed, clientCpu, seconds };
}

/** What a phase cost, measured around it: CPU of the server, of PostgreSQL and of the load; RSS; UDP drops. */
export interface PhaseCost {
  serverCpu: number;
  pgCpu: number;
  peakRssMb: number;
  rcvbufErrors: number;
  inErrors: number;
  /** The 1-minute load average when the phase started, and the UTC time. */
  load: string;
  when: string;
}

/** Runs `load` through radclientRounds while sampling the server process and the embedded PostgreSQL. */
export async function measuredRounds(serverPid: number, dataDir: string, load: RadclientLoad) {
  const udp0 = udpStats();
  let peak = rssMb(serverPid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(serverPid))), 200);
  const pgPids = postgresPids(dataDir);
  const serverCpu0 = cpuSeconds([serverPid]);
  const pgCpu0 = cpuSeconds(pgPids);
  const cost: Partial<PhaseCost> = {
    load: os.loadavg()[0].toFixed(1),
    when: new Date().toISOString().slice(0, 19).replace("T", " "),
  };
  try {
    const result = await radclientRounds(load);
    cost.serverCpu = cpuSeconds([serverPid]) - serverCpu0;
    // Backends that connected during the phase started from zero.
    cost.pgCpu = cpuSeconds([...new Set([...pgPids, ...postgresPids(dataDir)])]) - pgCpu0;
    cost.peakRssMb = Math.max(peak, rssMb(serverPid));
    const udp1 = udpStats();
    cost.rcvbufErrors = udp1.RcvbufErrors - udp0.RcvbufErrors;
    cost.inErrors = udp1.InErrors - udp0.InErrors;
    return { ...result, cost: cost as PhaseCost };
  } finally {
    clearInterval(timer);
  }
}
