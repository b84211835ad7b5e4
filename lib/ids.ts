// Row ids are UUIDs: one pattern for every check, so a malformed id is NOT_FOUND (or a field error)
// before it reaches PostgreSQL, which would fail the whole transaction on the cast.
import { z } from "zod";

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(v: unknown): v is string {
  return typeof v === "string" && UUID_PATTERN.test(v);
}

/** A UUID field with the message a form shows beside it. */
export const uuidField = (message = "Must be a valid id") => z.string({ message }).refine(isUuid, message);
