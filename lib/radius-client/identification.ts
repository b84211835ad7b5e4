// The attributes that identify one live session to a MikroTik router in a Disconnect or CoA request
// (RFC 5176 §3): User-Name and Acct-Session-Id, plus Framed-IP-Address and NAS-IP-Address when known.
import net from "node:net";
import type { AttributeInput } from "@/lib/radius";

export interface SessionIdentity {
  username: string;
  acctSessionId: string;
  framedIp?: string | null;
  nasIp?: string | null;
}

export function sessionIdentification(s: SessionIdentity): AttributeInput[] {
  const out: AttributeInput[] = [
    ["User-Name", s.username],
    ["Acct-Session-Id", s.acctSessionId],
  ];
  if (s.framedIp && net.isIPv4(s.framedIp)) out.push(["Framed-IP-Address", s.framedIp]);
  if (s.nasIp && net.isIPv4(s.nasIp)) out.push(["NAS-IP-Address", s.nasIp]);
  return out;
}
