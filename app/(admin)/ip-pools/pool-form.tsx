"use client";
// Create or edit an IP pool: the network in CIDR form, an optional explicit range (else the usable
// hosts), gateway, and the router or package that uses it. Every field error beside its field.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, FormActions, TextField, SelectField, nameOptions } from "@/components/ui/field";
import { createIpPoolAction, updateIpPoolAction } from "./actions";
import { useFormAction } from "@/components/forms/use-form-action";

export interface PoolFormValues {
  id?: string;
  name: string;
  cidr: string;
  rangeStart: string;
  rangeEnd: string;
  gateway: string;
  nasId: string;
  packageId: string;
}

/** The usable host range of a CIDR block, as the server computes it, for the placeholder hint. */
function hint(cidr: string, gateway: string): { start: string; end: string; size: number } | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr.trim());
  if (!m) return null;
  const parts = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (parts.some((p) => p > 255) || prefix < 8 || prefix > 32) return null;
  const ip = parts.reduce((n, p) => n * 256 + p, 0);
  const size = 2 ** (32 - prefix);
  if (ip % size !== 0) return null;
  let start = prefix >= 31 ? ip : ip + 1;
  let end = prefix >= 31 ? ip + size - 1 : ip + size - 2;
  const g = /^\d+\.\d+\.\d+\.\d+$/.test(gateway) ? gateway.split(".").reduce((n, p) => n * 256 + Number(p), 0) : -1;
  if (g === start && start < end) start++;
  else if (g === end && end > start) end--;
  const str = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
  return { start: str(start), end: str(end), size: end - start + 1 };
}

export function PoolForm({ initial, routers, packages }: { initial?: PoolFormValues; routers: { id: string; name: string }[]; packages: { id: string; name: string }[] }) {
  const router = useRouter();
  const editing = !!initial?.id;
  const [cidr, setCidr] = useState(initial?.cidr ?? "");
  const [gateway, setGateway] = useState(initial?.gateway ?? "");
  const { pending, onSubmit, errors, formError, state } = useFormAction(editing ? updateIpPoolAction : createIpPoolAction, {
    onSuccess: (r) => {
      if (editing) router.refresh();
      else router.push(`/ip-pools/${r.id}`);
    },
  });
  const h = hint(cidr, gateway);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5 p-5">
      {editing && <input type="hidden" name="id" value={initial!.id} />}
      <FormError message={formError} />
      {state?.ok && editing && (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
          Pool saved
        </p>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Name" name="name" errors={errors("name")} defaultValue={initial?.name} maxLength={60} placeholder="e.g. PPPoE Westlands" />
        <TextField label="Network (CIDR)" name="cidr" errors={errors("cidr")} hint="e.g. 10.10.0.0/24" value={cidr} onChange={(e) => setCidr(e.target.value)} placeholder="10.10.0.0/24" className="font-mono" />
        <TextField label="Gateway" name="gateway" errors={errors("gateway")} hint="Optional: the router's address in this network; never handed out" value={gateway} onChange={(e) => setGateway(e.target.value)} placeholder={h ? h.start : "10.10.0.1"} className="font-mono" />
        <div className="hidden sm:block" />
        <TextField label="Range start" name="rangeStart" errors={errors("rangeStart")} hint={h ? `Blank: ${h.start}` : "Blank: the first usable host"} defaultValue={initial?.rangeStart} placeholder={h?.start} className="font-mono" />
        <TextField label="Range end" name="rangeEnd" errors={errors("rangeEnd")} hint={h ? `Blank: ${h.end} (${h.size.toLocaleString()} addresses)` : "Blank: the last usable host"} defaultValue={initial?.rangeEnd} placeholder={h?.end} className="font-mono" />
        <SelectField label="Router" name="nasId" errors={errors("nasId")} hint="Optional: the router that uses this pool" defaultValue={initial?.nasId ?? ""} options={nameOptions(routers)}>
          <option value="">Any router</option>
        </SelectField>
        <SelectField label="Package" name="packageId" errors={errors("packageId")} hint="Optional: customers of this package get addresses here" defaultValue={initial?.packageId ?? ""} options={nameOptions(packages)}>
          <option value="">Any package</option>
        </SelectField>
      </div>
      <FormActions className="border-t border-slate-100 pt-4">
        <Button type="submit" loading={pending}>
          {editing ? "Save pool" : "Create pool"}
        </Button>
      </FormActions>
    </form>
  );
}
