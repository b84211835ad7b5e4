// The client's address, decided once per request from the socket: every edge (server actions, REST,
// next-auth sign-in, rate limits, audit) reads it with clientAddressFrom. Next.js keeps an
// X-Forwarded-For the client sent (it only adds the socket's address when the header is missing), so
// the web server (scripts/web-server.ts) replaces the header before Next.js sees the request: the
// socket's address, or with TRUST_PROXY_HOPS=n the address the n-th trusted proxy from us reported.
import net from "node:net";
import type { IncomingMessage } from "node:http";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/logger";

/** The header the web server writes and the app reads: one address, never the client's own text. */
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";

/** Set by the web server once it stamps requests, so the app can tell it is running behind it. */
const STAMPED = Symbol.for("isp.client-address-stamped");
type Marked = typeof globalThis & { [STAMPED]?: boolean };

/** One address, canonical ("::ffff:10.0.0.1" is 10.0.0.1; ports and IPv6 brackets dropped), or null. */
export function canonicalAddress(value: string | null | undefined): string | null {
  let v = value?.trim() ?? "";
  if (!v) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  v = v.replace(/%.*$/, "").toLowerCase(); // zone index (fe80::1%eth0)
  if (v.startsWith("::ffff:") && net.isIPv4(v.slice(7))) v = v.slice(7);
  return net.isIP(v) ? v : null;
}

/**
 * The client's address: with 0 trusted hops the socket's peer; with n hops the n-th X-Forwarded-For
 * entry counted from the right (each trusted proxy appends the address it received the request from).
 * A chain shorter than promised, or an entry that is no address, falls back to the nearest proxy's view.
 */
export function resolveClientAddress(socketAddress: string | null | undefined, forwardedFor: string | string[] | null | undefined, trustedHops: number): string | null {
  const socket = canonicalAddress(socketAddress);
  if (trustedHops <= 0) return socket;
  const chain = ([] as string[])
    .concat(forwardedFor ?? [])
    .join(",")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  let best = socket;
  for (let hop = 1; hop <= trustedHops && chain.length - hop >= 0; hop++) {
    const address = canonicalAddress(chain[chain.length - hop]);
    if (!address) break;
    best = address;
  }
  return best;
}

/**
 * Rewrites a request's forwarding headers before Next.js reads them: X-Forwarded-For becomes the one
 * resolved address, and headers a client could use to name another address are dropped.
 */
export function stampClientAddress(req: IncomingMessage, trustedHops: number): string | null {
  const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedHops);
  delete req.headers["x-real-ip"];
  delete req.headers.forwarded;
  if (trustedHops <= 0) {
    // No proxy of ours in front: the scheme and host a client claims are not for Next.js to believe.
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  if (address) req.headers[CLIENT_ADDRESS_HEADER] = address;
  else delete req.headers[CLIENT_ADDRESS_HEADER];
  (globalThis as Marked)[STAMPED] = true;
  return address;
}

/** Whether this process serves through the stamping web server (else X-Forwarded-For is the client's text). */
export function clientAddressIsStamped(): boolean {
  return (globalThis as Marked)[STAMPED] === true;
}

type HeaderSource = Headers | Record<string, unknown> | undefined | null;

let warned = false;

/** The client's address as the web server decided it: the one function every edge uses. */
export function clientAddressFrom(headers: HeaderSource): string | null {
  if (!clientAddressIsStamped() && !warned && env().isProduction) {
    warned = true;
    childLogger("web").warn("the web app was started without scripts/web-server.ts: X-Forwarded-For is whatever the client sent (run `npm run web`)");
  }
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const value = Array.isArray(raw) ? String(raw[0]) : typeof raw === "string" ? raw : null;
  // Behind the web server the header holds exactly one address.
  return canonicalAddress(value?.split(",").pop());
}
