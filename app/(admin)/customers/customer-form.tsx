"use client";
// Create/edit form for a customer of any connection type. Every field error shows next to its field;
// a blank password is generated on create (and shown once) or kept on edit.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyableValue } from "@/components/ui/copy-button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
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
          <Field label="Full name" htmlFor="name" errors={err("name")}>
            <Input id="name" name="name" defaultValue={v.name} placeholder="Jane Wanjiku" autoFocus={!editing} invalid={!!err("name")} />
          </Field>
          <Field label="Phone" htmlFor="phone" errors={err("phone")} hint="Kenyan numbers in any form: 0712 345 678, +254 712 345 678.">
            <Input id="phone" name="phone" type="tel" defaultValue={v.phone} placeholder="0712 345 678" invalid={!!err("phone")} />
          </Field>
          <Field label="Email" htmlFor="email" errors={err("email")}>
            <Input id="email" name="email" type="email" defaultValue={v.email} placeholder="optional" invalid={!!err("email")} />
          </Field>
          <Field label="Address" htmlFor="address" errors={err("address")}>
            <Input id="address" name="address" defaultValue={v.address} placeholder="House 12, Kahawa West" invalid={!!err("address")} />
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Service" description="How they connect, what they pay for and until when." />
        <CardBody className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Connection type" htmlFor="type" errors={err("type")}>
            <Select id="type" name="type" value={type} onChange={(e) => setType(e.target.value)} invalid={!!err("type")}>
              <option value="PPPOE">PPPoE</option>
              <option value="HOTSPOT">Hotspot</option>
              <option value="DHCP">DHCP</option>
              <option value="STATIC">Static IP</option>
            </Select>
          </Field>
          <Field label="Username" htmlFor="username" errors={err("username")} hint="What the router sends as User-Name.">
            <Input id="username" name="username" defaultValue={v.username} autoComplete="off" spellCheck={false} placeholder="jane.w" invalid={!!err("username")} className="font-mono" />
          </Field>
          <Field label="Password" htmlFor="password" errors={err("password")} hint={editing ? "Leave blank to keep the current password." : "Leave blank to generate one."}>
            <div className="flex gap-2">
              <Input id="password" name="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" spellCheck={false} invalid={!!err("password")} className="font-mono" />
              <Button type="button" variant="secondary" onClick={() => setPassword(randomPassword())} className="shrink-0" aria-label="Generate password">
                <KeyRound className="size-4" aria-hidden />
              </Button>
            </div>
          </Field>
          <Field label="Package" htmlFor="packageId" errors={err("packageId")}>
            <Select id="packageId" name="packageId" defaultValue={v.packageId} invalid={!!err("packageId")} key={type}>
              <option value="">No package</option>
              {forType.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </Field>
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
          <Field label="Status" htmlFor="status" errors={err("status")}>
            <Select id="status" name="status" defaultValue={v.status} invalid={!!err("status")}>
              <option value="ACTIVE">Active</option>
              <option value="SUSPENDED">Suspended</option>
              <option value="EXPIRED">Expired</option>
              <option value="DISABLED">Disabled</option>
            </Select>
          </Field>
          <Field label="Auto-renew from wallet" htmlFor="autoRenew" errors={err("autoRenew")} hint="On expiry, renew when the wallet covers the price.">
            <Select id="autoRenew" name="autoRenew" defaultValue={String(v.autoRenew)}>
              <option value="true">Yes</option>
              <option value="false">No</option>
            </Select>
          </Field>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Network" description="Optional: bind to a device, fix an address or pick a pool." />
        <CardBody className="grid gap-5 sm:grid-cols-3">
          <Field label="MAC binding" htmlFor="macAddress" errors={err("macAddress")} hint="Any format; saved as AA:BB:CC:DD:EE:FF.">
            <Input id="macAddress" name="macAddress" defaultValue={v.macAddress} placeholder="none" invalid={!!err("macAddress")} className="font-mono" />
          </Field>
          <Field label="Static IP" htmlFor="staticIp" errors={err("staticIp")}>
            <Input id="staticIp" name="staticIp" defaultValue={v.staticIp} placeholder="10.10.0.25" inputMode="decimal" invalid={!!err("staticIp")} className="font-mono" />
          </Field>
          <Field label="IP pool" htmlFor="ipPoolId" errors={err("ipPoolId")}>
            <Select id="ipPoolId" name="ipPoolId" defaultValue={v.ipPoolId} invalid={!!err("ipPoolId")}>
              <option value="">Router default</option>
              {pools.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Latitude" htmlFor="latitude" errors={err("latitude")}>
            <Input id="latitude" name="latitude" defaultValue={v.latitude} inputMode="decimal" placeholder="-1.1860" invalid={!!err("latitude")} />
          </Field>
          <Field label="Longitude" htmlFor="longitude" errors={err("longitude")}>
            <Input id="longitude" name="longitude" defaultValue={v.longitude} inputMode="decimal" placeholder="36.9280" invalid={!!err("longitude")} />
          </Field>
          <Field label="Notes" htmlFor="notes" errors={err("notes")} className="sm:col-span-3">
            <Textarea id="notes" name="notes" rows={2} defaultValue={v.notes} invalid={!!err("notes")} />
          </Field>
        </CardBody>
      </Card>

      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {editing ? "Save customer" : "Create customer"}
        </Button>
      </div>
    </form>
  );
}
