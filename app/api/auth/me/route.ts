// GET /api/auth/me: who the caller is (user or API key), their role, tenant and permissions.
import { authenticate, jsonData, jsonError } from "@/lib/auth/api";
import { rolePermissions } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export async function GET(req: Request) {
  try {
    const principal = await authenticate(req);
    if (!principal) throw new AppError("UNAUTHORIZED", "Sign in or send a valid bearer token or API key");
    const c = principal.context;
    return jsonData({
      kind: principal.kind,
      user: c.userId ? { id: c.userId, email: c.email, name: c.name } : null,
      apiKey: c.apiKeyId ? { id: c.apiKeyId } : null,
      role: c.role,
      permissions: [...rolePermissions[c.role]],
      tenant: c.tenantId ? { id: c.tenantId, name: c.tenantName, slug: c.tenantSlug, currency: c.tenantCurrency, timezone: c.tenantTimezone } : null,
      impersonating: c.impersonating,
    });
  } catch (e) {
    return jsonError(e);
  }
}
