// Field rules shared by the router create and update schemas, and the public (secret-free) row shape.
import { z } from "zod";
import type { NewRouter, Router } from "@/lib/db/schema";
import { randomString, sealSecret } from "@/lib/crypto";
import { canonicalField } from "@/lib/net/field";
import { canonicalIp } from "@/lib/net/ip";
import { ROUTER_TYPES } from "@/lib/db/enums";
import { blank } from "@/lib/services/zod-helpers";

export const MIN_SECRET_LENGTH = 16;
const SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** 32 characters from a 57-letter alphabet: ~186 bits, and no quoting trouble in a RouterOS terminal. */
export function generateRouterSecret(): string {
  return randomString(32, SECRET_ALPHABET);
}


export const routerNameField = z.string().trim().min(2, "Name must be at least 2 characters").max(80, "Name must be at most 80 characters");

/** Stored canonical (lib/net/ip.ts): ::ffff:10.0.0.1 and 10.0.0.1 are one router, and one text. */
export const routerIpField = z
  .string({ message: "Enter the router's IP address" })
  .trim()
  .pipe(canonicalField(canonicalIp, (v) => (v === "" ? "Enter the router's IP address" : "Enter a valid IPv4 or IPv6 address, e.g. 10.0.0.1")));

/** Routers a tenant on trial may register: enough to try the product, too few to squat on addresses. */
export const TRIAL_ROUTER_LIMIT = 3;

export const routerSecretField = z.preprocess(
  blank,
  z
    .string()
    .min(MIN_SECRET_LENGTH, `The shared secret must be at least ${MIN_SECRET_LENGTH} characters`)
    .max(128, "The shared secret must be at most 128 characters")
    .refine((v) => !/\s/.test(v), "The shared secret must not contain spaces")
    .refine((v) => !/["\\]/.test(v), 'The shared secret must not contain " or \\ (RouterOS quoting)')
    .optional(),
);

export const routerTypeField = z.enum(ROUTER_TYPES, { message: "Choose a router type" });

export const optionalPort = (label: string) =>
  z.preprocess(
    blank,
    z.coerce.number({ message: `${label} must be a number` }).int(`${label} must be a whole number`).min(1, `${label} must be 1–65535`).max(65535, `${label} must be 1–65535`).optional(),
  );

/** true/false from JSON, or "true"/"false"/"on" from a form select or checkbox; absent stays absent. */
export const optionalBool = z.preprocess((v) => {
  if (typeof v === "boolean") return v;
  if (v === undefined || v === null || v === "") return undefined;
  return ["on", "true", "1", "yes"].includes(String(v).toLowerCase());
}, z.boolean().optional());

export const optionalText = (max: number, label: string) =>
  z.preprocess(blank, z.string().trim().max(max, `${label} must be at most ${max} characters`).optional());

/** Nullable on update: "" clears the value. */
export const clearableText = (max: number, label: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().trim().max(max, `${label} must be at most ${max} characters`).nullable().optional());

const coord = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => (v === "" ? null : v),
    z.coerce.number({ message: `${label} must be a number` }).min(min, `${label} must be between ${min} and ${max}`).max(max, `${label} must be between ${min} and ${max}`).nullable().optional(),
  );
export const latitudeField = coord(-90, 90, "Latitude");
export const longitudeField = coord(-180, 180, "Longitude");

/**
 * Every field staff set on a router, each with its rule and no default. The update schema is these, all
 * optional; the create schema requires name and address and adds the defaults of a new router.
 */
export const routerFieldsSchema = z.object({
  name: routerNameField,
  ipAddress: routerIpField,
  /** Blank or omitted: a generated secret on create, the current one kept on update. */
  secret: routerSecretField,
  type: routerTypeField,
  routerOsVersion: clearableText(40, "RouterOS version"),
  coaPort: optionalPort("CoA port"),
  requireMessageAuthenticator: optionalBool,
  location: clearableText(200, "Location"),
  latitude: latitudeField,
  longitude: longitudeField,
  apiUsername: clearableText(80, "API username"),
  /** Blank or omitted: none on create, the current one kept on update. */
  apiPassword: optionalText(200, "API password"),
  apiPort: optionalPort("API port"),
  apiTls: optionalBool,
});
export type RouterFields = z.output<typeof routerFieldsSchema>;

const PLAIN_COLUMNS = [
  "name",
  "ipAddress",
  "type",
  "routerOsVersion",
  "coaPort",
  "requireMessageAuthenticator",
  "location",
  "latitude",
  "longitude",
  "apiUsername",
  "apiPort",
  "apiTls",
] as const satisfies readonly (keyof RouterFields & keyof NewRouter)[];

/** The columns parsed fields write (the API password sealed); a field left out writes nothing. The shared secret is the caller's. */
export function routerColumns(fields: Partial<RouterFields>): Partial<NewRouter> {
  const columns: Partial<NewRouter> = {};
  for (const key of PLAIN_COLUMNS) if (fields[key] !== undefined) Object.assign(columns, { [key]: fields[key] });
  if (fields.apiPassword !== undefined) columns.apiPasswordSealed = sealSecret("nas-api-password", fields.apiPassword);
  return columns;
}

export type RouterStatusView = "ONLINE" | "OFFLINE" | "UNKNOWN";

/** A router as staff and the API see it: never a sealed column. */
export interface RouterView {
  id: string;
  tenantId: string;
  name: string;
  ipAddress: string;
  type: Router["type"];
  routerOsVersion: string | null;
  coaPort: number;
  requireMessageAuthenticator: boolean;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  apiUsername: string | null;
  apiPort: number | null;
  apiTls: boolean;
  hasApiPassword: boolean;
  status: RouterStatusView;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Routers send interim updates every 5 minutes; three missed ones means we no longer hear it. */
export const ROUTER_ONLINE_WINDOW_MS = 15 * 60 * 1000;

export function routerStatusOf(row: Pick<Router, "status" | "lastSeenAt">, now = Date.now()): RouterStatusView {
  if (row.lastSeenAt) return now - row.lastSeenAt.getTime() <= ROUTER_ONLINE_WINDOW_MS ? "ONLINE" : "OFFLINE";
  return row.status;
}

export function toRouterView(row: Router): RouterView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    ipAddress: row.ipAddress,
    type: row.type,
    routerOsVersion: row.routerOsVersion,
    coaPort: row.coaPort,
    requireMessageAuthenticator: row.requireMessageAuthenticator,
    location: row.location,
    latitude: row.latitude,
    longitude: row.longitude,
    apiUsername: row.apiUsername,
    apiPort: row.apiPort,
    apiTls: row.apiTls,
    hasApiPassword: row.apiPasswordSealed !== null,
    status: routerStatusOf(row),
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const routerConstraintMessages = {
  // Unique on the whole installation; the message must not say whose router it is.
  nas_ip_address_key: ["ipAddress", "This IP address is already registered for a router"] as [string, string],
  nas_tenant_name_key: ["name", "A router with this name already exists"] as [string, string],
};
