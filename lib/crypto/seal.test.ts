import { describe, it, expect } from "vitest";
import crypto from "node:crypto";
import { parseKeyring, seal, open, needsReseal, SealError } from "./seal";
import { randomString } from "./index";

const k = () => crypto.randomBytes(32).toString("base64");

describe("seal/open", () => {
  const ring = parseKeyring(`k1:${k()}`);

  it("round-trips unicode and empty strings", () => {
    for (const text of ["", "testing123", "пароль-🔐", "x".repeat(5000)]) {
      expect(open(ring, seal(ring, text, "nas-secret"), "nas-secret")).toBe(text);
    }
  });

  it("uses a fresh IV each time, so equal secrets do not look equal", () => {
    expect(seal(ring, "same")).not.toBe(seal(ring, "same"));
  });

  it("refuses a value sealed for another purpose", () => {
    const sealed = seal(ring, "s3cret", "nas-secret");
    expect(() => open(ring, sealed, "customer-password")).toThrow(SealError);
  });

  it("detects tampering with any part", () => {
    const sealed = seal(ring, "s3cret");
    const parts = sealed.split(".");
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      const buf = Buffer.from(bad[i], "base64url");
      buf[0] ^= 1;
      bad[i] = buf.toString("base64url");
      expect(() => open(ring, bad.join("."))).toThrow(/failed authentication/);
    }
    expect(() => open(ring, "garbage")).toThrow(/malformed/);
  });

  it("refuses a shortened authentication tag (GCM would verify its leading bytes)", () => {
    const sealed = seal(ring, "testing123", "nas-secret");
    const parts = sealed.split(".");
    const tag = Buffer.from(parts[4], "base64url");
    for (const len of [4, 8, 12, 15]) {
      const short = [...parts.slice(0, 4), tag.subarray(0, len).toString("base64url")].join(".");
      expect(() => open(ring, short, "nas-secret")).toThrow(SealError);
    }
    expect(open(ring, sealed, "nas-secret")).toBe("testing123");
  });

  it("rotates: new key seals, old key still opens, and old values are flagged", () => {
    const oldKey = k();
    const oldRing = parseKeyring(`old:${oldKey}`);
    const sealedOld = seal(oldRing, "legacy");
    const newRing = parseKeyring(`new:${k()},old:${oldKey}`);
    expect(open(newRing, sealedOld)).toBe("legacy");
    expect(needsReseal(newRing, sealedOld)).toBe(true);
    const sealedNew = seal(newRing, "fresh");
    expect(sealedNew.split(".")[1]).toBe("new");
    expect(needsReseal(newRing, sealedNew)).toBe(false);
    expect(() => open(oldRing, sealedNew)).toThrow(/unknown key "new"/);
  });

  it("names the problem in a bad keyring", () => {
    expect(() => parseKeyring("k1:abc")).toThrow(/32 bytes/);
    expect(() => parseKeyring(`k1:${k()},k1:${k()}`)).toThrow(/twice/);
    expect(() => parseKeyring("")).toThrow(/no key/);
  });
});

describe("randomString", () => {
  it("draws only from the alphabet, at the asked length", () => {
    const s = randomString(2000, "ABC23");
    expect(s).toHaveLength(2000);
    expect(s).toMatch(/^[ABC23]+$/);
    for (const c of "ABC23") expect(s.split(c).length - 1).toBeGreaterThan(300);
  });
});
