import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { canonicalIp, canonicalIpv4, intToIpv4, ipv4ToInt } from "./ip";

describe("canonicalIp", () => {
  it("gives every spelling of one IPv4 address the same text", () => {
    for (const s of ["1.2.3.4", " 1.2.3.4 ", "001.002.003.004", "::ffff:1.2.3.4", "::FFFF:1.2.3.4", "::ffff:0102:0304", "0:0:0:0:0:ffff:102:304", "0000:0000:0000:0000:0000:FFFF:0102:0304"]) {
      expect(canonicalIp(s), s).toBe("1.2.3.4");
    }
  });

  it("writes IPv6 lower-case and compressed (RFC 5952), whatever the padding and case", () => {
    for (const s of ["2001:db8::1", "2001:0DB8::0001", "2001:0db8:0000:0000:0000:0000:0000:0001", "2001:DB8:0:0:0:0:0:1"]) expect(canonicalIp(s), s).toBe("2001:db8::1");
    expect(canonicalIp("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(canonicalIp("1:0:0:2:0:0:0:3")).toBe("1:0:0:2::3");
    expect(canonicalIp("2001:db8:0:1:1:1:1:1")).toBe("2001:db8:0:1:1:1:1:1");
    expect(canonicalIp("::")).toBe("::");
    expect(canonicalIp("0:0:0:0:0:0:0:1")).toBe("::1");
  });

  it("refuses what is not exactly one address", () => {
    for (const s of ["", "abc", "1.2.3", "1.2.3.256", "1.2.3.4/32", "fe80::1%eth0", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "0x01.2.3.4", "1.2.3.-4"]) {
      expect(canonicalIp(s), s).toBeNull();
    }
  });

  it("keeps IPv4-only fields IPv4", () => {
    expect(canonicalIpv4("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(canonicalIpv4("2001:db8::1")).toBeNull();
    expect(ipv4ToInt("10.0.1.2")).toBe(0x0a000102);
    expect(intToIpv4(0xffffffff)).toBe("255.255.255.255");
  });
});

describe("net_canonical_ip() in the database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it("agrees with canonicalIp on fixed and random spellings", async () => {
    const inputs = ["010.0.0.1", "::ffff:1.2.3.4", "::FFFF:0102:0304", "::102:304", "0:0:0:0:0:1:0:0", "1::", "10.1", "fe80::1%eth0", " 10.0.0.1 "];
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const w = Array.from({ length: 8 }, () => (rand() < 0.5 ? 0 : Math.floor(rand() * 65536)));
      if (rand() < 0.15) {
        w.fill(0, 0, 5);
        w[5] = 0xffff;
      }
      inputs.push(w.map((x) => (rand() < 0.5 ? x.toString(16).toUpperCase().padStart(4, "0") : x.toString(16))).join(":"));
    }
    const rows = await t.db.execute<{ a: string; c: string | null }>(sql`select a, net_canonical_ip(a) as c from unnest(${`{${inputs.map((s) => `"${s}"`).join(",")}}`}::text[]) as a`);
    const mismatches = [...rows].filter((r) => canonicalIp(r.a) !== r.c);
    expect(rows.length).toBe(inputs.length);
    expect(mismatches).toEqual([]);
  });
});
