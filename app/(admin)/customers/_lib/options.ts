// Turns the customer options service result into the plain props the client forms take.
import type { findCustomerOptions } from "@/lib/services/customers/find-customer-options";
import type { PackageOption } from "../customer-form";
import { TYPE_LABEL, validity } from "./format";
import { formatMoney } from "@/lib/money";

export function packageOptions(opts: Awaited<ReturnType<typeof findCustomerOptions>>, currency: string): PackageOption[] {
  return opts.packages.map((p) => ({
    id: p.id,
    name: p.name,
    type: p.type,
    price: p.price,
    label: `${p.name} · ${formatMoney(p.price, currency)} / ${validity(p.validityValue, p.validityUnit)}${p.retiredAt ? " (retired)" : ""}`,
  }));
}

export const typeLabel = (t: string) => TYPE_LABEL[t] ?? t;
