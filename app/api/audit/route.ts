// GET /api/audit?action=&actor=&targetType=&targetId=&from=&to=&page=&pageSize=: the tenant's audit log.
import { apiRoute } from "@/lib/auth/api";
import { findAuditEntries, findAuditEntriesSchema } from "@/lib/services/audit/find-audit-entries";

export const GET = apiRoute({ permission: "audit:read", search: findAuditEntriesSchema }, ({ tx, tenantId, search }) =>
  findAuditEntries(tx, { ...search, tenantId }),
);
