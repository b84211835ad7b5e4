// POST /api/auth/forgot-password: { email } → always 202, whether or not the address has an account.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { publicRoute } from "@/lib/auth/public-route";
import { readJson } from "@/lib/auth/api";
import { requestPasswordReset } from "@/lib/services/auth/request-password-reset";

export const POST = publicRoute({ status: 202 }, async ({ req, ip, userAgent }) => {
  await requestPasswordReset(getDb(), (await readJson(req)) as { email: string }, { ip, userAgent, appUrl: env().APP_URL });
  return { message: "If an account uses this address, a reset link is on its way." };
});
