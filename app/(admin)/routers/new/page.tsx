import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { requireStaffPage } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/card";
import { RouterForm } from "../router-form";

export const metadata: Metadata = { title: "Add router" };

export default async function NewRouterPage() {
  await requireStaffPage("nas:write");
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/routers" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
        <ChevronLeft className="size-4" aria-hidden /> Routers
      </Link>
      <PageHeader title="Add router" description="After saving you get the RouterOS commands to paste into the router's terminal." />
      <RouterForm />
    </div>
  );
}
