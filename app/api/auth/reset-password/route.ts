// POST /api/auth/reset-password: { token, password } → sets the password; every session of the user ends.
import { getDb } from "@/lib/db";
import { publicRoute } from "@/lib/auth/public-route";
import { resetPassword, resetPasswordSchema } from "@/lib/services/auth/reset-password";

export const POST = publicRoute({ body: resetPasswordSchema }, async ({ body, ip, userAgent }) => {
  const { email } = await resetPassword(getDb(), body, { ip, userAgent });
  return { reset: true, email };
});
