// Field rules shared by customer create, update and CSV import, and the public (secret-free) row shape.
import { z } from "zod";
import type { Customer } from "@/lib/db/schema";
import { randomString } from "@/lib/crypto";
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

const blankToUndef = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const blankToNull = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? null : v);

const coord = (min: number, max: number, label: string) =>
  z.preprocess(
    blankToNull,
    z.coerce.number({ message: `${label} must be a number` }).min(min, `${label} must be between ${min} and ${max}`).max(max, `${label} must be between ${min} and ${max}`).nullable().optional(),
  );

const date = z.preprocess(
  (v) => {
    if (v === null || (typeof v === "string" && v.trim() === "")) return null;
    if (typeof v === "string") {
      // A bare date or a datetime-local value: read as local end-of-day / local time of the server (UTC).
      if (/^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return new Date(`${v.trim()}T23:59:59Z`);
      return new Date(v);
    }
    return v;
  },
  z.date({ message: "Enter a valid date" }).refine((d) => !Number.isNaN(d.getTime()), "Enter a valid date").nullable().optional(),
);

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
  /** Currency units; stored as minor units. */
  walletBalance: z.preprocess(
    blankToUndef,
    z.coerce
      .number({ message: "Wallet balance must be a number" })
      .min(0, "Wallet balance cannot be negative")
      .max(10_000_000, "Wallet balance is too large")
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, "Wallet balance can have at most 2 decimals")
      .optional(),
  ),
  autoRenew: z.preprocess((v) => {
    if (typeof v === "boolean") return v;
    if (v === undefined || v === null || v === "") return undefined;
    return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
  }, z.boolean().optional()),
};

export function checkCustomerRules(v: { type?: string; staticIp?: string | null; ipPoolId?: string | null; latitude?: number | null; longitude?: number | null }, ctx: z.RefinementCtx) {
  if (v.staticIp && v.ipPoolId) ctx.addIssue({ code: "custom", path: ["ipPoolId"], message: "Use either a static IP or an IP pool, not both" });
  if (v.type === "STATIC" && !v.staticIp) ctx.addIssue({ code: "custom", path: ["staticIp"], message: "A static customer needs a static IP" });
  if ((v.latitude == null) !== (v.longitude == null)) {
    ctx.addIssue({ code: "custom", path: [v.latitude == null ? "latitude" : "longitude"], message: "Give both latitude and longitude, or neither" });
  }
}

export const customerSchema = z.object(customerFields).check(z.superRefine(checkCustomerRules, { when: () => true }));
export type CustomerData = z.output<typeof customerSchema>;

/** A customer as staff and the API see it: never the sealed password. */
export type CustomerView = Omit<Customer, "passwordSealed" | "walletBalance"> & {
  walletBalance: number;
  walletBalanceMinor: number;
  hasPassword: boolean;
};

export function toCustomerView(row: Customer): CustomerView {
  const { passwordSealed, walletBalance, ...rest } = row;
  return { ...rest, walletBalance: walletBalance / 100, walletBalanceMinor: walletBalance, hasPassword: passwordSealed !== null };
}

export const customerConstraintMessages = {
  customers_tenant_username_key: ["username", "This username is already taken by another customer"] as [string, string],
  customers_tenant_static_ip_key: ["staticIp", "This static IP is already assigned to another customer"] as [string, string],
  customers_tenant_mac_key: ["macAddress", "This MAC address is already bound to another customer"] as [string, string],
  customers_package_id_packages_id_fk: ["packageId", "Choose a package from the list"] as [string, string],
  customers_ip_pool_id_ip_pools_id_fk: ["ipPoolId", "Choose an IP pool from the list"] as [string, string],
};
