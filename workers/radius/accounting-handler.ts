// Accounting-Request → AccountingRecord (the stored form), read through the packet's typed getters, and
// the handler that answers with an Accounting-Response once the record is durable (database or spool).
import { getValueName, RadiusCode, RadiusDecodeError, encodeResponse, type AttributeNameOfType, type RadiusPacket } from "@/lib/radius";
import type { RouterEntry } from "@/lib/services/radius/load-router-registry";
import { ACCT, type AccountingRecord } from "@/lib/services/radius/record-accounting";
import type { AccountingWriter } from "./accounting-writer";
import type { HandlerResult, RequestContext } from "./pipeline";
import { isUuid } from "@/lib/ids";

/** UTF-8 text PostgreSQL can store: NUL bytes removed (RFC 5080 §2.3.2 treats these as text). */
function text(packet: RadiusPacket, name: AttributeNameOfType<"string">): string | null {
  const s = packet.getString(name);
  return s === undefined ? null : s.replace(/\u0000/g, "");
}

export type ParsedAccounting = { ok: true; record: AccountingRecord } | { ok: false; reason: string };

export function parseAccounting(packet: RadiusPacket, router: RouterEntry, receivedAt = Date.now()): ParsedAccounting {
  try {
    return readAccounting(packet, router, receivedAt);
  } catch (e) {
    // An integer or address attribute of the wrong length (the getters check every one).
    if (e instanceof RadiusDecodeError) return { ok: false, reason: "malformed_attribute" };
    throw e;
  }
}

function readAccounting(packet: RadiusPacket, router: RouterEntry, receivedAt: number): ParsedAccounting {
  const statusType = packet.getInteger("Acct-Status-Type");
  if (statusType === undefined) return { ok: false, reason: "missing_status_type" };
  const sessionScoped = statusType === ACCT.Start || statusType === ACCT.Stop || statusType === ACCT.Interim;
  if (!sessionScoped && statusType !== ACCT.On && statusType !== ACCT.Off) return { ok: false, reason: "unsupported_status_type" };
  const acctSessionId = text(packet, "Acct-Session-Id") ?? "";
  const username = text(packet, "User-Name") ?? "";
  if (sessionScoped && (!acctSessionId || !username)) return { ok: false, reason: "missing_session_identity" };
  const delay = packet.getInteger("Acct-Delay-Time") ?? 0;
  const classBytes = packet.getBuffer("Class");
  const cls = classBytes === undefined ? null : classBytes.toString("utf8").replace(/\u0000/g, "");
  const m = cls ? /^isp:([cv]):(.+)$/.exec(cls) : null;
  const classId = m && isUuid(m[2]) ? m[2] : null;
  const named = (name: "NAS-Port-Type" | "Service-Type" | "Acct-Terminate-Cause") => {
    const v = packet.getInteger(name);
    return v === undefined ? null : (getValueName(name, v) ?? String(v));
  };
  return {
    ok: true,
    record: {
      tenantId: router.tenantId,
      nasId: router.id,
      statusType,
      acctSessionId,
      username,
      customerId: m?.[1] === "c" ? classId : null,
      voucherId: m?.[1] === "v" ? classId : null,
      framedIp: packet.getIp("Framed-IP-Address") ?? null,
      callingStationId: text(packet, "Calling-Station-Id"),
      calledStationId: text(packet, "Called-Station-Id"),
      nasPortId: text(packet, "NAS-Port-Id"),
      nasPortType: named("NAS-Port-Type"),
      serviceType: named("Service-Type"),
      class: cls,
      eventTime: new Date(receivedAt - Math.min(delay, 86_400) * 1000).toISOString(),
      sessionTime: packet.getInteger("Acct-Session-Time") ?? 0,
      // router view: input is what the subscriber sent (upload).
      inputOctets: (packet.getCounter64("Acct-Input-Octets", "Acct-Input-Gigawords") ?? 0n).toString(),
      outputOctets: (packet.getCounter64("Acct-Output-Octets", "Acct-Output-Gigawords") ?? 0n).toString(),
      inputPackets: packet.getInteger("Acct-Input-Packets") ?? 0,
      outputPackets: packet.getInteger("Acct-Output-Packets") ?? 0,
      terminateCause: statusType === ACCT.Stop ? (named("Acct-Terminate-Cause") ?? "Unknown") : null,
    },
  };
}

export function accountingResponse(packet: RadiusPacket, router: RouterEntry): Buffer {
  return encodeResponse({ request: packet, code: RadiusCode.AccountingResponse, secret: router.secret });
}

/** The accounting handler: the Accounting-Response only once the record is durable, or a drop reason. */
export function accountingHandler(writer: AccountingWriter) {
  return async (ctx: RequestContext, packet: RadiusPacket): Promise<HandlerResult> => {
    const parsed = parseAccounting(packet, ctx.router);
    if (!parsed.ok) return { reply: null, drop: parsed.reason };
    await writer.write(parsed.record);
    return { reply: accountingResponse(packet, ctx.router) };
  };
}
