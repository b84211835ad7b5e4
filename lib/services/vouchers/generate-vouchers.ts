// Generates a batch of prepaid hotspot vouchers (1–10,000) for a hotspot package in one transaction:
// codes are drawn in memory, inserted a few thousand per statement, and only codes that collide with
// existing ones (ON CONFLICT DO NOTHING) are drawn again.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { packages, voucherBatches } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, type Actor } from "@/lib/services/audit/record-audit";
import { blank, zOptionalText } from "@/lib/services/zod-helpers";
import { MAX_VOUCHERS_PER_BATCH, VOUCHER_CHARSETS, generateCodes, voucherCharsetKeys } from "./voucher-fields";
import { DEFAULT_CODE_LENGTH, MAX_CODE_LENGTH, codeLengthError } from "./code-space";
import { getVoucherStats, liveVoucherCount } from "./get-voucher-stats";
import { isUuid } from "@/lib/ids";
import { zonedDayEnd } from "@/lib/format";
import { getTenantLocale } from "@/lib/services/tenants/get-tenant-locale";

const CHUNK = 5_000;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAST_REDEEM_BY = "The redeem-by date must be in the future";
/** A calendar day ("2026-12-05", what the form's date field sends) stays a day: the service ends it in the
 * tenant's zone. Anything else is an instant. */
const redeemByValue = (v: unknown) => {
  const b = blank(v);
  if (b === undefined || b instanceof Date) return b;
  if (typeof b === "string" && DAY.test(b.trim())) return b.trim();
  return typeof b === "string" || typeof b === "number" ? new Date(b) : b;
};
/** Here only what is past in every zone (the day ended even at UTC−12); the service checks in the tenant's. */
const notPastAnywhere = (v: string | Date) => (typeof v === "string" ? Date.parse(`${v}T00:00:00Z`) + 36 * 3_600_000 > Date.now() : v.getTime() > Date.now());

export const generateVouchersSchema = z
  .object({
    packageId: z.string({ message: "Choose a hotspot package" }).refine(isUuid, "Choose a hotspot package"),
    name: zOptionalText(80),
    count: z.coerce
      .number({ message: "Enter how many vouchers to generate" })
      .int("Count must be a whole number")
      .min(1, "Generate at least 1 voucher")
      .max(MAX_VOUCHERS_PER_BATCH, `At most ${MAX_VOUCHERS_PER_BATCH.toLocaleString("en")} vouchers at once`),
    prefix: z.preprocess(
      (v) => (v === null || v === undefined ? "" : v),
      z.string().trim().max(12, "Prefix must be at most 12 characters").regex(/^[A-Za-z0-9-]*$/, "Prefix may use letters, digits and - only"),
    )
    .optional()
    .transform((v) => v ?? ""),
    length: z.preprocess(
      blank,
      z.coerce.number({ message: "Code length must be a number" }).int("Code length must be a whole number").min(4, "Codes need at least 4 random characters").max(MAX_CODE_LENGTH, `Codes may have at most ${MAX_CODE_LENGTH} random characters`).default(DEFAULT_CODE_LENGTH),
    ),
    charset: z.preprocess(blank, z.enum(voucherCharsetKeys, { message: "Choose a character set" }).default("safe")),
    /** Vouchers not redeemed by then expire unused. */
    redeemBy: z.preprocess(
      redeemByValue,
      z
        .custom<string | Date>((v) => (typeof v === "string" && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)) || (v instanceof Date && !Number.isNaN(v.getTime())), "Enter a valid date")
        .refine(notPastAnywhere, PAST_REDEEM_BY)
        .optional(),
    ),
  })
  .superRefine((v, ctx) => {
    // The batch alone; the service adds the tenant's live vouchers, which only the database knows.
    const error = codeLengthError(VOUCHER_CHARSETS[v.charset].alphabet.length, v.length, v.count);
    if (error) ctx.addIssue({ code: "custom", path: ["length"], message: error });
  });
export type GenerateVouchersInput = z.output<typeof generateVouchersSchema>;

export interface GeneratedBatch {
  batchId: string;
  name: string;
  count: number;
  packageId: string;
  /** Codes drawn again because they collided with existing vouchers. */
  retried: number;
  elapsedMs: number;
}

export async function generateVouchers(db: Database, input: GenerateVouchersInput & { tenantId: string }, actor: Actor): Promise<GeneratedBatch> {
  const started = performance.now();
  const data = input;
  const { tenantId } = input;
  const [pkg] = await db
    .select({ id: packages.id, name: packages.name, type: packages.type, retiredAt: packages.retiredAt })
    .from(packages)
    .where(and(eq(packages.tenantId, tenantId), eq(packages.id, data.packageId)))
    .limit(1);
  const packageError = !pkg
    ? "Choose a hotspot package"
    : pkg.type !== "HOTSPOT"
      ? `${pkg.name} is not a hotspot package: vouchers are for hotspot packages`
      : pkg.retiredAt
        ? `${pkg.name} is retired: choose a current package`
        : null;
  if (packageError) throw new AppError("INVALID_INPUT", packageError, { fieldErrors: { packageId: [packageError] } });
  // A day means to the end of that day where the ISP is (not UTC's).
  const redeemBy = typeof data.redeemBy === "string" ? zonedDayEnd(data.redeemBy, (await getTenantLocale(db, tenantId)).timeZone) : (data.redeemBy ?? null);
  if (redeemBy && redeemBy.getTime() <= Date.now()) throw new AppError("INVALID_INPUT", PAST_REDEEM_BY, { fieldErrors: { redeemBy: [PAST_REDEEM_BY] } });

  const alphabet = VOUCHER_CHARSETS[data.charset].alphabet;
  const name = data.name ?? `${pkg!.name} · ${new Date().toISOString().slice(0, 16).replace("T", " ")}`;

  const run = async (tx: Database) => {
    // One batch at a time per tenant, so two batches cannot both count the other out of the code space.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`vouchers:${tenantId}`}, 0))`);
    const live = liveVoucherCount(await getVoucherStats(tx, { tenantId }));
    const lengthError = codeLengthError(alphabet.length, data.length, data.count + live);
    if (lengthError) throw new AppError("INVALID_INPUT", lengthError, { fieldErrors: { length: [lengthError] } });

    const [batch] = await tx
      .insert(voucherBatches)
      .values({
        tenantId,
        name,
        packageId: pkg!.id,
        count: data.count,
        prefix: data.prefix,
        codeLength: data.length,
        charset: alphabet,
        createdByUserId: actor.userId ?? null,
      })
      .returning({ id: voucherBatches.id });

    let wanted = data.count;
    let retried = 0;
    const taken = new Set<string>();
    for (let round = 0; wanted > 0; round++) {
      if (round > 20) throw new AppError("CONFLICT", "Could not find enough unused codes: use longer codes or a larger character set");
      const codes = generateCodes(wanted, { prefix: data.prefix, length: data.length, alphabet, exclude: taken });
      let inserted = 0;
      for (let i = 0; i < codes.length; i += CHUNK) {
        const chunk = codes.slice(i, i + CHUNK);
        for (const c of chunk) taken.add(c);
        // One statement per chunk: the codes travel as a single text[] parameter.
        const rows = await tx.execute<{ n: number }>(sql`
          with ins as (
            insert into vouchers (tenant_id, batch_id, package_id, code, redeem_by)
            select ${tenantId}::uuid, ${batch.id}::uuid, ${pkg!.id}::uuid, c, ${redeemBy?.toISOString() ?? null}::timestamptz
              from unnest(${sql.param(chunk)}::text[]) as c
            on conflict (tenant_id, code) do nothing
            returning 1)
          select count(*)::int as n from ins`);
        inserted += Number(rows[0]?.n ?? 0);
      }
      if (round > 0) retried += wanted;
      wanted -= inserted;
    }

    const result: GeneratedBatch = {
      batchId: batch.id,
      name,
      count: data.count,
      packageId: pkg!.id,
      retried,
      elapsedMs: Math.round(performance.now() - started),
    };
    await recordAudit(tx, {
      tenantId,
      actor,
      action: "voucher.generate",
      targetType: "voucher_batch",
      targetId: batch.id,
      after: { name, count: data.count, package: pkg!.name, prefix: data.prefix, length: data.length, charset: data.charset, redeemBy },
    });
    return result;
  };
  return db.transaction(run);
}
