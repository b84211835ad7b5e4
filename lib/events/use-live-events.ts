"use client";
// Subscribes a client component to the tenant's live events (GET /api/events, Server-Sent Events).
// The browser's EventSource reconnects by itself; `state` tells the UI whether it is connected.
import { useEffect, useRef, useState } from "react";
import type { LiveEvent } from "./types";

export type LiveState = "connecting" | "live" | "offline";

export function useLiveEvents(onEvent: (event: LiveEvent) => void, opts: { types?: readonly string[] } = {}): LiveState {
  const [state, setState] = useState<LiveState>("connecting");
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);
  const typesKey = (opts.types ?? []).join(",");

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    const deliver = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as LiveEvent);
      } catch {
        // a malformed frame is ignored
      }
    };
    const types = typesKey ? typesKey.split(",") : ["session.started", "session.stopped", "session.updated", "auth.rejected", "nas.up", "nas.down", "payment.received", "customer.updated"];
    for (const t of types) source.addEventListener(t, deliver as EventListener);
    source.addEventListener("ready", () => setState("live"));
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? "offline" : "connecting");
    return () => source.close();
  }, [typesKey]);

  return state;
}
