import { type Locale, translator } from '../../i18n/index.js';
import type { MailboxEntry, MailboxMessage } from '../../services/mail/mailbox.js';
import { Layout } from '../layout.js';

const stamp = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

export function MailboxListPage({ locale, entries }: { locale: Locale; entries: MailboxEntry[] }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('devMailbox.title')} path="/dev/mailbox">
      <h1>{t('devMailbox.title')}</h1>
      <p>{t('devMailbox.lead')}</p>
      {entries.length === 0 ? (
        <p>{t('devMailbox.empty')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('devMailbox.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('devMailbox.when')}</th>
              <th scope="col">{t('devMailbox.to')}</th>
              <th scope="col">{t('devMailbox.subject')}</th>
              <th scope="col">{t('devMailbox.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr>
                <td>{stamp(e.createdAt)}</td>
                <td>{e.to}</td>
                <td>
                  <a href={`/dev/mailbox/${e.id}`}>{e.subject}</a>
                </td>
                <td>{e.kind}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function MailboxMessagePage({ locale, message }: { locale: Locale; message: MailboxMessage }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={message.subject} path={`/dev/mailbox/${message.id}`}>
      <p>
        <a href="/dev/mailbox">{t('devMailbox.back')}</a>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>{t('devMailbox.from')}</dt>
        <dd>{message.from}</dd>
        <dt>{t('devMailbox.to')}</dt>
        <dd>{message.to}</dd>
        <dt>{t('devMailbox.when')}</dt>
        <dd>{stamp(message.createdAt)}</dd>
        <dt>Message-ID</dt>
        <dd>{message.messageId}</dd>
        {Object.entries(message.headers).map(([name, value]) => (
          <>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <p>
        <a href={`/dev/mailbox/${message.id}/html`}>{t('devMailbox.html')}</a>
      </p>
      {message.attachments.length > 0 && (
        <>
          <h2>{t('devMailbox.attachments')}</h2>
          <ul>
            {message.attachments.map((a, i) => (
              <li>
                <a href={`/dev/mailbox/${message.id}/attachments/${i}`}>{a.filename}</a> ({a.contentType})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('devMailbox.text')}</h2>
      <pre class="mail-text">{message.text}</pre>
    </Layout>
  );
}
