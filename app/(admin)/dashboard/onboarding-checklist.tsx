// First steps of a new ISP, ticked from real state (getOnboardingSteps); the dashboard hides it when all are done.
import Link from "next/link";
import { CheckCircle2, Circle } from "lucide-react";
import type { OnboardingSteps } from "@/lib/services/dashboard/get-onboarding-steps";
import { Card, CardHeader } from "@/components/ui/card";

export function OnboardingChecklist({ steps }: { steps: OnboardingSteps["steps"] }) {
  const done = steps.filter((s) => s.done).length;
  const next = steps.find((s) => !s.done)?.key;
  return (
    <Card className="mb-6">
      <CardHeader title="Get your network running" description={`${done} of ${steps.length} steps done. Each step ticks itself once it has happened.`} />
      <ol aria-label="Onboarding checklist" className="grid gap-px bg-slate-100 sm:grid-cols-2 xl:grid-cols-3">
        {steps.map((s, i) => (
          <li key={s.key} data-testid={`onboarding-${s.key}`} data-done={s.done} className="bg-white">
            <Link href={s.href} className={`flex h-full items-start gap-3 px-5 py-4 hover:bg-slate-50 ${s.key === next ? "ring-2 ring-inset ring-brand-500" : ""}`}>
              {s.done ? <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-label="Done" /> : <Circle className="mt-0.5 size-5 shrink-0 text-slate-300" aria-label="To do" />}
              <span className="min-w-0">
                <span className={`block text-sm font-medium ${s.done ? "text-slate-500 line-through decoration-slate-300" : "text-slate-900"}`}>
                  {i + 1}. {s.label}
                </span>
                <span className="block text-xs text-slate-500">{s.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </Card>
  );
}
