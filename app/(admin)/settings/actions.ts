"use server";
// Server actions of the settings area: thin adapters over lib/services, each behind its permission.
import { revalidatePath } from "next/cache";
import { env } from "@/lib/env";
import { tenantAction } from "@/lib/auth/action";
import { updateTenantProfile, updateTenantProfileSchema } from "@/lib/services/tenants/update-tenant-profile";
import { updateSecuritySettings, updateSecuritySettingsSchema } from "@/lib/services/tenants/update-security-settings";
import { createUser, createUserSchema } from "@/lib/services/users/create-user";
import { updateUser, updateUserSchema } from "@/lib/services/users/update-user";
import { setUserActive, setUserActiveSchema } from "@/lib/services/users/set-user-active";
import { issuePasswordReset, issuePasswordResetSchema } from "@/lib/services/users/issue-password-reset";
import { createApiKey, createApiKeySchema } from "@/lib/services/api-keys/create-api-key";
import { revokeApiKey, revokeApiKeySchema } from "@/lib/services/api-keys/revoke-api-key";
import { changePassword, changePasswordSchema } from "@/lib/services/auth/change-password";
import { disableTotp, disableTotpSchema } from "@/lib/services/auth/disable-totp";

const done = <T,>(path: string, value: T) => {
  revalidatePath(path);
  return value;
};

export const updateProfileAction = tenantAction({ schema: updateTenantProfileSchema, permission: "settings:write", message: "Settings saved" }, async (ctx, input) =>
  done("/settings", await updateTenantProfile(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor)).id,
);

export const updateSecurityAction = tenantAction({ schema: updateSecuritySettingsSchema, permission: "settings:write", message: "Security policy saved" }, async (ctx, input) =>
  done("/settings/security", await updateSecuritySettings(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor)),
);

export const createUserAction = tenantAction({ schema: createUserSchema, permission: "users:write" }, async (ctx, input) => {
  const { user, resetUrl } = await createUser(ctx.tx, { ...input, tenantId: ctx.tenantId, appUrl: env().APP_URL }, ctx.actor);
  return done("/settings/team", { id: user.id, email: user.email, resetUrl: resetUrl ?? null });
});

export const updateUserAction = tenantAction({ schema: updateUserSchema, permission: "users:write", message: "Team member saved" }, async (ctx, input) =>
  done("/settings/team", (await updateUser(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor)).id),
);

export const setUserActiveAction = tenantAction({ schema: setUserActiveSchema, permission: "users:write" }, async (ctx, input) =>
  done("/settings/team", await setUserActive(ctx.tx, { ...input, tenantId: ctx.tenantId }, ctx.actor)),
);

export const issueResetLinkAction = tenantAction({ schema: issuePasswordResetSchema, permission: "users:write" }, async (ctx, input) => {
  const r = await issuePasswordReset(ctx.tx, { id: input.id, tenantId: ctx.tenantId, appUrl: env().APP_URL }, ctx.actor);
  return done("/settings/outbox", { url: r.url, email: r.email });
});

export const createApiKeyAction = tenantAction({ schema: createApiKeySchema, permission: "api-keys:write" }, async (ctx, input) =>
  done("/settings/api-keys", await createApiKey(ctx.tx, { ...input, tenantId: ctx.tenantId, createdByUserId: ctx.staff.impersonating ? null : ctx.staff.userId }, ctx.actor)),
);

export const revokeApiKeyAction = tenantAction({ schema: revokeApiKeySchema, permission: "api-keys:write", message: "API key revoked" }, async (ctx, input) =>
  done("/settings/api-keys", await revokeApiKey(ctx.tx, { id: input.id, tenantId: ctx.tenantId }, ctx.actor)),
);

export const changeMyPasswordAction = tenantAction(
  { schema: changePasswordSchema, permission: "dashboard:read", message: "Password changed. Your other sessions have been signed out." },
  (ctx, input) => changePassword(ctx.tx, { ...input, tenantId: ctx.tenantId, userId: ctx.staff.userId, sessionId: ctx.staff.sessionId }, ctx.actor, { limits: ctx.limits }),
);

export const disableMyTotpAction = tenantAction({ schema: disableTotpSchema, permission: "dashboard:read", message: "Two-factor sign-in is off" }, async (ctx, input) => {
  await disableTotp(ctx.tx, { ...input, tenantId: ctx.tenantId, userId: ctx.staff.userId }, ctx.actor, { limits: ctx.limits });
  return done("/settings/security", null);
});
