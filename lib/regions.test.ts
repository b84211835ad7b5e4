import { describe, expect, it } from "vitest";
import { countryOptions, currencyOptions, isCountryCode, isCurrencyCode } from "./regions";

describe("country and currency lists", () => {
  it("names the East African choices and leaves out groupings", () => {
    expect(countryOptions()).toEqual(expect.arrayContaining([{ code: "KE", name: "Kenya" }, { code: "UG", name: "Uganda" }, { code: "TZ", name: "Tanzania" }]));
    expect(currencyOptions()).toEqual(expect.arrayContaining([{ code: "KES", name: "Kenyan Shilling" }, { code: "UGX", name: "Ugandan Shilling" }]));
    expect(isCountryCode("EU")).toBe(false);
    expect(isCountryCode("Ke")).toBe(false);
    expect(isCurrencyCode("KES")).toBe(true);
    expect(isCurrencyCode("XYZ")).toBe(false);
  });
});
