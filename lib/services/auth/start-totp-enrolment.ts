// First step of turning on two-factor sign-in: a new secret (sealed, not yet active) and its QR code.
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { users } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { sealSecret } from "@/lib/crypto";
import { newTotpSecret, totpUri } from "./totp";

/** Who enrols: the signed-in member (tenantId null for a platform operator or one acting as a tenant). */
export interface StartTotpEnrolmentInput {
  tenantId: string | null;
  userId: string;
}

export interface TotpEnrolment {
  /** The base32 secret for manual entry, grouped in fours. */
  manualKey: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export async function startTotpEnrolment(db: Database, input: StartTotpEnrolmentInput): Promise<TotpEnrolment> {
  const secret = newTotpSecret();
  const rows = await db
    .update(users)
    .set({ totpSecretSealed: sealSecret("totp", secret) })
    .where(and(eq(users.id, input.userId), input.tenantId ? eq(users.tenantId, input.tenantId) : isNull(users.tenantId), isNull(users.totpEnabledAt)))
    .returning({ email: users.email, enabled: users.totpEnabledAt });
  if (!rows.length) {
    const [exists] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), input.tenantId ? eq(users.tenantId, input.tenantId) : isNull(users.tenantId)));
    if (!exists) throw notFound("User");
    throw new AppError("CONFLICT", "Two-factor sign-in is already on. Turn it off first to enrol a new device.");
  }
  const otpauthUrl = totpUri(rows[0].email, secret);
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { manualKey: secret.replace(/(.{4})/g, "$1 ").trim(), otpauthUrl, qrDataUrl };
}
