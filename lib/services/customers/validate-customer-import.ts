// Reads a customer CSV and validates every row (fields, package and pool names, duplicates within the
// file and against the tenant's customers) without writing anything; the import and its preview share it.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, ipPools, packages, type NewCustomer } from "@/lib/db/schema";
import { CsvError, parseCsv } from "@/lib/csv";
import { AppError, isAppError } from "@/lib/errors";
import { toMinorUnits } from "@/lib/money";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";
import { addValidity } from "@/lib/services/packages/validity";
import { customerSchema, type CustomerData } from "./customer-fields";


export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** CSV header (case and spacing ignored) → field. */
const COLUMNS: Record<string, string> = {
  type: "type",
  connection_type: "type",
  name: "name",
  full_name: "name",
  username: "username",
  password: "password",
  phone: "phone",
  email: "email",
  package: "package",
  plan: "package",
  expires_at: "expiresAt",
  expiry: "expiresAt",
  status: "status",
  mac_address: "macAddress",
  mac: "macAddress",
  static_ip: "staticIp",
  ip_pool: "ipPool",
  latitude: "latitude",
  lat: "latitude",
  longitude: "longitude",
  lng: "longitude",
  address: "address",
  notes: "notes",
  wallet_balance: "walletBalance",
  auto_renew: "autoRenew",
};

/** Columns the export writes that describe the row but are not imported (so an export imports as it is). */
const READ_ONLY_COLUMNS = new Set(["online", "created_at"]);

export const IMPORT_TEMPLATE_HEADER = ["type", "name", "username", "password", "phone", "email", "package", "expires_at", "status", "mac_address", "static_ip", "ip_pool", "latitude", "longitude", "address", "notes", "wallet_balance", "auto_renew"];

export interface ImportRowError {
  /** The line in the file (the header is line 1), as a spreadsheet shows it. */
  row: number;
  field: string;
  message: string;
}

export interface ValidatedImport {
  total: number;
  errors: ImportRowError[];
  /** Ready to insert (password still in clear; the importer seals it). */
  rows: Array<{ line: number; packageName: string | null; data: CustomerData; values: Omit<NewCustomer, "passwordSealed">; openingBalance: number }>;
}

const norm = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");

export async function validateCustomerImport(db: Database, input: { tenantId: string; csv: string }): Promise<ValidatedImport> {
  if (input.csv.length > MAX_IMPORT_BYTES) throw new AppError("INVALID_INPUT", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(input.csv);
  } catch (e) {
    if (e instanceof CsvError) return { total: 0, errors: [{ row: e.line, field: "file", message: e.message }], rows: [] };
    throw e;
  }
  if (records.length === 0) return { total: 0, errors: [{ row: 1, field: "file", message: "The file is empty" }], rows: [] };
  const [head, ...body] = records;
  const header = head.fields.map((h) => COLUMNS[norm(h)] ?? null);
  const errors: ImportRowError[] = [];
  head.fields.forEach((h, i) => {
    if (header[i] === null && h.trim() !== "" && !READ_ONLY_COLUMNS.has(norm(h))) errors.push({ row: 1, field: h, message: `Unknown column “${h}”; expected some of: ${IMPORT_TEMPLATE_HEADER.join(", ")}` });
  });
  for (const need of ["name", "username"]) {
    if (!header.includes(need)) errors.push({ row: 1, field: need, message: `The column “${need}” is required` });
  }
  if (errors.length) return { total: body.length, errors, rows: [] };
  if (body.length > MAX_IMPORT_ROWS) {
    return { total: body.length, errors: [{ row: 1, field: "file", message: `At most ${MAX_IMPORT_ROWS} customers per import; this file has ${body.length}` }], rows: [] };
  }

  const [{ currency, timeZone }, pkgRows, poolRows] = await Promise.all([
    getTenantLocale(db, input.tenantId),
    db
      .select({ id: packages.id, name: packages.name, type: packages.type, retiredAt: packages.retiredAt, validityValue: packages.validityValue, validityUnit: packages.validityUnit })
      .from(packages)
      .where(eq(packages.tenantId, input.tenantId)),
    db.select({ id: ipPools.id, name: ipPools.name }).from(ipPools).where(eq(ipPools.tenantId, input.tenantId)),
  ]);
  const pkgByName = new Map(pkgRows.flatMap((p) => [[p.name.toLowerCase(), p] as const, [p.id, p] as const]));
  const poolByName = new Map(poolRows.flatMap((p) => [[p.name.toLowerCase(), p] as const, [p.id, p] as const]));

  const parsed: ValidatedImport["rows"] = [];
  const seenUser = new Map<string, number>();
  const seenIp = new Map<string, number>();
  const seenMac = new Map<string, number>();
  const now = new Date();
  for (const rec of body) {
    const raw: Record<string, string> = {};
    header.forEach((field, i) => {
      if (field) raw[field] = (rec.fields[i] ?? "").trim();
    });
    const rowErrors: ImportRowError[] = [];
    // A row with more or fewer values than the header has shifted columns: refused, never guessed.
    if (rec.fields.length !== header.length) {
      rowErrors.push({ row: rec.line, field: "row", message: `This row has ${rec.fields.length} values but the header has ${header.length} columns` });
    }
    let pkg: (typeof pkgRows)[number] | undefined;
    if (raw.package) {
      pkg = pkgByName.get(raw.package.toLowerCase());
      if (!pkg) rowErrors.push({ row: rec.line, field: "package", message: `No package named “${raw.package}”` });
      else if (pkg.retiredAt) rowErrors.push({ row: rec.line, field: "package", message: `“${pkg.name}” is retired` });
    }
    let poolId: string | undefined;
    if (raw.ipPool) {
      poolId = poolByName.get(raw.ipPool.toLowerCase())?.id;
      if (!poolId) rowErrors.push({ row: rec.line, field: "ip_pool", message: `No IP pool named “${raw.ipPool}”` });
    }
    // The wallet_balance column is an opening balance: the import posts it as the wallet's first transaction.
    let openingBalance = 0;
    if (raw.walletBalance) {
      try {
        openingBalance = toMinorUnits(raw.walletBalance, currency, "wallet_balance", "Wallet balance");
      } catch (e) {
        if (!isAppError(e)) throw e;
        rowErrors.push({ row: rec.line, field: "wallet_balance", message: e.message });
      }
    }
    delete raw.walletBalance;
    // The CSV row is raw text: this is where it meets the customer schema (names resolved to ids first).
    const { package: _package, ipPool: _ipPool, ...fields } = raw;
    const candidate = { ...fields, type: raw.type ? raw.type.toUpperCase() : (pkg?.type ?? "PPPOE"), status: raw.status?.toUpperCase(), packageId: pkg?.id, ipPoolId: poolId };
    const result = customerSchema.safeParse(candidate);
    if (!result.success) {
      for (const issue of result.error.issues) rowErrors.push({ row: rec.line, field: fieldLabel(issue.path), message: issue.message });
    } else {
      const d = result.data;
      if (pkg && pkg.type !== d.type) rowErrors.push({ row: rec.line, field: "package", message: `“${pkg.name}” is a ${pkg.type} package but the row is ${d.type}` });
      // Usernames are unique case-insensitively (the database's index is on lower(username)).
      const userKey = d.username.toLowerCase();
      if (seenUser.has(userKey)) rowErrors.push({ row: rec.line, field: "username", message: `Username “${d.username}” is also on row ${seenUser.get(userKey)}` });
      else seenUser.set(userKey, rec.line);
      if (d.staticIp) {
        if (seenIp.has(d.staticIp)) rowErrors.push({ row: rec.line, field: "static_ip", message: `Static IP ${d.staticIp} is also on row ${seenIp.get(d.staticIp)}` });
        else seenIp.set(d.staticIp, rec.line);
      }
      if (d.macAddress) {
        if (seenMac.has(d.macAddress)) rowErrors.push({ row: rec.line, field: "mac_address", message: `MAC address ${d.macAddress} is also on row ${seenMac.get(d.macAddress)}` });
        else seenMac.set(d.macAddress, rec.line);
      }
      if (rowErrors.length === 0) {
        parsed.push({
          line: rec.line,
          packageName: pkg?.name ?? null,
          data: d,
          values: {
            tenantId: input.tenantId,
            type: d.type,
            name: d.name,
            phone: d.phone ?? null,
            email: d.email ?? null,
            username: d.username,
            packageId: d.packageId ?? null,
            status: d.status ?? "ACTIVE",
            expiresAt: d.expiresAt ?? (pkg ? addValidity(now, pkg, timeZone) : null),
            macAddress: d.macAddress ?? null,
            staticIp: d.staticIp ?? null,
            ipPoolId: d.ipPoolId ?? null,
            latitude: d.latitude ?? null,
            longitude: d.longitude ?? null,
            address: d.address ?? null,
            notes: d.notes ?? null,
            autoRenew: d.autoRenew ?? true,
          },
          openingBalance,
        });
      }
    }
    errors.push(...rowErrors);
  }

  // Clashes with customers already in the tenant, in a few indexed lookups rather than one per row.
  const clashes = async (column: SQL<string | null>, seen: Map<string, number>, field: string, message: (value: string) => string) => {
    const keys = [...seen.keys()];
    for (let i = 0; i < keys.length; i += 5000) {
      const taken = await db
        .select({ value: sql<string>`${column}` })
        .from(customers)
        .where(and(eq(customers.tenantId, input.tenantId), inArray(column, keys.slice(i, i + 5000))));
      for (const t of taken) errors.push({ row: seen.get(field === "username" ? t.value.toLowerCase() : t.value)!, field, message: message(t.value) });
    }
  };
  await clashes(sql<string>`lower(${customers.username})`, seenUser, "username", (v) => `Username “${v}” is already taken by another customer`);
  await clashes(sql`${customers.staticIp}`, seenIp, "static_ip", (v) => `Static IP ${v} is already assigned to another customer`);
  await clashes(sql`${customers.macAddress}`, seenMac, "mac_address", (v) => `MAC address ${v} is already bound to another customer`);
  errors.sort((x, y) => x.row - y.row);
  const bad = new Set(errors.map((e) => e.row));
  return { total: body.length, errors, rows: parsed.filter((r) => !bad.has(r.line)) };
}

const SNAKE: Record<string, string> = { expiresAt: "expires_at", macAddress: "mac_address", staticIp: "static_ip", ipPoolId: "ip_pool", packageId: "package", walletBalance: "wallet_balance", autoRenew: "auto_renew" };

function fieldLabel(path: PropertyKey[]): string {
  const key = String(path[0] ?? "row");
  return SNAKE[key] ?? key;
}

export type ImportCsvInput = z.infer<typeof importCsvSchema>;
export const importCsvSchema = z.object({ csv: z.string().min(1, "Choose a CSV file") });
