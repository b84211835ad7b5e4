// POST /api/auth/register: a new ISP on a trial with its first ADMIN. The answer is the same whether or
// not the address already has an account (its owner gets a mail instead); sign in with /api/auth/login.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { publicRoute } from "@/lib/auth/public-route";
import { registerTenant, registerTenantSchema } from "@/lib/services/tenants/register-tenant";

export const POST = publicRoute({ status: 202, body: registerTenantSchema }, async ({ body, ip, userAgent }) => {
  const { email } = await registerTenant(getDb(), body, { ip, userAgent, appUrl: env().APP_URL });
  return { email, message: "Your ISP is ready if this address was new; otherwise a mail is on its way to it. Sign in with POST /api/auth/login." };
});
