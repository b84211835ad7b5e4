// Runs once when the web server starts: applies pending migrations (advisory-locked, so it is safe
// alongside the worker) before the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { runMigrations } = await import("@/lib/db/migrate");
  const { childLogger } = await import("@/lib/logger");
  const log = childLogger("web");
  try {
    const applied = await runMigrations(env().databaseUrl, { tenantUrl: env().tenantDatabaseUrl });
    if (applied) log.info(`applied ${applied} migration(s)`);
  } catch (e) {
    // Readiness reports the problem; the server still starts so /health/ready can say why.
    log.error({ err: (e as Error).message }, "could not apply migrations at start");
  }
}
