"use client";
// The customer's action panel: renew with cash, suspend/resume, disconnect, change package, reset MAC,
// reveal password, delete. Each asks for confirmation and reports what happened.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Eye, PauseCircle, PlayCircle, RefreshCcw, Trash2, Unlink } from "lucide-react";
import { CommandResult, type CommandResultValue } from "@/components/sessions/command-result";
import { fromAction, SessionCommandButton, SessionCommandDialog, type SessionCommandRequest } from "@/components/sessions/session-command-button";
import { Button } from "@/components/ui/button";
import { useConfirm } from "@/components/ui/confirm-dialog";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { formatMoneyInput } from "@/lib/money";
import type { ShortfallAction } from "@/lib/services/payments/shortfall";
import { ShortfallChoice } from "@/components/forms/shortfall-choice";
import type { PackageOption } from "../customer-form";
import {
  changePackageAction,
  deleteCustomerAction,
  disconnectCustomerAction,
  renewCustomerAction,
  resetMacAction,
  resumeCustomerAction,
  revealPasswordAction,
  suspendCustomerAction,
} from "../actions";

export function CustomerActions(props: {
  id: string;
  status: string;
  online: boolean;
  type: string;
  packageId: string | null;
  /** Minor units. */
  packagePrice: number | null;
  hasMac: boolean;
  packages: PackageOption[];
  currency: string;
  canWrite: boolean;
  canControl: boolean;
  canSeeSecrets: boolean;
}) {
  const { id } = props;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [renewPkg, setRenewPkg] = useState(props.packageId ?? "");
  const [renewAmount, setRenewAmount] = useState("");
  const [renewErrors, setRenewErrors] = useState<Record<string, string[]>>({});
  const [shortfallAction, setShortfallAction] = useState<ShortfallAction | "">("");
  const [newPkg, setNewPkg] = useState("");
  // A package change on a live customer is a speed change on the router: asked, waited for and reported
  // like a disconnect.
  const [rateRequest, setRateRequest] = useState<SessionCommandRequest | null>(null);
  const [rateResult, setRateResult] = useState<CommandResultValue | null>(null);
  const ofType = props.packages.filter((p) => p.type === props.type);
  const renewPrice = props.packages.find((p) => p.id === renewPkg)?.price ?? (renewPkg === props.packageId ? props.packagePrice : null);

  // Questions go through the confirm dialog (never the browser's confirm()).
  const { confirmFirst, dialog } = useConfirm();

  function run<T>(question: string | null, fn: () => Promise<ActionResult<T>>, ok?: (d: T) => string, after?: (d: T) => void) {
    confirmFirst(question, () => start(async () => {
      const r = await fn();
      if (r.ok) {
        setNotice({ ok: true, text: ok ? ok(r.data) : (r.message ?? "Done") });
        after?.(r.data);
      } else {
        setNotice({ ok: false, text: Object.values(r.fieldErrors).flat()[0] ?? r.error });
      }
      router.refresh();
    }));
  }

  return (
    <Card>
      <CardHeader title="Actions" />
      {dialog}
      <CardBody className="space-y-5">
        {notice && (
          <div role={notice.ok ? "status" : "alert"} className={`rounded-lg px-3 py-2 text-sm ring-1 ring-inset ${notice.ok ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-red-50 text-red-700 ring-red-200"}`}>
            {notice.text}
          </div>
        )}

        {props.canWrite && (
          <form
            className="space-y-3 rounded-lg bg-slate-50 p-3 ring-1 ring-inset ring-slate-200"
            onSubmit={(e) => {
              e.preventDefault();
              setRenewErrors({});
              const pkg = props.packages.find((p) => p.id === renewPkg);
              run(
                `Record a cash payment and renew on ${pkg?.name ?? "the current package"}?`,
                () => renewCustomerAction(null, { id, packageId: renewPkg, amount: renewAmount, shortfallAction }),
                (d) => `Renewed. Receipt #${d.receiptNumber ?? "—"}`,
              );
            }}
          >
            <p className="text-sm font-medium text-slate-900">Renew with cash</p>
            <Field label="Package" htmlFor="renew-package" errors={renewErrors.packageId}>
              <Select id="renew-package" value={renewPkg} onChange={(e) => setRenewPkg(e.target.value)}>
                <option value="">Choose a package…</option>
                {ofType.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={`Amount (${props.currency})`} htmlFor="renew-amount" hint="Blank: the package price.">
              <Input id="renew-amount" value={renewAmount} onChange={(e) => setRenewAmount(e.target.value)} inputMode="decimal" placeholder={renewPrice != null ? formatMoneyInput(renewPrice, props.currency) : ""} />
            </Field>
            {renewPrice != null && (
              <ShortfallChoice
                idPrefix="renew-shortfall"
                amount={renewAmount}
                price={renewPrice}
                packageName={props.packages.find((p) => p.id === renewPkg)?.name ?? "the package"}
                currency={props.currency}
                value={shortfallAction}
                onChange={setShortfallAction}
                errors={renewErrors.shortfallAction}
              />
            )}
            <Button type="submit" className="w-full" loading={pending} disabled={!renewPkg}>
              <RefreshCcw className="size-4" aria-hidden /> Renew
            </Button>
          </form>
        )}

        <div className="grid gap-2">
          {props.canWrite &&
            (props.status === "SUSPENDED" || props.status === "DISABLED" ? (
              <Button variant="secondary" disabled={pending} onClick={() => run(null, () => resumeCustomerAction(null, { id }))}>
                <PlayCircle className="size-4" aria-hidden /> Resume
              </Button>
            ) : (
              <Button variant="secondary" disabled={pending} onClick={() => run("Suspend this customer? Their live sessions are disconnected.", () => suspendCustomerAction(null, { id }))}>
                <PauseCircle className="size-4" aria-hidden /> Suspend
              </Button>
            ))}
          {props.canControl && (
            <SessionCommandButton
              label="Disconnect now"
              disabled={pending || !props.online}
              title="Disconnect this customer now?"
              description="Each live session gets a Disconnect-Request; the customer can reconnect at once unless suspended."
              confirmLabel="Disconnect"
              run={async () => {
                const r = fromAction(await disconnectCustomerAction(null, { id }));
                router.refresh();
                return r;
              }}
            />
          )}
          {props.canWrite && (
            <Button variant="secondary" disabled={pending || !props.hasMac} onClick={() => run("Clear the MAC binding? The next device that connects is bound instead.", () => resetMacAction(null, { id }))}>
              <Unlink className="size-4" aria-hidden /> Reset MAC binding
            </Button>
          )}
          {props.canSeeSecrets && (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(null, () => revealPasswordAction(null, { id }), () => "Password shown (this view is audited)", (d) => setPassword(d.password ?? "(none)"))
              }
            >
              <Eye className="size-4" aria-hidden /> Show password
            </Button>
          )}
          {password && (
            <p className="rounded-lg bg-slate-50 px-3 py-2 text-center font-mono text-base tracking-wider ring-1 ring-inset ring-slate-200" data-testid="customer-password">
              {password}
            </p>
          )}
        </div>

        {props.canWrite && (
          <div className="space-y-2 border-t border-slate-100 pt-4">
            <Field label="Change package" htmlFor="change-package" hint={props.online ? "The new speed is applied to the live session at once." : undefined}>
              <div className="flex gap-2">
                <Select id="change-package" value={newPkg} onChange={(e) => setNewPkg(e.target.value)}>
                  <option value="">Choose…</option>
                  {ofType
                    .filter((p) => p.id !== props.packageId)
                    .map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.label}
                      </option>
                    ))}
                </Select>
                <Button
                  variant="secondary"
                  disabled={pending || !newPkg}
                  onClick={() => {
                    setRateResult(null);
                    if (!props.online) {
                      run("Move this customer to the chosen package? Expiry is unchanged.", () => changePackageAction(null, { id, packageId: newPkg }), undefined, () => setNewPkg(""));
                      return;
                    }
                    setRateRequest({
                      title: "Move this customer to the chosen package?",
                      description: "Expiry is unchanged. The router is asked to apply the new speed to each live session at once (CoA).",
                      confirmLabel: "Change package",
                      run: async () => {
                        const r = await changePackageAction(null, { id, packageId: newPkg });
                        router.refresh();
                        if (!r.ok) return { ok: false, error: Object.values(r.fieldErrors).flat()[0] ?? r.error };
                        setNewPkg("");
                        setNotice({ ok: true, text: r.message ?? "Package changed" });
                        return { ok: true, outcome: r.data.outcome };
                      },
                    });
                  }}
                >
                  Apply
                </Button>
              </div>
            </Field>
            <SessionCommandDialog
              request={rateRequest}
              onCancel={() => setRateRequest(null)}
              onDone={(r) => {
                setRateRequest(null);
                if (!r.ok) setNotice({ ok: false, text: r.error });
                else if (r.outcome.state !== "nothing-to-do") setRateResult(r);
              }}
            />
            {rateResult && <CommandResult result={rateResult} action="speed change" />}
          </div>
        )}

        {props.canWrite && (
          <div className="border-t border-slate-100 pt-4">
            <Button
              variant="ghost"
              className="w-full text-red-700 hover:bg-red-50 hover:text-red-800"
              disabled={pending}
              onClick={() =>
                confirmFirst("Delete this customer? Their sessions are disconnected; payments are kept.", () =>
                  start(async () => {
                    const r = await deleteCustomerAction(null, { id });
                    if (r.ok) router.push("/customers");
                    else setNotice({ ok: false, text: r.error });
                  }),
                )
              }
            >
              <Trash2 className="size-4" aria-hidden /> Delete customer
            </Button>
          </div>
        )}
      </CardBody>
    </Card>
  );
}
