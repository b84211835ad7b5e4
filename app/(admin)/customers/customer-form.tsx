"use client";
// Create/edit form for a customer of any connection type. Every field error shows next to its field;
// a blank password is generated on create (and shown once) or kept on edit.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { Field, FormError, Input, TextField, SelectField, TextareaField, yesNoOptions, labelOptions, nameOptions } from "@/components/ui/field";
import { STATUS_LABEL, TYPE_LABEL } from "./_lib/format";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";
import { useFormAction } from "@/components/forms/use-form-action";
import { ZonedDateTimeInput } from "@/components/forms/zoned-date-time-input";
import { zoneLabel } from "@/lib/format";
import { createCustomerAction, updateCustomerAction } from "./actions";

export interface CustomerFormValues {
  id?: string;
  type: string;
  name: string;
  phone: string;
  email: string;
  username: string;
  packageId: string;
  expiresAt: string;
  status: string;
  macAddress: string;
  staticIp: string;
  ipPoolId: string;
  latitude: string;
  longitude: string;
  address: string;
  notes: string;
  autoRenew: boolean;
}

export interface PackageOption {
  id: string;
  name: string;
  type: string;
  label: string;
  /** Minor units. */
  price: number;
}

const EMPTY: CustomerFormValues = {
  type: "PPPOE",
  name: "",
  phone: "",
  email: "",
  username: "",
  packageId: "",
  expiresAt: "",
  status: "ACTIVE",
  macAddress: "",
  staticIp: "",
  ipPoolId: "",
  latitude: "",
  longitude: "",
  address: "",
  notes: "",
  autoRenew: true,
};

function randomPassword(length = 8): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (b) => alphabet[b % alphabet.length]).join("");
}

export function CustomerForm({ initial, packages, pools, timeZone }: { initial?: CustomerFormValues; packages: PackageOption[]; pools: { id: string; name: string }[]; timeZone: string }) {
  const router = useRouter();
  const editing = !!initial?.id;
  const v = initial ?? EMPTY;
  const [type, setType] = useState(v.type);
  const [password, setPassword] = useState("");
  const [created, setCreated] = useState<{ id: string; username: string; password: string } | null>(null);
  const { pending, onSubmit, errors, formError } = useFormAction<{ id: string; username: string; generatedPassword: string | null }>(editing ? updateCustomerAction : createCustomerAction, {
    onSuccess: (data) => {
      if (!editing && data.generatedPassword) {
        setCreated({ id: data.id, username: data.username, password: data.generatedPassword });
        return;
      }
      router.push(`/customers/${data.id}`);
      router.refresh();
    },
  });
  const err = (f: string) => errors(f);
  const forType = packages.filter((p) => p.type === type || p.id === v.packageId);

  if (created) {
    return (
      <Card className="mx-auto max-w-lg">
        <CardHeader title="Customer created" description="Give the customer these credentials. You can reveal the password again later from their page." />
        <CardBody className="space-y-4">
          <CopyableValue label="Username" value={created.username} testId="created-username" />
          <CopyableValue label="Generated password" value={created.password} testId="generated-password" />
          <div className="flex justify-end">
            <Button onClick={() => router.push(`/customers/${created.id}`)}>Open customer</Button>
          </div>
        </CardBody>
      </Card>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {editing && <input type="hidden" name="id" value={v.id} />}
      <FormError message={formError} />
      <Card>
        <CardHeader title="Customer" description="Who they are and how to reach them." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <TextField label="Full name" name="name" errors={err("name")} defaultValue={v.name} placeholder="Jane Wanjiku" autoFocus={!editing} />
          <TextField label="Phone" name="phone" errors={err("phone")} hint="Kenyan numbers in any form: 0712 345 678, +254 712 345 678." type="tel" defaultValue={v.phone} placeholder="0712 345 678" />
          <TextField label="Email" name="email" errors={err("email")} type="email" defaultValue={v.email} placeholder="optional" />
          <TextField label="Address" name="address" errors={err("address")} defaultValue={v.address} placeholder="House 12, Kahawa West" />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Service" description="How they connect, what they pay for and until when." />
        <CardBody className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <SelectField label="Connection type" name="type" errors={err("type")} value={type} onChange={(e) => setType(e.target.value)} options={labelOptions(TYPE_LABEL)} />
          <TextField label="Username" name="username" errors={err("username")} hint="What the router sends as User-Name." defaultValue={v.username} autoComplete="off" spellCheck={false} placeholder="jane.w" className="font-mono" />
          <Field label="Password" htmlFor="password" errors={err("password")} hint={editing ? "Leave blank to keep the current password." : "Leave blank to generate one."}>
            <div className="flex gap-2">
              <Input id="password" name="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" spellCheck={false} invalid={!!err("password")} className="font-mono" />
              <Button type="button" variant="secondary" onClick={() => setPassword(randomPassword())} className="shrink-0" aria-label="Generate password">
                <KeyRound className="size-4" aria-hidden />
              </Button>
            </div>
          </Field>
          <SelectField label="Package" name="packageId" errors={err("packageId")} defaultValue={v.packageId} key={type}>
            <option value="">No package</option>
            {forType.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </SelectField>
          <Field label="Expires" htmlFor="expiresAt" errors={err("expiresAt")} hint={`${editing ? "" : "Blank: one package period from now. "}Time in ${zoneLabel(timeZone)}.`}>
            <ZonedDateTimeInput
              id="expiresAt"
              name="expiresAt"
              timeZone={timeZone}
              defaultValue={v.expiresAt || null}
              invalid={!!err("expiresAt")}
              confirmPast
              pastWarning="This expiry is in the past: the customer is expired at once and RADIUS refuses them."
            />
          </Field>
          <SelectField label="Status" name="status" errors={err("status")} defaultValue={v.status} options={labelOptions(STATUS_LABEL)} />
          <SelectField label="Auto-renew from wallet" name="autoRenew" errors={err("autoRenew")} hint="On expiry, renew when the wallet covers the price." defaultValue={String(v.autoRenew)} options={yesNoOptions()} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Network" description="Optional: bind to a device, fix an address or pick a pool." />
        <CardBody className="grid gap-5 sm:grid-cols-3">
          <TextField label="MAC binding" name="macAddress" errors={err("macAddress")} hint="Any format; saved as AA:BB:CC:DD:EE:FF." defaultValue={v.macAddress} placeholder="none" className="font-mono" />
          <TextField label="Static IP" name="staticIp" errors={err("staticIp")} defaultValue={v.staticIp} placeholder="10.10.0.25" inputMode="decimal" className="font-mono" />
          <SelectField label="IP pool" name="ipPoolId" errors={err("ipPoolId")} defaultValue={v.ipPoolId} options={nameOptions(pools)}>
            <option value="">Router default</option>
          </SelectField>
          <TextField label="Latitude" name="latitude" errors={err("latitude")} defaultValue={v.latitude} inputMode="decimal" placeholder="-1.1860" />
          <TextField label="Longitude" name="longitude" errors={err("longitude")} defaultValue={v.longitude} inputMode="decimal" placeholder="36.9280" />
          <TextareaField label="Notes" name="notes" errors={err("notes")} fieldClassName="sm:col-span-3" rows={2} defaultValue={v.notes} />
        </CardBody>
      </Card>

      <SaveOrCancel pending={pending}>{editing ? "Save customer" : "Create customer"}</SaveOrCancel>
    </form>
  );
}
