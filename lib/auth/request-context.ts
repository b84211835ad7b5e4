// Who is asking, from request headers: the client IP and user agent recorded in audit entries.
import "server-only";
import { headers } from "next/headers";
import type { Actor } from "@/lib/services/audit/record-audit";

export function clientIpFrom(h: Headers): string | null {
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

export async function requestActor(base: Partial<Actor>): Promise<Actor> {
  const h = await headers();
  return { ...base, ip: clientIpFrom(h), userAgent: h.get("user-agent") };
}
