// POST /api/auth/register: a new ISP on a trial with its first ADMIN, signed in at once (REST tokens).
import { getDb } from "@/lib/db";
import { publicRoute, tokenPair } from "@/lib/auth/public-route";
import { readJson } from "@/lib/auth/api";
import { registerTenant } from "@/lib/services/tenants/register-tenant";
import { signIn } from "@/lib/services/auth/sign-in";

export const POST = publicRoute({ status: 201 }, async ({ req, ip, userAgent }) => {
  const body = (await readJson(req)) as Record<string, unknown>;
  const { tenant } = await registerTenant(getDb(), body as Parameters<typeof registerTenant>[1], { ip, userAgent });
  const session = await signIn(getDb(), { email: String(body.email), password: String(body.password) }, { kind: "API", ip, userAgent });
  return {
    tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, status: tenant.status, trialEndsAt: tenant.trialEndsAt },
    user: session.user,
    ...tokenPair(session.sessionId, session.user.id, session.refreshToken!),
  };
});
