// POST /api/auth/login: email + password (+ totpCode) → an access token (15 min) and a refresh token.
import { getDb } from "@/lib/db";
import { publicRoute, tokenPair } from "@/lib/auth/public-route";
import { signIn, signInSchema } from "@/lib/services/auth/sign-in";

export const POST = publicRoute({ body: signInSchema }, async ({ body, ip, userAgent }) => {
  const result = await signIn(getDb(), body, { kind: "API", ip, userAgent });
  return { ...tokenPair(result.sessionId, result.user.id, result.refreshToken!), user: result.user };
});
