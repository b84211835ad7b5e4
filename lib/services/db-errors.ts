// Turns PostgreSQL constraint violations into AppErrors that name the field, so services can
// insert first and explain after, without a racy "does it exist?" query beforehand.
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

export function mapDbError(e: unknown, messages: ConstraintMessages): never {
  const pg = pgErrorOf(e);
  if (pg?.code === "23505" || pg?.code === "23503" || pg?.code === "23P01") {
    const name = pg.constraint_name ?? pg.constraint ?? "";
    const known = messages[name];
    if (known) {
      throw new AppError(pg.code === "23503" ? "CONFLICT" : "CONFLICT", known[1], { fieldErrors: { [known[0]]: [known[1]] } });
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
