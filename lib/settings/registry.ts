// Every setting the product has, in one typed list: key, scope, zod schema and default. Add a setting
// here and read/write it with getSettings/updateSettings (lib/settings); nothing else reads the tables.
import { z } from "zod";

export type SettingScope = "tenant" | "installation";

export interface SettingDefinition<S extends z.ZodType = z.ZodType, Sc extends SettingScope = SettingScope> {
  scope: Sc;
  schema: S;
  default: z.output<S>;
  /** Names the setting in errors and the audit log. */
  label: string;
}

const define = <S extends z.ZodType, Sc extends SettingScope>(d: SettingDefinition<S, Sc>) => d;

/** Addresses that name the machine itself (or no machine): a router told to use one talks to itself. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || /^127\./.test(h) || h === "::1" || h === "0.0.0.0" || h === "::" || h === "" || /^::ffff:127\./.test(h);
}

/** A host name or IP address a router can be told to send RADIUS to (no scheme, no port, not loopback). */
export const hostSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter the address routers use to reach this server")
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^[0-9a-f:]+$/, "Enter a host name or IP address, without http:// or a port")
  .refine((h) => !isLoopbackHost(h), "Routers cannot reach a loopback address: enter this server's address on the routers' network");

export const restrictedModeSchema = z.object({
  enabled: z.boolean().default(false),
  /** Firewall address list the router redirects to the pay page. */
  addressList: z.string().min(1).default("restricted"),
  /** Mikrotik-Rate-Limit for restricted customers. */
  rateLimit: z.string().min(1).default("256k/256k"),
});

export const SETTINGS = {
  // Tenant settings (table settings, row-level security like every tenant table).
  security: define({
    scope: "tenant",
    label: "Security policy",
    schema: z.object({ requireTotp: z.boolean().default(false) }),
    default: { requireTotp: false },
  }),
  /** RFC 2869 §5.16: never below 60 seconds. */
  "radius.interim_interval": define({
    scope: "tenant",
    label: "Accounting interim interval",
    schema: z.coerce.number().int("Whole seconds").min(60, "At least 60 seconds").max(86_400),
    default: 300,
  }),
  "radius.restricted_mode": define({ scope: "tenant", label: "Restricted mode", schema: restrictedModeSchema, default: restrictedModeSchema.parse({}) }),
  /** When staff first revealed or copied a router's RADIUS script (the onboarding step). */
  "onboarding.script_copied_at": define({ scope: "tenant", label: "Router script copied", schema: z.iso.datetime().nullable(), default: null }),

  // Installation settings (table installation_settings, written by the platform operator only).
  /** The address MikroTik routers send RADIUS to: it goes into every router script. */
  "routers.radius_address": define({ scope: "installation", label: "RADIUS address for routers", schema: hostSchema.nullable(), default: null }),
  /** The public web address hotspot users and routers reach the portal at. */
  "portal.public_url": define({
    scope: "installation",
    label: "Public portal URL",
    schema: z
      .string()
      .trim()
      .regex(/^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?(\/\S*)?$/i, "Enter a full URL such as https://isp.example.com")
      .transform((u) => u.replace(/\/+$/, ""))
      .nullable(),
    default: null,
  }),
} as const satisfies Record<string, SettingDefinition>;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]["schema"]>;
export type TenantSettingKey = { [K in SettingKey]: (typeof SETTINGS)[K]["scope"] extends "tenant" ? K : never }[SettingKey];
export type InstallationSettingKey = Exclude<SettingKey, TenantSettingKey>;
