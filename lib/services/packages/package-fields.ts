// Field rules shared by the package create and update schemas, the public row shape, and the
// Mikrotik-Rate-Limit preview. Prices are typed in currency units and stored in minor units.
import { z } from "zod";
import { addFieldIssues, blank, blankToNull, throwFieldErrors } from "@/lib/services/zod-helpers";
import type { FieldErrors } from "@/lib/errors";
import type { Package } from "@/lib/db/schema";
import { formatMoneyInput, moneyField, toMinorUnits } from "@/lib/money";
import { formatRateLimit, type RateLimit } from "@/lib/radius/rate-limit";
import { CONNECTION_TYPES, VALIDITY_UNITS } from "@/lib/db/enums";
import { uuidField } from "@/lib/ids";

export const GIB = 1024 ** 3;

const num = (label: string) => z.coerce.number({ message: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`);
const int = (label: string, min: number, max: number) =>
  num(label).int(`${label} must be a whole number`).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`);
const optionalInt = (label: string, min: number, max: number) => z.preprocess(blankToNull, int(label, min, max).nullable().optional());

export const connectionTypes = CONNECTION_TYPES;
export const validityUnits = VALIDITY_UNITS;

export const packageFields = {
  name: z.string({ message: "Enter a name" }).trim().min(2, "Name must be at least 2 characters").max(80, "Name must be at most 80 characters"),
  description: z.preprocess(blankToNull, z.string().trim().max(500, "Description must be at most 500 characters").nullable().optional()),
  type: z.enum(connectionTypes, { message: "Choose a connection type" }),
  /** What staff type, in the tenant's currency (1500 or "1,499.50"); packageColumns stores minor units. */
  price: moneyField("Price", { allowZero: true }),
  validityValue: z.preprocess(blank, int("Validity", 1, 100_000)),
  validityUnit: z.enum(validityUnits, { message: "Choose a validity unit" }),
  downloadKbps: z.preprocess(blank, int("Download speed", 1, 100_000_000)),
  uploadKbps: z.preprocess(blank, int("Upload speed", 1, 100_000_000)),
  burstDownloadKbps: optionalInt("Burst download", 1, 100_000_000),
  burstUploadKbps: optionalInt("Burst upload", 1, 100_000_000),
  burstThresholdDownloadKbps: optionalInt("Burst threshold download", 1, 100_000_000),
  burstThresholdUploadKbps: optionalInt("Burst threshold upload", 1, 100_000_000),
  burstTimeSeconds: optionalInt("Burst time", 1, 3600),
  priority: optionalInt("Priority", 1, 8),
  /** Gibibytes, decimals allowed; blank means unlimited. */
  dataQuotaGb: z.preprocess(blankToNull, num("Data quota").positive("Data quota must be more than 0").max(1_000_000, "Data quota is too large").nullable().optional()),
  sessionTimeLimitMinutes: optionalInt("Session time limit", 1, 1_000_000),
  fupDownloadKbps: optionalInt("Fair-usage download", 1, 100_000_000),
  fupUploadKbps: optionalInt("Fair-usage upload", 1, 100_000_000),
  sharedUsers: z.preprocess(blank, int("Shared users", 1, 1000).optional()),
  idleTimeoutMinutes: optionalInt("Idle timeout", 1, 10_000),
  addressList: z.preprocess(
    blankToNull,
    z.string().trim().max(63, "Address list must be at most 63 characters").regex(/^[\w.-]+$/, "Address list: letters, digits, - _ . only").nullable().optional(),
  ),
  allRouters: z
    .preprocess((v) => {
      if (typeof v === "boolean") return v;
      if (v === undefined || v === null || v === "") return undefined;
      return ["on", "true", "1", "yes", "all"].includes(String(v).toLowerCase());
    }, z.boolean().optional()),
  /** The routers the package applies to when allRouters is false. */
  routerIds: z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(uuidField("Choose routers from the list")).max(500).optional(),
  ),
};

type Shape = {
  burstDownloadKbps?: number | null;
  burstUploadKbps?: number | null;
  burstThresholdDownloadKbps?: number | null;
  burstThresholdUploadKbps?: number | null;
  burstTimeSeconds?: number | null;
  downloadKbps?: number;
  uploadKbps?: number;
  fupDownloadKbps?: number | null;
  fupUploadKbps?: number | null;
  dataQuotaGb?: number | null;
  allRouters?: boolean;
  routerIds?: string[];
};

/** Cross-field rules in MikroTik terms, each reported on the field to fix. */
export function packageRuleErrors(v: Shape): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  const burst = [v.burstDownloadKbps, v.burstUploadKbps, v.burstThresholdDownloadKbps, v.burstThresholdUploadKbps, v.burstTimeSeconds];
  const anyBurst = burst.some((x) => x !== null && x !== undefined);
  if (anyBurst) {
    const need: Array<[keyof Shape, string]> = [
      ["burstDownloadKbps", "Burst download"],
      ["burstUploadKbps", "Burst upload"],
      ["burstThresholdDownloadKbps", "Burst threshold download"],
      ["burstThresholdUploadKbps", "Burst threshold upload"],
      ["burstTimeSeconds", "Burst time"],
    ];
    for (const [key, label] of need) {
      if (v[key] === null || v[key] === undefined) add(key, `${label} is needed when burst is used`);
    }
    const dir = (rate?: number, b?: number | null, th?: number | null, side = "download") => {
      if (typeof rate !== "number") return;
      if (typeof b === "number" && b <= rate) add(`burst${side === "download" ? "Download" : "Upload"}Kbps`, `Burst ${side} must be above the ${side} speed`);
      if (typeof th === "number" && th >= rate)
        add(`burstThreshold${side === "download" ? "Download" : "Upload"}Kbps`, `Burst threshold ${side} must be below the ${side} speed`);
    };
    dir(v.downloadKbps, v.burstDownloadKbps, v.burstThresholdDownloadKbps, "download");
    dir(v.uploadKbps, v.burstUploadKbps, v.burstThresholdUploadKbps, "upload");
  }
  const fupSet = [v.fupDownloadKbps, v.fupUploadKbps].filter((x) => x !== null && x !== undefined).length;
  if (fupSet === 1) {
    add(v.fupDownloadKbps == null ? "fupDownloadKbps" : "fupUploadKbps", "Set both fair-usage speeds, or neither");
  }
  if (fupSet === 2 && (v.dataQuotaGb === null || v.dataQuotaGb === undefined)) {
    add("dataQuotaGb", "A fair-usage speed needs a data quota to apply after");
  }
  if (v.allRouters === false && (!v.routerIds || v.routerIds.length === 0)) {
    add("routerIds", "Choose at least one router, or apply the package to all routers");
  }
  return out;
}

/** The same rules on a merged (already typed) package, as an update checks them. */
export function checkPackageRules(v: Shape): void {
  throwFieldErrors(packageRuleErrors(v));
}

export const quotaBytes = (gb: number | null | undefined) => (gb == null ? null : BigInt(Math.round(gb * GIB)));

export function rateLimitOf(p: Pick<Package, "downloadKbps" | "uploadKbps" | "burstDownloadKbps" | "burstUploadKbps" | "burstThresholdDownloadKbps" | "burstThresholdUploadKbps" | "burstTimeSeconds" | "priority">): string {
  const limit: RateLimit = { downloadKbps: p.downloadKbps, uploadKbps: p.uploadKbps };
  if (p.burstDownloadKbps != null) limit.burstDownloadKbps = p.burstDownloadKbps;
  if (p.burstUploadKbps != null) limit.burstUploadKbps = p.burstUploadKbps;
  if (p.burstThresholdDownloadKbps != null) limit.burstThresholdDownloadKbps = p.burstThresholdDownloadKbps;
  if (p.burstThresholdUploadKbps != null) limit.burstThresholdUploadKbps = p.burstThresholdUploadKbps;
  if (p.burstTimeSeconds != null) limit.burstTimeSeconds = p.burstTimeSeconds;
  if (p.priority != null) limit.priority = p.priority;
  try {
    return formatRateLimit(limit);
  } catch {
    return "";
  }
}

/** A package as staff and the API see it; price in minor units, quota in bytes (string in JSON) and GiB. */
export interface PackageView {
  id: string;
  name: string;
  description: string | null;
  type: Package["type"];
  price: number;
  validityValue: number;
  validityUnit: Package["validityUnit"];
  downloadKbps: number;
  uploadKbps: number;
  burstDownloadKbps: number | null;
  burstUploadKbps: number | null;
  burstThresholdDownloadKbps: number | null;
  burstThresholdUploadKbps: number | null;
  burstTimeSeconds: number | null;
  priority: number | null;
  dataQuotaBytes: bigint | null;
  dataQuotaGb: number | null;
  sessionTimeLimitMinutes: number | null;
  fupDownloadKbps: number | null;
  fupUploadKbps: number | null;
  sharedUsers: number;
  idleTimeoutMinutes: number | null;
  addressList: string | null;
  allRouters: boolean;
  routerIds: string[];
  rateLimit: string;
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toPackageView(p: Package, routerIds: string[] = []): PackageView {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    type: p.type,
    price: p.price,
    validityValue: p.validityValue,
    validityUnit: p.validityUnit,
    downloadKbps: p.downloadKbps,
    uploadKbps: p.uploadKbps,
    burstDownloadKbps: p.burstDownloadKbps,
    burstUploadKbps: p.burstUploadKbps,
    burstThresholdDownloadKbps: p.burstThresholdDownloadKbps,
    burstThresholdUploadKbps: p.burstThresholdUploadKbps,
    burstTimeSeconds: p.burstTimeSeconds,
    priority: p.priority,
    dataQuotaBytes: p.dataQuotaBytes,
    dataQuotaGb: p.dataQuotaBytes == null ? null : Math.round((Number(p.dataQuotaBytes) / GIB) * 1000) / 1000,
    sessionTimeLimitMinutes: p.sessionTimeLimitSeconds == null ? null : Math.round(p.sessionTimeLimitSeconds / 60),
    fupDownloadKbps: p.fupDownloadKbps,
    fupUploadKbps: p.fupUploadKbps,
    sharedUsers: p.sharedUsers,
    idleTimeoutMinutes: p.idleTimeoutSeconds == null ? null : Math.round(p.idleTimeoutSeconds / 60),
    addressList: p.addressList,
    allRouters: p.allRouters,
    routerIds,
    rateLimit: rateLimitOf(p),
    retiredAt: p.retiredAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export const packageConstraintMessages = {
  packages_tenant_name_key: ["name", "A package with this name already exists"] as [string, string],
};

/** The per-field rules alone: an update parses a partial of this, then checks the rules on the merged package. */
export const packageFieldsSchema = z.object(packageFields);

// Cross-field rules run even when some field is invalid, so the form shows every error at once.
export const packageSchema = packageFieldsSchema.check(z.superRefine((v, ctx) => addFieldIssues(ctx, packageRuleErrors(v)), { when: () => true }));
export type PackageData = z.output<typeof packageSchema>;

/** The editable fields of an existing package, as the schema outputs them (for merging an update). */
export function packageInputOf(v: PackageView, currency: string): PackageData {
  return {
    name: v.name,
    description: v.description,
    type: v.type,
    price: formatMoneyInput(v.price, currency),
    validityValue: v.validityValue,
    validityUnit: v.validityUnit,
    downloadKbps: v.downloadKbps,
    uploadKbps: v.uploadKbps,
    burstDownloadKbps: v.burstDownloadKbps,
    burstUploadKbps: v.burstUploadKbps,
    burstThresholdDownloadKbps: v.burstThresholdDownloadKbps,
    burstThresholdUploadKbps: v.burstThresholdUploadKbps,
    burstTimeSeconds: v.burstTimeSeconds,
    priority: v.priority,
    dataQuotaGb: v.dataQuotaBytes == null ? null : Number(v.dataQuotaBytes) / GIB,
    sessionTimeLimitMinutes: v.sessionTimeLimitMinutes,
    fupDownloadKbps: v.fupDownloadKbps,
    fupUploadKbps: v.fupUploadKbps,
    sharedUsers: v.sharedUsers,
    idleTimeoutMinutes: v.idleTimeoutMinutes,
    addressList: v.addressList,
    allRouters: v.allRouters,
    routerIds: v.routerIds,
  };
}

export function packageColumns(d: PackageData, currency: string) {
  return {
    name: d.name,
    description: d.description ?? null,
    type: d.type,
    price: toMinorUnits(d.price, currency, "price", "Price"),
    validityValue: d.validityValue,
    validityUnit: d.validityUnit,
    downloadKbps: d.downloadKbps,
    uploadKbps: d.uploadKbps,
    burstDownloadKbps: d.burstDownloadKbps ?? null,
    burstUploadKbps: d.burstUploadKbps ?? null,
    burstThresholdDownloadKbps: d.burstThresholdDownloadKbps ?? null,
    burstThresholdUploadKbps: d.burstThresholdUploadKbps ?? null,
    burstTimeSeconds: d.burstTimeSeconds ?? null,
    priority: d.priority ?? null,
    dataQuotaBytes: quotaBytes(d.dataQuotaGb),
    sessionTimeLimitSeconds: d.sessionTimeLimitMinutes == null ? null : d.sessionTimeLimitMinutes * 60,
    fupDownloadKbps: d.fupDownloadKbps ?? null,
    fupUploadKbps: d.fupUploadKbps ?? null,
    sharedUsers: d.sharedUsers ?? 1,
    idleTimeoutSeconds: d.idleTimeoutMinutes == null ? null : d.idleTimeoutMinutes * 60,
    addressList: d.addressList ?? null,
    allRouters: d.allRouters ?? true,
  };
}
