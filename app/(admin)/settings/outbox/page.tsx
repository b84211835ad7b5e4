import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findOutboxMail, findOutboxMailSchema } from "@/lib/services/tenants/find-outbox-mail";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";

export const metadata: Metadata = { title: "Mail outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const staff = await requireStaffPage("settings:write");
  const { page } = await searchParams;
  const paging = findOutboxMailSchema.safeParse({ page, pageSize: 20 });
  const mail = await withTenant(getDb(), staff.tenantId, (tx) => findOutboxMail(tx, { ...(paging.success ? paging.data : { page: 1, pageSize: 20 }), tenantId: staff.tenantId }));
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="Every email the platform sent for your ISP. Reset and invitation links are not kept: only the recipient gets them. To pass one on by hand, issue a new link from Team."
      />
      <Card>
        <CardHeader title={`${mail.total} ${mail.total === 1 ? "message" : "messages"}`} />
        {mail.rows.length === 0 ? (
          <EmptyState title="No mail yet" description="Password reset links and invitations appear here." />
        ) : (
          <ul className="divide-y divide-slate-100">
            {mail.rows.map((m) => (
              <li key={m.id} className="px-5 py-4">
                <details>
                  <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2">
                    <span className="min-w-0">
                      <span className="font-medium text-slate-900">{m.subject}</span>
                      <span className="ml-2 text-sm text-slate-500">to {m.to}</span>
                    </span>
                    <span className="flex items-center gap-2 text-xs text-slate-500">
                      {m.sentAt ? <Badge tone="green">Sent</Badge> : m.error ? <Badge tone="red">Failed</Badge> : <Badge tone="gray">Kept (no SMTP)</Badge>}
                      {formatDateTime(m.createdAt, staff.tenantTimezone)}
                    </span>
                  </summary>
                  {m.error && <p className="mt-2 text-sm text-red-600">{m.error}</p>}
                  <pre className="mt-3 whitespace-pre-wrap break-all rounded-lg bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">{m.body}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        {mail.pageCount > 1 && (
          <Pager page={mail.page} pageCount={mail.pageCount} href={(p) => `?page=${p}`}>
            Page {mail.page} of {mail.pageCount}
          </Pager>
        )}
      </Card>
    </>
  );
}
