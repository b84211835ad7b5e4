// The UDP transport: one socket for authentication and one for accounting, started and stopped as a
// pair. It hands every datagram to one callback and sends replies; nothing a datagram contains can throw
// out of the socket callback.
import dgram from "node:dgram";
import type { Logger } from "pino";

export const RECV_BUFFER_BYTES = 4 * 1024 * 1024;

export type Kind = "auth" | "acct";

export type DatagramListener = (kind: Kind, msg: Buffer, rinfo: dgram.RemoteInfo) => void;

export class UdpTransport {
  private sockets: Partial<Record<Kind, dgram.Socket>> = {};

  constructor(private readonly o: { host: string; authPort: number; acctPort: number; log: Logger }) {}

  ports(): { auth: number; acct: number } {
    return { auth: this.sockets.auth?.address().port ?? 0, acct: this.sockets.acct?.address().port ?? 0 };
  }

  /** False once the transport stopped (a reply computed during shutdown is not sent). */
  open(kind: Kind): boolean {
    return this.sockets[kind] !== undefined;
  }

  send(kind: Kind, reply: Buffer, rinfo: dgram.RemoteInfo) {
    this.sockets[kind]?.send(reply, rinfo.port, rinfo.address);
  }

  async start(onDatagram: DatagramListener) {
    for (const kind of ["auth", "acct"] as const) {
      const type = this.o.host.includes(":") ? "udp6" : "udp4";
      const socket = dgram.createSocket({ type, recvBufferSize: RECV_BUFFER_BYTES, sendBufferSize: RECV_BUFFER_BYTES });
      socket.on("message", (msg, rinfo) => {
        try {
          onDatagram(kind, msg, rinfo);
        } catch (e) {
          this.o.log.error({ err: (e as Error).message, kind }, "RADIUS datagram handling failed");
        }
      });
      socket.on("error", (e) => this.o.log.error({ err: e.message, kind }, "RADIUS socket error"));
      const port = kind === "auth" ? this.o.authPort : this.o.acctPort;
      await new Promise<void>((resolve, reject) => {
        socket.once("error", (e: NodeJS.ErrnoException) =>
          reject(
            e.code === "EADDRINUSE" || e.code === "EACCES"
              ? new Error(`cannot listen on UDP ${this.o.host}:${port} (${e.code}): set RADIUS_${kind.toUpperCase()}_PORT to a free port`)
              : e,
          ),
        );
        socket.bind(port, this.o.host, () => resolve());
      });
      try {
        socket.setRecvBufferSize(RECV_BUFFER_BYTES);
      } catch {
        // The kernel caps it (net.core.rmem_max); the creation-time option already asked.
      }
      this.sockets[kind] = socket;
    }
  }

  async stop() {
    const sockets = Object.values(this.sockets);
    this.sockets = {};
    await Promise.all(sockets.map((s) => new Promise<void>((r) => s.close(() => r()))));
  }
}
