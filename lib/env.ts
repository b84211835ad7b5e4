// Validated configuration shared by web, worker and scripts. Every process reads the same variables;
// in development the embedded PostgreSQL and generated secrets under DATA_DIR fill what is unset.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { z } from "zod";

const port = (fallback: number) =>
  z.coerce.number().int().min(1, "must be a port between 1 and 65535").max(65535, "must be a port between 1 and 65535").default(fallback);

const boolish = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"], { message: "must be true or false" })
    .transform((v) => ["true", "1", "yes", "on"].includes(v))
    .default(fallback);

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** The login of tenant requests (a member of isp_tenant only); generated for the embedded default. */
  TENANT_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/[^:@/]+:[^@/]+@/, "must be a postgres:// URL with a user and password (a role of its own, not DATABASE_URL's)")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_PORT: port(55432),
  HOST: z.string().default("0.0.0.0"),
  PORT: port(3000),
  APP_URL: z
    .string()
    .url("must be an absolute URL such as https://isp.example.net")
    .regex(/^https?:\/\//, "must be an http:// or https:// URL")
    .optional(),
  /** Lets production run on a plain-HTTP APP_URL (session cookies then travel without the Secure flag). */
  ALLOW_INSECURE_HTTP: boolish(false),
  /** How many reverse proxies in front of the web app append to X-Forwarded-For (0: the socket's address is the client). */
  TRUST_PROXY_HOPS: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(10, "must be at most 10").default(0),
  WORKER_HEALTH_PORT: port(3001),
  RADIUS_HOST: z.string().default("0.0.0.0"),
  RADIUS_AUTH_PORT: port(1812),
  RADIUS_ACCT_PORT: port(1813),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]{1,16}:[A-Za-z0-9+/=]{43,44})*$/,
      "must be a comma-separated list of keyId:base64(32 bytes); the first key seals new secrets",
    )
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { message: "must be json or pretty" }).optional(),
  SEED_DEMO: boolish(true),
  /** Fixes the seeded accounts' password (tests, demos); otherwise a random one is printed once. */
  SEED_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  /** Multiplies every per-IP rate limit (many staff behind one NAT, or a test run from one address). */
  RATE_LIMIT_IP_FACTOR: z.coerce.number().int().min(1, "must be a whole number of at least 1").max(1000).default(1),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("ISP Platform <no-reply@localhost>"),
  /** Send SMTP credentials over smtp:// even when the server offers no STARTTLS (a trusted local relay only). */
  SMTP_ALLOW_INSECURE_AUTH: boolish(false),
  /** false: no RADIUS-log row per Access-Accept (rejects and drops are always logged). */
  RADIUS_LOG_ACCEPTS: boolish(true),
});

export type RawEnv = z.infer<typeof envSchema>;

export type Env = RawEnv & {
  DATA_DIR: string;
  AUTH_SECRET: string;
  ENCRYPTION_KEYS: string;
  APP_URL: string;
  isProduction: boolean;
  usesEmbeddedDatabase: boolean;
  /** next-auth's endpoint under APP_URL (its NEXTAUTH_URL), so cookies and redirects follow APP_URL. */
  nextAuthUrl: string;
  databaseUrl: string;
  /** Where withTenant's pool logs in: TENANT_DATABASE_URL, or DATABASE_URL's server as isp_tenant_login. */
  tenantDatabaseUrl: string;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

interface GeneratedSecrets {
  authSecret: string;
  encryptionKeys: string;
  postgresPassword: string;
  tenantPassword: string;
}

function secretsFile(dataDir: string) {
  return path.join(dataDir, "secrets.json");
}

/** Secrets for the embedded default: generated once, kept under DATA_DIR (mode 0600). */
export function loadOrCreateSecrets(dataDir: string, create: boolean): GeneratedSecrets | null {
  const file = secretsFile(dataDir);
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Partial<GeneratedSecrets>) : null;
  // A file written before a secret existed gets the new one added on the next start.
  if (existing && (existing.tenantPassword || !create)) return existing as GeneratedSecrets;
  if (!create) return null;
  const secrets: GeneratedSecrets = {
    authSecret: crypto.randomBytes(32).toString("base64url"),
    encryptionKeys: `k1:${crypto.randomBytes(32).toString("base64")}`,
    postgresPassword: crypto.randomBytes(18).toString("base64url"),
    tenantPassword: crypto.randomBytes(18).toString("base64url"),
    ...existing,
  };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export const TENANT_LOGIN_ROLE = "isp_tenant_login";

/** DATABASE_URL's server and database, logged in as the generated tenant role. */
export function generatedTenantUrl(databaseUrl: string, password: string) {
  const u = new URL(databaseUrl);
  u.username = TENANT_LOGIN_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}

export function embeddedDatabaseUrl(port: number, password: string, database = "isp") {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Parses and completes the configuration. Throws ConfigError naming every bad variable.
 * `createSecrets` lets the launcher generate the embedded defaults on first start.
 */
export function parseEnv(source: Record<string, string | undefined> = process.env, opts: { createSecrets?: boolean } = {}): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "environment"}: ${i.message}`));
  }
  const raw = result.data;
  const isProduction = raw.NODE_ENV === "production";
  const dataDir = path.resolve(raw.DATA_DIR);
  const problems: string[] = [];

  if (isProduction) {
    if (!raw.AUTH_SECRET) problems.push("AUTH_SECRET: required in production (at least 32 random characters)");
    if (!raw.ENCRYPTION_KEYS) problems.push("ENCRYPTION_KEYS: required in production (keyId:base64 of 32 random bytes)");
    if (!raw.DATABASE_URL) problems.push("DATABASE_URL: required in production (the embedded PostgreSQL is for development)");
    if (!raw.TENANT_DATABASE_URL) problems.push("TENANT_DATABASE_URL: required in production (the same database, logged in as a role of its own for tenant requests)");
    if (!raw.APP_URL) problems.push("APP_URL: required in production (the public https:// address of the web app)");
    else if (raw.APP_URL.startsWith("http://") && !raw.ALLOW_INSECURE_HTTP) {
      problems.push("APP_URL: must be https:// in production, or session cookies are sent without the Secure flag; set ALLOW_INSECURE_HTTP=true to run over plain HTTP anyway");
    }
    if (problems.length) throw new ConfigError(problems);
  }

  const needGenerated = !raw.AUTH_SECRET || !raw.ENCRYPTION_KEYS || !raw.DATABASE_URL || !raw.TENANT_DATABASE_URL;
  const generated = needGenerated ? loadOrCreateSecrets(dataDir, opts.createSecrets ?? false) : null;
  if (needGenerated && !generated) {
    throw new ConfigError([
      `${secretsFile(dataDir)}: missing. Start the platform once with \`npm start\` to create it, or set AUTH_SECRET, ENCRYPTION_KEYS, DATABASE_URL and TENANT_DATABASE_URL`,
    ]);
  }

  const databaseUrl = raw.DATABASE_URL ?? embeddedDatabaseUrl(raw.EMBEDDED_PG_PORT, generated!.postgresPassword);
  if (generated && !raw.TENANT_DATABASE_URL && !generated.tenantPassword) {
    throw new ConfigError([`${secretsFile(dataDir)}: has no tenantPassword yet. Start the platform once with \`npm start\` to add it, or set TENANT_DATABASE_URL`]);
  }
  const tenantDatabaseUrl = raw.TENANT_DATABASE_URL ?? generatedTenantUrl(databaseUrl, generated!.tenantPassword);
  const appUrl = (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, "");
  return {
    ...raw,
    DATA_DIR: dataDir,
    AUTH_SECRET: raw.AUTH_SECRET ?? generated!.authSecret,
    ENCRYPTION_KEYS: raw.ENCRYPTION_KEYS ?? generated!.encryptionKeys,
    APP_URL: appUrl,
    nextAuthUrl: new URL("/api/auth", appUrl).toString(),
    isProduction,
    usesEmbeddedDatabase: !raw.DATABASE_URL,
    databaseUrl,
    tenantDatabaseUrl,
  };
}

/**
 * What the logger needs, read without the rest of the configuration: the logger must work (and report a
 * bad configuration) before the full parse has succeeded. A bad value falls back here and is named by parseEnv.
 */
export function loggingConfig(source: Record<string, string | undefined> = process.env): { level: string; pretty: boolean } {
  const nodeEnv = source.NODE_ENV;
  const level = (LOG_LEVELS as readonly string[]).includes(source.LOG_LEVEL ?? "") ? source.LOG_LEVEL! : nodeEnv === "test" ? "warn" : "info";
  const pretty = source.LOG_FORMAT === "pretty" || (nodeEnv !== "production" && source.LOG_FORMAT !== "json");
  return { level, pretty };
}

let cached: Env | undefined;

/** The process-wide configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * next-auth v4 reads its public URL from process.env.NEXTAUTH_URL on every request (the launcher used to
 * be the only one to set it): derive it from APP_URL, so `next start` or any other start gets it too.
 */
export function publishNextAuthUrl(e: Env = env()) {
  process.env.NEXTAUTH_URL = e.nextAuthUrl;
}

/** For tests that change process.env. */
export function resetEnvCache() {
  cached = undefined;
}
