import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { mailOutbox } from "@/lib/db/schema";
import { createSmtpSender } from "./smtp";
import { outboxCopy, REDACTED, sendMail } from "./send-mail";

interface Received {
  secure: boolean;
  auth: { user: string; pass: string }[];
  messages: string[];
}

/** A self-signed certificate for 127.0.0.1, made with openssl, which the client is told to trust. */
function selfSigned() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isp-smtp-"));
  const key = path.join(dir, "key.pem");
  const cert = path.join(dir, "cert.pem");
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
  const out = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}
const tlsPair = selfSigned();

/** A real SMTP server (npm smtp-server) with or without STARTTLS, recording logins and messages. */
async function smtpServer(opts: { starttls: boolean }) {
  const received: Received = { secure: false, auth: [], messages: [] };
  const server = new SMTPServer({
    ...(opts.starttls ? { key: tlsPair.key, cert: tlsPair.cert } : { disabledCommands: ["STARTTLS"] }),
    allowInsecureAuth: true, // the server would take a clear-text login: only the client can refuse it
    authOptional: true,
    logger: false,
    onAuth(auth, session, cb) {
      received.auth.push({ user: auth.username ?? "", pass: auth.password ?? "" });
      received.secure = session.secure;
      cb(null, { user: auth.username });
    },
    onData(stream, session, cb) {
      let data = "";
      stream.on("data", (c: Buffer) => (data += c.toString("utf8")));
      stream.on("end", () => {
        received.messages.push(data);
        received.secure = session.secure;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: (auth = "") => `smtp://${auth}127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const message = { from: "ISP <no-reply@isp.test>", to: "alice@a.test", subject: "Reset", text: "Hello\n.hidden line\nBye" };
const trustOurCa = { tls: { ca: tlsPair.cert } };

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("SMTP transport (nodemailer)", () => {
  it("upgrades with STARTTLS, then logs in and delivers headers and body intact", async () => {
    const srv = await smtpServer({ starttls: true });
    try {
      await createSmtpSender(srv.url("mailer:s3cret@"), trustOurCa).send(message);
      expect(srv.received.auth).toEqual([{ user: "mailer", pass: "s3cret" }]);
      expect(srv.received.secure).toBe(true);
      expect(srv.received.messages[0]).toMatch(/^Subject: Reset\r?$/m);
      expect(srv.received.messages[0]).toContain("\n.hidden line");
    } finally {
      await srv.close();
    }
  });

  it("refuses to send the password in clear when the server offers no STARTTLS", async () => {
    const srv = await smtpServer({ starttls: false });
    try {
      await expect(createSmtpSender(srv.url("mailer:s3cret@")).send(message)).rejects.toThrow(/offers no STARTTLS.*SMTP_ALLOW_INSECURE_AUTH/);
      expect(srv.received.auth).toEqual([]);
      expect(srv.received.messages).toEqual([]);
    } finally {
      await srv.close();
    }
  });

  it("sends it in clear only when explicitly allowed, and sends without credentials in any case", async () => {
    const srv = await smtpServer({ starttls: false });
    try {
      await createSmtpSender(srv.url("mailer:s3cret@"), { allowInsecureAuth: true }).send(message);
      expect(srv.received.auth).toEqual([{ user: "mailer", pass: "s3cret" }]);
      await createSmtpSender(srv.url()).send(message);
      expect(srv.received.messages).toHaveLength(2);
      expect(srv.received.secure).toBe(false);
    } finally {
      await srv.close();
    }
  });
});

describe("the outbox", () => {
  it("keeps every message, marked sent or failed", async () => {
    const srv = await smtpServer({ starttls: false });
    const ok = await sendMail(t.db, { tenantId: null, to: "bob@b.test", subject: "Hi", body: "x", redact: [] }, createSmtpSender(srv.url()));
    await srv.close();
    expect(ok.sent).toBe(true);
    const failed = await sendMail(t.db, { tenantId: null, to: "carol@c.test", subject: "Hi", body: "x", redact: [] }, { send: () => Promise.reject(new Error("connection refused")) });
    expect(failed.sent).toBe(false);
    const rows = await t.db.select().from(mailOutbox);
    expect(rows.find((r) => r.to === "bob@b.test")?.sentAt).toBeInstanceOf(Date);
    expect(rows.find((r) => r.to === "carol@c.test")?.error).toMatch(/connection refused/);
  });

  it("sends the real link but keeps no usable token", async () => {
    const srv = await smtpServer({ starttls: false });
    const link = "http://isp.test/reset-password?token=AbC123-secret_tok";
    await sendMail(t.db, { tenantId: null, to: "dan@d.test", subject: "Reset", body: `Open\n${link}\nBye`, redact: [link] }, createSmtpSender(srv.url()));
    await srv.close();
    expect(srv.received.messages[0]).toContain("AbC123-secret_tok");
    const [row] = (await t.db.select().from(mailOutbox)).filter((r) => r.to === "dan@d.test");
    expect(row.body).not.toContain("AbC123-secret_tok");
    expect(row.body).toContain(REDACTED);
    // A caller that forgot to name its link still leaves no token behind.
    expect(outboxCopy("see http://x.test/reset-password?token=zzz&a=1 now", [])).toBe(`see http://x.test/reset-password?token=${REDACTED}&a=1 now`);
  });
});
