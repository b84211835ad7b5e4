// The "add one" link of a list page (its header, and the empty state when there is nothing yet).
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
