// The mail transport: every message is kept in the tenant's outbox (an ADMIN can read it in settings);
// when SMTP_URL is configured it is also sent by SMTP and marked sent or failed. The outbox keeps a
// copy with the message's secrets (reset links) taken out: only the recipient ever gets them. Without
// SMTP the development log shows the message as sent, so a reset link still reaches the developer.
import { eq } from "drizzle-orm";
import { mailOutbox } from "@/lib/db/schema";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/logger";
import { createSmtpSender, type SmtpMessage } from "./smtp";

const log = childLogger("mail");

export const REDACTED = "[link removed: sent to the recipient only]";

export interface MailMessage {
  tenantId: string | null;
  to: string;
  subject: string;
  body: string;
  /** Parts of the body that must not be kept (reset links): the outbox stores them as REDACTED. */
  redact: string[];
}

export interface MailTransport {
  send(message: SmtpMessage): Promise<void>;
}

let override: MailTransport | null | undefined;
let cached: { url: string; transport: MailTransport } | undefined;

/** The SMTP transport when SMTP_URL is set, else null (outbox only). */
export function configuredTransport(): MailTransport | null {
  if (override !== undefined) return override;
  const { SMTP_URL, SMTP_ALLOW_INSECURE_AUTH } = env();
  if (!SMTP_URL) return null;
  if (cached?.url !== SMTP_URL) cached = { url: SMTP_URL, transport: createSmtpSender(SMTP_URL, { allowInsecureAuth: SMTP_ALLOW_INSECURE_AUTH }) };
  return cached.transport;
}

/** Tests: replace the configured transport (null: outbox only); `undefined` restores it. */
export function setMailTransport(transport: MailTransport | null | undefined) {
  override = transport;
}

/** The body as the outbox keeps it: every secret replaced, and any `token=` value as a safety net. */
export function outboxCopy(body: string, redact: string[]): string {
  let kept = body;
  for (const secret of redact) if (secret) kept = kept.split(secret).join(REDACTED);
  return kept.replace(/([?&]token=)[^\s&]+/gi, `$1${REDACTED}`);
}

export async function sendMail(db: Database, message: MailMessage, transport: MailTransport | null = configuredTransport()): Promise<{ id: string; sent: boolean }> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ tenantId: message.tenantId, to: message.to, subject: message.subject, body: outboxCopy(message.body, message.redact) })
    .returning({ id: mailOutbox.id });
  if (!transport) {
    if (!env().isProduction) log.info({ to: message.to, subject: message.subject }, `mail not sent (no SMTP_URL); development copy:\n${message.body}`);
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
