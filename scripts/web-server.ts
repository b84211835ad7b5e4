// The web process: Next.js behind a small HTTP server of ours that decides each request's client
// address from the socket (and TRUST_PROXY_HOPS trusted proxies) before Next.js reads the headers.
// `npm run web` (production) and the launcher run this instead of `next start`; `--dev` serves `next dev`.
import http from "node:http";
import next from "next";
import { ConfigError, parseEnv } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { stampClientAddress } from "@/lib/auth/client-address";

const log = childLogger("web");

export interface WebServerOptions {
  dev: boolean;
  host: string;
  port: number;
  trustedHops: number;
  dir?: string;
}

/** The HTTP server in front of a request handler (Next.js's, or a test's). */
export function createWebServer(handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown, trustedHops: number): http.Server {
  return http.createServer((req, res) => {
    stampClientAddress(req, trustedHops);
    Promise.resolve(handle(req, res)).catch((e: unknown) => {
      log.error({ err: e }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });
}

async function main() {
  const dev = process.argv.includes("--dev");
  // What `next start` / `next dev` would set; the build inlines the same.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? (dev ? "development" : "production") });
  let config;
  try {
    config = parseEnv(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`\n${e.message}\n\n`);
      process.exit(1);
    }
    throw e;
  }
  const app = next({ dev, hostname: config.HOST, port: config.PORT, dir: process.cwd() });
  await app.prepare();
  const server = createWebServer(app.getRequestHandler(), config.TRUST_PROXY_HOPS);
  server.listen(config.PORT, config.HOST, () =>
    log.info(`web listening on ${config.HOST}:${config.PORT} (${dev ? "development" : "production"}; client address from ${config.TRUST_PROXY_HOPS ? `${config.TRUST_PROXY_HOPS} trusted proxy hop(s)` : "the socket"})`),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info(`${signal}: closing the web server`);
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (process.argv[1] && /web-server\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    log.fatal({ err: e }, "web server failed to start");
    process.exit(1);
  });
}
