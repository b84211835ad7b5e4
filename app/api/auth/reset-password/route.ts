// POST /api/auth/reset-password: { token, password } → sets the password; every session of the user ends.
import { getDb } from "@/lib/db";
import { publicRoute } from "@/lib/auth/public-route";
import { readJson } from "@/lib/auth/api";
import { resetPassword } from "@/lib/services/auth/reset-password";

export const POST = publicRoute({}, async ({ req, ip, userAgent }) => {
  const { email } = await resetPassword(getDb(), (await readJson(req)) as { token: string; password: string }, { ip, userAgent });
  return { reset: true, email };
});
