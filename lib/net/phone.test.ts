import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "./phone";

describe("phone numbers", () => {
  it("store Kenyan mobiles as the MSISDN 2547…/2541… from every common spelling", () => {
    for (const s of ["0712345678", "0712 345 678", "+254-712-345-678", "+254712345678", "+254 712 345 678", "254712345678", "712345678", "(0712) 345-678"]) expect(normalizePhone(s), s).toBe("254712345678");
    for (const s of ["0110123456", "+254110123456", "254110123456", "110123456"]) expect(normalizePhone(s), s).toBe("254110123456");
  });

  it("keep other countries only when written with +", () => {
    expect(normalizePhone("+44 7911 123456")).toBe("447911123456");
    expect(normalizePhone("447911123456")).toBeNull();
    expect(normalizePhone("+254812345678")).toBeNull();
    expect(normalizePhone("+7 912 345 6789")).toBe("79123456789");
    expect(normalizePhone("2547123")).toBeNull();
    expect(normalizePhone("0812345678")).toBeNull();
    expect(normalizePhone("0612345678")).toBeNull();
    expect(normalizePhone("25471234567")).toBeNull();
    expect(normalizePhone("+255712345678")).toBe("255712345678");
    expect(normalizePhone("phone")).toBeNull();
  });

  it("display as +254 712 345 678", () => {
    expect(formatPhone("254712345678")).toBe("+254 712 345 678");
    expect(formatPhone("254110123456")).toBe("+254 110 123 456");
    expect(formatPhone("0712345678")).toBe("+254 712 345 678");
    expect(formatPhone("447911123456")).toBe("+447911123456");
    expect(formatPhone(null)).toBe("");
  });
});
