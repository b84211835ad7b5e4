// GET /api/ip-pools (with utilisation) and POST /api/ip-pools.
import { apiRoute } from "@/lib/auth/api";
import { createIpPool, createIpPoolSchema } from "@/lib/services/ip-pools/create-ip-pool";
import { findIpPools, findIpPoolsSchema } from "@/lib/services/ip-pools/find-ip-pools";

export const GET = apiRoute({ permission: "ip-pools:read", search: findIpPoolsSchema }, ({ tx, tenantId, search }) => findIpPools(tx, { ...search, tenantId }));

export const POST = apiRoute({ permission: "ip-pools:write", status: 201, body: createIpPoolSchema }, ({ tx, tenantId, body, actor }) =>
  createIpPool(tx, { ...body, tenantId }, actor),
);
