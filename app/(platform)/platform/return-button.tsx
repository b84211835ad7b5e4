// The "return to platform" control shown in the admin header while an operator views a tenant.
import { returnToPlatform } from "./actions";

export function ReturnToPlatformButton() {
  return (
    <form action={returnToPlatform} className="inline">
      <button type="submit" className="ml-2 rounded-md px-2 py-0.5 text-xs font-medium text-amber-900 underline hover:bg-amber-100">
        Return to platform
      </button>
    </form>
  );
}
