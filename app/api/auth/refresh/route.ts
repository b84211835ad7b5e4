// POST /api/auth/refresh: swaps a refresh token for a new access token and a NEW refresh token;
// the presented one stops working.
import { getDb } from "@/lib/db";
import { publicRoute, tokenPair } from "@/lib/auth/public-route";
import { refreshSession, refreshSessionSchema } from "@/lib/services/auth/refresh-session";

export const POST = publicRoute({ body: refreshSessionSchema }, async ({ body, ip }) => {
  const { context, refreshToken } = await refreshSession(getDb(), body, { ip });
  return tokenPair(context.sessionId, context.userId, refreshToken);
});
