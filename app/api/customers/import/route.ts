// POST /api/customers/import[?dryRun=1] with the CSV as the body (text/csv, or JSON { csv }):
// dryRun validates and previews; otherwise all rows are imported in one transaction or none (400 with rowErrors).
import { apiRoute } from "@/lib/auth/api";
import { importCustomers } from "@/lib/services/customers/import-customers";

export const POST = apiRoute({ permission: "customers:write" }, async ({ tx, tenantId, req, query, actor }) => {
  const text = await req.text();
  let csv = text;
  if ((req.headers.get("content-type") ?? "").includes("application/json")) {
    const body = JSON.parse(text || "{}") as { csv?: unknown };
    csv = typeof body.csv === "string" ? body.csv : "";
  }
  const dryRun = ["1", "true", "yes"].includes(query.get("dryRun") ?? "");
  return importCustomers(tx, { tenantId, csv, dryRun }, actor);
});
