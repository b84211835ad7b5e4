// First-start seed: a platform operator and a demo ISP with an admin, so a newcomer can sign in at once.
// Runs only on an empty database; the generated passwords are returned to be printed once.
import { sql } from "drizzle-orm";
import { tenants, users } from "./schema";
import type { Database } from "./client";
import { hashPassword } from "@/lib/auth/password";
import { randomString } from "@/lib/crypto";
import { createTenant, createTenantSchema } from "@/lib/services/tenants/create-tenant";
import { seedDemoNetwork } from "./seed-demo";

export interface SeededLogin {
  role: string;
  email: string;
  password: string;
}

const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

export async function seedIfEmpty(db: Database, opts: { password?: string; demo?: boolean } = {}): Promise<SeededLogin[] | null> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(tenants);
  if (n > 0) return null;
  const operatorPassword = opts.password ?? randomString(16, PASSWORD_ALPHABET);
  const adminPassword = opts.password ?? randomString(16, PASSWORD_ALPHABET);

  return db.transaction(async (tx) => {
    // Re-check under a lock: web and worker may both reach here on a first start.
    await tx.execute(sql`select pg_advisory_xact_lock(727002)`);
    const [{ again }] = await tx.select({ again: sql<number>`count(*)::int` }).from(tenants);
    if (again > 0) return null;

    await tx.insert(users).values({
      tenantId: null,
      email: "operator@example.com",
      name: "Platform Operator",
      passwordHash: await hashPassword(operatorPassword),
      role: "SUPER_ADMIN",
    });
    const { tenant } = await createTenant(
      tx,
      createTenantSchema.parse({
        name: "Demo ISP",
        slug: "demo",
        status: "ACTIVE",
        admin: { name: "Demo Admin", email: "admin@example.com", password: adminPassword },
      }),
      { label: "seed" },
    );
    if (opts.demo !== false) await seedDemoNetwork(tx, tenant.id);
    return [
      { role: "ISP admin (Demo ISP)", email: "admin@example.com", password: adminPassword },
      { role: "Platform operator", email: "operator@example.com", password: operatorPassword },
    ];
  });
}
