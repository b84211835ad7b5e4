import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { requirePlatformPage } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getInstallationSettings } from "@/lib/services/platform/update-installation-settings";
import { PageHeader } from "@/components/ui/card";
import { InstallationSettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Installation settings" };

export default async function PlatformSettingsPage() {
  await requirePlatformPage();
  const current = await getInstallationSettings(getDb());
  const firstRun = current.radiusAddress === null;
  const appUrl = env().APP_URL;
  return (
    <>
      {!firstRun && (
        <Link href="/platform" className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
          <ChevronLeft className="size-4" aria-hidden /> Tenants
        </Link>
      )}
      <PageHeader
        title={firstRun ? "Before the first router" : "Installation settings"}
        description="How routers and hotspot users reach this installation. Every ISP's router script and voucher cards use these."
      />
      {firstRun && (
        <div role="status" className="mb-6 rounded-xl bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          Routers cannot be set up until you say where they send RADIUS. Until then their scripts carry a warning.
        </div>
      )}
      <InstallationSettingsForm radiusAddress={current.radiusAddress ?? ""} portalUrl={current.portalUrl ?? (/\/\/(localhost|127\.)/.test(appUrl) ? "" : appUrl)} firstRun={firstRun} />
    </>
  );
}
