// The zod field for an amount a person types ("1,500.50") or JSON gives (1500.5): it checks the shape and
// keeps the text; the service turns it into minor units with toMinorUnits once it knows the currency.
import { z } from "zod";

const SHAPE = /^\d{1,3}(,\d{3})*(\.\d*)?$|^\d+(\.\d*)?$/;

export const moneyField = (label = "Amount", opts: { allowZero?: boolean } = {}) =>
  z.preprocess(
    (v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : typeof v === "string" ? v.replace(/\s/g, "") : v),
    z
      .string({ message: `${label} must be a number` })
      .refine((s) => !s.startsWith("-"), opts.allowZero ? `${label} cannot be negative` : `${label} must be more than 0`)
      .refine((s) => s.startsWith("-") || SHAPE.test(s), `${label} must be a number such as 1,500`)
      .refine((s) => !SHAPE.test(s) || opts.allowZero || Number(s.replace(/,/g, "")) > 0, `${label} must be more than 0`)
      .transform((s) => s.replace(/,/g, "")),
  );
