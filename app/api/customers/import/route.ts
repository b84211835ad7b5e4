// POST /api/customers/import[?dryRun=1] with the CSV as the body (text/csv, or JSON { csv }):
// dryRun validates and previews; otherwise all rows are imported in one transaction or none (400 with rowErrors).
import { z } from "zod";
import { apiRoute } from "@/lib/auth/api";
import { importCustomers } from "@/lib/services/customers/import-customers";
import { zBool } from "@/lib/services/zod-helpers";

// The body is the file itself (not a JSON object of fields), so only the query string is parsed here;
// each row meets the customer schema in validateCustomerImport, with its line number.
const importQuerySchema = z.object({ dryRun: zBool });

export const POST = apiRoute({ permission: "customers:write", search: importQuerySchema }, async ({ tx, tenantId, req, search, actor }) => {
  const text = await req.text();
  let csv = text;
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    const body = JSON.parse(text || "{}") as { csv?: unknown };
    csv = typeof body.csv === "string" ? body.csv : "";
  }
  return importCustomers(tx, { tenantId, csv, dryRun: search.dryRun }, actor);
});
