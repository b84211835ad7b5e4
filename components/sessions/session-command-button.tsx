"use client";
// A disconnect (or speed change) button used everywhere one is offered: it asks in the confirm dialog,
// shows progress while the routers are asked (up to ~8 s), then hands the result to CommandResult.
import { useState, type ReactNode } from "react";
import { PlugZap } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { CommandOutcome } from "./command-outcome";
import { CommandResult, type CommandResultValue } from "./command-result";

export interface SessionCommandButtonProps {
  label: string;
  /** Screen-reader name when the button shows only its icon. */
  iconOnly?: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  run: () => Promise<CommandResultValue>;
  /** Where the result goes; shown under the button when omitted. */
  onResult?: (result: CommandResultValue) => void;
  action?: "disconnect" | "speed change";
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  className?: string;
  disabled?: boolean;
}

export interface SessionCommandRequest {
  title: string;
  description: ReactNode;
  confirmLabel: string;
  run: () => Promise<CommandResultValue>;
}

/** The confirm → progress → result flow for a request chosen elsewhere (a row menu); null when closed. */
export function SessionCommandDialog({ request, onDone, onCancel }: { request: SessionCommandRequest | null; onDone: (r: CommandResultValue) => void; onCancel: () => void }) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    if (!request) return;
    setBusy(true);
    let r: CommandResultValue;
    try {
      r = await request.run();
    } catch {
      r = { ok: false, error: "Could not reach the server" };
    }
    setBusy(false);
    onDone(r);
  };
  return (
    <ConfirmDialog
      open={request !== null}
      title={request?.title ?? ""}
      confirmLabel={request?.confirmLabel ?? "Confirm"}
      busy={busy}
      progress="Asking the router and waiting for its answer (up to about 8 seconds)…"
      onConfirm={confirm}
      onCancel={onCancel}
    >
      {request?.description}
    </ConfirmDialog>
  );
}

export function SessionCommandButton(p: SessionCommandButtonProps) {
  const [request, setRequest] = useState<SessionCommandRequest | null>(null);
  const [result, setResult] = useState<CommandResultValue | null>(null);
  return (
    <>
      <Button
        type="button"
        variant={p.variant ?? "secondary"}
        size={p.size}
        className={p.className}
        disabled={p.disabled || request !== null}
        title={p.iconOnly ? p.label : undefined}
        onClick={() => {
          setResult(null);
          setRequest({ title: p.title, description: p.description, confirmLabel: p.confirmLabel, run: p.run });
        }}
      >
        <PlugZap className="size-4" aria-hidden />
        {p.iconOnly ? <span className="sr-only">{p.label}</span> : p.label}
      </Button>
      <SessionCommandDialog
        request={request}
        onCancel={() => setRequest(null)}
        onDone={(r) => {
          setRequest(null);
          if (p.onResult) p.onResult(r);
          else setResult(r);
        }}
      />
      {result && !p.onResult && <CommandResult result={result} action={p.action} className="mt-2" />}
    </>
  );
}

/** A server action's result as a CommandResultValue. */
export function fromAction(r: { ok: true; data: CommandOutcome } | { ok: false; error: string }): CommandResultValue {
  return r.ok ? { ok: true, outcome: r.data } : { ok: false, error: r.error };
}

/** POST to a session-control REST route ({ data: outcome } or { error }) as a CommandResultValue. */
export async function postCommand(url: string): Promise<CommandResultValue> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const body = (await res.json().catch(() => null)) as { data?: CommandOutcome; error?: { message?: string } } | null;
    if (res.ok && body?.data) return { ok: true, outcome: body.data };
    return { ok: false, error: body?.error?.message ?? `The server answered ${res.status}` };
  } catch {
    return { ok: false, error: "Could not reach the server" };
  }
}
