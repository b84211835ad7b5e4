import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { findApiKeys } from "@/lib/services/api-keys/find-api-keys";
import { PageHeader } from "@/components/ui/card";
import { ApiKeysClient } from "./api-keys-client";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const staff = await requireStaffPage("api-keys:write");
  const keys = await withTenant(getDb(), staff.tenantId, (tx) => findApiKeys(tx, { tenantId: staff.tenantId }));
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            For integrations: send <code className="rounded bg-slate-100 px-1">Authorization: Bearer isp_…</code> to any REST endpoint. A key acts with the role you give it.
          </>
        }
      />
      <ApiKeysClient
        timeZone={staff.tenantTimezone}
        keys={keys.map((k) => ({ ...k, createdAt: k.createdAt.toISOString(), lastUsedAt: k.lastUsedAt?.toISOString() ?? null, revokedAt: k.revokedAt?.toISOString() ?? null }))}
      />
    </>
  );
}
