// The first-steps checklist of a new ISP: each step ticks itself from real state (rows that exist, the
// router's first RADIUS packet, the script-copied note) and links to where it is done. One query.
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { getSetting } from "@/lib/settings";

export type OnboardingStepKey = "package" | "router" | "script" | "radius" | "customer" | "payment";

export interface OnboardingStep {
  key: OnboardingStepKey;
  label: string;
  hint: string;
  done: boolean;
  href: string;
}

export interface OnboardingSteps {
  steps: OnboardingStep[];
  allDone: boolean;
}

export async function getOnboardingSteps(db: Database, input: { tenantId: string }): Promise<OnboardingSteps> {
  const [[row], scriptCopiedAt] = await Promise.all([
    db.execute<{ packages: boolean; router_id: string | null; seen_router_id: string | null; customers: boolean; payments: boolean }>(sql`
      select exists (select 1 from packages where tenant_id = ${input.tenantId}) as packages,
             (select id from nas where tenant_id = ${input.tenantId} order by created_at, id limit 1) as router_id,
             (select id from nas where tenant_id = ${input.tenantId} and last_seen_at is not null order by last_seen_at limit 1) as seen_router_id,
             exists (select 1 from customers where tenant_id = ${input.tenantId}) as customers,
             exists (select 1 from payments where tenant_id = ${input.tenantId} and status = 'COMPLETED') as payments`),
    getSetting(db, { tenantId: input.tenantId, key: "onboarding.script_copied_at" }),
  ]);
  const router = row.router_id ? `/routers/${row.router_id}` : "/routers/new";
  const steps: OnboardingStep[] = [
    { key: "package", label: "Add a package", hint: "The plan you sell: speed, validity and price.", done: row.packages, href: "/packages/new" },
    { key: "router", label: "Add a router", hint: "Your MikroTik, by the address its RADIUS packets come from.", done: row.router_id !== null, href: "/routers/new" },
    { key: "script", label: "Paste its script", hint: "Reveal or copy the RouterOS commands on the router's page and paste them into its terminal.", done: scriptCopiedAt !== null, href: router },
    {
      key: "radius",
      label: "First RADIUS packet seen",
      hint: "Shows once the router sends its first RADIUS request (a login or accounting).",
      done: row.seen_router_id !== null,
      href: row.seen_router_id ? `/routers/${row.seen_router_id}` : router,
    },
    { key: "customer", label: "Add a customer", hint: "A subscriber with a username, password and package.", done: row.customers, href: "/customers/new" },
    { key: "payment", label: "Record a payment", hint: "Cash or M-Pesa received from a customer renews them.", done: row.payments, href: "/payments/new" },
  ];
  return { steps, allDone: steps.every((s) => s.done) };
}
