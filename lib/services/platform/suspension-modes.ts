// What each platform suspension mode means, in the words staff and the operator read (pure, client-safe).
export type SuspensionMode = "GRACE" | "REFUSE";

export const SUSPENSION_MODE_LABEL: Record<SuspensionMode, string> = {
  GRACE: "subscribers keep service",
  REFUSE: "subscribers refused",
};

/** The sentence the ISP's staff read on their sign-in refusal. */
export function suspensionEffect(mode: SuspensionMode | null): string {
  return mode === "GRACE"
    ? "Your subscribers keep their service for now."
    : "Your subscribers cannot connect until it is reactivated (RADIUS refuses them).";
}
