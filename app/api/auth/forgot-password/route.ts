// POST /api/auth/forgot-password: { email } → always 202, whether or not the address has an account.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { publicRoute } from "@/lib/auth/public-route";
import { requestPasswordReset, requestPasswordResetSchema } from "@/lib/services/auth/request-password-reset";

export const POST = publicRoute({ status: 202, body: requestPasswordResetSchema }, async ({ body, ip, userAgent }) => {
  await requestPasswordReset(getDb(), body, { ip, userAgent, appUrl: env().APP_URL });
  return { message: "If an account uses this address, a reset link is on its way." };
});
