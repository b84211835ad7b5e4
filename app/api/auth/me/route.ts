// GET /api/auth/me: who the caller is (user or API key), their role, tenant and permissions. Open to a
// member who must still set up two-factor sign-in (they need to know that they must).
import { jsonData, jsonError } from "@/lib/auth/api";
import { authenticate, requirePrincipal } from "@/lib/auth/steps";
import { rolePermissions } from "@/lib/auth/permissions";

export async function GET(req: Request) {
  try {
    const principal = requirePrincipal(await authenticate(req));
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
