// Sends a job from anywhere (web or worker) without running a pg-boss worker: one INSERT through
// pg-boss's own API on a shared, lazily started instance.
import PgBoss from "pg-boss";

const globalForBoss = globalThis as unknown as { __ispBossSender?: Promise<PgBoss> };

export const PGBOSS_SCHEMA = "pgboss";

function sender(url: string): Promise<PgBoss> {
  globalForBoss.__ispBossSender ??= (async () => {
    const boss = new PgBoss({ connectionString: url, schema: PGBOSS_SCHEMA, max: 2, supervise: false, schedule: false, migrate: true });
    boss.on("error", () => undefined);
    await boss.start();
    return boss;
  })();
  return globalForBoss.__ispBossSender;
}

export async function sendJob(url: string, name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
  const boss = await sender(url);
  await boss.createQueue(name).catch(() => undefined);
  return boss.send(name, data, options);
}
