"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field, FormError, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { updateInstallationSettingsAction } from "../actions";

export function InstallationSettingsForm({ radiusAddress, portalUrl, firstRun }: { radiusAddress: string; portalUrl: string; firstRun: boolean }) {
  const router = useRouter();
  const { pending, onSubmit, errors, formError, message } = useFormAction(updateInstallationSettingsAction, {
    onSuccess: () => {
      if (firstRun) router.push("/platform");
      else router.refresh();
    },
  });
  return (
    <Card className="max-w-2xl">
      <CardBody>
        <form onSubmit={onSubmit} className="space-y-5" noValidate>
          <FormError message={formError && !errors("radiusAddress") && !errors("portalUrl") ? formError : null} />
          {message && (
            <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-inset ring-emerald-200">
              {message}
            </p>
          )}
          <Field
            label="RADIUS address for routers"
            htmlFor="radiusAddress"
            errors={errors("radiusAddress")}
            hint="The IP address or host name of this server as the MikroTik routers reach it (public IP, VPN address or LAN address). Not localhost."
          >
            <Input id="radiusAddress" name="radiusAddress" defaultValue={radiusAddress} placeholder="e.g. 203.0.113.10 or radius.example.co.ke" invalid={!!errors("radiusAddress")} autoComplete="off" />
          </Field>
          <Field label="Public portal URL" htmlFor="portalUrl" errors={errors("portalUrl")} hint="Where hotspot users and payment callbacks reach this installation.">
            <Input id="portalUrl" name="portalUrl" type="url" defaultValue={portalUrl} placeholder="https://isp.example.co.ke" invalid={!!errors("portalUrl")} autoComplete="off" />
          </Field>
          <Button type="submit" loading={pending}>
            {firstRun ? "Save and continue" : "Save"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
