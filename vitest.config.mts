import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "") } },
  test: {
    include: ["lib/**/*.test.ts", "workers/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./lib/testing/global-setup.ts"],
    env: {
      NODE_ENV: "test",
      LOG_LEVEL: "warn",
      AUTH_SECRET: "test-auth-secret-that-is-long-enough-000000",
      ENCRYPTION_KEYS: "test:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      // Tests pass their own database handles (a fresh database per file); this only completes the
      // configuration so nothing reads the developer's .data/. Port 1 refuses at once if used by mistake.
      DATABASE_URL: "postgres://unused:unused@127.0.0.1:1/unused",
      TENANT_DATABASE_URL: "postgres://unused_tenant:unused@127.0.0.1:1/unused",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: true,
    maxWorkers: 2,
  },
});
