// POST /api/auth/refresh: swaps a refresh token for a new access token and a NEW refresh token;
// the presented one stops working.
import { getDb } from "@/lib/db";
import { publicRoute, tokenPair } from "@/lib/auth/public-route";
import { readJson } from "@/lib/auth/api";
import { refreshSession, refreshSessionSchema } from "@/lib/services/auth/refresh-session";

export const POST = publicRoute({}, async ({ req, ip }) => {
  const body = refreshSessionSchema.parse(await readJson(req));
  const { context, refreshToken } = await refreshSession(getDb(), body, { ip });
  return tokenPair(context.sessionId, context.userId, refreshToken);
});
