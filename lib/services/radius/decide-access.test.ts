// The authorization rules and reply policy, without a network or database.
import { describe, expect, it } from "vitest";
import { canonicalMac } from "@/lib/net/mac";
import { customerFields } from "@/lib/services/customers/customer-fields";
import { decideAccess } from "./decide-access";
import type { AuthSubject, PackageFacts } from "./find-auth-subjects";
import type { RadiusSettings } from "./get-radius-settings";
import { ACCESS_STATE_LABEL, customerAccessState } from "@/lib/services/customers/access-state";

const now = new Date("2026-01-10T12:00:00Z");
const settings: RadiusSettings = { interimIntervalSeconds: 300, restrictedMode: { enabled: false, addressList: "unpaid", rateLimit: "128k/128k" } };
const pkg = (over: Partial<PackageFacts> = {}): PackageFacts => ({
  id: "p",
  name: "P",
  type: "PPPOE",
  validityValue: 1,
  validityUnit: "DAYS",
  downloadKbps: 10000,
  uploadKbps: 5000,
  burstDownloadKbps: null,
  burstUploadKbps: null,
  burstThresholdDownloadKbps: null,
  burstThresholdUploadKbps: null,
  burstTimeSeconds: null,
  priority: null,
  dataQuotaBytes: null,
  sessionTimeLimitSeconds: null,
  fupDownloadKbps: null,
  fupUploadKbps: null,
  sharedUsers: 1,
  idleTimeoutSeconds: null,
  addressList: null,
  routerAllowed: true,
  ...over,
});
const subject = (over: Partial<AuthSubject> = {}): AuthSubject => ({
  kind: "customer",
  id: "c1",
  tenantId: "t",
  type: "PPPOE",
  username: "u",
  passwordSealed: null,
  status: "ACTIVE",
  expiresAt: new Date(now.getTime() + 3600_000),
  macAddress: null,
  staticIp: null,
  ipPoolId: null,
  poolName: null,
  poolIp: null,
  usedBytes: 0n,
  usedSeconds: 0,
  quotaExceededAt: null,
  openSessions: 0,
  package: pkg(),
  tenantRefused: false,
  ...over,
});
const facts = { now, connection: "PPPOE" as const, mac: null, settings };
const attr = (d: ReturnType<typeof decideAccess>, name: string) => (d.accept ? d.attributes.filter(([n]) => n === name).map(([, v]) => v) : []);

describe("decideAccess", () => {
  it("caps Session-Timeout at the expiry and at the remaining time allowance", () => {
    expect(attr(decideAccess(subject(), facts), "Session-Timeout")).toEqual([3600]);
    expect(attr(decideAccess(subject({ usedSeconds: 3000, package: pkg({ sessionTimeLimitSeconds: 3500 }) }), facts), "Session-Timeout")).toEqual([500]);
  });

  it("sends the remaining quota with gigawords, and rejects or throttles when it is used up", () => {
    const d = decideAccess(subject({ usedBytes: 1n, package: pkg({ dataQuotaBytes: 5n * 2n ** 32n + 11n }) }), facts);
    expect(attr(d, "Mikrotik-Total-Limit")).toEqual([10]);
    expect(attr(d, "Mikrotik-Total-Limit-Gigawords")).toEqual([5]);
    const used = decideAccess(subject({ usedBytes: 100n, package: pkg({ dataQuotaBytes: 100n }) }), facts);
    expect(used).toMatchObject({ accept: false, reason: "data_quota_used", message: "Data quota used up" });
    const fup = decideAccess(subject({ usedBytes: 100n, package: pkg({ dataQuotaBytes: 100n, fupDownloadKbps: 512, fupUploadKbps: 256 }) }), facts);
    expect(attr(fup, "Mikrotik-Rate-Limit")).toEqual(["256k/512k"]);
  });

  it("enforces status, connection type, router, MAC binding and the session limit", () => {
    expect(decideAccess(subject({ status: "SUSPENDED" }), facts)).toMatchObject({ accept: false, reason: "suspended" });
    expect(decideAccess(subject({ expiresAt: new Date(now.getTime() - 1) }), facts)).toMatchObject({ accept: false, reason: "expired" });
    expect(decideAccess(subject({ status: "DISABLED" }), { ...facts, settings: { ...settings, restrictedMode: { ...settings.restrictedMode, enabled: true } } })).toMatchObject({ accept: false, reason: "disabled" });
    expect(decideAccess(subject(), { ...facts, connection: "HOTSPOT" })).toMatchObject({ accept: false, reason: "wrong_connection_type" });
    expect(decideAccess(subject(), { ...facts, connection: null }).accept).toBe(true);
    expect(decideAccess(subject({ package: pkg({ routerAllowed: false }) }), facts)).toMatchObject({ reason: "router_not_allowed" });
    expect(decideAccess(subject({ macAddress: "AA:BB:CC:DD:EE:FF" }), { ...facts, mac: "AA:BB:CC:DD:EE:F0" })).toMatchObject({ reason: "mac_mismatch" });
    expect(decideAccess(subject({ macAddress: "AA:BB:CC:DD:EE:FF" }), { ...facts, mac: "AA:BB:CC:DD:EE:FF" }).accept).toBe(true);
    expect(decideAccess(subject({ openSessions: 1 }), facts)).toMatchObject({ reason: "session_limit" });
    expect(decideAccess(subject({ openSessions: 1, package: pkg({ sharedUsers: 2 }) }), facts).accept).toBe(true);
  });

  it("accepts expired customers into the restricted state when the tenant enables it", () => {
    const d = decideAccess(subject({ status: "EXPIRED" }), { ...facts, settings: { ...settings, restrictedMode: { enabled: true, addressList: "unpaid", rateLimit: "128k/128k" } } });
    expect(d).toMatchObject({ accept: true, restricted: "expired" });
    expect(attr(d, "Mikrotik-Address-List")).toEqual(["unpaid"]);
  });

  it("starts a voucher's validity on first use and binds it to the device", () => {
    const v = subject({ kind: "voucher", status: "AVAILABLE", expiresAt: null, package: pkg({ type: "HOTSPOT", validityValue: 2, validityUnit: "HOURS" }) });
    const d = decideAccess(v, { ...facts, connection: "HOTSPOT", mac: "02:00:00:00:00:07" });
    expect(d).toMatchObject({ accept: true, activateVoucher: { expiresAt: new Date(now.getTime() + 7200_000), mac: "02:00:00:00:00:07" } });
    expect(attr(d, "Session-Timeout")).toEqual([7200]);
    const redeemed = subject({ kind: "voucher", status: "AVAILABLE", redeemBy: new Date(now.getTime() - 1), package: pkg({ type: "HOTSPOT" }) });
    expect(decideAccess(redeemed, { ...facts, connection: "HOTSPOT" })).toMatchObject({ reason: "voucher_expired" });
  });
});

describe("MAC and validity helpers", () => {
  it("compares and binds MACs in the one form a customer's MAC is stored in, whatever the spelling", () => {
    // Before, the customer form stored AA:BB:… while RADIUS compared and bound vouchers as AABB…
    const stored = customerFields.macAddress.parse("aa-bb-cc-dd-ee-0f");
    expect(stored).toBe("AA:BB:CC:DD:EE:0F");
    for (const sent of ["aa:bb:cc:dd:ee:0f", "AA-BB-CC-DD-EE-0F", "aabbccddee0f", "aabb.ccdd.ee0f"]) {
      const mac = canonicalMac(sent);
      expect(mac, sent).toBe(stored);
      expect(decideAccess(subject({ macAddress: stored }), { ...facts, mac }).accept, sent).toBe(true);
      const voucher = subject({ kind: "voucher", status: "AVAILABLE", voucherCode: "V", package: pkg({ type: "HOTSPOT" }) });
      expect(decideAccess(voucher, { ...facts, connection: "HOTSPOT", mac })).toMatchObject({ activateVoucher: { mac: stored } });
    }
    expect(canonicalMac("alice")).toBeNull();
  });
  it("a monthly voucher first used on 31 January (Nairobi) runs to 28 February, as a customer renewal does", () => {
    const at = new Date("2026-01-31T09:00:00Z");
    const d = decideAccess(subject({ kind: "voucher", status: "AVAILABLE", package: pkg({ validityValue: 1, validityUnit: "MONTHS" }) }), { now: at, connection: null, mac: null, settings: { ...settings, timeZone: "Africa/Nairobi" } });
    // It used to add a UTC month with setUTCMonth: 31 Jan + 1 month was 3 March.
    expect(d).toMatchObject({ accept: true, activateVoucher: { expiresAt: new Date("2026-02-28T09:00:00Z") } });
  });

  it("refuses every subscriber of an ISP the platform suspended with refusal, before restricted mode or a voucher's first use", () => {
    const restricted = { ...facts, settings: { ...settings, restrictedMode: { ...settings.restrictedMode, enabled: true } } };
    for (const s of [subject({ tenantRefused: true }), subject({ tenantRefused: true, status: "EXPIRED" }), subject({ kind: "voucher", status: "AVAILABLE", tenantRefused: true })]) {
      expect(decideAccess(s, restricted)).toEqual({ accept: false, reason: "isp_suspended", message: "Service suspended by your provider's platform: please contact your ISP" });
    }
    expect(decideAccess(subject(), facts).accept).toBe(true);
  });

  it("agrees with the state the customer list shows: a customer without a package is not 'Active'", () => {
    const past = new Date(now.getTime() - 1000);
    const cases: Partial<AuthSubject>[] = [
      {},
      { package: null },
      { package: null, expiresAt: null },
      { status: "SUSPENDED" },
      { status: "DISABLED" },
      { status: "EXPIRED" },
      { expiresAt: past },
      { expiresAt: past, package: null },
      { expiresAt: null },
    ];
    for (const over of cases) {
      const s = subject(over);
      const state = customerAccessState({ status: s.status, hasPackage: s.package !== null, expiresAt: s.expiresAt }, now);
      expect(decideAccess(s, facts).accept, JSON.stringify({ over, state })).toBe(state === "ACTIVE");
    }
    expect(ACCESS_STATE_LABEL[customerAccessState({ status: "ACTIVE", hasPackage: false, expiresAt: null }, now)]).toBe("No package: cannot connect");
  });
});
