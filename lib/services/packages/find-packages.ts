// The tenant's packages for the list page, pickers and GET /api/packages, with how many customers use each.
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages } from "@/lib/db/schema";
import { blank, pageOf, type Page } from "@/lib/services/zod-helpers";
import { connectionTypes, toPackageView, type PackageView } from "./package-fields";
import { containsPattern } from "@/lib/db/like";

export const findPackagesSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(25),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  type: z.preprocess(blank, z.enum(connectionTypes).optional()),
  /** active (default): not retired; retired; all. */
  state: z.preprocess(blank, z.enum(["active", "retired", "all"]).default("active")),
  sort: z.preprocess(blank, z.enum(["name", "price", "created", "type"]).default("name")),
  dir: z.preprocess(blank, z.enum(["asc", "desc"]).default("asc")),
});
export type FindPackagesInput = z.output<typeof findPackagesSchema>;

export type PackageListRow = PackageView & { customerCount: number };

export async function findPackages(db: Database, input: FindPackagesInput & { tenantId: string }): Promise<Page<PackageListRow>> {
  const q = input;
  const filters: SQL[] = [eq(packages.tenantId, input.tenantId)];
  if (q.q) filters.push(ilike(packages.name, containsPattern(q.q)));
  if (q.type) filters.push(eq(packages.type, q.type));
  if (q.state === "active") filters.push(isNull(packages.retiredAt));
  if (q.state === "retired") filters.push(isNotNull(packages.retiredAt));
  const where = and(...filters);
  const col = { name: packages.name, price: packages.price, created: packages.createdAt, type: packages.type }[q.sort];
  const order = q.dir === "desc" ? desc(col) : asc(col);
  const usage = db
    .select({ packageId: customers.packageId, n: count().as("n") })
    .from(customers)
    .where(eq(customers.tenantId, input.tenantId))
    .groupBy(customers.packageId)
    .as("u");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ p: packages, n: sql<number>`coalesce(${usage.n}, 0)::int` })
      .from(packages)
      .leftJoin(usage, eq(usage.packageId, packages.id))
      .where(where)
      .orderBy(order, asc(packages.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(packages).where(where),
  ]);
  return pageOf(
    rows.map((r) => ({ ...toPackageView(r.p), customerCount: Number(r.n) })),
    total,
    q.page,
    q.pageSize,
  );
}
