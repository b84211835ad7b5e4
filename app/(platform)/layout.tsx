import Link from "next/link";
import { Building2 } from "lucide-react";
import { requirePlatformPage } from "@/lib/auth/session";
import { Badge } from "@/components/ui/badge";
import { SignOutButton } from "@/components/shell/user-menu";

export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const staff = await requirePlatformPage();
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
          <Link href="/platform" className="flex items-center gap-3">
            <span className="flex size-8 items-center justify-center rounded-lg bg-brand-500">
              <Building2 className="size-4.5" aria-hidden />
            </span>
            <span>
              <span className="block text-sm font-semibold">Platform</span>
              <span className="block text-xs text-slate-400">Operator console</span>
            </span>
          </Link>
          <div className="flex items-center gap-3">
            <div className="hidden text-right sm:block">
              <p className="text-sm font-medium">{staff.name}</p>
              <p className="text-xs text-slate-400">{staff.email}</p>
            </div>
            <Badge tone="yellow">Super admin</Badge>
            <div className="rounded-lg bg-white">
              <SignOutButton />
            </div>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 lg:px-8">{children}</main>
    </div>
  );
}
