// Accounting-Request → stored record through the packet's typed getters: 64-bit counters, addresses and
// named values as the library decodes them, and a wrong-length integer or address refused (it was read
// as zero, silently losing the usage).
import { describe, expect, it } from "vitest";
import { decodePacket, encodeAccountingRequest, type AttributeInput } from "@/lib/radius";
import type { RouterEntry } from "@/lib/services/radius/load-router-registry";
import { parseAccounting } from "./accounting-handler";

const router: RouterEntry = {
  id: "00000000-0000-4000-8000-0000000000aa",
  tenantId: "00000000-0000-4000-8000-0000000000bb",
  name: "n",
  ipAddress: "127.0.0.1",
  secret: Buffer.from("s3cret-for-tests"),
  requireMessageAuthenticator: false,
  coaPort: 3799,
};

const packet = (attributes: AttributeInput[]) => decodePacket(encodeAccountingRequest({ identifier: 1, secret: router.secret, attributes }));
const base: AttributeInput[] = [
  ["User-Name", "dora"],
  ["Acct-Session-Id", "a\u0000b"],
  ["Acct-Status-Type", "Interim-Update"],
];

describe("parseAccounting", () => {
  it("reads counters, addresses and named values through the packet's getters", () => {
    const r = parseAccounting(
      packet([
        ...base,
        ["Acct-Input-Octets", 5],
        ["Acct-Input-Gigawords", 2],
        ["Acct-Output-Octets", 7],
        ["Framed-IP-Address", "10.1.2.3"],
        ["NAS-Port-Type", "Ethernet"],
        ["Acct-Delay-Time", 10],
      ]),
      router,
      1_700_000_000_000,
    );
    expect(r).toMatchObject({
      ok: true,
      record: { acctSessionId: "ab", inputOctets: String(2n * 2n ** 32n + 5n), outputOctets: "7", framedIp: "10.1.2.3", nasPortType: "Ethernet", eventTime: new Date(1_700_000_000_000 - 10_000).toISOString() },
    });
  });

  it("refuses a wrong-length counter or address instead of storing zero", () => {
    expect(parseAccounting(packet([...base, { type: 42, value: Buffer.from([1, 2, 3]) }]), router)).toEqual({ ok: false, reason: "malformed_attribute" });
    expect(parseAccounting(packet([...base, { type: 8, value: Buffer.from([10, 0, 0]) }]), router)).toEqual({ ok: false, reason: "malformed_attribute" });
  });
});
