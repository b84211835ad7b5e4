"use client";
// Re-renders the current server page when live events arrive (at most every couple of seconds), and
// shows whether the page is live. Used by the dashboard and the sessions pages.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { cn } from "@/lib/utils";
import { useLiveEvents } from "./use-live-events";
import type { LiveEvent } from "./types";

const SESSION_EVENTS = ["session.started", "session.stopped", "auth.rejected", "nas.up", "nas.down", "payment.received"] as const;

export function LiveRefresh({ types = SESSION_EVENTS, minIntervalMs = 2000 }: { types?: readonly string[]; minIntervalMs?: number }) {
  const router = useRouter();
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [lastEvent, setLastEvent] = useState<LiveEvent | null>(null);

  const onEvent = useCallback(
    (event: LiveEvent) => {
      setLastEvent(event);
      if (timer.current) return;
      const wait = Math.max(0, last.current + minIntervalMs - Date.now());
      timer.current = setTimeout(() => {
        timer.current = null;
        last.current = Date.now();
        router.refresh();
      }, wait);
    },
    [router, minIntervalMs],
  );
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const state = useLiveEvents(onEvent, { types });
  const label = state === "live" ? "Live" : state === "connecting" ? "Connecting…" : "Offline";
  return (
    <span
      className="inline-flex items-center gap-2 rounded-full bg-white px-3 py-1 text-xs font-medium text-slate-600 ring-1 ring-inset ring-slate-200"
      title={lastEvent ? `Last event: ${lastEvent.type}${typeof lastEvent.username === "string" ? ` (${lastEvent.username})` : ""}` : "Updates as sessions start and stop"}
      data-live-state={state}
    >
      <span className="relative flex size-2">
        {state === "live" && <span className="absolute inline-flex size-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:hidden" />}
        <span className={cn("relative inline-flex size-2 rounded-full", state === "live" ? "bg-emerald-500" : state === "connecting" ? "bg-amber-400" : "bg-slate-400")} />
      </span>
      {label}
    </span>
  );
}
