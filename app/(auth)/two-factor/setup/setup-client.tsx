"use client";
import { useRouter } from "next/navigation";
import { TotpEnrolment } from "@/app/(admin)/settings/security/totp-enrolment";

export function SetupClient() {
  const router = useRouter();
  return <TotpEnrolment doneLabel="Continue to the dashboard" onDone={() => (router.replace("/dashboard"), router.refresh())} />;
}
