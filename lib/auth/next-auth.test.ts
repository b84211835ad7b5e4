import { afterAll, beforeAll, describe, expect, it } from "vitest";
import NextAuth from "next-auth";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "./next-auth";

const saved = { APP_URL: process.env.APP_URL, NEXTAUTH_URL: process.env.NEXTAUTH_URL };

beforeAll(() => {
  // The README's production setup: APP_URL set, NEXTAUTH_URL not (only the launcher used to set it).
  process.env.APP_URL = "https://isp.example.net";
  delete process.env.NEXTAUTH_URL;
  resetEnvCache();
});
afterAll(() => {
  Object.assign(process.env, saved);
  resetEnvCache();
});

describe("next-auth follows APP_URL", () => {
  it("sets Secure cookies for an https APP_URL, whatever host the request names", async () => {
    // next-auth's own request handler (the pages-style one needs no Next.js request scope).
    const headers: Record<string, unknown> = {};
    const res = {
      status: () => res,
      setHeader: (k: string, v: unknown) => void (headers[k.toLowerCase()] = v),
      getHeader: (k: string) => headers[k.toLowerCase()],
      send: () => undefined,
      json: () => undefined,
      end: () => undefined,
    };
    const req = { method: "GET", query: { nextauth: ["csrf"] }, headers: { host: "evil.example", "x-forwarded-proto": "http" }, cookies: {}, body: {} };
    await (NextAuth as unknown as (req: unknown, res: unknown, o: unknown) => Promise<void>)(req, res, authOptions());
    const setCookie = ([] as string[]).concat(headers["set-cookie"] as string[]);
    const csrf = setCookie.find((c) => c.includes("next-auth.csrf-token="));
    expect(csrf).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(csrf).toMatch(/;\s*Secure/i);
    expect(process.env.NEXTAUTH_URL).toBe("https://isp.example.net/api/auth");
  });

  it("redirects after sign-in only to a path of APP_URL", async () => {
    const redirect = authOptions().callbacks!.redirect!;
    const baseUrl = "https://isp.example.net";
    expect(await redirect({ url: "/customers?page=2", baseUrl })).toBe("https://isp.example.net/customers?page=2");
    expect(await redirect({ url: "https://isp.example.net/vouchers", baseUrl })).toBe("https://isp.example.net/vouchers");
    for (const url of ["/\\evil.example", "/%5Cevil.example", "/\t/evil.example", "https://evil.example/x"]) {
      expect(await redirect({ url, baseUrl })).toBe("https://isp.example.net/dashboard");
    }
  });
});
