// GET /api/sessions: the caller's tenant's active sessions, paged, with ?nasId, ?type, ?customerId,
// ?q (username, IP, MAC or customer name), ?sort (startedAt|uptime|bytes|download|upload|username, "-" first for
// descending, or with ?dir=asc|desc).
import { apiRoute } from "@/lib/auth/api";
import { findSessions } from "@/lib/services/sessions/find-sessions";

export const GET = apiRoute({ permission: "sessions:read" }, ({ tx, tenantId, query }) => {
  const { sort, dir, ...rest } = Object.fromEntries(query);
  const descending = sort?.startsWith("-");
  return findSessions(tx, {
    ...rest,
    sort: descending ? sort.slice(1) : sort,
    dir: dir ?? (sort ? (descending ? "desc" : "asc") : undefined),
    tenantId,
  });
});
