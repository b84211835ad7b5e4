"use client";
// A date-and-time input read and written in the tenant's zone (not the browser's or the server's): the
// person sees and types wall-clock time there; the form sends the instant as ISO 8601 in a hidden field.
// With `confirmPast`, a time already past asks for a tick before the form may be sent (useFormAction
// refuses to submit while a [data-confirm-required] box is unticked).
import { useState, useSyncExternalStore } from "react";
import { fromZonedInputValue, toZonedInputValue, zoneLabel } from "@/lib/format";
import { Input } from "@/components/ui/field";

const subscribeMinute = (cb: () => void) => {
  const t = setInterval(cb, 60_000);
  return () => clearInterval(t);
};
const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

export function ZonedDateTimeInput({
  id,
  name,
  timeZone,
  defaultValue,
  invalid,
  confirmPast,
  pastWarning = "This time is already past.",
}: {
  id: string;
  name: string;
  timeZone: string;
  /** An ISO instant (or null for empty). */
  defaultValue: string | null;
  invalid?: boolean;
  confirmPast?: boolean;
  pastWarning?: string;
}) {
  const [local, setLocal] = useState(() => toZonedInputValue(defaultValue, timeZone));
  const [confirmed, setConfirmed] = useState(false);
  const now = useSyncExternalStore(subscribeMinute, minuteNow, () => 0);
  const instant = local ? fromZonedInputValue(local, timeZone) : null;
  const past = !!confirmPast && !!instant && now > 0 && instant.getTime() < now;
  return (
    <>
      <Input
        id={id}
        type="datetime-local"
        value={local}
        onChange={(e) => {
          setLocal(e.target.value);
          setConfirmed(false);
        }}
        invalid={invalid}
        title={zoneLabel(timeZone)}
        aria-describedby={past ? `${id}-past` : undefined}
      />
      <input type="hidden" name={name} value={instant ? instant.toISOString() : local} />
      {past && (
        <label id={`${id}-past`} className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200" data-confirm-required={confirmed ? undefined : ""}>
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-0.5 size-4 rounded border-amber-400" />
          <span>{pastWarning} Tick to save it anyway.</span>
        </label>
      )}
    </>
  );
}
