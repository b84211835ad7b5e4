// The Active / History switch shared by the two sessions pages.
import Link from "next/link";
import { cn } from "@/lib/utils";

export function SessionTabs({ current }: { current: "active" | "history" }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
        active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
      )}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Sessions views" className="mb-4 inline-flex gap-1 rounded-lg bg-slate-100 p-1">
      {tab("/sessions", "Active", current === "active")}
      {tab("/sessions/history", "History", current === "history")}
    </nav>
  );
}
