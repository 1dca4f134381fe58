import { DOCUMENT_TYPES, DOCUMENTS } from '../../domain/documents.js';
import { PARTS_OF_DAY } from '../../domain/release.js';
import { formatCivilDate, formatWhen } from '../../i18n/format.js';
import { type Locale, type Translator, translator } from '../../i18n/index.js';
import type { ReleasePageView } from '../../services/journey/release-pages.js';
import { ProofOfWorkWidget } from '../booking/calendar.js';
import { RadioGroup } from '../booking/parts.js';
import { CsrfField } from '../components/csrf-field.js';
import {
  CheckboxGroup,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form.js';
import { Layout } from '../layout.js';
import { daysText, Facts, statusText, windowText } from './release-parts.js';
import { ReleaseVerify } from './release-verify.js';

interface ReleasePageProps {
  locale: Locale;
  release: ReleasePageView;
  /** The entry form's state (what was typed and its messages), while applications are open. */
  state: FormState;
  csrf: string;
  captcha: boolean;
  apiUrl: string;
}

/** The entry form: document, e-mail, optionally days and part of the day, and the proof-of-work. */
function EntryForm({ t, locale, p }: { t: Translator; locale: Locale; p: ReleasePageProps }) {
  const en = locale === 'en';
  return (
    <section aria-labelledby="entry-title">
      <h2 id="entry-title">{t('releasePages.form.title')}</h2>
      <p>{t('releasePages.form.lead')}</p>
      <form method="post" action={`/sorteos/${p.release.id}`} class="journey-form" novalidate>
        <CsrfField token={p.csrf} />
        <SelectField
          t={t}
          state={p.state}
          name="documentType"
          label={t('releasePages.form.documentType')}
          placeholder={t('releasePages.form.choose')}
          options={DOCUMENT_TYPES.map((d) => ({
            value: d,
            label: en ? DOCUMENTS[d].nameEn : DOCUMENTS[d].nameEs,
          }))}
        />
        <TextField
          t={t}
          state={p.state}
          name="documentNumber"
          label={t('releasePages.form.documentNumber')}
          width="medium"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={p.state}
          name="email"
          type="email"
          label={t('releasePages.form.email')}
          hint={t('releasePages.form.emailHint')}
          autocomplete="email"
          spellcheck={false}
        />
        {p.release.days.length > 1 ? (
          <CheckboxGroup
            t={t}
            state={p.state}
            name="dates"
            label={t('releasePages.form.dates')}
            hint={t('releasePages.form.datesHint')}
            options={p.release.days.map((d) => ({ value: d, label: formatCivilDate(d, locale) }))}
          />
        ) : null}
        <RadioGroup
          t={t}
          state={p.state}
          name="partOfDay"
          legend={t('releasePages.form.partOfDay')}
          options={[
            { value: '', label: t('releasePages.part.any') },
            ...PARTS_OF_DAY.map((part) => ({ value: part, label: t(`releasePages.part.${part}`) })),
          ]}
        />
        {p.captcha ? <ProofOfWorkWidget t={t} /> : null}
        <SubmitButton>{t('releasePages.form.submit')}</SubmitButton>
      </form>
    </section>
  );
}

/** /sorteos/{id}: the release, its entry form while open, and the evidence of its draw. */
export function ReleasePage(p: ReleasePageProps) {
  const t = translator(p.locale);
  const r = p.release;
  const title = t('releasePages.release.title', { procedure: r.procedureName });
  const message =
    r.status === 'upcoming'
      ? t('releasePages.release.upcoming', { opensAt: formatWhen(r.opensAt, p.locale) })
      : r.status === 'closed'
        ? t('releasePages.release.closed')
        : r.status === 'drawn'
          ? t('releasePages.release.drawn')
          : null;
  return (
    <Layout locale={p.locale} title={title} path={`/sorteos/${r.id}`} scripts={['journey.js']}>
      <ErrorSummary t={t} state={p.state} />
      <h1>{title}</h1>
      <Facts
        rows={[
          { key: t('releasePages.label.procedure'), value: r.procedureName },
          { key: t('releasePages.label.channel'), value: r.channelName },
          { key: t('releasePages.label.office'), value: r.officeName },
          { key: t('releasePages.label.days'), value: daysText(t, p.locale, r.from, r.to) },
          { key: t('releasePages.label.window'), value: windowText(t, p.locale, r.opensAt, r.closesAt) },
          { key: t('releasePages.label.status'), value: statusText(t, r.status) },
          { key: t('releasePages.label.places'), value: String(r.places) },
          r.entries === null ? null : { key: t('releasePages.label.entries'), value: String(r.entries) },
          r.status === 'drawn' ? { key: t('releasePages.label.claimed'), value: String(r.claimed) } : null,
        ]}
      />
      {message ? <p class="notice">{message}</p> : null}
      {r.status === 'open' ? <EntryForm t={t} locale={p.locale} p={p} /> : null}
      <ReleaseVerify t={t} release={r} apiUrl={p.apiUrl} />
    </Layout>
  );
}

/** After an application (Post/Redirect/Get): the link is in the mailbox, and until when it counts. */
export function ReleaseSentPage({ locale, release }: { locale: Locale; release: ReleasePageView }) {
  const t = translator(locale);
  return (
    <Layout locale={locale} title={t('releasePages.sent.title')} path={`/sorteos/${release.id}/enviada`}>
      <h1>{t('releasePages.sent.title')}</h1>
      <p>{t('releasePages.sent.body', { closesAt: formatWhen(release.closesAt, locale) })}</p>
      <p>{t('releasePages.sent.spam')}</p>
      <p>
        <a href={`/sorteos/${release.id}`}>{t('releasePages.sent.back')}</a>
      </p>
    </Layout>
  );
}
