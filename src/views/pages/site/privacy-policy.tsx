import { BOOKING_PURPOSES, POLICY_EFFECTIVE_DATE, POLICY_VERSION } from '../../../domain/privacy-policy.js';
import { type Locale, type MessageKey, translator } from '../../../i18n/index.js';
import { CONTACT_KEYS } from '../../../services/catalogue/site-texts.js';
import { Layout } from '../../layout.js';
import { useSiteTexts } from '../../site-texts-context.js';

const RIGHTS = ['know', 'proof', 'use', 'complain', 'revoke', 'free'] as const;

/** A civil date `YYYY-MM-DD` in words, in the page's language (no time zone involved). */
function longDate(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-CO' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

export function PrivacyPolicyPage({ locale, retentionMonths }: { locale: Locale; retentionMonths: number }) {
  const t = translator(locale);
  const texts = useSiteTexts(locale);
  return (
    <Layout locale={locale} title={t('policy.title')} path="/privacidad">
      <h1>{t('policy.title')}</h1>
      <p class="policy-version">
        {t('policy.version', { version: POLICY_VERSION, date: longDate(POLICY_EFFECTIVE_DATE, locale) })}
      </p>
      <p class="lead">{t('policy.intro')}</p>
      <h2>{t('policy.controller.title')}</h2>
      <p>{t('policy.controller.body', { authority: t('app.authority') })}</p>
      <ul class="contact-list">
        {CONTACT_KEYS.filter((k) => k !== 'contacto.sede').map((key) => (
          <li>{texts.get(key)}</li>
        ))}
      </ul>
      <h2>{t('policy.data.title')}</h2>
      <p>{t('policy.data.body')}</p>
      <h2>{t('policy.purposes.title')}</h2>
      <ul>
        {BOOKING_PURPOSES.map((p) => (
          <li>{t(`policy.purpose.${p}` as MessageKey)}</li>
        ))}
      </ul>
      <h2>{t('policy.consent.title')}</h2>
      <p>{t('policy.consent.body')}</p>
      <h2>{t('policy.rights.title')}</h2>
      <ul>
        {RIGHTS.map((r) => (
          <li>{t(`policy.right.${r}`)}</li>
        ))}
      </ul>
      <h2>{t('policy.requests.title')}</h2>
      <p>{t('policy.requests.body')}</p>
      <p>
        <a class="button button-secondary" href="/mis-datos">
          {t('policy.requests.link')}
        </a>
      </p>
      <p>{t('policy.requests.times')}</p>
      <h2>{t('policy.retention.title')}</h2>
      <p>{t('policy.retention.body', { months: retentionMonths })}</p>
      <h2>{t('policy.security.title')}</h2>
      <p>{t('policy.security.body')}</p>
    </Layout>
  );
}
