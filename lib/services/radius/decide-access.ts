// The authorization decision and reply policy for an authenticated subject: pure (no I/O), so every rule
// is unit-tested. The password has already been checked; this decides whether, and on what terms.
import { formatRateLimit, type NamedAttribute } from "@/lib/radius";
import { addValidity, DEFAULT_TIME_ZONE } from "@/lib/services/packages/validity";
import { customerAccessState } from "@/lib/services/customers/access-state";
import type { AuthSubject } from "./find-auth-subjects";
import type { RadiusSettings } from "./get-radius-settings";
import { canonicalMac } from "@/lib/net/mac";

/** PPPOE / HOTSPOT from the request's hints; null when the router gave none (radtest), which allows either. */
export type ConnectionKind = "PPPOE" | "HOTSPOT" | null;

export type RejectReason =
  | "unknown_user"
  | "wrong_password"
  | "isp_suspended"
  | "suspended"
  | "disabled"
  | "expired"
  | "voucher_expired"
  | "voucher_revoked"
  | "no_package"
  | "wrong_connection_type"
  | "router_not_allowed"
  | "mac_mismatch"
  | "session_limit"
  | "data_quota_used"
  | "time_quota_used"
  | "no_address";

export const REJECT_MESSAGES: Record<RejectReason, string> = {
  unknown_user: "Unknown user or wrong password",
  wrong_password: "Unknown user or wrong password",
  isp_suspended: "Service suspended by your provider's platform: please contact your ISP",
  suspended: "Account suspended",
  disabled: "Account disabled",
  expired: "Subscription expired",
  voucher_expired: "Voucher expired",
  voucher_revoked: "Voucher is no longer valid",
  no_package: "No active package",
  wrong_connection_type: "Package does not allow this connection type",
  router_not_allowed: "Package is not available on this router",
  mac_mismatch: "Device not allowed for this account",
  session_limit: "Simultaneous session limit reached",
  data_quota_used: "Data quota used up",
  time_quota_used: "Time quota used up",
  no_address: "No address available",
};

export interface AccessRequestFacts {
  now: Date;
  connection: ConnectionKind;
  /** Calling-Station-Id in canonical form (AA:BB:CC:DD:EE:FF, lib/net/mac.ts), when it is a MAC. */
  mac: string | null;
  settings: RadiusSettings;
}

export type AccessDecision =
  | {
      accept: true;
      attributes: NamedAttribute[];
      /** Set when accepted only into the restricted (pay page) state. */
      restricted: RejectReason | null;
      /** First voucher login: mark it USED, start its validity, bind the MAC. */
      activateVoucher: { expiresAt: Date; mac: string | null } | null;
      /** The subject needs an address from its pool (allocated by the caller, then added). */
      needsPoolAddress: boolean;
      rateLimit: string;
    }
  | { accept: false; reason: RejectReason; message: string };


function reject(reason: RejectReason): AccessDecision {
  return { accept: false, reason, message: REJECT_MESSAGES[reason] };
}

const TWO_32 = 2n ** 32n;

export function decideAccess(subject: AuthSubject, facts: AccessRequestFacts): AccessDecision {
  const { now, settings } = facts;
  const pkg = subject.package;
  let restrictable: RejectReason | null = null;
  let activateVoucher: { expiresAt: Date; mac: string | null } | null = null;
  let expiresAt = subject.expiresAt;

  // Before anything of the subscriber's own: no restricted mode, no voucher activation.
  if (subject.tenantRefused) return reject("isp_suspended");
  if (subject.kind === "voucher") {
    if (subject.status === "REVOKED") return reject("voucher_revoked");
    if (subject.status === "EXPIRED") return reject("voucher_expired");
    if (!pkg) return reject("no_package");
    if (subject.status === "AVAILABLE") {
      if (subject.redeemBy && subject.redeemBy <= now) return reject("voucher_expired");
      expiresAt = addValidity(now, pkg, settings.timeZone ?? DEFAULT_TIME_ZONE);
      activateVoucher = { expiresAt, mac: facts.mac };
    } else if (subject.macAddress && facts.mac && canonicalMac(subject.macAddress) !== facts.mac) {
      return reject("mac_mismatch");
    }
    if (expiresAt && expiresAt <= now) return reject("voucher_expired");
  } else {
    // The same state the customer list and page show (NO_PACKAGE is refused below, after restricted mode).
    const state = customerAccessState({ status: subject.status, hasPackage: pkg !== null, expiresAt }, now);
    if (state === "DISABLED") return reject("disabled");
    if (state === "SUSPENDED") restrictable = "suspended";
    else if (state === "EXPIRED") restrictable = "expired";
    if (subject.macAddress) {
      const bound = canonicalMac(subject.macAddress);
      if (bound && bound !== facts.mac) return reject("mac_mismatch");
    }
  }

  if (restrictable) {
    const rm = settings.restrictedMode;
    if (!rm.enabled) return reject(restrictable);
    // Restricted: in, but only to the pay page (the router redirects this address list).
    return {
      accept: true,
      restricted: restrictable,
      activateVoucher: null,
      needsPoolAddress: false,
      rateLimit: rm.rateLimit,
      attributes: [
        ["Mikrotik-Rate-Limit", rm.rateLimit],
        ["Mikrotik-Address-List", rm.addressList],
        ["Acct-Interim-Interval", settings.interimIntervalSeconds],
        ["Session-Timeout", 3600],
        ["Class", Buffer.from(`isp:${subject.kind === "voucher" ? "v" : "c"}:${subject.id}`)],
        ...(subject.staticIp ? ([["Framed-IP-Address", subject.staticIp]] as NamedAttribute[]) : []),
      ],
    };
  }

  if (!pkg) return reject("no_package");
  // DHCP/STATIC packages never authenticate through PPPoE or the hotspot; no hint (radtest) allows either.
  if (facts.connection && pkg.type !== facts.connection) return reject("wrong_connection_type");
  if (!pkg.routerAllowed) return reject("router_not_allowed");
  if (subject.openSessions >= Math.max(1, pkg.sharedUsers)) return reject("session_limit");

  // Quotas: data over the usage period; time is the package's online-time allowance (uptime limit).
  let throttled = false;
  if (pkg.dataQuotaBytes !== null && subject.usedBytes >= pkg.dataQuotaBytes) {
    if (pkg.fupDownloadKbps && pkg.fupUploadKbps) throttled = true;
    else return reject("data_quota_used");
  }
  let timeLeft: number | null = null;
  if (pkg.sessionTimeLimitSeconds !== null) {
    timeLeft = pkg.sessionTimeLimitSeconds - subject.usedSeconds;
    if (timeLeft <= 0) return reject("time_quota_used");
  }
  if (expiresAt) {
    const untilExpiry = Math.floor((expiresAt.getTime() - now.getTime()) / 1000);
    timeLeft = timeLeft === null ? untilExpiry : Math.min(timeLeft, untilExpiry);
    if (timeLeft <= 0) return reject(subject.kind === "voucher" ? "voucher_expired" : "expired");
  }

  const rateLimit = throttled
    ? formatRateLimit({ uploadKbps: pkg.fupUploadKbps!, downloadKbps: pkg.fupDownloadKbps! })
    : formatRateLimit({
        uploadKbps: pkg.uploadKbps,
        downloadKbps: pkg.downloadKbps,
        burstUploadKbps: pkg.burstUploadKbps ?? undefined,
        burstDownloadKbps: pkg.burstDownloadKbps ?? undefined,
        burstThresholdUploadKbps: pkg.burstThresholdUploadKbps ?? undefined,
        burstThresholdDownloadKbps: pkg.burstThresholdDownloadKbps ?? undefined,
        burstTimeSeconds: pkg.burstTimeSeconds ?? undefined,
        priority: pkg.priority ?? undefined,
      });

  const attributes: NamedAttribute[] = [["Mikrotik-Rate-Limit", rateLimit]];
  if (timeLeft !== null) attributes.push(["Session-Timeout", Math.max(1, Math.min(timeLeft, 0xffffffff))]);
  if (pkg.idleTimeoutSeconds) attributes.push(["Idle-Timeout", pkg.idleTimeoutSeconds]);
  attributes.push(["Acct-Interim-Interval", settings.interimIntervalSeconds]);
  if (subject.staticIp) attributes.push(["Framed-IP-Address", subject.staticIp]);
  else if (subject.poolIp) attributes.push(["Framed-IP-Address", subject.poolIp]);
  if (pkg.addressList) attributes.push(["Mikrotik-Address-List", pkg.addressList]);
  if (pkg.dataQuotaBytes !== null && !throttled) {
    const left = pkg.dataQuotaBytes - subject.usedBytes;
    attributes.push(["Mikrotik-Total-Limit", Number(left % TWO_32)]);
    if (left >= TWO_32) attributes.push(["Mikrotik-Total-Limit-Gigawords", Number(left / TWO_32)]);
  }
  attributes.push(["Class", Buffer.from(`isp:${subject.kind === "voucher" ? "v" : "c"}:${subject.id}`)]);

  return {
    accept: true,
    restricted: null,
    activateVoucher,
    needsPoolAddress: !subject.staticIp && !subject.poolIp && subject.ipPoolId !== null,
    rateLimit,
    attributes,
  };
}
