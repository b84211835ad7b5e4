// GET /api/customers/export?…list filters: the filtered customers as CSV, streamed batch by batch
// (each batch in its own short tenant transaction) so a 100,000-row export never sits in memory, and
// no connection is held while the client reads.
import { apiHandler } from "@/lib/auth/api";
import { inTenant } from "@/lib/auth/steps";
import { csvRow } from "@/lib/csv";
import { EXPORT_HEADER, findCustomersForExport, type ExportCursor } from "@/lib/services/customers/find-customers-for-export";
import { customerFiltersSchema } from "@/lib/services/customers/find-customers";

export const GET = apiHandler({ permission: "customers:read", search: customerFiltersSchema }, async ({ tenantId, search: filters }) => {
  const encoder = new TextEncoder();
  let cursor: ExportCursor | null = null;
  let started = false;
  let done = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\ufeff" + csvRow(EXPORT_HEADER)));
        return;
      }
      if (done) {
        controller.close();
        return;
      }
      const batch = await inTenant(tenantId, (tx) => findCustomersForExport(tx, { ...filters, tenantId, after: cursor, limit: 2000 }));
      if (batch.rows.length) controller.enqueue(encoder.encode(batch.rows.map(csvRow).join("")));
      cursor = batch.next;
      if (!cursor) done = true;
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="customers-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
