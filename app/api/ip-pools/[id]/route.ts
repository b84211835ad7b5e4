// GET (with assignments), PUT (replace settings) and DELETE (refused while addresses are assigned) /api/ip-pools/:id.
import { apiRoute } from "@/lib/auth/api";
import { deleteIpPool } from "@/lib/services/ip-pools/delete-ip-pool";
import { getIpPool } from "@/lib/services/ip-pools/get-ip-pool";
import { updateIpPool, updateIpPoolSchema } from "@/lib/services/ip-pools/update-ip-pool";

type Params = { id: string };

export const GET = apiRoute<Params>({ permission: "ip-pools:read" }, ({ tx, tenantId, params }) => getIpPool(tx, { tenantId, id: params.id }));

export const PUT = apiRoute<Params, typeof updateIpPoolSchema>({ permission: "ip-pools:write", body: updateIpPoolSchema }, ({ tx, tenantId, params, body, actor }) =>
  updateIpPool(tx, { ...body, tenantId, id: params.id }, actor),
);

export const DELETE = apiRoute<Params>({ permission: "ip-pools:write" }, ({ tx, tenantId, params, actor }) => deleteIpPool(tx, { tenantId, id: params.id }, actor));
