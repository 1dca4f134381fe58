import { Type } from 'typebox';
import { notFound } from '../../domain/errors.js';
import { getMailboxMessage, listMailbox } from '../../services/mail/mailbox.js';
import { MailboxListPage, MailboxMessagePage } from '../../views/pages/dev-mailbox.js';
import { sendPage } from '../page.js';
import type { App } from '../types.js';

// Bounded so a huge number is a 400, not a query the database refuses.
const ID = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const Id = Type.Object({ id: ID });

/**
 * The local mailbox (`/dev/mailbox`): messages kept in the database when no SMTP_URL is set. Registered
 * only outside production and without SMTP (see `buildApp`): it shows personal data to anyone who asks.
 */
export async function devMailboxRoutes(app: App): Promise<void> {
  const db = () => app.deps.database.db;
  const message = async (id: number) => {
    const found = await getMailboxMessage(db(), id);
    if (!found) throw notFound();
    return found;
  };

  app.get('/dev/mailbox', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, MailboxListPage({ locale: request.locale, entries: await listMailbox(db()) })),
  );

  app.get('/dev/mailbox/:id', { schema: { hide: true, params: Id } }, async (request, reply) =>
    sendPage(
      reply,
      MailboxMessagePage({ locale: request.locale, message: await message(request.params.id) }),
    ),
  );

  // The e-mail's own HTML, as a mail client would show it: no scripts, nothing loaded from anywhere.
  app.get('/dev/mailbox/:id/html', { schema: { hide: true, params: Id } }, async (request, reply) => {
    const found = await message(request.params.id);
    return reply
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      )
      .type('text/html; charset=utf-8')
      .send(found.html);
  });

  app.get(
    '/dev/mailbox/:id/attachments/:index',
    {
      schema: {
        hide: true,
        params: Type.Object({ id: ID, index: Type.Integer({ minimum: 0, maximum: 1000 }) }),
      },
    },
    async (request, reply) => {
      const found = await message(request.params.id);
      const attachment = found.attachments[request.params.index];
      if (!attachment) throw notFound();
      return reply
        .type(attachment.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${attachment.filename.replace(/["\\\r\n]/g, '_')}"`,
        )
        .send(attachment.content);
    },
  );
}
