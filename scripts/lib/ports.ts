// Port checks before anything starts, so a clash names the port and the variable that moves it.
import dgram from "node:dgram";
import net from "node:net";

export function tcpPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host === "0.0.0.0" ? undefined : host, () => srv.close(() => resolve(true)));
  });
}

export function udpPortFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket("udp4");
    sock.once("error", () => resolve(false));
    sock.bind(port, host, () => sock.close(() => resolve(true)));
  });
}

export interface PortNeed {
  port: number;
  variable: string;
  what: string;
  protocol: "tcp" | "udp";
  host: string;
}

export async function findPortClashes(needs: PortNeed[]): Promise<string[]> {
  const problems: string[] = [];
  for (const n of needs) {
    const free = n.protocol === "tcp" ? await tcpPortFree(n.port, n.host) : await udpPortFree(n.port, n.host);
    if (!free) problems.push(`${n.protocol.toUpperCase()} port ${n.port} (${n.what}) is already in use: set ${n.variable} to another port`);
  }
  return problems;
}
