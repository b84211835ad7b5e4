// Horizontal share bars (server-rendered, no JavaScript): sessions by connection type, vouchers by status.
import Link from "next/link";

export interface BreakdownItem {
  key: string;
  label: string;
  value: number;
  color: string;
  href?: string;
}

export function BreakdownBars({ items, emptyText = "Nothing yet" }: { items: BreakdownItem[]; emptyText?: string }) {
  const total = items.reduce((a, i) => a + i.value, 0);
  if (total === 0) return <p className="py-2 text-sm text-slate-500">{emptyText}</p>;
  return (
    <div className="space-y-3">
      <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-100" aria-hidden>
        {items
          .filter((i) => i.value > 0)
          .map((i) => (
            <span key={i.key} style={{ width: `${(i.value / total) * 100}%`, background: i.color }} />
          ))}
      </div>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        {items.map((i) => {
          const inner = (
            <>
              <span className="flex min-w-0 items-center gap-2 text-slate-600">
                <span className="size-2.5 shrink-0 rounded-full" style={{ background: i.color }} aria-hidden />
                <span className="truncate">{i.label}</span>
              </span>
              <span className="font-medium tabular-nums text-slate-900">{i.value.toLocaleString()}</span>
            </>
          );
          return (
            <li key={i.key}>
              {i.href ? (
                <Link href={i.href} className="-mx-1.5 flex items-center justify-between gap-2 rounded-md px-1.5 py-0.5 hover:bg-slate-50">
                  {inner}
                </Link>
              ) : (
                <div className="flex items-center justify-between gap-2 py-0.5">{inner}</div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
