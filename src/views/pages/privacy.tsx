import type { ComponentChildren } from 'preact';
import { formatWhen } from '../../i18n/format.js';
import { type Locale, type Translator, translator } from '../../i18n/index.js';
import type { SubjectData } from '../../services/privacy/data-subject.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SubmitButton, TextField } from '../components/form.js';
import { Layout } from '../layout.js';

/**
 * The data subject's pages (Ley 1581 de 2012): ask for a link, see the data behind it, correct the
 * contact details, and delete everything after a confirmation step. The token lives only in the path
 * of these pages; nothing on them links elsewhere with it.
 */

export const DATA_PATH = '/mis-datos';
export const accessPath = (token: string) => `${DATA_PATH}/acceso/${encodeURIComponent(token)}`;

export function RequestPage({ locale, state, csrf }: { locale: Locale; state: FormState; csrf: string }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('privacy.request.title')} path={DATA_PATH}>
      <ErrorSummary t={t} state={state} />
      <h1>{t('privacy.request.title')}</h1>
      <p class="lead">{t('privacy.request.lead')}</p>
      <form method="post" action={DATA_PATH} novalidate>
        <CsrfField token={csrf} />
        <TextField
          t={t}
          state={state}
          name="documentNumber"
          label={t('privacy.request.document')}
          autocomplete="off"
          width="medium"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={state}
          name="email"
          type="email"
          label={t('privacy.request.email')}
          autocomplete="email"
          spellcheck={false}
        />
        <SubmitButton>{t('privacy.request.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** A page that only says something: the title and paragraph of `<texts>.title` and `<texts>.body`. */
function MessagePage({
  locale,
  texts,
  path,
  children,
}: {
  locale: Locale;
  texts: string;
  path: string;
  children?: ComponentChildren;
}) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t(`${texts}.title`)} path={path}>
      <h1>{t(`${texts}.title`)}</h1>
      <p>{t(`${texts}.body`)}</p>
      {children}
    </Layout>
  );
}

export function SentPage({ locale }: { locale: Locale }) {
  return <MessagePage locale={locale} texts="privacy.request.sent" path={`${DATA_PATH}/enviado`} />;
}

export function InvalidLinkPage({ locale }: { locale: Locale }) {
  return (
    <MessagePage locale={locale} texts="privacy.view.invalid" path={DATA_PATH}>
      <p>
        <a href={DATA_PATH}>{translator(locale)('privacy.request.again')}</a>
      </p>
    </MessagePage>
  );
}

function statusLabel(t: Translator, status: SubjectData['appointments'][number]['status']): string {
  return t(`privacy.status.${status}`);
}

function People({ t, data }: { t: Translator; data: SubjectData }) {
  if (data.applicants.length === 0) return <p>{t('privacy.view.emptyPeople')}</p>;
  // One person may have booked several times with the same data: show each distinct record once.
  const seen = new Set<string>();
  const records = data.applicants.filter((a) => {
    const key = JSON.stringify([a.documentType, a.documentNumber, a.firstName, a.lastName, a.email, a.phone]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <>
      {records.map((a) => (
        <dl class="facts">
          <dt>{t('privacy.column.name')}</dt>
          <dd>{`${a.firstName} ${a.lastName}`}</dd>
          <dt>{t('privacy.column.document')}</dt>
          <dd>{`${a.documentType} ${a.documentNumber}`}</dd>
          <dt>{t('privacy.column.email')}</dt>
          <dd>{a.email}</dd>
          <dt>{t('privacy.column.phone')}</dt>
          <dd>{a.phone}</dd>
          {a.companyName ? (
            <dd class="company">{t('privacy.view.company', { name: a.companyName })}</dd>
          ) : null}
        </dl>
      ))}
    </>
  );
}

function Appointments({ t, locale, data }: { t: Translator; locale: Locale; data: SubjectData }) {
  if (data.appointments.length === 0) return <p>{t('privacy.view.emptyAppointments')}</p>;
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{t('privacy.column.code')}</th>
            <th scope="col">{t('privacy.column.procedure')}</th>
            <th scope="col">{t('privacy.column.date')}</th>
            <th scope="col">{t('privacy.column.channel')}</th>
            <th scope="col">{t('privacy.column.office')}</th>
            <th scope="col">{t('privacy.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.appointments.map((a) => (
            <tr>
              <td>
                <code>{a.code}</code>
              </td>
              <td>{a.procedureName}</td>
              <td>{formatWhen(a.startsAt, locale)}</td>
              <td>{a.channelName}</td>
              <td>{a.officeName ?? '—'}</td>
              <td>{statusLabel(t, a.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Consents({ t, locale, data }: { t: Translator; locale: Locale; data: SubjectData }) {
  return (
    <ul>
      {data.consents.map((c) => (
        <li>
          {t('privacy.view.consent', {
            version: c.policyVersion,
            date: formatWhen(c.acceptedAt, locale),
            channel: t(`privacy.consent.channel.${c.channel}`),
            purposes: c.purposes.map((p) => t(`privacy.purpose.${p}`)).join(', '),
          })}
        </li>
      ))}
    </ul>
  );
}

export function DataPage({
  locale,
  token,
  data,
  rectify,
  csrf,
  notice,
}: {
  locale: Locale;
  token: string;
  data: SubjectData;
  rectify: FormState;
  csrf: string;
  notice?: string | undefined;
}) {
  const t = translator(locale);
  const path = accessPath(token);
  const canRectify = data.applicants.length > 0;
  return (
    <Layout locale={locale} title={t('privacy.view.title')} path={path}>
      <ErrorSummary t={t} state={rectify} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>{t('privacy.view.title')}</h1>
      <p class="lead">{t('privacy.view.lead')}</p>

      <h2>{t('privacy.view.people')}</h2>
      <People t={t} data={data} />
      <p>{t('privacy.view.noneName')}</p>

      <h2>{t('privacy.view.appointments')}</h2>
      <Appointments t={t} locale={locale} data={data} />

      <h2>{t('privacy.view.consents')}</h2>
      <Consents t={t} locale={locale} data={data} />

      <p>{t('privacy.view.rights')}</p>

      {canRectify ? (
        <section aria-labelledby="rectify-title">
          <h2 id="rectify-title">{t('privacy.rectify.title')}</h2>
          <p>{t('privacy.rectify.lead')}</p>
          <form method="post" action={`${path}/corregir`} novalidate>
            <CsrfField token={csrf} />
            <TextField
              t={t}
              state={rectify}
              name="email"
              type="email"
              label={t('privacy.rectify.email')}
              autocomplete="email"
              spellcheck={false}
            />
            <TextField
              t={t}
              state={rectify}
              name="phone"
              type="tel"
              label={t('privacy.rectify.phone')}
              autocomplete="tel"
              width="medium"
            />
            <SubmitButton variant="secondary">{t('privacy.rectify.submit')}</SubmitButton>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">{t('privacy.delete.title')}</h2>
        <p>{t('privacy.delete.lead')}</p>
        <p>
          <a class="button button-warning" href={`${path}/eliminar`}>
            {t('privacy.delete.start')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function DeleteConfirmPage({
  locale,
  token,
  futureAppointments,
  csrf,
}: {
  locale: Locale;
  token: string;
  futureAppointments: number;
  csrf: string;
}) {
  const t = translator(locale);
  const path = accessPath(token);
  return (
    <Layout locale={locale} title={t('privacy.delete.confirm.title')} path={`${path}/eliminar`}>
      <h1>{t('privacy.delete.confirm.title')}</h1>
      <p>{t('privacy.delete.warning')}</p>
      <p>{t('privacy.delete.future', { count: futureAppointments })}</p>
      <form method="post" action={`${path}/eliminar`}>
        <CsrfField token={csrf} />
        <SubmitButton variant="warning">{t('privacy.delete.submit')}</SubmitButton>
      </form>
      <p>
        <a href={path}>{t('privacy.delete.back')}</a>
      </p>
    </Layout>
  );
}

export function DeletedPage({ locale }: { locale: Locale }) {
  return <MessagePage locale={locale} texts="privacy.delete.done" path={`${DATA_PATH}/eliminados`} />;
}
