// The router script never sends a MikroTik to an address it cannot reach without saying so.
import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "@/lib/settings/registry";
import { routerRadiusScript, routerRadiusTarget } from "./router-script";

const base = { secret: "s3cret", routerIp: "10.0.0.2", authPort: 1812, acctPort: 1813, coaPort: 3799, requireMessageAuthenticator: true, comment: "Demo ISP" };

describe("router script", () => {
  it("uses the operator's RADIUS address, with no warning", () => {
    const target = routerRadiusTarget({ configured: "radius.example.co.ke", radiusHost: "0.0.0.0", appUrl: "http://localhost:3000" });
    expect(target).toEqual({ address: "radius.example.co.ke", warning: null });
    const text = routerRadiusScript({ ...base, target });
    expect(text.split("\n")[0]).toBe('/radius add address=radius.example.co.ke secret="s3cret" service=ppp,hotspot src-address=10.0.0.2 timeout=3s comment="Demo ISP"');
    expect(text).not.toMatch(/WARNING|localhost/);
  });

  it("never renders a loopback address without a warning, on the page and in the pasted text", () => {
    for (const appUrl of ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000"]) {
      const target = routerRadiusTarget({ configured: null, radiusHost: "0.0.0.0", appUrl });
      expect(target.warning).toMatch(/loopback address: a router cannot reach it/);
      const [first, second] = routerRadiusScript({ ...base, target }).split("\n");
      expect(first).toMatch(/^# WARNING: /);
      expect(second).toMatch(/^\/radius add address=/);
    }
    // A loopback RADIUS_HOST binding is no better, and neither is a configured loopback.
    expect(routerRadiusTarget({ configured: "127.0.0.1", radiusHost: "127.0.0.1", appUrl: "http://isp.example" }).warning).toMatch(/loopback/);
  });

  it("flags a guessed address the operator has not confirmed", () => {
    expect(routerRadiusTarget({ configured: null, radiusHost: "0.0.0.0", appUrl: "https://isp.example.co.ke" })).toEqual({
      address: "isp.example.co.ke",
      warning: expect.stringMatching(/has not confirmed/),
    });
  });

  it("knows the loopback spellings", () => {
    for (const h of ["localhost", "LOCALHOST", "a.localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0.0.0.0", "::"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["10.0.0.1", "radius.example.com", "2001:db8::1", "localhost.example.com"]) expect(isLoopbackHost(h), h).toBe(false);
  });
});
