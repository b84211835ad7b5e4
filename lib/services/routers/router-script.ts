// The RouterOS commands that point a MikroTik at our RADIUS server, and the address they use: the
// installation's "routers.radius_address" setting, else a guess from the configuration that is flagged.
// Pure, so the router page (client) and the tests build the same text.
import { isLoopbackHost } from "@/lib/settings/registry";

export interface RouterRadiusTarget {
  address: string;
  /** Set when the script must not be pasted as it is: the address is a guess, or the router cannot reach it. */
  warning: string | null;
}

/** Where routers send RADIUS: the operator's setting, else the bound address or the host staff use. */
export function routerRadiusTarget(input: { configured: string | null; radiusHost?: string | null; appUrl: string }): RouterRadiusTarget {
  if (input.configured && !isLoopbackHost(input.configured)) return { address: input.configured, warning: null };
  const bound = input.radiusHost && input.radiusHost !== "0.0.0.0" && input.radiusHost !== "::" ? input.radiusHost : null;
  const address = bound ?? new URL(input.appUrl).hostname;
  if (isLoopbackHost(address)) {
    return {
      address,
      warning: `This script sends RADIUS to ${address}, a loopback address: a router cannot reach it. The platform operator sets the address routers use in Platform → Settings.`,
    };
  }
  return { address, warning: `The platform operator has not confirmed the address routers use to reach RADIUS; this script guesses ${address}.` };
}

export interface RouterScriptInput {
  target: RouterRadiusTarget;
  secret: string;
  routerIp: string;
  authPort: number;
  acctPort: number;
  coaPort: number;
  requireMessageAuthenticator: boolean;
  comment: string;
}

export function routerRadiusScript(p: RouterScriptInput): string {
  const server = p.target.address;
  const ports = `${p.authPort !== 1812 ? ` authentication-port=${p.authPort}` : ""}${p.acctPort !== 1813 ? ` accounting-port=${p.acctPort}` : ""}`;
  const lines = [
    // The warning travels with the text, so a pasted loopback script is never silent.
    ...(p.target.warning ? [`# WARNING: ${p.target.warning}`] : []),
    `/radius add address=${server} secret="${p.secret}" service=ppp,hotspot src-address=${p.routerIp}${ports} timeout=3s comment="${p.comment.replace(/"/g, "")}"`,
    ...(p.requireMessageAuthenticator ? ["# RouterOS 7.15+: also send Message-Authenticator", `/radius set [find address=${server}] require-message-auth=yes-for-request-resp`] : []),
    `/radius incoming set accept=yes port=${p.coaPort}`,
    `/ppp aaa set use-radius=yes accounting=yes interim-update=5m`,
    `/ip hotspot profile set [find] use-radius=yes radius-interim-update=5m`,
  ];
  return lines.join("\n");
}
