// Runs a child process in its own process group, restarts it with backoff if it dies, and stops it
// with SIGTERM then SIGKILL after a time limit.
import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "pino";

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  stopTimeoutMs?: number;
}

export class SupervisedChild {
  private proc?: ChildProcess;
  private stopping = false;
  private restarts = 0;
  private lastStart = 0;
  private exited?: Promise<void>;

  constructor(private readonly spec: ChildSpec, private readonly log: Logger) {}

  start() {
    this.lastStart = Date.now();
    const proc = spawn(this.spec.command, this.spec.args, { env: this.spec.env, stdio: "inherit", detached: true });
    this.proc = proc;
    this.exited = new Promise((resolve) =>
      proc.once("exit", (code, signal) => {
        resolve();
        if (this.stopping) return;
        // A child that ran for a while gets a fresh backoff.
        if (Date.now() - this.lastStart > 60_000) this.restarts = 0;
        const delay = Math.min(30_000, 1000 * 2 ** this.restarts++);
        this.log.error({ child: this.spec.name, code, signal }, `${this.spec.name} exited; restarting in ${delay / 1000}s`);
        setTimeout(() => !this.stopping && this.start(), delay).unref();
      }),
    );
  }

  private signal(sig: NodeJS.Signals) {
    if (!this.proc?.pid || this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    try {
      process.kill(-this.proc.pid, sig); // the whole group: next start may have children of its own
    } catch {
      /* already gone */
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.exited) return;
    this.signal("SIGTERM");
    const timer = setTimeout(() => {
      this.log.warn(`${this.spec.name} did not stop in time; killing it`);
      this.signal("SIGKILL");
    }, this.spec.stopTimeoutMs ?? 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  kill() {
    this.stopping = true;
    this.signal("SIGKILL");
  }
}
