interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text content (calendar files); sent as is, with its charset in `contentType`. */
  content: string;
}

/** An e-mail as the product composes it: both a plain-text and an HTML body, in the person's language. */
export interface OutgoingMail {
  /** What the message is (`appointment-confirmed`, `alert-offer`, …), for the mailbox and the ledger. */
  kind: string;
  locale: 'es' | 'en';
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  headers?: Record<string, string>;
}

/** A composed e-mail ready for a transport: with its sender and its stable Message-ID. */
export interface PreparedMail extends OutgoingMail {
  /** The idempotency key of the delivery (see `deliver.ts`). */
  key: string;
  from: string;
  messageId: string;
  /** When it was sent, by the app's clock (the `Date:` header and the mailbox's time). */
  date: Date;
}
