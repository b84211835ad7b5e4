// A zod string field stored in a canonical form (an address, a MAC, a phone number): refused with the
// field's message when there is none, canonicalised otherwise. The refusal does not abort the object,
// so its cross-field rules still run and the form shows every error at once.
import { z } from "zod";

export function canonicalField(canonical: (text: string) => string | null, message: string | ((text: string) => string)) {
  return z
    .string({ message: typeof message === "string" ? message : message("") })
    .refine((v) => canonical(v) !== null, { error: (issue) => (typeof message === "string" ? message : message(String(issue.input))) })
    .transform((v) => canonical(v)!);
}
