// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { parseEnv } from "@/lib/env";
import { runMigrations } from "@/lib/db/migrate";

const env = parseEnv();
runMigrations(env.databaseUrl, { tenantUrl: env.tenantDatabaseUrl })
  .then((n) => console.log(n ? `applied ${n} migration(s)` : "database is current"))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
