// Who is asking, from request headers: the client address (as the web server decided it, see
// ./client-address) and the user agent recorded in audit entries.
import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/services/audit/record-audit";
import { clientAddressFrom } from "./client-address";

export async function requestActor(base: Partial<Actor>): Promise<Actor> {
  const h = await headers();
  return { ...base, ip: clientAddressFrom(h), userAgent: h.get("user-agent") };
}
