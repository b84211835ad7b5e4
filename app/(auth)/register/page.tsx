import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getStaff } from "@/lib/auth/session";
import { countryOptions, currencyOptions } from "@/lib/regions";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Register your ISP" };

export default async function RegisterPage() {
  if (await getStaff()) redirect("/dashboard");
  const timezones = Intl.supportedValuesOf("timeZone");
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Register your ISP</h1>
      <p className="mt-1 text-sm text-slate-500">Start a 14-day trial. No card needed.</p>
      <RegisterForm timezones={timezones} countries={countryOptions()} currencies={currencyOptions()} />
      <p className="mt-6 text-center text-sm text-slate-500">
        Already registered?{" "}
        <Link href="/sign-in" className="font-medium text-brand-600 hover:text-brand-700">
          Sign in
        </Link>
      </p>
    </div>
  );
}
