import { afterAll, beforeAll, describe, expect, it } from "vitest";
import crypto from "node:crypto";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { authSessions, mailOutbox, routerMetrics, passwordResetTokens, users } from "@/lib/db/schema";
import { makeTenant } from "@/lib/services/customers/test-fixtures";
import { maintainPartitions } from "./maintain-partitions";
import { purgeExpiredRows } from "./purge-expired-rows";

let t: TestDatabase;
let tenant: string;
let userId: string;
const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day);

beforeAll(async () => {
  t = await createTestDatabase();
  tenant = await makeTenant(t.db, "Ret");
  const [u] = await t.db.insert(users).values({ tenantId: tenant, email: `ret-${Date.now()}@example.test`, name: "R", passwordHash: "x", role: "ADMIN" }).returning();
  userId = u.id;
});
afterAll(async () => {
  await t.drop();
});

const count = async (table: string) => (await t.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe("purgeExpiredRows", () => {
  it("drops staff sessions long expired or revoked, used or expired reset tokens and old mail; keeps the rest", async () => {
    const s = (over: Partial<typeof authSessions.$inferInsert>) => ({ userId, tenantId: tenant, kind: "WEB" as const, expiresAt: new Date(Date.now() + day), ...over });
    await t.db.insert(authSessions).values([
      s({ expiresAt: ago(40) }), // expired long ago: goes
      s({ revokedAt: ago(31) }), // revoked long ago: goes
      s({ expiresAt: ago(2) }), // expired recently: kept for a while
      s({}), // live: kept
    ]);
    const tok = (over: Partial<typeof passwordResetTokens.$inferInsert>) => ({ userId, tenantId: tenant, tokenHash: crypto.randomBytes(16).toString("hex"), expiresAt: new Date(Date.now() + 3600_000), ...over });
    await t.db.insert(passwordResetTokens).values([tok({ expiresAt: ago(2) }), tok({ usedAt: ago(2) }), tok({})]);
    const mail = (over: Partial<typeof mailOutbox.$inferInsert>) => ({ tenantId: tenant, to: "a@example.test", subject: "s", body: "b", ...over });
    await t.db.insert(mailOutbox).values([mail({ sentAt: ago(8) }), mail({ sentAt: ago(1) }), mail({ createdAt: ago(31) }), mail({})]);

    // Before: only rate-limit windows were purged, these tables grew for ever.
    const r = await purgeExpiredRows(t.db);
    expect(r).toMatchObject({ staffSessions: 2, resetTokens: 2, mail: 2 });
    expect(await count("auth_sessions")).toBe(2);
    expect(await count("password_reset_tokens")).toBe(1);
    expect(await count("mail_outbox")).toBe(2);
    expect(await purgeExpiredRows(t.db)).toMatchObject({ staffSessions: 0, resetTokens: 0, mail: 0 });
  });
});

describe("maintainPartitions", () => {
  it("deletes rows past retention from the default partition, in batches, and keeps recent ones", async () => {
    const routerId = crypto.randomUUID();
    // Far outside every monthly partition: these land in nas_metrics_default.
    const old = Array.from({ length: 5 }, (_, i) => ({ tenantId: tenant, routerId, recordedAt: new Date(Date.UTC(2020, 0, 1 + i)) }));
    const future = { tenantId: tenant, routerId, recordedAt: new Date(Date.now() + 400 * day) };
    await t.db.insert(routerMetrics).values([...old, future]);
    expect(await count("nas_metrics_default")).toBe(6);
    const r = await maintainPartitions(t.db, { batch: 2 });
    expect(r.nas_metrics.defaultRowsDeleted).toBe(5);
    expect(await count("nas_metrics_default")).toBe(1);
    expect(r.session_history).toMatchObject({ defaultRowsDeleted: 0 });
  });
});
