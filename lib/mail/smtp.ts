// SMTP delivery through nodemailer. smtps:// is implicit TLS; smtp:// upgrades with STARTTLS when the
// server offers it, and when the URL carries credentials it requires STARTTLS (refusing to send them
// in clear) unless SMTP_ALLOW_INSECURE_AUTH says otherwise.
import type { ConnectionOptions } from "node:tls";
import nodemailer from "nodemailer";

export interface SmtpMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface SmtpOptions {
  /** Send credentials over smtp:// even when the server offers no STARTTLS (SMTP_ALLOW_INSECURE_AUTH). */
  allowInsecureAuth?: boolean;
  /** TLS settings (e.g. a private CA) for the implicit or STARTTLS connection. */
  tls?: ConnectionOptions;
}

export interface SmtpSender {
  send(message: SmtpMessage): Promise<void>;
}

export function createSmtpSender(smtpUrl: string, opts: SmtpOptions = {}): SmtpSender {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  const auth = url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined;
  const mustEncrypt = !secure && !!auth && !opts.allowInsecureAuth;
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    auth,
    requireTLS: mustEncrypt,
    tls: { servername: url.hostname, ...opts.tls },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      try {
        await transporter.sendMail({ from: m.from, to: m.to, subject: m.subject, text: m.text });
      } catch (e) {
        const err = e as Error & { code?: string };
        if (mustEncrypt && err.code === "ETLS") {
          throw new Error(
            `SMTP server ${url.host} offers no STARTTLS, so the password was not sent in clear (use smtps://, or set SMTP_ALLOW_INSECURE_AUTH=true): ${err.message}`,
            { cause: e },
          );
        }
        throw e;
      }
    },
  };
}
