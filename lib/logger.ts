// One pino logger for every process: JSON in production, readable in development, secrets redacted.
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { loggingConfig } from "./env";

const redactPaths = [
  "password",
  "*.password",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "secret",
  "*.secret",
  "sharedSecret",
  "*.sharedSecret",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "req.headers.authorization",
  "req.headers.cookie",
  "cookie",
  "databaseUrl",
  "DATABASE_URL",
  "tenantDatabaseUrl",
  "TENANT_DATABASE_URL",
  "AUTH_SECRET",
  "ENCRYPTION_KEYS",
  "totpSecret",
  "*.totpSecret",
];

/** Exported for tests: a logger with the production configuration writing to `destination`. */
export function createLogger(destination?: NodeJS.WritableStream): Logger {
  const { level, pretty: usePretty } = loggingConfig();
  const options = { level, base: { pid: process.pid }, redact: { paths: redactPaths, censor: "[redacted]" } };
  // A synchronous pretty stream rather than a transport: transports run in worker threads that
  // bundlers cannot follow, and the same logger must work in Next.js and in the worker.
  if (destination) return pino(options, destination);
  return usePretty
    ? pino(options, pretty({
          colorize: true,
          translateTime: "HH:MM:ss.l",
          ignore: "pid,hostname,component",
          messageFormat: "{if component}[{component}] {end}{msg}",
          singleLine: true,
          sync: true,
        }))
    : pino(options);
}

const globalForLogger = globalThis as unknown as { __ispLogger?: Logger };
export const logger: Logger = (globalForLogger.__ispLogger ??= createLogger());

export function childLogger(component: string, bindings: Record<string, unknown> = {}): Logger {
  return logger.child({ component, ...bindings });
}

/** Strips user:password from a connection URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]*)@/, "//$1:[redacted]@");
}
