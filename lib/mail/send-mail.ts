// The mail transport: every message is kept in the tenant's outbox (an ADMIN can read it in settings);
// when SMTP_URL is configured it is also sent by SMTP and marked sent or failed. Without SMTP the
// development log shows it, so a reset link is never lost on a fresh installation.
import { eq } from "drizzle-orm";
import { mailOutbox } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { sendSmtp } from "./smtp";

const log = childLogger("mail");

export interface MailMessage {
  tenantId: string | null;
  to: string;
  subject: string;
  body: string;
}

export interface MailTransport {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/** The SMTP transport when SMTP_URL is set, else null (outbox only). */
export function configuredTransport(): MailTransport | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  return { send: (m) => sendSmtp(url, m) };
}

export async function sendMail(db: Database, message: MailMessage, transport: MailTransport | null = configuredTransport()): Promise<{ id: string; sent: boolean }> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ tenantId: message.tenantId, to: message.to, subject: message.subject, body: message.body })
    .returning({ id: mailOutbox.id });
  if (!transport) {
    if (!env().isProduction) log.info({ to: message.to, subject: message.subject }, `mail kept in the outbox (no SMTP_URL):\n${message.body}`);
    return { id: row.id, sent: false };
  }
  try {
    await transport.send({ from: env().MAIL_FROM, to: message.to, subject: message.subject, text: message.body });
    await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row.id));
    return { id: row.id, sent: true };
  } catch (e) {
    log.warn({ err: (e as Error).message, to: message.to }, "SMTP delivery failed; the message stays in the outbox");
    await db.update(mailOutbox).set({ error: (e as Error).message.slice(0, 500) }).where(eq(mailOutbox.id, row.id));
    return { id: row.id, sent: false };
  }
}
