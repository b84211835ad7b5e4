import dgram from "node:dgram";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { findPortClashes } from "./ports";

describe("port checks", () => {
  it("name the port and the variable that moves it, for TCP and UDP", async () => {
    const tcp = net.createServer();
    await new Promise<void>((r) => tcp.listen(0, "127.0.0.1", r));
    const tcpPort = (tcp.address() as net.AddressInfo).port;
    const udp = dgram.createSocket("udp4");
    await new Promise<void>((r) => udp.bind(0, "127.0.0.1", r));
    const udpPort = udp.address().port;
    try {
      const problems = await findPortClashes([
        { port: tcpPort, variable: "PORT", what: "web app", protocol: "tcp", host: "127.0.0.1" },
        { port: udpPort, variable: "RADIUS_AUTH_PORT", what: "RADIUS authentication", protocol: "udp", host: "127.0.0.1" },
      ]);
      expect(problems).toEqual([
        `TCP port ${tcpPort} (web app) is already in use: set PORT to another port`,
        `UDP port ${udpPort} (RADIUS authentication) is already in use: set RADIUS_AUTH_PORT to another port`,
      ]);
    } finally {
      tcp.close();
      udp.close();
    }
  });
});
