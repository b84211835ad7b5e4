// Previous / next links under a short server-paged list (the audit log, the mail outbox): the page is
// in the URL, so each link is a plain navigation.
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "./button";

export function Pager({ page, pageCount, href, children }: { page: number; pageCount: number; href: (page: number) => string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-4 py-3 text-sm text-slate-500">
      <span>{children}</span>
      <span className="flex gap-2">
        {page > 1 && (
          <Link className={buttonClasses("secondary", "sm")} href={href(page - 1)}>
            Previous
          </Link>
        )}
        {page < pageCount && (
          <Link className={buttonClasses("secondary", "sm")} href={href(page + 1)}>
            Next
          </Link>
        )}
      </span>
    </div>
  );
}
