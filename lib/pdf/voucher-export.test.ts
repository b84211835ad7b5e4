// Voucher QR codes and CSV links only ever point at a page that exists.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { VoucherCards } from "@/lib/services/vouchers/find-voucher-cards";
import { CAPTIVE_PORTAL_LOGIN_PATH, portalLoginUrl, voucherCsvResponse, voucherQrText } from "./voucher-export";

const data = {
  tenant: { name: "Demo ISP", slug: "demo", currency: "KES", contactPhone: null },
  title: "Batch 1",
  cards: [{ code: "ABCD-2345", status: "AVAILABLE", packageName: "Day", price: 5000, validityValue: 1, validityUnit: "DAYS", redeemBy: null, batchName: "Batch 1" }],
} as unknown as VoucherCards;

describe("voucher QR and CSV targets", () => {
  it("a configured portal login path names a route that exists in app/", () => {
    if (CAPTIVE_PORTAL_LOGIN_PATH === null) return expect(fs.existsSync(path.join(process.cwd(), "app", "portal"))).toBe(false);
    expect(fs.existsSync(path.join(process.cwd(), "app", ...CAPTIVE_PORTAL_LOGIN_PATH.split("/").filter(Boolean), "page.tsx"))).toBe(true);
  });

  it("without a portal the QR holds the code only and the CSV has no login_url", async () => {
    expect(CAPTIVE_PORTAL_LOGIN_PATH).toBeNull();
    expect(voucherQrText("https://isp.example", "demo", "ABCD-2345")).toBe("ABCD-2345");
    const csv = await voucherCsvResponse(data, "https://isp.example").text();
    expect(csv.split("\r\n")[0]).toBe("code,status,package,price,currency,validity,redeem_by,batch");
    expect(csv).not.toContain("/portal/");
  });

  it("once a portal route is set, the QR and CSV carry its URL", () => {
    expect(portalLoginUrl("https://isp.example/", "demo net", "AB CD", "/portal/[tenant]/voucher")).toBe("https://isp.example/portal/demo%20net/voucher?voucher=AB%20CD");
  });
});
