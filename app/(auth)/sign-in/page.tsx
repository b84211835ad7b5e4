import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getStaff } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const staff = await getStaff();
  const { callbackUrl, error } = await searchParams;
  const safeCallback = safeCallbackPath(callbackUrl, env().APP_URL);
  if (staff) redirect(staff.tenantId ? safeCallback : "/platform");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in</h1>
      <p className="mt-1 text-sm text-slate-500">Welcome back. Sign in to your ISP console.</p>
      <SignInForm callbackUrl={safeCallback} initialError={error && error !== "CredentialsSignin" ? decodeURIComponent(error) : null} />
    </div>
  );
}
