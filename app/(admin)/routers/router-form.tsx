"use client";
// Create/edit form for a router. Every field error is shown next to its field; a refused submission
// keeps what was typed. The shared secret can be left blank (generated) or generated here.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, FormError, Input, TextField, SelectField, yesNoOptions } from "@/components/ui/field";
import { SaveOrCancel } from "@/components/forms/save-or-cancel";
import { useFormAction } from "@/components/forms/use-form-action";
import { createRouterAction, updateRouterAction } from "./actions";

export interface RouterFormValues {
  id?: string;
  name: string;
  ipAddress: string;
  type: string;
  routerOsVersion: string;
  coaPort: string;
  requireMessageAuthenticator: boolean;
  location: string;
  latitude: string;
  longitude: string;
  apiUsername: string;
  apiPort: string;
  hasApiPassword: boolean;
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

function randomSecret(length = 32): string {
  const out: string[] = [];
  const max = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const b of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (b < max && out.length < length) out.push(ALPHABET[b % ALPHABET.length]);
    }
  }
  return out.join("");
}

export function RouterForm({ initial }: { initial?: RouterFormValues }) {
  const router = useRouter();
  const editing = !!initial?.id;
  const [secret, setSecret] = useState("");
  const { pending, onSubmit, errors, formError } = useFormAction<{ id: string }>(editing ? updateRouterAction : createRouterAction, {
    onSuccess: (data) => router.push(`/routers/${data.id}${editing ? "" : "?created=1"}`),
  });
  const v = initial;
  const err = (f: string) => errors(f);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {editing && <input type="hidden" name="id" value={v!.id} />}
      <FormError message={formError} />
      <Card>
        <CardHeader title="Router" description="How this server recognises the router: RADIUS packets are matched by their source address." />
        <CardBody className="grid gap-5 sm:grid-cols-2">
          <TextField label="Name" name="name" errors={err("name")} defaultValue={v?.name} placeholder="Kahawa West tower" autoFocus={!editing} />
          <TextField label="IP address" name="ipAddress" errors={err("ipAddress")} hint="The address the router sends RADIUS from (its src-address)." defaultValue={v?.ipAddress} placeholder="10.10.0.1" inputMode="decimal" className="font-mono" />
          <Field
            label="Shared secret"
            htmlFor="secret"
            errors={err("secret")}
            hint={editing ? "Leave blank to keep the current secret." : "At least 16 characters. Leave blank and we generate a strong one."}
            className="sm:col-span-2"
          >
            <div className="flex gap-2">
              <Input
                id="secret"
                name="secret"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder={editing ? "•••••••• (unchanged)" : "generated when left blank"}
                invalid={!!err("secret")}
                className="font-mono"
              />
              <Button type="button" variant="secondary" onClick={() => setSecret(randomSecret())} className="shrink-0">
                <KeyRound className="size-4" aria-hidden /> Generate
              </Button>
            </div>
          </Field>
          <SelectField label="Type" name="type" errors={err("type")} defaultValue={v?.type ?? "MIKROTIK"}>
            <option value="MIKROTIK">MikroTik RouterOS</option>
            <option value="OTHER">Other</option>
          </SelectField>
          <TextField label="RouterOS version" name="routerOsVersion" errors={err("routerOsVersion")} hint="For your records, e.g. 7.16.2." defaultValue={v?.routerOsVersion} placeholder="7.16.2" />
          <TextField label="CoA port" name="coaPort" errors={err("coaPort")} hint="Where the router listens for disconnect and speed-change requests (/radius incoming)." defaultValue={v?.coaPort ?? "3799"} inputMode="numeric" />
          <SelectField label="Require Message-Authenticator" name="requireMessageAuthenticator" errors={err("requireMessageAuthenticator")} hint="Protects against BlastRADIUS. Turn off only for RouterOS older than 7.15." defaultValue={v ? String(v.requireMessageAuthenticator) : "true"} options={yesNoOptions("Yes (recommended)")} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Location" description="Optional: where the router is, to find it on the map." />
        <CardBody className="grid gap-5 sm:grid-cols-3">
          <TextField label="Location" name="location" errors={err("location")} fieldClassName="sm:col-span-3" defaultValue={v?.location} placeholder="Rooftop, Kahawa West, Nairobi" />
          <TextField label="Latitude" name="latitude" errors={err("latitude")} defaultValue={v?.latitude} inputMode="decimal" placeholder="-1.1860" />
          <TextField label="Longitude" name="longitude" errors={err("longitude")} defaultValue={v?.longitude} inputMode="decimal" placeholder="36.9280" />
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="RouterOS API" description="Optional: lets the platform read the router's health and push changes." />
        <CardBody className="grid gap-5 sm:grid-cols-3">
          <TextField label="API username" name="apiUsername" errors={err("apiUsername")} defaultValue={v?.apiUsername} autoComplete="off" />
          <TextField label="API password" name="apiPassword" errors={err("apiPassword")} hint={v?.hasApiPassword ? "Leave blank to keep the saved password." : undefined} type="password" autoComplete="new-password" />
          <TextField label="API port" name="apiPort" errors={err("apiPort")} hint="8728, or 8729 for TLS." defaultValue={v?.apiPort} inputMode="numeric" placeholder="8728" />
        </CardBody>
      </Card>

      <SaveOrCancel pending={pending}>{editing ? "Save router" : "Add router"}</SaveOrCancel>
    </form>
  );
}
