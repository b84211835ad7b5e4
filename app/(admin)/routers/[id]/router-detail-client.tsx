"use client";
// Interactive parts of the router page: the RouterOS snippet with an audited "reveal secret", the
// "disconnect all sessions" command (waits for the routers' ACK/NAK) and deletion.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { AlertTriangle, Check, Copy, Eye, Trash2 } from "lucide-react";
import { routerRadiusScript, type RouterScriptInput } from "@/lib/services/routers/router-script";
import { Button } from "@/components/ui/button";
import { fromAction, SessionCommandButton } from "@/components/sessions/session-command-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { deleteRouterAction, disconnectRouterSessionsAction, markRouterScriptCopiedAction, revealRouterSecretAction } from "../actions";

interface SnippetProps extends Omit<RouterScriptInput, "secret"> {
  routerId: string;
  canReveal: boolean;
}

export function ConfigSnippet(p: SnippetProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const text = routerRadiusScript({ ...p, secret: secret ?? "<reveal the secret>" });

  const reveal = () =>
    start(async () => {
      const r = await revealRouterSecretAction(null, { id: p.routerId });
      if (r.ok) {
        setSecret(r.data.secret);
        setError(null);
      } else setError(r.error);
    });
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    void markRouterScriptCopiedAction(null, { id: p.routerId });
    setTimeout(() => setCopied(false), 2000);
  };

  return (
    <Card>
      <CardHeader
        title="RouterOS configuration"
        description="Paste into the router's terminal (Winbox → New Terminal, or SSH)."
        actions={
          <>
            {p.canReveal && !secret && (
              <Button variant="secondary" size="sm" onClick={reveal} loading={pending}>
                <Eye className="size-4" aria-hidden /> Reveal secret
              </Button>
            )}
            <Button variant="secondary" size="sm" onClick={copy} disabled={!secret} title={secret ? undefined : "Reveal the secret first"}>
              {copied ? <Check className="size-4" aria-hidden /> : <Copy className="size-4" aria-hidden />} {copied ? "Copied" : "Copy"}
            </Button>
          </>
        }
      />
      <CardBody>
        {error && <p role="alert" className="mb-3 text-sm text-red-600">{error}</p>}
        {p.target.warning && (
          <p role="alert" data-testid="radius-address-warning" className="mb-3 flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden /> {p.target.warning}
          </p>
        )}
        <pre data-testid="radius-snippet" className="overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
          <code>{text}</code>
        </pre>
        <p className="mt-3 text-xs text-slate-500">
          Revealing the secret is recorded in the audit log. The router must send RADIUS from <span className="font-mono">{p.routerIp}</span>; packets from any other address are dropped.
        </p>
      </CardBody>
    </Card>
  );
}

export function DisconnectAll({ routerId, sessions }: { routerId: string; sessions: number }) {
  const router = useRouter();
  return (
    <div className="flex max-w-md flex-col items-end gap-1">
      <SessionCommandButton
        label="Disconnect all sessions"
        disabled={sessions === 0}
        title="Disconnect every session on this router?"
        description={`${sessions} live session(s) get a Disconnect-Request.`}
        confirmLabel={`Disconnect ${sessions}`}
        run={async () => {
          const r = fromAction(await disconnectRouterSessionsAction(null, { id: routerId }));
          router.refresh();
          return r;
        }}
      />
    </div>
  );
}

export function DeleteRouter({ routerId, name, sessions }: { routerId: string; name: string; sessions: number }) {
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const r = await deleteRouterAction(null, { id: routerId });
      if (r.ok) router.push("/routers");
      else setError(r.error);
    });
  return (
    <div className="space-y-2">
      <Button variant={armed ? "danger" : "ghost"} size="sm" onClick={() => (armed ? run() : setArmed(true))} loading={pending} className={armed ? "" : "text-red-600 hover:bg-red-50 hover:text-red-700"}>
        <Trash2 className="size-4" aria-hidden /> {armed ? `Confirm: delete ${name}` : "Delete router"}
      </Button>
      {armed && <p className="text-xs text-slate-500">{sessions > 0 ? `Its ${sessions} open session record(s) are removed too. ` : ""}RADIUS stops answering its address at once.</p>}
      {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
    </div>
  );
}
