// Turns PostgreSQL constraint violations into AppErrors that name the field, so services can
// insert first and explain after, without a racy "does it exist?" query beforehand. The field comes
// from the schema itself (the unique index or foreign key of that name, and its non-tenant column), so
// every constraint maps to its field without a list per service; services may still word the message.
import { getTableColumns, is, SQL } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

interface PgError {
  code?: string;
  constraint_name?: string;
  constraint?: string;
}

function pgErrorOf(e: unknown): PgError | null {
  let cur: unknown = e;
  for (let depth = 0; cur && depth < 5; depth++) {
    const candidate = cur as PgError & { cause?: unknown };
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    cur = candidate.cause;
  }
  return null;
}

/** constraint name → [field, message] */
export type ConstraintMessages = Record<string, [field: string, message: string]>;

export interface ConstraintField {
  table: string;
  /** The form field (the schema's property name) the constraint is about. */
  field: string;
  kind: "unique" | "foreign-key";
}

const ENTITY: Record<string, string> = { nas: "router", ip_pools: "IP pool", ip_assignments: "IP assignment", voucher_batches: "voucher batch" };
const entityOf = (table: string) => ENTITY[table] ?? table.replace(/_/g, " ").replace(/(ies)$/, "y").replace(/s$/, "");
const labelOf = (field: string) =>
  field
    .replace(/Id$/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/\bip\b/g, "IP")
    .replace(/\bmac\b/g, "MAC");

let registry: Map<string, ConstraintField> | null = null;

/** Every unique index, unique constraint and foreign key of the schema, by name, with its field. */
function constraints(): Map<string, ConstraintField> {
  if (registry) return registry;
  const out = new Map<string, ConstraintField>();
  for (const table of Object.values(schema)) {
    if (!is(table, PgTable)) continue;
    const config = getTableConfig(table);
    const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, col]) => [col.name, key]));
    // The field is the last column that is not the tenant: (tenant_id, name) → name.
    const fieldOf = (names: string[]) => [...names].reverse().map((n) => keyOf.get(n)).find((k) => k && k !== "tenantId");
    const add = (name: string | undefined, names: string[], kind: ConstraintField["kind"]) => {
      const field = name ? fieldOf(names) : undefined;
      if (name && field) out.set(name, { table: config.name, field, kind });
    };
    for (const index of config.indexes) {
      if (!index.config.unique) continue;
      const names = index.config.columns.flatMap((c) =>
        is(c, SQL) ? c.queryChunks.flatMap((q) => (q && typeof q === "object" && "name" in q && typeof q.name === "string" ? [q.name] : [])) : "name" in c && typeof c.name === "string" ? [c.name] : [],
      );
      add(index.config.name, names, "unique");
    }
    for (const u of config.uniqueConstraints) add(u.getName(), u.columns.map((c) => c.name), "unique");
    for (const fk of config.foreignKeys) add(fk.getName(), fk.reference().columns.map((c) => c.name), "foreign-key");
  }
  registry = out;
  return out;
}

/** The field a constraint of the schema is about, or null for a name the schema does not have. */
export function constraintField(name: string): ConstraintField | null {
  return constraints().get(name) ?? null;
}

/**
 * Rethrows a unique or foreign-key violation as CONFLICT with the field's error beside it (the wording
 * from `messages` when given, else a generic one); anything else is rethrown as it is.
 */
export function mapDbError(e: unknown, messages: ConstraintMessages = {}): never {
  const pg = pgErrorOf(e);
  if (pg?.code === "23505" || pg?.code === "23503" || pg?.code === "23P01") {
    const name = pg.constraint_name ?? pg.constraint ?? "";
    const known = messages[name];
    if (known) throw new AppError("CONFLICT", known[1], { fieldErrors: { [known[0]]: [known[1]] } });
    const c = constraintField(name);
    if (c && pg.code === "23505") {
      const message = `Another ${entityOf(c.table)} already has this ${labelOf(c.field)}`;
      throw new AppError("CONFLICT", message, { fieldErrors: { [c.field]: [message] } });
    }
    if (c && pg.code === "23503") {
      const message = `Choose a ${labelOf(c.field)} from the list`;
      throw new AppError("CONFLICT", message, { fieldErrors: { [c.field]: [message] } });
    }
    if (pg.code === "23505") throw new AppError("CONFLICT", "A record with the same unique value already exists");
    if (pg.code === "23503") throw new AppError("CONFLICT", "This record is referenced by other records");
  }
  throw e;
}

/** The SQLSTATE of a PostgreSQL error, looked up through wrappers (Drizzle's query error keeps it in cause). */
export function pgErrorCode(e: unknown): string | undefined {
  return pgErrorOf(e)?.code;
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const pg = pgErrorOf(e);
  return pg?.code === "23505" && (!constraint || (pg.constraint_name ?? pg.constraint) === constraint);
}
