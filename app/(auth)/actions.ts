"use server";
// Public server actions of the sign-up and password-reset pages, and the forced 2FA enrolment.
import { z } from "zod";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { publicAction, tenantAction } from "@/lib/auth/action";
import { registerTenant, registerTenantSchema } from "@/lib/services/tenants/register-tenant";
import { requestPasswordReset, requestPasswordResetSchema } from "@/lib/services/auth/request-password-reset";
import { resetPassword, resetPasswordSchema } from "@/lib/services/auth/reset-password";
import { startTotpEnrolment } from "@/lib/services/auth/start-totp-enrolment";
import { confirmTotpEnrolment, confirmTotpEnrolmentSchema } from "@/lib/services/auth/confirm-totp-enrolment";

export const registerAction = publicAction({ schema: registerTenantSchema }, async (ctx, input) =>
  registerTenant(getDb(), input, { ...ctx, appUrl: env().APP_URL }),
);

export const forgotPasswordAction = publicAction(
  { schema: requestPasswordResetSchema, message: "If an account uses this address, a reset link is on its way. It works for one hour." },
  async (ctx, input) => {
    await requestPasswordReset(getDb(), input, { ...ctx, appUrl: env().APP_URL });
    return null;
  },
);

export const resetPasswordAction = publicAction({ schema: resetPasswordSchema }, async (ctx, input) => resetPassword(getDb(), input, ctx));

export const startEnrolmentAction = tenantAction({ schema: z.object({}), permission: "dashboard:read", beforeTotpEnrolment: true }, (ctx) =>
  startTotpEnrolment(ctx.tx, { tenantId: ctx.staff.impersonating ? null : ctx.tenantId, userId: ctx.staff.userId }),
);

export const confirmEnrolmentAction = tenantAction({ schema: confirmTotpEnrolmentSchema, permission: "dashboard:read", beforeTotpEnrolment: true }, (ctx, input) =>
  confirmTotpEnrolment(ctx.tx, { ...input, tenantId: ctx.tenantId, userId: ctx.staff.userId }, ctx.actor),
);
