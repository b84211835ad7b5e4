// The worker's own HTTP health endpoint (loopback by default): /health, /health/live, /health/ready.
import http from "node:http";
import type { Service } from "./service";

export interface HealthSource {
  name: string;
  check(): { ok: boolean; detail?: string };
}

/** Extra JSON routes other services add (e.g. RADIUS counters at /metrics/radius). */
const extraRoutes = new Map<string, () => unknown>();

export function registerHealthRoute(path: string, body: () => unknown) {
  extraRoutes.set(path, body);
}

export function createHealthServer(port: number, host: string, sources: HealthSource[]): Service & { port(): number } {
  let server: http.Server | undefined;
  const startedAt = Date.now();
  return {
    name: "health",
    port: () => (server?.address() as { port: number } | null)?.port ?? port,
    async start() {
      server = http.createServer((req, res) => {
        const url = req.url?.split("?")[0] ?? "/";
        const checks = Object.fromEntries(sources.map((s) => [s.name, s.check()]));
        const ready = Object.values(checks).every((c) => c.ok);
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
          res.end(JSON.stringify(body));
        };
        const extra = extraRoutes.get(url);
        if (extra) return send(200, extra());
        if (url === "/health/live") return send(200, { status: "ok" });
        if (url === "/health/ready") return send(ready ? 200 : 503, { status: ready ? "ready" : "not ready", checks });
        if (url === "/health") return send(ready ? 200 : 503, { status: ready ? "ok" : "degraded", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), checks });
        send(404, { error: { code: "NOT_FOUND", message: "not found" } });
      });
      await new Promise<void>((resolve, reject) => {
        server!.once("error", (e: NodeJS.ErrnoException) =>
          reject(e.code === "EADDRINUSE" ? new Error(`port ${port} is already in use: set WORKER_HEALTH_PORT to another port`) : e),
        );
        server!.listen(port, host, () => resolve());
      });
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      server?.closeAllConnections();
    },
  };
}
