// Rows the customer and package tests share: two tenants, a package each, a customer.
import type { Db } from "@/lib/db/client";
import { customers, packages, tenants, type NewCustomer, type NewPackage } from "@/lib/db/schema";
import type { Actor } from "@/lib/services/audit/record-audit";

export const testActor: Actor = { label: "test" };

let seq = 0;

export async function makeTenant(db: Db, name = "T") {
  seq++;
  const [row] = await db.insert(tenants).values({ name: `${name} ${seq}`, slug: `${name.toLowerCase()}-${seq}-${Date.now()}` }).returning();
  return row.id;
}

export async function makePackage(db: Db, tenantId: string, over: Partial<NewPackage> = {}) {
  seq++;
  const [row] = await db
    .insert(packages)
    .values({
      tenantId,
      name: `Plan ${seq}`,
      type: "PPPOE",
      price: 100_000,
      validityValue: 30,
      validityUnit: "DAYS",
      downloadKbps: 10_000,
      uploadKbps: 5_000,
      ...over,
    })
    .returning();
  return row;
}

export async function makeCustomer(db: Db, tenantId: string, over: Partial<NewCustomer> = {}) {
  seq++;
  const [row] = await db
    .insert(customers)
    .values({ tenantId, type: "PPPOE", name: `Customer ${seq}`, username: `user${seq}`, ...over })
    .returning();
  return row;
}
