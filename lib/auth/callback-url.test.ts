import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

const APP = "https://isp.example.net";

describe("safeCallbackPath", () => {
  it("keeps paths of the application, with query and fragment", () => {
    expect(safeCallbackPath("/customers?page=2#top", APP)).toBe("/customers?page=2#top");
    expect(safeCallbackPath("/settings/team", APP)).toBe("/settings/team");
    expect(safeCallbackPath(`${APP}/vouchers`, APP)).toBe("/vouchers");
    expect(safeCallbackPath("/search?q=a%20b", APP)).toBe("/search?q=a%20b");
  });

  it.each([
    "/\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%255Cevil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "https://evil.example/",
    "http://isp.example.net/",
    "https://isp.example.net.evil.example/",
    "javascript:alert(1)",
    "dashboard",
    "/%E0%A4%A",
    "",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw, APP)).toBe("/dashboard");
  });

  it("uses the fallback given", () => {
    expect(safeCallbackPath(undefined, APP, "/platform")).toBe("/platform");
    expect(safeCallbackPath("//x", APP, `${APP}`)).toBe(APP);
  });
});
