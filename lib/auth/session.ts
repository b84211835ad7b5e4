// The staff context of the current request, resolved once (React cache) from the next-auth JWT
// and checked against the database on every request, so revoked sessions stop at once.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "./next-auth";
import { getDb } from "@/lib/db";
import { can, type Permission } from "./permissions";
import { getSessionContext, mustEnrolTotp, touchSession, type StaffContext } from "@/lib/services/auth/get-session-context";
import { AppError } from "@/lib/errors";
import { authorize, requireEnrolment } from "./steps";

export type { StaffContext };

export const getStaff = cache(async (): Promise<StaffContext | null> => {
  await cookies(); // marks the route dynamic before any configuration is read
  const session = await getServerSession(authOptions());
  if (!session?.sid) return null;
  const ctx = await getSessionContext(getDb(), session.sid);
  if (ctx) void touchSession(getDb(), ctx.sessionId).catch(() => undefined);
  return ctx;
});

/** For pages and layouts: redirects to sign-in when there is no valid session. */
export async function requireStaffPage(permission?: Permission): Promise<StaffContext & { tenantId: string }> {
  const staff = await getStaff();
  if (!staff) redirect("/sign-in");
  if (!staff.tenantId) redirect("/platform");
  // A tenant that requires two-factor sign-in sends members without it to enrol before anything else.
  if (mustEnrolTotp(staff)) redirect("/two-factor/setup");
  if (permission && !can(staff.role, permission)) redirect("/dashboard?denied=1");
  return staff as StaffContext & { tenantId: string };
}

/** For platform operator pages: only a SUPER_ADMIN, whether or not a tenant is open. */
export async function requirePlatformPage(): Promise<StaffContext> {
  const staff = await getStaff();
  if (!staff) redirect("/sign-in?callbackUrl=/platform");
  if (!can(staff.role, "platform:manage")) redirect("/dashboard?denied=1");
  return staff;
}

/**
 * For server actions: throws AppError instead of redirecting. A member who must first set up two-factor
 * sign-in is refused, except by the enrolment actions themselves (`beforeTotpEnrolment`).
 */
export async function requireStaff(permission?: Permission, opts: { beforeTotpEnrolment?: boolean } = {}): Promise<StaffContext> {
  const staff = await getStaff();
  if (!staff) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  requireEnrolment({ kind: "session", context: staff }, opts);
  if (permission) authorize(staff.role, permission);
  return staff;
}
