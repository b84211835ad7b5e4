import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "@/lib/testing/ports";
import { EmbeddedPostgresError, startEmbeddedPostgres } from "./embedded";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "isp-embedded-"));
  fs.chmodSync(d, 0o755);
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("embedded PostgreSQL", () => {
  it("initialises once, restarts on the same data, and stops", async () => {
    const dir = tmp();
    const port = await findFreePort();
    const first = await startEmbeddedPostgres({ dataDir: dir, port, password: "pw-one" });
    await first.stop();
    expect(fs.existsSync(path.join(dir, "pg", "PG_VERSION"))).toBe(true);
    const t = Date.now();
    const second = await startEmbeddedPostgres({ dataDir: dir, port, password: "pw-one" });
    const restartMs = Date.now() - t;
    await second.stop();
    expect(restartMs).toBeLessThan(10_000);
  });

  it("shows PostgreSQL's own log lines when it fails to start", async () => {
    const dir = tmp();
    const port = await findFreePort();
    const pg = await startEmbeddedPostgres({ dataDir: dir, port, password: "pw" });
    await pg.stop();
    // Break the configuration the way a bad edit would.
    fs.appendFileSync(path.join(dir, "pg", "postgresql.conf"), "\nshared_buffers = 'not-a-size'\n");
    const err = await startEmbeddedPostgres({ dataDir: dir, port, password: "pw" }).catch((e) => e);
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    expect(err.message).toMatch(/PostgreSQL said:/);
    expect(err.message).toMatch(/shared_buffers/);
  });

  it("names EMBEDDED_PG_PORT when the port is taken", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", r));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const err = await startEmbeddedPostgres({ dataDir: tmp(), port, password: "pw" }).catch((e) => e);
      expect(err).toBeInstanceOf(EmbeddedPostgresError);
      expect(err.message).toMatch(new RegExp(`Port ${port} is already in use.*EMBEDDED_PG_PORT`));
    } finally {
      blocker.close();
    }
  });
});
