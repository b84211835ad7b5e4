// Zod pieces shared by service schemas, so the same schema accepts form posts (strings) and JSON.
import { z } from "zod";
import type { FieldErrors } from "@/lib/errors";
import { uuidField } from "@/lib/ids";

/** A boolean from JSON, or from a form: "on", "true", "1" are true; "false", "0", "off", absent are false. */
export const zBool = z.preprocess((v) => {
  if (typeof v === "boolean") return v;
  if (v === undefined || v === null || v === "") return false;
  return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
}, z.boolean());

/** An optional string where "" from a form means "not given". */
export const zOptionalText = (max = 500) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max).optional());

/** An optional number where "" means "not given". */
export const zOptionalInt = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int("Must be a whole number").min(min).max(max).optional());

/**
 * For a cross-field refinement: run it even when some field already failed (zod skips it then), so a form
 * shows every error at once. The rule must cope with unparsed values in the fields that failed.
 */
export const alsoWhenFieldsFail = { when: (payload: { value: unknown }) => typeof payload.value === "object" && payload.value !== null };

export const zUuid = (what = "id") => uuidField(`${what} must be a valid id`);

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

/** Every issue of a ZodError by field path ("admin.email"), not only the first. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export function pageOf<T>(rows: T[], total: number, page: number, pageSize: number): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
