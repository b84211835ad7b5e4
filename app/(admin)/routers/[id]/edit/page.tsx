import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/db/tenant";
import { isAppError } from "@/lib/errors";
import { getRouter } from "@/lib/services/routers/get-router";
import { PageHeader } from "@/components/ui/card";
import { RouterForm } from "../../router-form";

export const metadata: Metadata = { title: "Edit router" };

export default async function EditRouterPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("routers:write");
  const { id } = await params;
  const router = await withTenant(getDb(), staff.tenantId, (tx) => getRouter(tx, { tenantId: staff.tenantId, id })).catch((e) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${router.name}`} breadcrumbs={[{ label: "Routers", href: "/routers" }, { label: router.name, href: `/routers/${router.id}` }, { label: "Edit" }]} />
      <RouterForm
        initial={{
          id: router.id,
          name: router.name,
          ipAddress: router.ipAddress,
          type: router.type,
          routerOsVersion: router.routerOsVersion ?? "",
          coaPort: String(router.coaPort),
          requireMessageAuthenticator: router.requireMessageAuthenticator,
          location: router.location ?? "",
          latitude: router.latitude?.toString() ?? "",
          longitude: router.longitude?.toString() ?? "",
          apiUsername: router.apiUsername ?? "",
          apiPort: router.apiPort?.toString() ?? "",
          hasApiPassword: router.hasApiPassword,
        }}
      />
    </div>
  );
}
