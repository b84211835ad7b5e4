// Field rules shared by customer create, update and CSV import, and the public (secret-free) row shape.
import { z } from "zod";
import { addFieldIssues, blankToNull, blankToUndef, throwFieldErrors } from "@/lib/services/zod-helpers";
import type { Customer, NewCustomer } from "@/lib/db/schema";
import { randomString } from "@/lib/crypto";
import type { FieldErrors } from "@/lib/errors";
import { canonicalField } from "@/lib/net/field";
import { canonicalIpv4 } from "@/lib/net/ip";
import { canonicalMac } from "@/lib/net/mac";
import { normalizePhone } from "@/lib/net/phone";
import { CONNECTION_TYPES, CUSTOMER_STATUSES } from "@/lib/db/enums";
import { uuidField } from "@/lib/ids";

export const customerStatuses = CUSTOMER_STATUSES;
export const connectionTypes = CONNECTION_TYPES;

const PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
/** 8 characters without look-alikes: easy to read out over the phone, ~40 bits. */
export function generateCustomerPassword(): string {
  return randomString(8, PASSWORD_ALPHABET);
}

const coord = (min: number, max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z.coerce.number({ message: `${label} must be a number` }).min(min, `${label} must be between ${min} and ${max}`).max(max, `${label} must be between ${min} and ${max}`).nullable().optional(),
  );

/** The date forms a file or a form may use; anything else is refused with this list rather than guessed. */
export const DATE_FORMATS_HELP = "YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601 (2026-01-31T18:00:00Z)";
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const date = z.preprocess(
  (v) => {
    if (v === null || (typeof v === "string" && v.trim() === "")) return null;
    if (typeof v === "string") {
      const t = v.trim();
      // A bare date or a datetime-local value: read as local end-of-day / local time of the server (UTC).
      if (DATE_ONLY.test(t)) return new Date(`${t}T23:59:59Z`);
      // Date.parse would take "1/2/2026" or "March 3" and guess; only the unambiguous forms are read.
      if (DATE_TIME.test(t)) return new Date(t.replace(" ", "T"));
      return new Date(Number.NaN);
    }
    return v;
  },
  z
    .date({ message: `Enter a valid date (${DATE_FORMATS_HELP})` })
    .refine((d) => !Number.isNaN(d.getTime()), `Enter a valid date (${DATE_FORMATS_HELP})`)
    .nullable()
    .optional(),
);

const TRUE_WORDS = ["on", "true", "1", "yes", "y"];
const FALSE_WORDS = ["off", "false", "0", "no", "n"];

export const customerFields = {
  type: z.enum(connectionTypes, { message: "Choose a connection type" }),
  name: z.string({ message: "Enter the customer's name" }).trim().min(2, "Name must be at least 2 characters").max(120, "Name must be at most 120 characters"),
  phone: z.preprocess(blankToNull, canonicalField(normalizePhone, "Enter a valid phone number, e.g. 0712 345 678 or +254 712 345 678").nullable().optional()),
  email: z.preprocess(blankToNull, z.string().trim().toLowerCase().max(200).email("Enter a valid email address").nullable().optional()),
  username: z
    .string({ message: "Enter a username" })
    .trim()
    .min(2, "Username must be at least 2 characters")
    .max(64, "Username must be at most 64 characters")
    .regex(/^[A-Za-z0-9._@+-]+$/, "Username may use letters, digits and . _ @ + - only"),
  /** Blank: keep (update) or generate (create). */
  password: z.preprocess(
    blankToUndef,
    z
      .string()
      .min(4, "Password must be at least 4 characters")
      .max(64, "Password must be at most 64 characters")
      .regex(/^[\x21-\x7e]+$/, "Password may not contain spaces or non-ASCII characters")
      .optional(),
  ),
  packageId: z.preprocess(blankToNull, uuidField("Choose a package from the list").nullable().optional()),
  expiresAt: date,
  status: z.preprocess(blankToUndef, z.enum(customerStatuses, { message: "Choose a status" }).optional()),
  macAddress: z.preprocess(blankToNull, canonicalField(canonicalMac, "Enter a MAC address like AA:BB:CC:DD:EE:FF").nullable().optional()),
  staticIp: z.preprocess(blankToNull, canonicalField(canonicalIpv4, "Enter a valid IPv4 address, e.g. 10.10.0.25").nullable().optional()),
  ipPoolId: z.preprocess(blankToNull, uuidField("Choose an IP pool from the list").nullable().optional()),
  latitude: coord(-90, 90, "Latitude"),
  longitude: coord(-180, 180, "Longitude"),
  address: z.preprocess(blankToNull, z.string().trim().max(300, "Address must be at most 300 characters").nullable().optional()),
  notes: z.preprocess(blankToNull, z.string().trim().max(2000, "Notes must be at most 2000 characters").nullable().optional()),
  autoRenew: z.preprocess((v) => {
    if (typeof v === "boolean") return v;
    if (v === undefined || v === null || v === "") return undefined;
    const word = String(v).trim().toLowerCase();
    if (TRUE_WORDS.includes(word)) return true;
    if (FALSE_WORDS.includes(word)) return false;
    return v; // not a boolean word: refused below instead of read as "no"
  }, z.boolean({ message: "Auto-renew must be yes or no (true/false, 1/0)" }).optional()),
};

export const WALLET_BALANCE_READ_ONLY = "The wallet balance cannot be set: post a wallet adjustment with a reason (POST /api/customers/:id/wallet-adjustments)";

/** The wallet only changes through wallet transactions: a typed balance is a field error like any other. */
const walletBalanceRefused = z.never({ message: WALLET_BALANCE_READ_ONLY }).optional();

type RuleFields = { type?: string; staticIp?: string | null; ipPoolId?: string | null; latitude?: number | null; longitude?: number | null };

/** The cross-field rules, each on the field to fix. */
export function customerRuleErrors(v: RuleFields): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  if (v.staticIp && v.ipPoolId) add("ipPoolId", "Use either a static IP or an IP pool, not both");
  if (v.type === "STATIC" && !v.staticIp) add("staticIp", "A static customer needs a static IP");
  if ((v.latitude == null) !== (v.longitude == null)) add(v.latitude == null ? "latitude" : "longitude", "Give both latitude and longitude, or neither");
  return out;
}

/** The cross-field rules on a merged (already typed) customer, as an update checks them. */
export function checkCustomerRules(v: RuleFields): void {
  throwFieldErrors(customerRuleErrors(v));
}

/** The per-field rules alone: an update parses a partial of this, then checks the rules on the merged row. */
export const customerFieldsSchema = z.object({ ...customerFields, walletBalance: walletBalanceRefused });

// Cross-field rules run even when some field is invalid, so the form shows every error at once.
export const customerSchema = customerFieldsSchema.check(
  z.superRefine((v, ctx) => addFieldIssues(ctx, customerRuleErrors(v)), { when: () => true }),
);
export type CustomerData = z.output<typeof customerSchema>;

/** The stored columns of a customer's validated fields (create and update alike); the password, status,
 * expiry and auto-renew are each caller's own rule. */
export function customerColumns(data: Omit<CustomerData, "password" | "status" | "expiresAt" | "autoRenew">) {
  return {
    type: data.type,
    name: data.name,
    phone: data.phone ?? null,
    email: data.email ?? null,
    username: data.username,
    packageId: data.packageId ?? null,
    macAddress: data.macAddress ?? null,
    staticIp: data.staticIp ?? null,
    ipPoolId: data.ipPoolId ?? null,
    latitude: data.latitude ?? null,
    longitude: data.longitude ?? null,
    address: data.address ?? null,
    notes: data.notes ?? null,
  } satisfies Partial<NewCustomer>;
}

/** A customer as staff and the API see it: never the sealed password; the wallet in minor units. */
export type CustomerView = Omit<Customer, "passwordSealed"> & { hasPassword: boolean };

export function toCustomerView(row: Customer): CustomerView {
  const { passwordSealed, ...rest } = row;
  return { ...rest, hasPassword: passwordSealed !== null };
}

export const customerConstraintMessages = {
  customers_tenant_username_key: ["username", "This username is already taken by another customer"] as [string, string],
  customers_tenant_static_ip_key: ["staticIp", "This static IP is already assigned to another customer"] as [string, string],
  customers_tenant_mac_key: ["macAddress", "This MAC address is already bound to another customer"] as [string, string],
  customers_package_id_packages_id_fk: ["packageId", "Choose a package from the list"] as [string, string],
  customers_ip_pool_id_ip_pools_id_fk: ["ipPoolId", "Choose an IP pool from the list"] as [string, string],
};
