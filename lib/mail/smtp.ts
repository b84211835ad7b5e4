// A minimal SMTP client over node:net/tls: enough to hand a plain-text message to a relay.
// smtps:// uses implicit TLS; smtp:// upgrades with STARTTLS when the server offers it; AUTH PLAIN
// when the URL carries user:password. No pipelining, no attachments.
import net from "node:net";
import tls from "node:tls";
import os from "node:os";

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

class SmtpConnection {
  private buffer = "";
  private waiters: ((line: string) => void)[] = [];
  private lines: string[] = [];
  constructor(public socket: net.Socket) {
    this.attach(socket);
  }
  attach(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      this.buffer += chunk;
      let i;
      while ((i = this.buffer.indexOf("\r\n")) >= 0) {
        const line = this.buffer.slice(0, i);
        this.buffer = this.buffer.slice(i + 2);
        const w = this.waiters.shift();
        if (w) w(line);
        else this.lines.push(line);
      }
    });
  }
  private nextLine(timeoutMs = 15_000): Promise<string> {
    const queued = this.lines.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("SMTP server did not answer in time")), timeoutMs);
      this.waiters.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }
  /** Reads a (possibly multi-line) reply and checks its code. */
  async reply(expect: number[]): Promise<string[]> {
    const all: string[] = [];
    for (;;) {
      const line = await this.nextLine();
      all.push(line);
      if (line[3] !== "-") break;
    }
    const code = Number(all.at(-1)!.slice(0, 3));
    if (!expect.includes(code)) throw new Error(`SMTP error: ${all.join(" | ")}`);
    return all;
  }
  async command(line: string, expect: number[]) {
    this.socket.write(`${line}\r\n`);
    return this.reply(expect);
  }
}

function connect(url: URL): Promise<net.Socket> {
  const port = Number(url.port || (url.protocol === "smtps:" ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket =
      url.protocol === "smtps:"
        ? tls.connect({ host: url.hostname, port, servername: url.hostname }, () => resolve(socket))
        : net.connect({ host: url.hostname, port }, () => resolve(socket));
    socket.once("error", reject);
    socket.setTimeout(30_000, () => socket.destroy(new Error("SMTP connection timed out")));
  });
}

const addressOf = (s: string) => s.match(/<([^>]+)>/)?.[1] ?? s.trim();

export async function sendSmtp(smtpUrl: string, msg: SmtpMessage): Promise<void> {
  const url = new URL(smtpUrl);
  const conn = new SmtpConnection(await connect(url));
  try {
    await conn.reply([220]);
    const helo = os.hostname() || "localhost";
    let ehlo = await conn.command(`EHLO ${helo}`, [250]);
    if (url.protocol === "smtp:" && ehlo.some((l) => /STARTTLS/i.test(l))) {
      await conn.command("STARTTLS", [220]);
      const upgraded = await new Promise<net.Socket>((resolve, reject) => {
        const s = tls.connect({ socket: conn.socket, servername: url.hostname }, () => resolve(s));
        s.once("error", reject);
      });
      conn.attach(upgraded);
      ehlo = await conn.command(`EHLO ${helo}`, [250]);
    }
    if (url.username) {
      const plain = Buffer.from(`\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`).toString("base64");
      await conn.command(`AUTH PLAIN ${plain}`, [235]);
    }
    await conn.command(`MAIL FROM:<${addressOf(msg.from)}>`, [250]);
    await conn.command(`RCPT TO:<${addressOf(msg.to)}>`, [250, 251]);
    await conn.command("DATA", [354]);
    const headers = [
      `From: ${msg.from}`,
      `To: ${msg.to}`,
      `Subject: ${msg.subject.replace(/[\r\n]+/g, " ")}`,
      `Date: ${new Date().toUTCString()}`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: 8bit",
    ];
    // Dot-stuffing: a line that starts with "." gets another one.
    const body = msg.text.replace(/\r?\n/g, "\r\n").replace(/^\./gm, "..");
    await conn.command(`${headers.join("\r\n")}\r\n\r\n${body}\r\n.`, [250]);
    await conn.command("QUIT", [221]).catch(() => undefined);
  } finally {
    conn.socket.end();
  }
}
