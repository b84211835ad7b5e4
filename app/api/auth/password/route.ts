// PUT /api/auth/password: { currentPassword, newPassword } → changes it and ends every OTHER session.
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { authenticate, jsonData, jsonError, readJson } from "@/lib/auth/api";
import { clientIpFrom } from "@/lib/auth/request-context";
import { AppError } from "@/lib/errors";
import { changePassword, changePasswordSchema } from "@/lib/services/auth/change-password";

export async function PUT(req: Request) {
  try {
    const principal = await authenticate(req);
    if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token");
    const { userId, sessionId, tenantId, impersonating, email } = principal.context;
    if (principal.kind === "api-key" || !userId) throw new AppError("FORBIDDEN", "An API key has no password");
    const body = changePasswordSchema.parse(await readJson(req));
    const actor = { userId, label: email, ip: clientIpFrom(req.headers), userAgent: req.headers.get("user-agent") };
    const ownTenant = impersonating ? null : tenantId;
    const run = (db: Parameters<typeof changePassword>[0]) => changePassword(db, { ...body, tenantId: ownTenant, userId, sessionId }, actor, { limits: getDb() });
    const result = ownTenant ? await withTenant(getDb(), ownTenant, run) : await run(getDb());
    return jsonData({ changed: true, otherSessionsEnded: result.sessionsEnded });
  } catch (e) {
    return jsonError(e);
  }
}
