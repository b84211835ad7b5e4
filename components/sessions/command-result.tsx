"use client";
// The one result view for a disconnect or speed change: closed / rejected by the router (with its
// Error-Cause) / not answered (with the hint on what to check on the router).
import { AlertTriangle, CheckCircle2, Info, XCircle } from "lucide-react";
import { cn } from "@/lib/utils";
import { summarizeOutcome, UNANSWERED_HINT, type CommandOutcome, type Verdict } from "./command-outcome";

const TONE: Record<Verdict, { box: string; Icon: typeof Info }> = {
  done: { box: "bg-emerald-50 text-emerald-900 ring-emerald-200", Icon: CheckCircle2 },
  nothing: { box: "bg-slate-50 text-slate-800 ring-slate-200", Icon: Info },
  rejected: { box: "bg-red-50 text-red-900 ring-red-200", Icon: XCircle },
  failed: { box: "bg-red-50 text-red-900 ring-red-200", Icon: XCircle },
  unanswered: { box: "bg-amber-50 text-amber-900 ring-amber-200", Icon: AlertTriangle },
  pending: { box: "bg-amber-50 text-amber-900 ring-amber-200", Icon: AlertTriangle },
  partial: { box: "bg-amber-50 text-amber-900 ring-amber-200", Icon: AlertTriangle },
};

const LINE_LABEL = {
  disconnect: { closed: "Closed", rejected: "Rejected by the router", unanswered: "Not answered", error: "Failed" },
  "speed change": { closed: "Applied", rejected: "Rejected by the router", unanswered: "Not answered", error: "Failed" },
} as const;

export type CommandResultValue = { ok: true; outcome: CommandOutcome } | { ok: false; error: string };

export function CommandResult({ result, action = "disconnect", subject, className }: { result: CommandResultValue; action?: "disconnect" | "speed change"; subject?: string; className?: string }) {
  if (!result.ok) {
    return (
      <div role="alert" data-testid="command-result" data-action={action} data-verdict="failed" className={cn("flex gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset", TONE.failed.box, className)}>
        <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>
          <span className="font-medium">The {action} could not be sent{subject ? ` for ${subject}` : ""}.</span> {result.error}
        </p>
      </div>
    );
  }
  const s = summarizeOutcome(result.outcome, action);
  const { box, Icon } = TONE[s.verdict];
  const alert = s.verdict === "rejected" || s.verdict === "failed" || s.verdict === "unanswered";
  return (
    <div role={alert ? "alert" : "status"} data-testid="command-result" data-action={action} data-verdict={s.verdict} className={cn("flex gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset", box, className)}>
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0 space-y-1">
        <p className="font-medium">
          {s.title}
          {subject ? ` (${subject})` : ""}
        </p>
        {s.lines.length > 1 || s.lines.some((l) => l.details.length) ? (
          <ul className="space-y-0.5">
            {s.lines.map((l) => (
              <li key={l.kind}>
                {LINE_LABEL[action][l.kind]}: {l.count}
                {l.details.length ? ` (${l.details.join(", ")})` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {s.hint && <p className="break-words text-xs">{UNANSWERED_HINT}</p>}
      </div>
    </div>
  );
}
