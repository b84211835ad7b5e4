// GET /api/ip-pools (with utilisation) and POST /api/ip-pools.
import { apiRoute, readJson } from "@/lib/auth/api";
import { createIpPool, createIpPoolSchema } from "@/lib/services/ip-pools/create-ip-pool";
import { findIpPools } from "@/lib/services/ip-pools/find-ip-pools";

export const GET = apiRoute({ permission: "ip-pools:read" }, ({ tx, tenantId, query }) => findIpPools(tx, { ...Object.fromEntries(query), tenantId }));

export const POST = apiRoute({ permission: "ip-pools:write", status: 201 }, async ({ tx, tenantId, req, actor }) =>
  createIpPool(tx, { ...createIpPoolSchema.parse(await readJson(req)), tenantId }, actor),
);
