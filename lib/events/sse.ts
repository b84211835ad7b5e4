// A Server-Sent Events response for one tenant's live events: a hello, the events as they come, a
// heartbeat comment so proxies keep the connection open, and a periodic check that the caller may
// still listen (a revoked staff session stops receiving within a minute).
import type { EventHub } from "./event-hub";
import type { LiveEvent } from "./types";

export interface SseOptions {
  hub: EventHub;
  tenantId: string;
  signal: AbortSignal;
  /** Called every `recheckMs`; returning false ends the stream. */
  stillAllowed?: () => Promise<boolean>;
  /** Which events to forward (default: all of the tenant's). */
  filter?: (event: LiveEvent) => boolean;
  heartbeatMs?: number;
  recheckMs?: number;
}

const enc = new TextEncoder();

export function sseFrame(event: string, data: unknown, id?: string): string {
  return `${id ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function liveEventStream(opts: SseOptions): Response {
  let cleanup = () => undefined as void;
  let seq = 0;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(enc.encode(text));
        } catch {
          close();
        }
      };
      const timers: ReturnType<typeof setInterval>[] = [];
      let unsubscribe: () => void = () => undefined;
      const close = () => {
        if (closed) return;
        closed = true;
        timers.forEach(clearInterval);
        unsubscribe();
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      opts.signal.addEventListener("abort", close);

      send(`retry: 5000\n\n`);
      try {
        unsubscribe = await opts.hub.subscribe(opts.tenantId, (event) => {
          if (opts.filter && !opts.filter(event)) return;
          send(sseFrame(event.type, event, String(++seq)));
        });
      } catch {
        send(sseFrame("error", { message: "Live events are unavailable" }));
        close();
        return;
      }
      if (closed) return unsubscribe();
      send(sseFrame("ready", { tenantId: opts.tenantId }));
      timers.push(setInterval(() => send(`: ping\n\n`), opts.heartbeatMs ?? 25_000));
      if (opts.stillAllowed) {
        const check = opts.stillAllowed;
        timers.push(
          setInterval(() => {
            void check()
              .then((ok) => {
                if (!ok) {
                  send(sseFrame("end", { reason: "session ended" }));
                  close();
                }
              })
              .catch(() => undefined);
          }, opts.recheckMs ?? 60_000),
        );
      }
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
