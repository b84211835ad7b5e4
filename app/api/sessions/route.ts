// GET /api/sessions: the caller's tenant's active sessions, paged, with ?nasId, ?type, ?customerId,
// ?q (username, IP, MAC or customer name), ?sort (startedAt|uptime|bytes|download|upload|username, "-" first for
// descending, or with ?dir=asc|desc).
import { z } from "zod";
import { apiRoute } from "@/lib/auth/api";
import { findSessions, findSessionsSchema } from "@/lib/services/sessions/find-sessions";

/** "?sort=-bytes" is "?sort=bytes&dir=desc"; a sort without "-" or dir is ascending. */
const sessionsQuerySchema = z.preprocess((raw) => {
  const { sort, dir, ...rest } = raw as Record<string, unknown>;
  if (typeof sort !== "string" || !sort) return raw;
  const descending = sort.startsWith("-");
  return { ...rest, sort: descending ? sort.slice(1) : sort, dir: dir ?? (descending ? "desc" : "asc") };
}, findSessionsSchema);

export const GET = apiRoute({ permission: "sessions:read", search: sessionsQuerySchema }, ({ tx, tenantId, search }) => findSessions(tx, { ...search, tenantId }));
