// The customer picker of the payment form: up to 10 of the tenant's customers matching a name,
// username or phone, with the package (and price) a renewal would use.
import { and, asc, eq, ilike, or } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { customers, packages } from "@/lib/db/schema";
import { containsPattern } from "@/lib/db/like";
import { isUuid } from "@/lib/ids";

export const searchPaymentCustomersSchema = z.object({ q: z.string().trim().max(100).default("") });

export interface PaymentCustomerOption {
  id: string;
  name: string;
  username: string;
  phone: string | null;
  status: string;
  expiresAt: Date | null;
  walletBalance: number;
  packageId: string | null;
  packageName: string | null;
  packagePrice: number | null;
}

export type SearchPaymentCustomersInput = z.output<typeof searchPaymentCustomersSchema>;

/** `id`: the one customer a payment form opens with (from its URL), instead of a search. */
export async function searchPaymentCustomers(db: Database, input: SearchPaymentCustomersInput & { tenantId: string; id?: string }): Promise<PaymentCustomerOption[]> {
  const { q } = input;
  if (input.id && !isUuid(input.id)) return [];
  const like = containsPattern(q);
  return db
    .select({
      id: customers.id,
      name: customers.name,
      username: customers.username,
      phone: customers.phone,
      status: customers.status,
      expiresAt: customers.expiresAt,
      walletBalance: customers.walletBalance,
      packageId: customers.packageId,
      packageName: packages.name,
      packagePrice: packages.price,
    })
    .from(customers)
    .leftJoin(packages, and(eq(packages.id, customers.packageId), eq(packages.tenantId, customers.tenantId)))
    .where(
      and(
        eq(customers.tenantId, input.tenantId),
        input.id ? eq(customers.id, input.id) : q ? or(ilike(customers.name, like), ilike(customers.username, like), ilike(customers.phone, like)) : undefined,
      ),
    )
    .orderBy(asc(customers.name))
    .limit(10);
}
