import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { roleLabels } from "@/lib/auth/permissions";
import type { Role } from "@/lib/db/schema";
import { SignOutButton } from "./user-menu";

/** `returnControl`: what takes an operator viewing a tenant back to the platform (the route supplies it). */
export function Header({ name, email, role, impersonating, tenantName, returnControl }: { name: string; email: string; role: Role; impersonating: boolean; tenantName: string; returnControl?: ReactNode }) {
  return (
    <header className="sticky top-0 z-20 flex h-16 items-center justify-between gap-4 border-b border-slate-200 bg-white/90 px-4 pl-14 backdrop-blur sm:px-6 lg:pl-6">
      <div className="min-w-0">
        {impersonating && (
          <Badge tone="yellow">
            Viewing {tenantName} as platform operator
          </Badge>
        )}
        {impersonating && returnControl}
      </div>
      <div className="flex items-center gap-3">
        <div className="hidden text-right sm:block">
          <p className="text-sm font-medium text-slate-900">{name}</p>
          <p className="text-xs text-slate-500">
            {email} · {roleLabels[role]}
          </p>
        </div>
        <span className="flex size-9 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700" aria-hidden>
          {name.slice(0, 1).toUpperCase()}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
