import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";

export function Card({ className, children }: { className?: string; children: ReactNode }) {
  // min-w-0: as a grid or flex item a card never grows past its track to fit a wide table inside it.
  return <div className={cn("min-w-0 rounded-xl bg-white shadow-sm ring-1 ring-slate-200", className)}>{children}</div>;
}

export function CardHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {description && <p className="mt-0.5 text-sm text-slate-500">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

/** A card header's link to the whole list ("View all", "Manage"). */
export function CardLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm font-medium text-brand-600 hover:text-brand-700">
      {children}
    </Link>
  );
}

/** A card's list of entries, or what to show when there are none. */
export function CardList<T>({ label, items, empty, className, children }: { label: string; items: T[]; empty: ReactNode; className?: string; children: (item: T) => ReactNode }) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className={cn("divide-y divide-slate-100", className)} aria-label={label}>
      {items.map(children)}
    </ul>
  );
}

/** One entry of a card's list: what it is on the left (an optional mark, its name, a grey line), its state on the right. */
export function CardListItem({ lead, title, detail, aside }: { lead?: ReactNode; title: ReactNode; detail: ReactNode; aside: ReactNode }) {
  return (
    <li className="flex items-center justify-between gap-3 px-5 py-3">
      <div className="flex min-w-0 items-center gap-3">
        {lead}
        <div className="min-w-0">
          {title}
          <p className="truncate text-xs text-slate-500">{detail}</p>
        </div>
      </div>
      <div className="shrink-0 text-right">{aside}</div>
    </li>
  );
}

export function CardBody({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("px-5 py-4", className)}>{children}</div>;
}

export function StatCard({ label, value, hint, icon }: { label: string; value: ReactNode; hint?: ReactNode; icon?: ReactNode }) {
  return (
    <Card className="min-w-0 p-4 sm:p-5">
      <div className="flex items-center justify-between gap-2">
        <p className="truncate text-sm font-medium text-slate-500">{label}</p>
        {icon && <span className="hidden text-slate-400 sm:inline">{icon}</span>}
      </div>
      <p className="mt-2 break-words text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">{value}</p>
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </Card>
  );
}

/** The row of figures at the top of a page: two per row on a phone, so the page's list stays near. */
export function StatGrid({ label, columns = 4, className, children }: { label: string; columns?: 3 | 4; className?: string; children: ReactNode }) {
  return (
    <section aria-label={label} className={cn("grid grid-cols-2 gap-3 sm:gap-4", columns === 3 ? "sm:grid-cols-3" : "xl:grid-cols-4", className)}>
      {children}
    </section>
  );
}

/** A page's title row; detail pages pass `breadcrumbs` (the list they belong to, then themselves). */
export function PageHeader({ title, description, actions, breadcrumbs }: { title: string; description?: ReactNode; actions?: ReactNode; breadcrumbs?: Crumb[] }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div className="min-w-0">
        {breadcrumbs && <Breadcrumbs items={breadcrumbs} />}
        <h1 className="break-words text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 text-sm text-slate-500">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

export function EmptyState({ title, description, action }: { title: string; description?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-14 text-center">
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {description && <p className="mt-1 max-w-sm text-sm text-slate-500">{description}</p>}
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
