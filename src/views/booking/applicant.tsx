import type { ComponentChildren } from 'preact';
import { DOCUMENT_TYPES, DOCUMENTS } from '../../domain/documents.js';
import type { Locale, Translator } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { HeldPlace } from '../../services/journey/held-place.js';
import type { ReviewRows } from '../../services/journey/review-rows.js';
import { CsrfField } from '../components/csrf-field.js';
import {
  Checkbox,
  ErrorSummary,
  type FormState,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form.js';
import { HoldNotice, JourneyPage, RadioGroup, SummaryList } from './parts.js';

function HeldBox({ t, held }: { t: Translator; held: HeldPlace }) {
  return (
    <div class="held-box">
      <p class="held-title">{t('journey.held.title')}</p>
      <p>
        <strong>{held.when}</strong>
      </p>
      <p>{held.procedure}</p>
      <p>{`${held.channel} – ${held.place}`}</p>
    </div>
  );
}

const dataHref = (holdId: string) => `/reservar/datos?reserva=${encodeURIComponent(holdId)}`;
const consentHref = (holdId: string) => `/reservar/consentimiento?reserva=${encodeURIComponent(holdId)}`;

function HoldForm({
  action,
  holdId,
  csrf,
  children,
}: {
  action: string;
  holdId: string;
  csrf: string;
  children: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={`${action}?reserva=${encodeURIComponent(holdId)}`}
      class="journey-form"
      novalidate
    >
      <CsrfField token={csrf} />
      {children}
    </form>
  );
}

/** Step 6: the applicant's data, asked only now that the place is held. */
export function DataPage({
  locale,
  held,
  state,
  csrf,
  back,
  reservedNit,
}: {
  locale: Locale;
  held: HeldPlace;
  state: FormState;
  csrf: string;
  back: string;
  /** The NIT (with check digit) a deadline-day place was held for: only that NIT can confirm it. */
  reservedNit?: string | undefined;
}) {
  const t = translator(locale);
  const en = locale === 'en';
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.data.title')}
      path={dataHref(held.holdId)}
      step={6}
      back={back}
    >
      <ErrorSummary t={t} state={state} />
      <HeldBox t={t} held={held} />
      {reservedNit ? (
        <div class="notice">
          <p>{t('deadlineNit.held', { nit: reservedNit })}</p>
        </div>
      ) : null}
      <HoldNotice t={t} locale={locale} expiresAt={held.expiresAt} secondsLeft={held.secondsLeft} />
      <HoldForm action="/reservar/datos" holdId={held.holdId} csrf={csrf}>
        <RadioGroup
          t={t}
          state={state}
          name="applicant.personType"
          legend={t('journey.data.personType')}
          options={[
            { value: 'natural', label: t('journey.data.natural'), hint: t('journey.data.naturalHint') },
            { value: 'juridica', label: t('journey.data.juridica'), hint: t('journey.data.juridicaHint') },
          ]}
        />
        <fieldset class="fieldset juridica-fields">
          <legend class="legend">{t('journey.data.company')}</legend>
          <div class="hint">{t('journey.data.companyHint')}</div>
          <TextField
            t={t}
            state={state}
            name="applicant.nit"
            label={t('journey.data.nit')}
            hint={t('journey.data.nitHint')}
            width="medium"
            inputMode="text"
            spellcheck={false}
          />
          <TextField
            t={t}
            state={state}
            name="applicant.companyName"
            label={t('journey.data.companyName')}
            autocomplete="organization"
          />
        </fieldset>
        <SelectField
          t={t}
          state={state}
          name="applicant.documentType"
          label={t('journey.data.documentType')}
          hint={t('journey.data.documentTypeHint')}
          placeholder={t('journey.place.choose')}
          options={DOCUMENT_TYPES.map((d) => ({
            value: d,
            label: en ? DOCUMENTS[d].nameEn : DOCUMENTS[d].nameEs,
          }))}
        />
        <TextField
          t={t}
          state={state}
          name="applicant.documentNumber"
          label={t('journey.data.documentNumber')}
          hint={t('journey.data.documentNumberHint')}
          width="medium"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={state}
          name="applicant.firstName"
          label={t('journey.data.firstName')}
          autocomplete="given-name"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={state}
          name="applicant.lastName"
          label={t('journey.data.lastName')}
          autocomplete="family-name"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={state}
          name="applicant.email"
          type="email"
          label={t('journey.data.email')}
          hint={t('journey.data.emailHint')}
          autocomplete="email"
          spellcheck={false}
        />
        <TextField
          t={t}
          state={state}
          name="applicant.phone"
          type="tel"
          label={t('journey.data.phone')}
          hint={t('journey.data.phoneHint')}
          autocomplete="tel"
          width="medium"
        />
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </HoldForm>
    </JourneyPage>
  );
}

/** Step 7: consent to the personal-data policy in force (its version is recorded). */
export function ConsentPage({
  locale,
  held,
  state,
  csrf,
  policyVersion,
}: {
  locale: Locale;
  held: HeldPlace;
  state: FormState;
  csrf: string;
  policyVersion: string;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.consent.title')}
      path={consentHref(held.holdId)}
      step={7}
      back={dataHref(held.holdId)}
    >
      <ErrorSummary t={t} state={state} />
      <HoldNotice t={t} locale={locale} expiresAt={held.expiresAt} secondsLeft={held.secondsLeft} />
      <p>{t('journey.consent.lead')}</p>
      <ul>
        <li>{t('journey.consent.purpose1')}</li>
        <li>{t('journey.consent.purpose2')}</li>
        <li>{t('journey.consent.purpose3')}</li>
      </ul>
      <p>
        <a href="/privacidad">{t('journey.consent.policyLink', { version: policyVersion })}</a>
      </p>
      <HoldForm action="/reservar/consentimiento" holdId={held.holdId} csrf={csrf}>
        <input type="hidden" name="consent.policyVersion" value={policyVersion} />
        <Checkbox
          t={t}
          state={state}
          name="consent.accepted"
          label={t('journey.consent.accept', { version: policyVersion })}
        />
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </HoldForm>
    </JourneyPage>
  );
}

/** Step 8: "Revise su solicitud", every answer with its change link, then confirm. */
export function ReviewPage({
  locale,
  held,
  rows,
  state,
  csrf,
}: {
  locale: Locale;
  held: HeldPlace;
  rows: ReviewRows;
  state: FormState;
  csrf: string;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.review.title')}
      path={`/reservar/revisar?reserva=${encodeURIComponent(held.holdId)}`}
      step={8}
      back={consentHref(held.holdId)}
    >
      <ErrorSummary t={t} state={state} />
      <HoldNotice t={t} locale={locale} expiresAt={held.expiresAt} secondsLeft={held.secondsLeft} />
      <h2>{t('journey.review.appointment')}</h2>
      <SummaryList rows={rows.booking} />
      <h2>{t('journey.review.person')}</h2>
      <SummaryList rows={rows.person} />
      <HoldForm action="/reservar/confirmar" holdId={held.holdId} csrf={csrf}>
        <p>{t('journey.review.lead')}</p>
        <SubmitButton>{t('journey.review.confirm')}</SubmitButton>
      </HoldForm>
    </JourneyPage>
  );
}

/** The hold ran out (or never was this browser's): say so and start again. */
export function HoldGonePage({ locale, restart }: { locale: Locale; restart: string }) {
  const t = translator(locale);
  return (
    <JourneyPage locale={locale} t={t} title={t('journey.gone.title')} path="/reservar">
      <p>{t('booking.hold.expired')}</p>
      <p>
        <a class="button" href={restart}>
          {t('journey.gone.restart')}
        </a>
      </p>
    </JourneyPage>
  );
}
