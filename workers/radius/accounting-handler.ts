// Accounting-Request → AccountingRecord (the stored form), and the Accounting-Response once it is durable.
import { getValueName, RadiusCode, encodeResponse, type RadiusPacket } from "@/lib/radius";
import type { NasEntry } from "@/lib/services/radius/load-nas-registry";
import { ACCT, type AccountingRecord } from "@/lib/services/radius/record-accounting";
import { isUuid } from "@/lib/ids";

function intOf(packet: RadiusPacket, name: Parameters<RadiusPacket["getBuffer"]>[0]): number | undefined {
  const b = packet.getBuffer(name);
  return b && b.length === 4 ? b.readUInt32BE(0) : undefined;
}

function counter(packet: RadiusPacket, low: Parameters<RadiusPacket["getBuffer"]>[0], high: Parameters<RadiusPacket["getBuffer"]>[0]): bigint {
  const lo = intOf(packet, low) ?? 0;
  const hi = intOf(packet, high) ?? 0;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

/** UTF-8 text PostgreSQL can store: NUL bytes removed (RFC 5080 §2.3.2 treats these as text). */
function text(b: Buffer | undefined): string | null {
  return b === undefined ? null : b.toString("utf8").replace(/\u0000/g, "");
}

export type ParsedAccounting = { ok: true; record: AccountingRecord } | { ok: false; reason: string };

export function parseAccounting(packet: RadiusPacket, nas: NasEntry, receivedAt = Date.now()): ParsedAccounting {
  const statusType = intOf(packet, "Acct-Status-Type");
  if (statusType === undefined) return { ok: false, reason: "missing_status_type" };
  const sessionScoped = statusType === ACCT.Start || statusType === ACCT.Stop || statusType === ACCT.Interim;
  if (!sessionScoped && statusType !== ACCT.On && statusType !== ACCT.Off) return { ok: false, reason: "unsupported_status_type" };
  const acctSessionId = text(packet.getBuffer("Acct-Session-Id")) ?? "";
  const username = text(packet.getBuffer("User-Name")) ?? "";
  if (sessionScoped && (!acctSessionId || !username)) return { ok: false, reason: "missing_session_identity" };
  const delay = intOf(packet, "Acct-Delay-Time") ?? 0;
  const cls = text(packet.getBuffer("Class"));
  const m = cls ? /^isp:([cv]):(.+)$/.exec(cls) : null;
  const classId = m && isUuid(m[2]) ? m[2] : null;
  const str = (name: Parameters<RadiusPacket["getBuffer"]>[0]) => text(packet.getBuffer(name));
  const named = (name: "NAS-Port-Type" | "Service-Type" | "Acct-Terminate-Cause") => {
    const v = intOf(packet, name);
    return v === undefined ? null : (getValueName(name, v) ?? String(v));
  };
  let framedIp: string | null = null;
  const fip = packet.getBuffer("Framed-IP-Address");
  if (fip && fip.length === 4) framedIp = `${fip[0]}.${fip[1]}.${fip[2]}.${fip[3]}`;
  return {
    ok: true,
    record: {
      tenantId: nas.tenantId,
      nasId: nas.id,
      statusType,
      acctSessionId,
      username,
      customerId: m?.[1] === "c" ? classId : null,
      voucherId: m?.[1] === "v" ? classId : null,
      framedIp,
      callingStationId: str("Calling-Station-Id"),
      calledStationId: str("Called-Station-Id"),
      nasPortId: str("NAS-Port-Id"),
      nasPortType: named("NAS-Port-Type"),
      serviceType: named("Service-Type"),
      class: cls,
      eventTime: new Date(receivedAt - Math.min(delay, 86_400) * 1000).toISOString(),
      sessionTime: intOf(packet, "Acct-Session-Time") ?? 0,
      // NAS view: input is what the subscriber sent (upload).
      inputOctets: counter(packet, "Acct-Input-Octets", "Acct-Input-Gigawords").toString(),
      outputOctets: counter(packet, "Acct-Output-Octets", "Acct-Output-Gigawords").toString(),
      inputPackets: intOf(packet, "Acct-Input-Packets") ?? 0,
      outputPackets: intOf(packet, "Acct-Output-Packets") ?? 0,
      terminateCause: statusType === ACCT.Stop ? (named("Acct-Terminate-Cause") ?? "Unknown") : null,
    },
  };
}

export function accountingResponse(packet: RadiusPacket, nas: NasEntry): Buffer {
  return encodeResponse({ request: packet, code: RadiusCode.AccountingResponse, secret: nas.secret });
}
