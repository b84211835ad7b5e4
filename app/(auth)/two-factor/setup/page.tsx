import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getStaff } from "@/lib/auth/session";
import { SetupClient } from "./setup-client";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

export default async function TwoFactorSetupPage() {
  const staff = await getStaff();
  if (!staff) redirect("/sign-in");
  if (staff.totpEnabled || !staff.tenantId) redirect("/dashboard");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Set up two-factor sign-in</h1>
      <p className="mt-1 text-sm text-slate-500">
        {staff.totpRequired ? `${staff.tenantName} requires a code from an authenticator app at sign-in. Set it up to continue.` : "Protect your account with a code from an authenticator app."}
      </p>
      <div className="mt-8">
        <SetupClient />
      </div>
    </div>
  );
}
