// The choices for a renewal paying less than the package price (pure: the payment forms import it too).
export const shortfallActions = ["CREDIT_WALLET", "PRO_RATA", "FULL_OVERRIDE"] as const;
export type ShortfallAction = (typeof shortfallActions)[number];

export const shortfallActionLabels: Record<ShortfallAction, string> = {
  CREDIT_WALLET: "Credit the wallet, no renewal",
  PRO_RATA: "Renew pro rata (the paid share of the period)",
  FULL_OVERRIDE: "Renew in full anyway (recorded as an override)",
};

/** Minor units missing from the price; 0 when paid in full or more. */
export function shortfallOf(amount: number, price: number): number {
  return Math.max(0, price - amount);
}
