import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "isp-env-"));

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe("configuration", () => {
  it("names every invalid variable and what is wrong with it", () => {
    const p = problems({ PORT: "99999", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", AUTH_SECRET: "short" });
    expect(p.find((x) => x.startsWith("PORT:"))).toMatch(/port between 1 and 65535/);
    expect(p.find((x) => x.startsWith("DATABASE_URL:"))).toMatch(/postgres:\/\//);
    expect(p.find((x) => x.startsWith("LOG_LEVEL:"))).toBeTruthy();
    expect(p.find((x) => x.startsWith("AUTH_SECRET:"))).toMatch(/at least 32/);
  });

  it("refuses to start in production without secrets and a database, naming each", () => {
    const p = problems({ NODE_ENV: "production", DATA_DIR: tmp() });
    expect(p.map((x) => x.split(":")[0]).sort()).toEqual(["APP_URL", "AUTH_SECRET", "DATABASE_URL", "ENCRYPTION_KEYS", "TENANT_DATABASE_URL"]);
  });

  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/isp", TENANT_DATABASE_URL: "postgres://t:p@db:5432/isp", AUTH_SECRET: "x".repeat(32), ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}` };

  it("refuses a plain-HTTP APP_URL in production unless ALLOW_INSECURE_HTTP says so, naming both", () => {
    const p = problems({ ...production, DATA_DIR: tmp(), APP_URL: "http://isp.example.net" });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^APP_URL: must be https:\/\/ in production.*ALLOW_INSECURE_HTTP=true/);
    expect(parseEnv({ ...production, DATA_DIR: tmp(), APP_URL: "http://isp.example.net", ALLOW_INSECURE_HTTP: "true" }).APP_URL).toBe("http://isp.example.net");
    const ok = parseEnv({ ...production, DATA_DIR: tmp(), APP_URL: "https://isp.example.net/" });
    expect(ok.APP_URL).toBe("https://isp.example.net");
    expect(ok.nextAuthUrl).toBe("https://isp.example.net/api/auth");
  });

  it("validates TRUST_PROXY_HOPS (default 0: the socket is the client)", () => {
    expect(parseEnv({ DATA_DIR: tmp(), ...production, NODE_ENV: "development" }).TRUST_PROXY_HOPS).toBe(0);
    expect(problems({ DATA_DIR: tmp(), TRUST_PROXY_HOPS: "-1" }).find((x) => x.startsWith("TRUST_PROXY_HOPS:"))).toMatch(/0 or more/);
    expect(problems({ DATA_DIR: tmp(), TRUST_PROXY_HOPS: "one" }).find((x) => x.startsWith("TRUST_PROXY_HOPS:"))).toBeTruthy();
  });

  it("generates secrets once under DATA_DIR for the embedded default and reuses them", () => {
    const dir = tmp();
    const first = parseEnv({ DATA_DIR: dir }, { createSecrets: true });
    const second = parseEnv({ DATA_DIR: dir });
    expect(first.AUTH_SECRET).toBe(second.AUTH_SECRET);
    expect(first.ENCRYPTION_KEYS).toBe(second.ENCRYPTION_KEYS);
    expect(first.usesEmbeddedDatabase).toBe(true);
    expect(first.databaseUrl).toMatch(/^postgres:\/\/postgres:.+@127\.0\.0\.1:55432\/isp$/);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
  });

  it("explains how to proceed when the generated secrets are missing", () => {
    expect(problems({ DATA_DIR: tmp() })[0]).toMatch(/npm start.*or set AUTH_SECRET, ENCRYPTION_KEYS, DATABASE_URL and TENANT_DATABASE_URL/);
  });

  it("uses DATABASE_URL as given, with the same code path", () => {
    const env = parseEnv({
      DATA_DIR: tmp(),
      DATABASE_URL: "postgres://u:p@db:5432/isp",
      TENANT_DATABASE_URL: "postgres://web_tenant:q@db:5432/isp",
      AUTH_SECRET: "x".repeat(32),
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
    });
    expect(env.usesEmbeddedDatabase).toBe(false);
    expect(env.databaseUrl).toBe("postgres://u:p@db:5432/isp");
    expect(env.tenantDatabaseUrl).toBe("postgres://web_tenant:q@db:5432/isp");
  });

  it("logs tenant requests in as a generated role of their own, and adds its password to an older secrets file", () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "secrets.json"), JSON.stringify({ authSecret: "a".repeat(32), encryptionKeys: `k1:${Buffer.alloc(32, 2).toString("base64")}`, postgresPassword: "pgpw" }));
    expect(problems({ DATA_DIR: dir })[0]).toMatch(/no tenantPassword yet.*npm start.*TENANT_DATABASE_URL/);
    const first = parseEnv({ DATA_DIR: dir }, { createSecrets: true });
    expect(first.AUTH_SECRET).toBe("a".repeat(32));
    const tenant = new URL(first.tenantDatabaseUrl);
    expect(tenant.username).toBe("isp_tenant_login");
    expect(tenant.password.length).toBeGreaterThan(16);
    expect(`${tenant.host}${tenant.pathname}`).toBe("127.0.0.1:55432/isp");
    expect(parseEnv({ DATA_DIR: dir }).tenantDatabaseUrl).toBe(first.tenantDatabaseUrl);
    expect(problems({ DATA_DIR: dir, TENANT_DATABASE_URL: "postgres://db/isp" })[0]).toMatch(/^TENANT_DATABASE_URL: .*user and password/);
  });
});

describe("configuration is read in one place", () => {
  it("names a bad RADIUS_LOG_ACCEPTS or LOG_FORMAT like every other variable", () => {
    const p = problems({ RADIUS_LOG_ACCEPTS: "sometimes", LOG_FORMAT: "xml", DATABASE_URL: "postgres://x@y/z", AUTH_SECRET: "a".repeat(32), ENCRYPTION_KEYS: `k:${"A".repeat(43)}=` });
    expect(p.map((x) => x.split(":")[0]).sort()).toEqual(["LOG_FORMAT", "RADIUS_LOG_ACCEPTS"]);
  });

  it("nothing outside lib/env.ts reads process.env (tools, tests and Next's own NEXT_RUNTIME aside)", () => {
    const root = path.resolve(__dirname, "..");
    const offenders: string[] = [];
    const scan = (full: string) => {
      const rel = path.relative(root, full);
      if (rel === path.join("lib", "env.ts")) return;
      fs.readFileSync(full, "utf8")
        .split("\n")
        .forEach((line, i) => {
          // Reading a variable is configuration; handing the environment to a child process is not.
          if (/process\.env(\.|\[)/.test(line) && !/process\.env\.NEXT_RUNTIME/.test(line)) offenders.push(`${rel}:${i + 1}`);
        });
    };
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "node_modules" && entry.name !== "testing") walk(full);
        } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.startsWith("test-")) {
          scan(full);
        }
      }
    };
    for (const dir of ["app", "components", "lib", "workers"]) walk(path.join(root, dir));
    for (const file of ["instrumentation.ts", "proxy.ts"]) scan(path.join(root, file));
    expect(offenders).toEqual([]);
  });
});
