"use server";
// Server actions of the vouchers area: thin adapters over lib/services/vouchers.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tenantAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { afterCommit } from "@/lib/db/after-commit";
import { disconnectOutcome } from "@/lib/services/sessions/disconnect-outcome";
import { requestSessionsDisconnect } from "@/lib/services/sessions/request-sessions-disconnect";
import { deleteExpiredVouchers, bulkVoucherScopeSchema } from "@/lib/services/vouchers/delete-expired-vouchers";
import { deleteUnusedVouchers } from "@/lib/services/vouchers/delete-unused-vouchers";
import { deleteVoucher } from "@/lib/services/vouchers/delete-voucher";
import { generateVouchers, generateVouchersSchema } from "@/lib/services/vouchers/generate-vouchers";
import { resetVoucherCounters } from "@/lib/services/vouchers/reset-voucher-counters";
import { resetVoucherMac } from "@/lib/services/vouchers/reset-voucher-mac";
import { revokeVoucher } from "@/lib/services/vouchers/revoke-voucher";
import { uuidField } from "@/lib/ids";

const idSchema = z.object({ id: uuidField("Unknown voucher") });
const idsSchema = z.object({ ids: z.array(uuidField("Unknown voucher")).min(1, "Select some vouchers").max(500, "At most 500 at once") });

export const generateVouchersAction = tenantAction({ schema: generateVouchersSchema, permission: "vouchers:write" }, async (ctx, input) => {
  const batch = await generateVouchers(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/vouchers");
  return batch;
});

export const revokeVoucherAction = tenantAction({ schema: idSchema, permission: "vouchers:write" }, async (ctx, { id }) => {
  const v = await revokeVoucher(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `Voucher ${v.code} revoked${v.disconnected ? `; ${v.disconnected} session(s) being disconnected` : ""}` };
});

export const resetVoucherMacAction = tenantAction({ schema: idSchema, permission: "vouchers:write" }, async (ctx, { id }) => {
  const v = await resetVoucherMac(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `MAC binding of ${v.code} cleared` };
});

export const resetVoucherCountersAction = tenantAction({ schema: idSchema, permission: "vouchers:write" }, async (ctx, { id }) => {
  const v = await resetVoucherCounters(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `Usage counters of ${v.code} reset` };
});

export const disconnectVoucherAction = tenantAction({ schema: idSchema, permission: "sessions:control" }, async (ctx, { id }) => {
  const request = await requestSessionsDisconnect(ctx.tx, { tenantId: ctx.tenantId, scope: { voucherId: id } }, ctx.actor);
  return afterCommit(async () => {
    const outcome = await disconnectOutcome(getDb(), request);
    revalidatePath("/vouchers", "layout");
    return outcome;
  });
});

export const deleteVouchersAction = tenantAction({ schema: idsSchema, permission: "vouchers:write" }, async (ctx, { ids }) => {
  for (const id of ids) await deleteVoucher(ctx.tx, { tenantId: ctx.tenantId, id }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `${ids.length} voucher(s) deleted` };
});

export const deleteExpiredVouchersAction = tenantAction({ schema: bulkVoucherScopeSchema, permission: "vouchers:write" }, async (ctx, input) => {
  const r = await deleteExpiredVouchers(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `${r.deleted.toLocaleString("en")} expired voucher(s) deleted` };
});

export const deleteUnusedVouchersAction = tenantAction({ schema: bulkVoucherScopeSchema, permission: "vouchers:write" }, async (ctx, input) => {
  const r = await deleteUnusedVouchers(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor);
  revalidatePath("/vouchers", "layout");
  return { message: `${r.deleted.toLocaleString("en")} unused voucher(s) deleted` };
});
