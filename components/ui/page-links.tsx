// The links a page header offers: "add one" on a list page (and its empty state), "back to the list" on a
// page under it.
import Link from "next/link";
import type { ReactNode } from "react";
import { Plus } from "lucide-react";
import { buttonClasses } from "./button";

export function CreateLink({ href, size = "md", children }: { href: string; size?: "sm" | "md"; children: ReactNode }) {
  return (
    <Link href={href} className={buttonClasses("primary", size)}>
      <Plus className="size-4" aria-hidden /> {children}
    </Link>
  );
}

export function BackLink({ href, variant = "secondary", children }: { href: string; variant?: "secondary" | "ghost"; children: ReactNode }) {
  return (
    <Link href={href} className={buttonClasses(variant)}>
      {children}
    </Link>
  );
}
