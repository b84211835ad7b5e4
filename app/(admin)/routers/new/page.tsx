import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { RouterForm } from "../router-form";

export const metadata: Metadata = { title: "Add router" };

export default async function NewRouterPage() {
  await requireStaffPage("routers:write");
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader breadcrumbs={[{ label: "Routers", href: "/routers" }, { label: "Add router" }]} title="Add router" description="After saving you get the RouterOS commands to paste into the router's terminal." />
      <RouterForm />
    </div>
  );
}
