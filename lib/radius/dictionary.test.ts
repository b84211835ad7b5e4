import { describe, expect, it } from "vitest";
import {
  ACCT_STATUS_TYPE,
  ACCT_TERMINATE_CAUSE,
  ERROR_CAUSE,
  getAttributeByCode,
  getAttributeByName,
  getValueName,
  listAttributes,
  VENDOR_MICROSOFT,
  VENDOR_MIKROTIK,
} from "./dictionary";

describe("dictionary", () => {
  it("has the standard attributes with their RFC numbers", () => {
    const expected: Array<[string, number]> = [
      ["User-Name", 1], ["User-Password", 2], ["CHAP-Password", 3], ["NAS-IP-Address", 4], ["NAS-Port", 5],
      ["Service-Type", 6], ["Framed-Protocol", 7], ["Framed-IP-Address", 8], ["Framed-IP-Netmask", 9],
      ["Filter-Id", 11], ["Reply-Message", 18], ["State", 24], ["Class", 25], ["Vendor-Specific", 26],
      ["Session-Timeout", 27], ["Idle-Timeout", 28], ["Called-Station-Id", 30], ["Calling-Station-Id", 31],
      ["NAS-Identifier", 32], ["Proxy-State", 33], ["Acct-Status-Type", 40], ["Acct-Delay-Time", 41],
      ["Acct-Input-Octets", 42], ["Acct-Output-Octets", 43], ["Acct-Session-Id", 44], ["Acct-Authentic", 45],
      ["Acct-Session-Time", 46], ["Acct-Input-Packets", 47], ["Acct-Output-Packets", 48],
      ["Acct-Terminate-Cause", 49], ["Acct-Multi-Session-Id", 50], ["Acct-Input-Gigawords", 52],
      ["Acct-Output-Gigawords", 53], ["Event-Timestamp", 55], ["CHAP-Challenge", 60], ["NAS-Port-Type", 61],
      ["Port-Limit", 62], ["Connect-Info", 77], ["Message-Authenticator", 80], ["Acct-Interim-Interval", 85],
      ["NAS-Port-Id", 87], ["Framed-Pool", 88], ["Chargeable-User-Identity", 89], ["NAS-IPv6-Address", 95],
      ["Error-Cause", 101],
    ];
    for (const [name, code] of expected) {
      expect(getAttributeByName(name), name).toMatchObject({ code, vendorId: 0 });
      expect(getAttributeByCode(code)?.name).toBe(name);
    }
  });

  it("has the MikroTik (14988) attributes 1..30", () => {
    expect(getAttributeByName("Mikrotik-Rate-Limit")).toMatchObject({ code: 8, vendorId: VENDOR_MIKROTIK, type: "string" });
    expect(getAttributeByName("Mikrotik-Address-List")).toMatchObject({ code: 19, vendorId: 14988 });
    expect(getAttributeByName("Mikrotik-Total-Limit")).toMatchObject({ code: 17, type: "integer" });
    expect(getAttributeByName("Mikrotik-Total-Limit-Gigawords")?.code).toBe(18);
    expect(getAttributeByName("Mikrotik-Recv-Limit")?.code).toBe(1);
    expect(getAttributeByName("Mikrotik-Xmit-Limit")?.code).toBe(2);
    expect(getAttributeByName("Mikrotik-Recv-Limit-Gigawords")?.code).toBe(14);
    expect(getAttributeByName("Mikrotik-Xmit-Limit-Gigawords")?.code).toBe(15);
    expect(getAttributeByName("Mikrotik-Group")?.code).toBe(3);
    expect(getAttributeByName("Mikrotik-Host-IP")).toMatchObject({ code: 10, type: "ipaddr" });
    expect(getAttributeByName("Mikrotik-Realm")?.code).toBe(9);
    for (let code = 1; code <= 30; code++) expect(getAttributeByCode(code, VENDOR_MIKROTIK), `type ${code}`).toBeDefined();
  });

  it("has the Microsoft (311) MS-CHAP and MPPE attributes", () => {
    const expected: Array<[string, number]> = [
      ["MS-CHAP-Response", 1], ["MS-CHAP-Error", 2], ["MS-MPPE-Encryption-Policy", 7],
      ["MS-MPPE-Encryption-Types", 8], ["MS-CHAP-Challenge", 11], ["MS-MPPE-Send-Key", 16],
      ["MS-MPPE-Recv-Key", 17], ["MS-CHAP2-Response", 25], ["MS-CHAP2-Success", 26],
    ];
    for (const [name, code] of expected) {
      expect(getAttributeByName(name)).toMatchObject({ code, vendorId: VENDOR_MICROSOFT });
      expect(getAttributeByCode(code, VENDOR_MICROSOFT)?.name).toBe(name);
    }
    expect(getAttributeByName("MS-MPPE-Send-Key")?.encrypt).toBe("salted");
    expect(getAttributeByName("User-Password")?.encrypt).toBe("user-password");
  });

  it("keeps names and (vendor, code) pairs unique", () => {
    const all = listAttributes();
    expect(new Set(all.map((def) => def.name)).size).toBe(all.length);
    expect(new Set(all.map((def) => `${def.vendorId}:${def.code}`)).size).toBe(all.length);
  });

  it("returns undefined for unknown names and codes", () => {
    expect(getAttributeByName("Nope")).toBeUndefined();
    expect(getAttributeByCode(254)).toBeUndefined();
    expect(getAttributeByCode(8, 9)).toBeUndefined();
  });

  it("maps enumerated values both ways", () => {
    expect(ACCT_STATUS_TYPE).toMatchObject({ Start: 1, Stop: 2, "Interim-Update": 3, "Accounting-On": 7, "Accounting-Off": 8 });
    expect(getValueName("Acct-Status-Type", 3)).toBe("Interim-Update");
    expect(getValueName("Acct-Terminate-Cause", 6)).toBe("Admin-Reset");
    expect(ACCT_TERMINATE_CAUSE["NAS-Reboot"]).toBe(11);
    expect(getValueName("Service-Type", 2)).toBe("Framed-User");
    expect(getValueName("Framed-Protocol", 1)).toBe("PPP");
    expect(getValueName("NAS-Port-Type", 15)).toBe("Ethernet");
    expect(getValueName("NAS-Port-Type", 19)).toBe("Wireless-802.11");
    expect(ERROR_CAUSE["Session-Context-Not-Found"]).toBe(503);
    expect(getValueName("Error-Cause", 404)).toBe("Invalid-Request");
    expect(getValueName("Acct-Status-Type", 99)).toBeUndefined();
    expect(getValueName("User-Name", 1)).toBeUndefined();
  });
});
