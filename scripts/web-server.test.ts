// The web server in front of Next.js decides the client address; a stub stands in for Next.js here
// (the e2e suite, e2e/edge.spec.ts, checks the same through the real app).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalAddress, clientAddressFrom, resolveClientAddress } from "@/lib/auth/client-address";
import { createWebServer } from "./web-server";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** Starts the server with `hops`, sends one request from `localAddress`, returns what the app would see. */
async function seen(hops: number, headers: Record<string, string>, localAddress = "127.0.0.1") {
  let got: http.IncomingHttpHeaders = {};
  server = createWebServer((req, res) => {
    got = req.headers;
    res.end("ok");
  }, hops);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", headers, localAddress }, (res) => {
      res.resume();
      res.on("end", () => resolve());
    });
    req.on("error", reject);
    req.end();
  });
  return { headers: got, address: clientAddressFrom(got as Record<string, unknown>) };
}

describe("client address", () => {
  it("with no trusted proxy, is the socket's peer whatever the client's forwarding headers say", async () => {
    const r = await seen(0, { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", forwarded: "for=203.0.113.11", "x-forwarded-host": "evil.example" }, "127.0.0.5");
    expect(r.address).toBe("127.0.0.5");
    expect(r.headers["x-forwarded-for"]).toBe("127.0.0.5");
    expect(r.headers["x-real-ip"]).toBeUndefined();
    expect(r.headers.forwarded).toBeUndefined();
    expect(r.headers["x-forwarded-host"]).toBeUndefined();
  });

  it("with TRUST_PROXY_HOPS=1, is the last hop (what our proxy appended), not what the client put before it", async () => {
    expect((await seen(1, { "x-forwarded-for": "6.6.6.6, 198.51.100.7" })).address).toBe("198.51.100.7");
    expect((await seen(1, { "x-forwarded-for": "198.51.100.7" })).address).toBe("198.51.100.7");
    // Not through the proxy at all: the socket.
    expect((await seen(1, {})).address).toBe("127.0.0.1");
  });

  it("counts further hops from the right, and never trusts an entry that is no address", () => {
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", ["6.6.6.6", "198.51.100.7, 10.0.0.2"], 2)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, not-an-ip", 1)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.1", "198.51.100.7", 3)).toBe("198.51.100.7");
  });

  it("writes addresses in one form", () => {
    expect(canonicalAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(canonicalAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(canonicalAddress("10.0.0.1:5555")).toBe("10.0.0.1");
    expect(canonicalAddress("evil.example")).toBeNull();
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "10.0.0.9" }))).toBe("10.0.0.9");
  });
});
