import type { ComponentChildren } from 'preact';
import { type Locale, type Translator, translator } from '../../i18n/index.js';
import type { SubscriptionSummary } from '../../services/alerts/describe.js';
import type { AlertFormOptions } from '../../services/alerts/form-options.js';
import type { OfferView } from '../../services/alerts/offer-view.js';
import { Layout } from '../layout.js';

export interface AlertFormValues {
  procedure?: string;
  channel?: string;
  office?: string;
  city?: string;
  from?: string;
  to?: string;
  email?: string;
}

interface FormMessage {
  field: string;
  message: string;
}

/** The anti-forgery field, when the site's CSRF protection is on (its field name is `_csrf`). */
function CsrfInput({ token }: { token?: string | undefined }) {
  return token ? <input type="hidden" name="_csrf" value={token} /> : null;
}

function fieldError(errors: readonly FormMessage[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={error ? 'form-group form-group-error' : 'form-group'}>
      <label class="label" for={id}>
        {label}
      </label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function ErrorSummary({ t, errors }: { t: Translator; errors: readonly FormMessage[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('alerts.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li>{e.field === '' ? e.message : <a href={`#${e.field}`}>{e.message}</a>}</li>
        ))}
      </ul>
    </div>
  );
}

export function AlertFormPage({
  locale,
  options,
  values,
  errors = [],
  claimMinutes,
  csrf,
}: {
  locale: Locale;
  options: AlertFormOptions;
  values: AlertFormValues;
  errors?: readonly FormMessage[];
  claimMinutes: number;
  csrf?: string | undefined;
}) {
  const t = translator(locale);
  const err = (f: string) => fieldError(errors, f);
  return (
    <Layout locale={locale} title={t('alerts.title')} path="/alertas">
      <ErrorSummary t={t} errors={errors} />
      <h1>{t('alerts.title')}</h1>
      <p class="lead">{t('alerts.lead')}</p>
      <form method="post" action="/alertas" novalidate>
        <CsrfInput token={csrf} />
        <Field id="procedure" label={t('alerts.field.procedure')} error={err('procedure')}>
          <select
            id="procedure"
            name="procedure"
            aria-invalid={err('procedure') ? 'true' : undefined}
            aria-describedby={describedBy('procedure', false, !!err('procedure'))}
          >
            <option value="">{t('alerts.field.procedure.choose')}</option>
            {options.procedures.map((p) => (
              <option value={p.code} selected={values.procedure === p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <div class={err('channel') ? 'form-group form-group-error' : 'form-group'}>
          <fieldset class="fieldset" aria-describedby={err('channel') ? 'channel-error' : undefined}>
            <legend class="label">{t('alerts.field.channel')}</legend>
            {err('channel') && (
              <p class="error-message" id="channel-error">
                {err('channel')}
              </p>
            )}
            {options.channels.map((c, i) => (
              <div class="radio">
                <input
                  type="radio"
                  id={i === 0 ? 'channel' : `channel-${c.code}`}
                  name="channel"
                  value={c.code}
                  checked={values.channel === c.code}
                />
                <label for={i === 0 ? 'channel' : `channel-${c.code}`}>{c.name}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <p class="hint" id="place-hint">
          {t('alerts.field.place.hint')}
        </p>
        <Field id="office" label={t('alerts.field.office')} error={err('office')}>
          <select
            id="office"
            name="office"
            aria-invalid={err('office') ? 'true' : undefined}
            aria-describedby={['place-hint', err('office') ? 'office-error' : ''].filter(Boolean).join(' ')}
          >
            <option value="">{t('alerts.field.office.any')}</option>
            {options.offices.map((o) => (
              <option value={o.code} selected={values.office === o.code}>
                {`${o.city} – ${o.name}`}
              </option>
            ))}
          </select>
        </Field>
        <Field id="city" label={t('alerts.field.city')} error={err('city')}>
          <select
            id="city"
            name="city"
            aria-invalid={err('city') ? 'true' : undefined}
            aria-describedby={['place-hint', err('city') ? 'city-error' : ''].filter(Boolean).join(' ')}
          >
            <option value="">{t('alerts.field.city.any')}</option>
            {options.cities.map((c) => (
              <option value={c.code} selected={values.city === c.code}>
                {`${c.name} (${c.department})`}
              </option>
            ))}
          </select>
        </Field>
        <fieldset class="fieldset" aria-describedby="dates-hint">
          <legend class="label">{t('alerts.field.dates.legend')}</legend>
          <p class="hint" id="dates-hint">
            {t('alerts.field.dates.hint')}
          </p>
          {(['from', 'to'] as const).map((f) => (
            <Field id={f} label={t(`alerts.field.${f}`)} error={err(f)}>
              <input
                type="date"
                id={f}
                name={f}
                value={values[f] ?? ''}
                aria-invalid={err(f) ? 'true' : undefined}
                aria-describedby={describedBy(f, false, !!err(f))}
              />
            </Field>
          ))}
        </fieldset>
        <Field
          id="email"
          label={t('alerts.field.email')}
          hint={t('alerts.field.email.hint')}
          error={err('email')}
        >
          <input
            type="email"
            id="email"
            name="email"
            autocomplete="email"
            spellcheck={false}
            value={values.email ?? ''}
            aria-invalid={err('email') ? 'true' : undefined}
            aria-describedby={describedBy('email', true, !!err('email'))}
          />
        </Field>
        <button type="submit" class="button">
          {t('alerts.submit')}
        </button>
      </form>
      <h2>{t('alerts.how.title')}</h2>
      <ul>
        <li>{t('alerts.how.confirm')}</li>
        <li>{t('alerts.how.order', { minutes: claimMinutes })}</li>
        <li>{t('alerts.how.claim')}</li>
        <li>{t('alerts.how.end')}</li>
        <li>{t('alerts.how.data')}</li>
      </ul>
    </Layout>
  );
}

function Summary({ t, summary }: { t: Translator; summary: SubscriptionSummary }) {
  return (
    <dl class="summary-list">
      <dt>{t('alerts.summary.procedure')}</dt>
      <dd>{summary.procedure}</dd>
      <dt>{t('alerts.summary.channel')}</dt>
      <dd>{summary.channel}</dd>
      <dt>{t('alerts.summary.place')}</dt>
      <dd>{summary.place}</dd>
      <dt>{t('alerts.summary.dates')}</dt>
      <dd>{t('alerts.summary.datesValue', { from: summary.from, to: summary.to })}</dd>
    </dl>
  );
}

function Simple({
  locale,
  title,
  path,
  children,
}: {
  locale: Locale;
  title: string;
  path: string;
  children: ComponentChildren;
}) {
  return (
    <Layout locale={locale} title={title} path={path}>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function AlertSentPage({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <Simple locale={locale} title={t('alerts.sent.title')} path="/alertas/enviada">
      <p>{t('alerts.sent.body')}</p>
      <p>{t('alerts.sent.spam')}</p>
      <p>
        <a href="/">{t('alerts.home')}</a>
      </p>
    </Simple>
  );
}

/** The pages behind the links of an alert's e-mails: in the e-mail's language, about one subscription. */
interface LinkPageProps<S extends string> {
  locale: Locale;
  path: string;
  status: S;
  summary: SubscriptionSummary;
  csrf?: string | undefined;
}

/** The one button of a link's page: a POST to the page's own address. */
function ButtonForm({
  path,
  csrf,
  label,
  warning = false,
}: {
  path: string;
  csrf: string | undefined;
  label: string;
  warning?: boolean;
}) {
  return (
    <form method="post" action={path}>
      <CsrfInput token={csrf} />
      <button type="submit" class={warning ? 'button button-warning' : 'button'}>
        {label}
      </button>
    </form>
  );
}

/** The page behind the confirmation link: a button (a GET changes nothing: mail scanners open links). */
export function AlertConfirmPage({
  locale,
  path,
  status,
  summary,
  csrf,
}: LinkPageProps<'pending' | 'active' | 'closed'>) {
  const t = translator(locale);
  const title =
    status === 'pending'
      ? t('alerts.confirm.title')
      : status === 'active'
        ? t('alerts.confirmed.title')
        : t('alerts.closed.title');
  return (
    <Simple locale={locale} title={title} path={path}>
      <Summary t={t} summary={summary} />
      {status === 'pending' && <ButtonForm path={path} csrf={csrf} label={t('alerts.confirm.button')} />}
      {status === 'active' && <p>{t('alerts.confirmed.body')}</p>}
      {status === 'closed' && (
        <p>
          {t('alerts.closed.body')} <a href="/alertas">{t('alerts.newAlert')}</a>
        </p>
      )}
    </Simple>
  );
}

export function AlertUnsubscribePage({
  locale,
  path,
  status,
  summary,
  csrf,
}: LinkPageProps<'open' | 'unsubscribed' | 'closed'>) {
  const t = translator(locale);
  const title =
    status === 'open'
      ? t('alerts.unsubscribe.title')
      : status === 'unsubscribed'
        ? t('alerts.unsubscribed.title')
        : t('alerts.unsubscribedAlready.title');
  return (
    <Simple locale={locale} title={title} path={path}>
      <Summary t={t} summary={summary} />
      {status === 'open' ? (
        <>
          <p>{t('alerts.unsubscribe.body')}</p>
          <ButtonForm path={path} csrf={csrf} label={t('alerts.unsubscribe.button')} warning />
        </>
      ) : (
        status === 'unsubscribed' && <p>{t('alerts.unsubscribed.body')}</p>
      )}
    </Simple>
  );
}

export function AlertOfferPage({
  path,
  offer,
  claimed,
  csrf,
}: {
  path: string;
  offer: OfferView;
  csrf?: string | undefined;
  /** Where to continue and until when, once this person took the place. */
  claimed?: { continueHref: string; until: string } | undefined;
}) {
  const t = translator(offer.locale);
  const title = claimed
    ? t('alerts.claimed.title')
    : offer.state === 'open'
      ? t('alerts.offer.title')
      : t('alerts.offer.gone.title');
  return (
    <Simple locale={offer.locale} title={title} path={path}>
      <dl class="summary-list">
        <dt>{t('alerts.summary.procedure')}</dt>
        <dd>{offer.procedure}</dd>
        <dt>{t('alerts.offer.when')}</dt>
        <dd>{offer.when}</dd>
        <dt>{t('alerts.summary.channel')}</dt>
        <dd>{offer.channel}</dd>
        <dt>{t('alerts.summary.place')}</dt>
        <dd>{offer.place}</dd>
      </dl>
      {claimed ? (
        <>
          <p>{t('alerts.claimed.body', { until: claimed.until })}</p>
          <p>
            <a class="button" href={claimed.continueHref}>
              {t('alerts.claimed.continue')}
            </a>
          </p>
        </>
      ) : offer.state === 'open' ? (
        <>
          <p>{t('alerts.offer.until', { until: offer.until })}</p>
          <ButtonForm path={path} csrf={csrf} label={t('alerts.offer.button')} />
        </>
      ) : (
        <p>{t('alerts.offer.gone.body')}</p>
      )}
    </Simple>
  );
}
