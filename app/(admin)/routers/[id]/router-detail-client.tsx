"use client";
// Interactive parts of the router page: the RouterOS snippet with an audited "reveal secret", the
// "disconnect all sessions" command (waits for the routers' ACK/NAK) and deletion.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Check, Copy, Eye, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fromAction, SessionCommandButton } from "@/components/sessions/session-command-button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { deleteNasAction, disconnectNasSessionsAction, revealNasSecretAction } from "../actions";

interface SnippetProps {
  nasId: string;
  canReveal: boolean;
  server: string;
  nasIp: string;
  authPort: number;
  acctPort: number;
  coaPort: number;
  requireMessageAuthenticator: boolean;
  comment: string;
}

export function ConfigSnippet(p: SnippetProps) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();
  const ports = `${p.authPort !== 1812 ? ` authentication-port=${p.authPort}` : ""}${p.acctPort !== 1813 ? ` accounting-port=${p.acctPort}` : ""}`;
  const shownSecret = secret ?? "<reveal the secret>";
  const lines = [
    `/radius add address=${p.server} secret="${shownSecret}" service=ppp,hotspot src-address=${p.nasIp}${ports} timeout=3s comment="${p.comment.replace(/"/g, "")}"`,
    ...(p.requireMessageAuthenticator ? ["# RouterOS 7.15+: also send Message-Authenticator", `/radius set [find address=${p.server}] require-message-auth=yes-for-request-resp`] : []),
    `/radius incoming set accept=yes port=${p.coaPort}`,
    `/ppp aaa set use-radius=yes accounting=yes interim-update=5m`,
    `/ip hotspot profile set [find] use-radius=yes radius-interim-update=5m`,
  ];
  const text = lines.join("\n");

  const reveal = () =>
    start(async () => {
      const r = await revealNasSecretAction(null, { id: p.nasId });
      if (r.ok) {
        setSecret(r.data.secret);
        setError(null);
      } else setError(r.error);
    });
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
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
        <pre data-testid="radius-snippet" className="overflow-x-auto whitespace-pre-wrap break-all rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">
          <code>{text}</code>
        </pre>
        <p className="mt-3 text-xs text-slate-500">
          Revealing the secret is recorded in the audit log. The router must send RADIUS from <span className="font-mono">{p.nasIp}</span>; packets from any other address are dropped.
        </p>
      </CardBody>
    </Card>
  );
}

export function DisconnectAll({ nasId, sessions }: { nasId: string; sessions: number }) {
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
          const r = fromAction(await disconnectNasSessionsAction(null, { id: nasId }));
          router.refresh();
          return r;
        }}
      />
    </div>
  );
}

export function DeleteRouter({ nasId, name, sessions }: { nasId: string; name: string; sessions: number }) {
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      const r = await deleteNasAction(null, { id: nasId });
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
