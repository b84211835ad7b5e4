import { describe, expect, it } from "vitest";
import { canonicalMac, formatMac, MAC_DISPLAY_STYLES } from "./mac";

const SPELLINGS = ["aa:bb:cc:dd:ee:0f", "AA:BB:CC:DD:EE:0F", "aa-bb-cc-dd-ee-0f", "AABBCCDDEE0F", "aabb.ccdd.ee0f", " aa:bb:cc:dd:ee:0f ", "aa bb cc dd ee 0f"];

describe("MAC addresses", () => {
  it("store and compare one form for every spelling staff type and routers send", () => {
    for (const s of SPELLINGS) expect(canonicalMac(s), s).toBe("AA:BB:CC:DD:EE:0F");
  });

  it("refuse what is not a MAC", () => {
    for (const s of ["", "alice", "aa:bb:cc:dd:ee", "aa:bb:cc:dd:ee:ff:00", "aa:bb-cc:dd-ee:ff", "gg:bb:cc:dd:ee:ff", "a:abbccddeeff"]) expect(canonicalMac(s), s).toBeNull();
  });

  it("display in the chosen style, colon upper-case by default", () => {
    expect(formatMac("aabb.ccdd.ee0f")).toBe("AA:BB:CC:DD:EE:0F");
    const shown = Object.fromEntries(MAC_DISPLAY_STYLES.map((s) => [s, formatMac("AA:BB:CC:DD:EE:0F", s)]));
    expect(shown).toEqual({ "colon-upper": "AA:BB:CC:DD:EE:0F", "colon-lower": "aa:bb:cc:dd:ee:0f", hyphen: "AA-BB-CC-DD-EE-0F", cisco: "aabb.ccdd.ee0f" });
    expect(formatMac(null)).toBe("");
    expect(formatMac("not-a-mac")).toBe("not-a-mac");
  });
});
