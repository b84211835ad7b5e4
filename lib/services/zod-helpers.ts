// Zod pieces shared by service schemas, so the same schema accepts form posts (strings) and JSON.
import { z } from "zod";
import { AppError, type FieldErrors } from "@/lib/errors";
import { uuidField } from "@/lib/ids";

/** Preprocessors for form posts: null or a blank string means "not given" (undefined) or "cleared" (null). */
export const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
export const blankToUndef = blank;
export const blankToNull = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v);

/** A boolean from JSON, or from a form: "on", "true", "1" are true; "false", "0", "off", absent are false. */
export const zBool = z.preprocess((v) => {
  if (typeof v === "boolean") return v;
  if (v === undefined || v === null || v === "") return false;
  return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
}, z.boolean());

/** An optional string where "" (or null) means "not given". */
export const zOptionalText = (max = 500) => z.preprocess(blank, z.string().trim().max(max).optional());

/** An optional number where "" (or only spaces, which Number() would read as 0) means "not given". */
export const zOptionalInt = (min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(blank, z.coerce.number().int("Must be a whole number").min(min).max(max).optional());

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

/** Cross-field rule errors (by field) as issues of a refinement, so a schema reports them with the others. */
export function addFieldIssues(ctx: z.RefinementCtx, errors: FieldErrors): void {
  for (const [field, messages] of Object.entries(errors)) for (const message of messages) ctx.addIssue({ code: "custom", path: [field], message });
}

/** The same rule errors found on an already typed value (a merged update): INVALID_INPUT naming each field. */
export function throwFieldErrors(errors: FieldErrors): void {
  if (Object.keys(errors).length) throw new AppError("INVALID_INPUT", "Some fields need your attention", { fieldErrors: errors });
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
