"use client";
// Create/edit form for a package. Every field error shows next to its field; the Mikrotik-Rate-Limit
// string RADIUS will send is previewed live as speeds, burst and priority are typed.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Gauge } from "lucide-react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, FormError, Input, Select, TextField, SelectField, TextareaField, labelOptions } from "@/components/ui/field";
import { formatRateLimit, type RateLimit } from "@/lib/radius/rate-limit";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";
import { TYPE_LABEL } from "../customers/_lib/format";
import { useFormAction } from "@/components/forms/use-form-action";
import { createPackageAction, updatePackageAction } from "./actions";

export interface PackageFormValues {
  id?: string;
  name: string;
  description: string;
  type: string;
  price: string;
  validityValue: string;
  validityUnit: string;
  downloadKbps: string;
  uploadKbps: string;
  burstDownloadKbps: string;
  burstUploadKbps: string;
  burstThresholdDownloadKbps: string;
  burstThresholdUploadKbps: string;
  burstTimeSeconds: string;
  priority: string;
  dataQuotaGb: string;
  sessionTimeLimitMinutes: string;
  fupDownloadKbps: string;
  fupUploadKbps: string;
  sharedUsers: string;
  idleTimeoutMinutes: string;
  addressList: string;
  allRouters: boolean;
  routerIds: string[];
}

const EMPTY: PackageFormValues = {
  name: "",
  description: "",
  type: "PPPOE",
  price: "",
  validityValue: "30",
  validityUnit: "DAYS",
  downloadKbps: "",
  uploadKbps: "",
  burstDownloadKbps: "",
  burstUploadKbps: "",
  burstThresholdDownloadKbps: "",
  burstThresholdUploadKbps: "",
  burstTimeSeconds: "",
  priority: "",
  dataQuotaGb: "",
  sessionTimeLimitMinutes: "",
  fupDownloadKbps: "",
  fupUploadKbps: "",
  sharedUsers: "1",
  idleTimeoutMinutes: "",
  addressList: "",
  allRouters: true,
  routerIds: [],
};

const RATE_KEYS = ["downloadKbps", "uploadKbps", "burstDownloadKbps", "burstUploadKbps", "burstThresholdDownloadKbps", "burstThresholdUploadKbps", "burstTimeSeconds", "priority"] as const;

function preview(v: Record<(typeof RATE_KEYS)[number], string>): string | null {
  const n = (s: string) => (s.trim() === "" ? undefined : Number(s));
  const down = n(v.downloadKbps);
  const up = n(v.uploadKbps);
  if (down === undefined || up === undefined) return null;
  const limit: RateLimit = { downloadKbps: down, uploadKbps: up };
  const opt: Array<[keyof RateLimit, string]> = [
    ["burstDownloadKbps", v.burstDownloadKbps],
    ["burstUploadKbps", v.burstUploadKbps],
    ["burstThresholdDownloadKbps", v.burstThresholdDownloadKbps],
    ["burstThresholdUploadKbps", v.burstThresholdUploadKbps],
    ["burstTimeSeconds", v.burstTimeSeconds],
    ["priority", v.priority],
  ];
  for (const [k, s] of opt) if (n(s) !== undefined) (limit as unknown as Record<string, number>)[k] = n(s)!;
  try {
    return formatRateLimit(limit);
  } catch {
    return null;
  }
}

export function PackageForm({ initial, routers, currency }: { initial?: PackageFormValues; routers: { id: string; name: string; ipAddress: string }[]; currency: string }) {
  const router = useRouter();
  const editing = !!initial?.id;
  const v = initial ?? EMPTY;
  const [rates, setRates] = useState(() => Object.fromEntries(RATE_KEYS.map((k) => [k, v[k]])) as Record<(typeof RATE_KEYS)[number], string>);
  const [allRouters, setAllRouters] = useState(v.allRouters);
  const rateLimit = useMemo(() => preview(rates), [rates]);
  const { pending, onSubmit, errors, formError } = useFormAction<{ id: string }>(editing ? updatePackageAction : createPackageAction, {
    onSuccess: () => {
      router.push("/packages");
      router.refresh();
    },
  });
  const err = (f: string) => errors(f);
  const rateInput = (key: (typeof RATE_KEYS)[number], label: string, placeholder: string, hint?: string) => (
    <TextField
      label={label}
      name={key}
      errors={err(key)}
      hint={hint}
      inputMode="numeric"
      placeholder={placeholder}
      value={rates[key]}
      onChange={(e) => setRates((r) => ({ ...r, [key]: e.target.value }))}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {editing && <input type="hidden" name="id" value={v.id} />}
      <FormError message={formError} />
      <Card>
        <CardHeader title="Plan" description="What the subscriber buys: connection type, price and how long one period lasts." />
        <CardBody className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Name" name="name" errors={err("name")} fieldClassName="sm:col-span-2" defaultValue={v.name} placeholder="Home 10 Mbps" autoFocus={!editing} />
          <SelectField label="Connection type" name="type" errors={err("type")} defaultValue={v.type} options={labelOptions(TYPE_LABEL)} />
          <TextField label={`Price (${currency})`} name="price" errors={err("price")} defaultValue={v.price} inputMode="decimal" placeholder="1500" />
          <Field label="Validity" htmlFor="validityValue" errors={[...(err("validityValue") ?? []), ...(err("validityUnit") ?? [])]}>
            <div className="flex gap-2">
              <Input id="validityValue" name="validityValue" defaultValue={v.validityValue} inputMode="numeric" className="w-24" invalid={!!err("validityValue")} />
              <Select name="validityUnit" aria-label="Validity unit" defaultValue={v.validityUnit} invalid={!!err("validityUnit")}>
                <option value="MINUTES">minutes</option>
                <option value="HOURS">hours</option>
                <option value="DAYS">days</option>
                <option value="MONTHS">months</option>
              </Select>
            </div>
          </Field>
          <TextField label="Shared users" name="sharedUsers" errors={err("sharedUsers")} hint="Simultaneous sessions allowed." defaultValue={v.sharedUsers} inputMode="numeric" />
          <TextareaField label="Description" name="description" errors={err("description")} fieldClassName="sm:col-span-2" rows={1} defaultValue={v.description} placeholder="Optional, shown to staff" />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Speed"
          description="In kilobits per second (10000 = 10 Mbps). Burst lets a user exceed the speed briefly while their average stays below the threshold."
        />
        <CardBody className="space-y-5">
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
            {rateInput("downloadKbps", "Download (kbps)", "10000")}
            {rateInput("uploadKbps", "Upload (kbps)", "5000")}
            <SelectField label="Priority" name="priority" errors={err("priority")} hint="1 is highest, 8 is RouterOS's default." value={rates.priority} onChange={(e) => setRates((r) => ({ ...r, priority: e.target.value }))}>
              <option value="">Default (8)</option>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </SelectField>
          </div>
          <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-5">
            {rateInput("burstDownloadKbps", "Burst download", "20000")}
            {rateInput("burstUploadKbps", "Burst upload", "10000")}
            {rateInput("burstThresholdDownloadKbps", "Threshold download", "8000")}
            {rateInput("burstThresholdUploadKbps", "Threshold upload", "4000")}
            {rateInput("burstTimeSeconds", "Burst time (s)", "16")}
          </div>
          <div className="flex items-center gap-3 rounded-lg bg-slate-50 px-4 py-3 ring-1 ring-inset ring-slate-200">
            <Gauge className="size-5 shrink-0 text-slate-400" aria-hidden />
            <div className="min-w-0">
              <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Mikrotik-Rate-Limit</p>
              <p className="truncate font-mono text-sm text-slate-900" data-testid="rate-limit-preview">
                {rateLimit ?? "enter download and upload speeds"}
              </p>
            </div>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Limits and fair usage" description="Leave blank for unlimited. With a fair-usage speed, a user who uses up the quota is slowed down instead of cut off." />
        <CardBody className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <TextField label="Data quota (GB)" name="dataQuotaGb" errors={err("dataQuotaGb")} hint="Per period; 1 GB = 1024³ bytes." defaultValue={v.dataQuotaGb} inputMode="decimal" placeholder="unlimited" />
          <TextField label="Fair-usage download (kbps)" name="fupDownloadKbps" errors={err("fupDownloadKbps")} defaultValue={v.fupDownloadKbps} inputMode="numeric" placeholder="disconnect instead" />
          <TextField label="Fair-usage upload (kbps)" name="fupUploadKbps" errors={err("fupUploadKbps")} defaultValue={v.fupUploadKbps} inputMode="numeric" placeholder="disconnect instead" />
          <TextField label="Session-time limit (minutes)" name="sessionTimeLimitMinutes" errors={err("sessionTimeLimitMinutes")} hint="Total online time per period." defaultValue={v.sessionTimeLimitMinutes} inputMode="numeric" placeholder="unlimited" />
          <TextField label="Idle timeout (minutes)" name="idleTimeoutMinutes" errors={err("idleTimeoutMinutes")} defaultValue={v.idleTimeoutMinutes} inputMode="numeric" placeholder="none" />
          <TextField label="Address list" name="addressList" errors={err("addressList")} hint="Mikrotik-Address-List for firewall rules." defaultValue={v.addressList} placeholder="home-users" />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Routers" description="Where the package can be used." />
        <CardBody className="space-y-4">
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="allRouters" value="true" checked={allRouters} onChange={() => setAllRouters(true)} className="size-4 text-brand-600" />
              All routers
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="allRouters" value="false" checked={!allRouters} onChange={() => setAllRouters(false)} className="size-4 text-brand-600" />
              Only the routers I choose
            </label>
          </div>
          {!allRouters && (
            <fieldset aria-label="Routers" className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {routers.length === 0 && <p className="text-sm text-slate-500">No routers yet. Add one under Routers first.</p>}
              {routers.map((r) => (
                <label key={r.id} className="flex items-center gap-2 rounded-lg px-3 py-2 text-sm ring-1 ring-inset ring-slate-200 hover:bg-slate-50">
                  <input type="checkbox" name="routerIds" value={r.id} defaultChecked={v.routerIds.includes(r.id)} className="size-4 rounded text-brand-600" />
                  <span className="font-medium">{r.name}</span>
                  <span className="font-mono text-xs text-slate-500">{r.ipAddress}</span>
                </label>
              ))}
            </fieldset>
          )}
          {err("routerIds")?.map((e) => (
            <p key={e} role="alert" className="text-sm text-red-600">
              {e}
            </p>
          ))}
        </CardBody>
      </Card>

      <SaveOrCancel pending={pending}>{editing ? "Save package" : "Create package"}</SaveOrCancel>
    </form>
  );
}
