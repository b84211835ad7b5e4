import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, formatMoneyCompact, formatMoneyInput, moneyField, toMinorUnits } from "@/lib/money";

describe("toMinorUnits", () => {
  it("parses what people type, per the currency's exponent", () => {
    expect(toMinorUnits("1,500.50", "KES")).toBe(150_050);
    expect(toMinorUnits(" 1500 ", "KES")).toBe(150_000);
    expect(toMinorUnits(1500.5, "KES")).toBe(150_050);
    expect(toMinorUnits("0.1", "KES")).toBe(10);
    expect(toMinorUnits("1.10", "KES")).toBe(110);
    expect(toMinorUnits("20,000", "UGX")).toBe(20_000);
    expect(toMinorUnits("1500.", "JPY")).toBe(1_500);
    expect(toMinorUnits("1.234", "KWD")).toBe(1_234);
    // No float drift: 1.005 * 100 is 100.49999… in floating point.
    expect(toMinorUnits("1.005", "KWD")).toBe(1_005);
    expect(toMinorUnits("4.35", "KES")).toBe(435);
  });

  it("refuses too many decimals, signs and text with an error naming the field", () => {
    expect(() => toMinorUnits("1.555", "KES", "price", "Price")).toThrow(expect.objectContaining({ code: "INVALID_INPUT", details: { fieldErrors: { price: ["Price may have at most 2 decimals"] } } }));
    expect(() => toMinorUnits("1.5", "UGX")).toThrow("Amount must be a whole number of UGX");
    expect(() => toMinorUnits("-3", "KES")).toThrow("Amount cannot be negative");
    expect(() => toMinorUnits("abc", "KES")).toThrow(/must be a number/);
    expect(() => toMinorUnits(Number.NaN, "KES")).toThrow(/must be a number/);
    expect(() => toMinorUnits("99999999999", "KES")).toThrow(/too large/);
  });
});

describe("formatMoney", () => {
  it("shows decimals only when the amount has a fraction", () => {
    expect(formatMoney(150_000, "KES")).toBe("KES 1,500");
    expect(formatMoney(150_050, "KES")).toBe("KES 1,500.50");
    expect(formatMoney(5_000, "KES")).toBe("KES 50");
    expect(formatMoney(5, "KES")).toBe("KES 0.05");
    expect(formatMoney(0, "KES")).toBe("KES 0");
    expect(formatMoney(-20_000, "KES")).toBe("-KES 200");
    expect(formatMoney(123_456_789, "KES")).toBe("KES 1,234,567.89");
  });

  it("zero- and three-decimal currencies", () => {
    expect(currencyExponent("JPY")).toBe(0);
    expect(currencyExponent("kes")).toBe(2);
    expect(formatMoney(1_500, "JPY")).toBe("JPY 1,500");
    expect(formatMoney(20_000, "UGX")).toBe("UGX 20,000");
    expect(formatMoney(1_500, "KWD")).toBe("KWD 1.500");
    expect(formatMoney(1_000, "KWD")).toBe("KWD 1");
    expect(() => formatMoney(1.5, "KES")).toThrow(RangeError);
  });

  it("round-trips through the input form and compacts for charts", () => {
    for (const [minor, cur] of [[150_050, "KES"], [150_000, "KES"], [1_500, "JPY"], [1_234, "KWD"], [7, "KES"]] as const) {
      expect(toMinorUnits(formatMoneyInput(minor, cur), cur)).toBe(minor);
    }
    expect(formatMoneyInput(150_050, "KES")).toBe("1500.50");
    expect(formatMoneyInput(150_000, "KES")).toBe("1500");
    expect(formatMoneyCompact(150_000_00, "KES")).toBe("150K");
    expect(formatMoneyCompact(150_000, "UGX")).toBe("150K");
  });
});

describe("moneyField", () => {
  it("checks the shape and keeps the text for the service to convert", () => {
    expect(moneyField().parse("1,500.50")).toBe("1500.50");
    expect(moneyField().parse(1500.5)).toBe("1500.5");
    expect(moneyField("Price", { allowZero: true }).parse("0")).toBe("0");
    expect(moneyField().safeParse("0").error?.issues[0].message).toBe("Amount must be more than 0");
    expect(moneyField().safeParse("-5").error?.issues[0].message).toBe("Amount must be more than 0");
    expect(moneyField("Price", { allowZero: true }).safeParse("-5").error?.issues[0].message).toBe("Price cannot be negative");
    expect(moneyField().safeParse("1,50").error?.issues[0].message).toBe("Amount must be a number such as 1,500");
    expect(moneyField().safeParse("ten").error?.issues[0].message).toBe("Amount must be a number such as 1,500");
  });
});
