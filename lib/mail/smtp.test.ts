import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { mailOutbox } from "@/lib/db/schema";
import { sendSmtp } from "./smtp";
import { sendMail } from "./send-mail";

// A tiny SMTP peer: enough of RFC 5321 to accept one message and record the conversation.
function fakeSmtpServer(opts: { auth?: boolean } = {}) {
  const received: { commands: string[]; data: string }[] = [];
  const server = net.createServer((socket) => {
    const session = { commands: [] as string[], data: "" };
    received.push(session);
    let inData = false;
    let buffer = "";
    socket.write("220 fake ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let i;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            socket.write("250 queued\r\n");
          } else session.data += `${line}\n`;
          continue;
        }
        session.commands.push(line);
        const verb = line.split(" ")[0].toUpperCase();
        if (verb === "EHLO") socket.write(`250-fake\r\n${opts.auth ? "250-AUTH PLAIN\r\n" : ""}250 SIZE 1000000\r\n`);
        else if (verb === "AUTH") socket.write("235 ok\r\n");
        else if (verb === "MAIL" || verb === "RCPT") socket.write("250 ok\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") socket.end("221 bye\r\n");
        else socket.write("502 not implemented\r\n");
      }
    });
  });
  return new Promise<{ url: (auth?: string) => string; received: typeof received; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ url: (auth = "") => `smtp://${auth}127.0.0.1:${port}`, received, close: () => server.close() });
    }),
  );
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("SMTP transport", () => {
  it("delivers a message with headers, dot-stuffing and AUTH PLAIN", async () => {
    const srv = await fakeSmtpServer({ auth: true });
    await sendSmtp(srv.url("mailer:s3cret@"), { from: "ISP <no-reply@isp.test>", to: "alice@a.test", subject: "Reset", text: "Hello\n.hidden line\nBye" });
    srv.close();
    const [s] = srv.received;
    expect(s.commands).toEqual(expect.arrayContaining(["MAIL FROM:<no-reply@isp.test>", "RCPT TO:<alice@a.test>", "DATA"]));
    expect(s.commands.find((c) => c.startsWith("AUTH PLAIN "))).toBe(`AUTH PLAIN ${Buffer.from("\0mailer\0s3cret").toString("base64")}`);
    expect(s.data).toContain("Subject: Reset");
    expect(s.data).toContain("..hidden line");
  });

  it("keeps every message in the outbox, marked sent or failed", async () => {
    const srv = await fakeSmtpServer();
    const ok = await sendMail(t.db, { tenantId: null, to: "bob@b.test", subject: "Hi", body: "x" }, { send: (m) => sendSmtp(srv.url(), m) });
    srv.close();
    expect(ok.sent).toBe(true);
    const failed = await sendMail(t.db, { tenantId: null, to: "carol@c.test", subject: "Hi", body: "x" }, { send: () => Promise.reject(new Error("connection refused")) });
    expect(failed.sent).toBe(false);
    const rows = await t.db.select().from(mailOutbox);
    expect(rows.find((r) => r.to === "bob@b.test")?.sentAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.to === "carol@c.test")?.error).toMatch(/connection refused/);
  });
});
