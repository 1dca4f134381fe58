import type { Kysely } from 'kysely';
import { createTransport } from 'nodemailer';
import type { DB, MailTransportKind } from '../../db/schema.js';
import type { PreparedMail } from '../../domain/mail.js';
import { insertMailboxMessage } from '../../repositories/mail.js';

/**
 * Where e-mail goes: an SMTP server (`SMTP_URL`), or, without one, the local mailbox table that
 * `/dev/mailbox` shows in development.
 */
export interface MailTransport {
  kind: MailTransportKind;
  /**
   * SMTP: hands the message to the server and resolves once the server accepted it (250 after DATA).
   * Mailbox: stores it through `db`, the caller's transaction.
   */
  send(db: Kysely<DB>, mail: PreparedMail): Promise<void>;
  close(): void;
}

/** Time-outs well below the job lease (JOB_LEASE_SECONDS, 300 by default): a slow server fails the try. */
const SMTP_TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport({
    url,
    pool: true,
    maxConnections: 2,
    ...SMTP_TIMEOUTS,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: 'smtp',
    async send(_db, mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        date: mail.date,
        headers: { 'Auto-Submitted': 'auto-generated', ...mail.headers },
        attachments: (mail.attachments ?? []).map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
    },
    close: () => transporter.close(),
  };
}

export function mailboxTransport(): MailTransport {
  return {
    kind: 'mailbox',
    send: (db, mail) => insertMailboxMessage(db, mail),
    close: () => undefined,
  };
}

export function createMailTransport(config: { smtpUrl: string | undefined }): MailTransport {
  return config.smtpUrl ? smtpTransport(config.smtpUrl) : mailboxTransport();
}
