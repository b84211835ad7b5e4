"use client";
// Sidebar navigation: fixed on large screens, a drawer on phones.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import {
  Activity,
  Building2,
  CreditCard,
  LayoutDashboard,
  Menu,
  Network,
  Package,
  Router,
  ScrollText,
  Settings,
  Ticket,
  Users,
  UserCog,
  Wifi,
  X,
} from "lucide-react";
import type { NavSection } from "./nav";
import { cn } from "@/lib/utils";

const icons: Record<string, typeof Users> = {
  dashboard: LayoutDashboard,
  customers: Users,
  packages: Package,
  vouchers: Ticket,
  sessions: Activity,
  payments: CreditCard,
  routers: Router,
  "ip-pools": Network,
  settings: Settings,
  team: UserCog,
  audit: ScrollText,
  platform: Building2,
};

function NavLinks({ sections, onNavigate }: { sections: NavSection[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const allHrefs = sections.flatMap((s) => s.items.map((i) => i.href));
  // The longest matching href wins, so /settings/team does not also light up /settings.
  const active = allHrefs.filter((h) => pathname === h || pathname.startsWith(`${h}/`)).sort((a, b) => b.length - a.length)[0];
  return (
    <nav className="flex flex-1 flex-col gap-6 px-3 py-4" aria-label="Main">
      {sections.map((section, i) => (
        <div key={section.title ?? i}>
          {section.title && <p className="px-3 pb-2 text-xs font-semibold uppercase tracking-wider text-slate-400">{section.title}</p>}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const Icon = icons[item.icon] ?? LayoutDashboard;
              const isActive = item.href === active;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    onClick={onNavigate}
                    aria-current={isActive ? "page" : undefined}
                    className={cn(
                      "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                      isActive ? "bg-white/10 text-white" : "text-slate-300 hover:bg-white/5 hover:text-white",
                    )}
                  >
                    <Icon className={cn("size-4.5 shrink-0", isActive ? "text-brand-100" : "text-slate-400 group-hover:text-slate-200")} aria-hidden />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

function Brand({ tenantName }: { tenantName: string }) {
  return (
    <div className="flex h-16 items-center gap-3 border-b border-white/10 px-5">
      <span className="flex size-8 items-center justify-center rounded-lg bg-brand-500 text-white">
        <Wifi className="size-4.5" aria-hidden />
      </span>
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold text-white">{tenantName}</p>
        <p className="text-xs text-slate-400">ISP console</p>
      </div>
    </div>
  );
}

function NavToggle({ label, onClick, className, children }: { label: string; onClick: () => void; className: string; children: ReactNode }) {
  return (
    <button type="button" onClick={onClick} className={cn("rounded-lg", className)} aria-label={label}>
      {children}
    </button>
  );
}

export function Sidebar({ sections, tenantName }: { sections: NavSection[]; tenantName: string }) {
  const [open, setOpen] = useState(false);

  return (
    <>
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col bg-slate-900 lg:flex">
        <Brand tenantName={tenantName} />
        <NavLinks sections={sections} />
      </aside>

      <NavToggle label="Open navigation" onClick={() => setOpen(true)} className="fixed left-3 top-3 z-40 p-2 text-slate-600 hover:bg-slate-100 lg:hidden">
        <Menu className="size-5" />
      </NavToggle>
      {open && (
        <div className="fixed inset-0 z-50 lg:hidden" role="dialog" aria-modal="true">
          <div className="absolute inset-0 bg-slate-900/50" onClick={() => setOpen(false)} />
          <aside className="relative flex h-full w-72 max-w-[85vw] flex-col bg-slate-900 shadow-xl">
            <NavToggle label="Close navigation" onClick={() => setOpen(false)} className="absolute right-3 top-4 p-1.5 text-slate-300 hover:bg-white/10">
              <X className="size-5" />
            </NavToggle>
            <Brand tenantName={tenantName} />
            <NavLinks sections={sections} onNavigate={() => setOpen(false)} />
          </aside>
        </div>
      )}
    </>
  );
}
