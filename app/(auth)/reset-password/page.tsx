import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Choose a new password</h1>
      <p className="mt-1 text-sm text-slate-500">After this, you will be signed out everywhere and can sign in with the new password.</p>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="mt-8 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-200">
          This page needs the link from your email. <Link href="/forgot-password" className="font-medium underline">Ask for a new one.</Link>
        </p>
      )}
    </div>
  );
}
