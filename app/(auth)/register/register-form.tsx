"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { CodeSelect } from "@/components/forms/code-select";
import type { CodeOption } from "@/lib/regions";
import { registerAction } from "../actions";

const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function RegisterForm({ timezones, countries, currencies }: { timezones: string[]; countries: CodeOption[]; currencies: CodeOption[] }) {
  const router = useRouter();
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const { pending, onSubmit, errors, formError } = useFormAction(registerAction, {
    onSuccess: async (_data, form) => {
      const fd = new FormData(form);
      const res = await signIn("credentials", { redirect: false, email: String(fd.get("email")), password: String(fd.get("password")) });
      if (res?.ok && !res.error) {
        router.replace("/dashboard");
        router.refresh();
      } else setSignInError(`We sent a mail to ${fd.get("email")}. Sign in to continue.`);
    },
  });

  return (
    <form onSubmit={onSubmit} className="mt-8 space-y-5" noValidate>
      <FormError message={signInError ?? formError} />
      <fieldset className="space-y-4">
        <legend className="text-xs font-semibold uppercase tracking-wider text-slate-400">Your ISP</legend>
        <Field label="ISP name" htmlFor="name" errors={errors("name")}>
          <Input
            id="name"
            name="name"
            required
            autoFocus
            invalid={!!errors("name")}
            onChange={(e) => !slugTouched && setSlug(slugify(e.target.value))}
          />
        </Field>
        <Field label="Short name (slug)" htmlFor="slug" errors={errors("slug")} hint="Used in your captive portal address. Lowercase letters, digits and dashes.">
          <Input id="slug" name="slug" required value={slug} invalid={!!errors("slug")} onChange={(e) => (setSlugTouched(true), setSlug(e.target.value))} />
        </Field>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Country" htmlFor="country" errors={errors("country")}>
            <CodeSelect id="country" name="country" options={countries} defaultValue="KE" invalid={!!errors("country")} />
          </Field>
          <Field label="Currency" htmlFor="currency" errors={errors("currency")}>
            <CodeSelect id="currency" name="currency" options={currencies} defaultValue="KES" invalid={!!errors("currency")} showCode />
          </Field>
          <Field label="Time zone" htmlFor="timezone" errors={errors("timezone")}>
            <Select id="timezone" name="timezone" defaultValue="Africa/Nairobi">
              {timezones.map((tz) => (
                <option key={tz}>{tz}</option>
              ))}
            </Select>
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-xs font-semibold uppercase tracking-wider text-slate-400">Your admin account</legend>
        <Field label="Your name" htmlFor="adminName" errors={errors("adminName")}>
          <Input id="adminName" name="adminName" autoComplete="name" required invalid={!!errors("adminName")} />
        </Field>
        <Field label="Email" htmlFor="email" errors={errors("email")}>
          <Input id="email" name="email" type="email" autoComplete="email" required invalid={!!errors("email")} />
        </Field>
        <Field label="Password" htmlFor="password" errors={errors("password")} hint="At least 10 characters, not a common password.">
          <Input id="password" name="password" type="password" autoComplete="new-password" required invalid={!!errors("password")} />
        </Field>
      </fieldset>
      <Button type="submit" className="w-full" loading={pending}>
        Create my ISP
      </Button>
    </form>
  );
}
