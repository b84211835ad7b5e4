// The second sign-in factor: a TOTP code or a single-use recovery code, when the user has TOTP on.
import type { Database } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export async function verifySecondFactor(_db: Database, user: User, code: string | undefined): Promise<void> {
  if (!user.totpEnabledAt) return;
  if (!code) throw new AppError("UNAUTHORIZED", "Enter the code from your authenticator app", { reason: "TOTP_REQUIRED" });
  throw new AppError("UNAUTHORIZED", "Two-factor sign-in is not available yet", { reason: "TOTP_INVALID" });
}
