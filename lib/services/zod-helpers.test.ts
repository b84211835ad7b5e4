// The shared form preprocessors: one meaning of "blank" for every schema.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { blank, blankToNull, zOptionalInt, zOptionalText } from "./zod-helpers";

describe("blank preprocessors", () => {
  it("read null, an empty or an all-space string as not given (undefined) or cleared (null)", () => {
    for (const v of [null, "", "   "]) {
      expect(blank(v)).toBeUndefined();
      expect(blankToNull(v)).toBeNull();
    }
    expect(blank(" x ")).toBe(" x ");
    expect(blank(0)).toBe(0);
    expect(blankToNull(false)).toBe(false);
    expect(z.object({ q: z.preprocess(blank, z.string().optional()) }).parse({ q: "  " })).toEqual({ q: undefined });
  });

  it("an optional number left as spaces is not given, not 0 (Number('  ') is 0)", () => {
    const n = zOptionalInt(1, 10);
    expect(n.parse("  ")).toBeUndefined();
    expect(n.parse(null)).toBeUndefined();
    expect(n.parse("7")).toBe(7);
    expect(n.safeParse("0").success).toBe(false);
  });

  it("an optional text given as null (JSON) is not given", () => {
    expect(zOptionalText(5).parse(null)).toBeUndefined();
    expect(zOptionalText(5).parse("  hi ")).toBe("hi");
    expect(zOptionalText(5).safeParse("toolong").success).toBe(false);
  });
});
