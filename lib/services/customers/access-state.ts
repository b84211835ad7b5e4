// The state RADIUS acts on for a customer, from status + package + expiry: the badge in the customer list
// and page and the authorization decision (decideAccess) both come from here, so they cannot disagree.
// Pure (no I/O), so client components may use it too.

export type CustomerAccessState = "ACTIVE" | "NO_PACKAGE" | "EXPIRED" | "SUSPENDED" | "DISABLED";

export interface CustomerAccessFacts {
  status: string;
  hasPackage: boolean;
  expiresAt: Date | string | null;
}

export function customerAccessState(c: CustomerAccessFacts, now: Date = new Date()): CustomerAccessState {
  if (c.status === "DISABLED") return "DISABLED";
  if (c.status === "SUSPENDED") return "SUSPENDED";
  const expiresAt = c.expiresAt === null ? null : new Date(c.expiresAt);
  if (c.status === "EXPIRED" || (expiresAt && expiresAt.getTime() <= now.getTime())) return "EXPIRED";
  if (!c.hasPackage) return "NO_PACKAGE";
  return "ACTIVE";
}

export const ACCESS_STATE_LABEL: Record<CustomerAccessState, string> = {
  ACTIVE: "Active",
  NO_PACKAGE: "No package: cannot connect",
  EXPIRED: "Expired",
  SUSPENDED: "Suspended",
  DISABLED: "Disabled",
};

/** Badge tones (components/ui/badge) for each state. */
export const ACCESS_STATE_TONE: Record<CustomerAccessState, "green" | "red" | "yellow" | "gray"> = {
  ACTIVE: "green",
  NO_PACKAGE: "red",
  EXPIRED: "red",
  SUSPENDED: "yellow",
  DISABLED: "gray",
};
