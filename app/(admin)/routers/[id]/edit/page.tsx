import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { getNas } from "@/lib/services/nas/get-nas";
import { PageHeader } from "@/components/ui/card";
import { RouterForm } from "../../router-form";

export const metadata: Metadata = { title: "Edit router" };

export default async function EditRouterPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("nas:write");
  const { id } = await params;
  const nas = await withTenant(getDb(), staff.tenantId, (tx) => getNas(tx, { tenantId: staff.tenantId, id })).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${nas.name}`} breadcrumbs={[{ label: "Routers", href: "/routers" }, { label: nas.name, href: `/routers/${nas.id}` }, { label: "Edit" }]} />
      <RouterForm
        initial={{
          id: nas.id,
          name: nas.name,
          ipAddress: nas.ipAddress,
          type: nas.type,
          routerOsVersion: nas.routerOsVersion ?? "",
          coaPort: String(nas.coaPort),
          requireMessageAuthenticator: nas.requireMessageAuthenticator,
          location: nas.location ?? "",
          latitude: nas.latitude?.toString() ?? "",
          longitude: nas.longitude?.toString() ?? "",
          apiUsername: nas.apiUsername ?? "",
          apiPort: nas.apiPort?.toString() ?? "",
          hasApiPassword: nas.hasApiPassword,
        }}
      />
    </div>
  );
}
