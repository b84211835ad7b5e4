// The customer's state as RADIUS will act on it (status + package + expiry), not the stored status alone.
import { Badge } from "@/components/ui/badge";
import { ACCESS_STATE_LABEL, ACCESS_STATE_TONE, customerAccessState } from "@/lib/services/customers/access-state";

export function AccessBadge({ status, hasPackage, expiresAt, now }: { status: string; hasPackage: boolean; expiresAt: string | null; now: string }) {
  const state = customerAccessState({ status, hasPackage, expiresAt }, new Date(now));
  return (
    <Badge tone={ACCESS_STATE_TONE[state]} className="whitespace-nowrap">
      <span data-testid="access-state" data-state={state}>
        {ACCESS_STATE_LABEL[state]}
      </span>
    </Badge>
  );
}
