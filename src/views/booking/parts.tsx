import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../domain/errors.js';
import { formatTime } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/index.js';
import { type Criteria, hiddenCriteria } from '../../services/journey/criteria.js';
import { type FormState, fieldId, fieldValue } from '../components/form.js';
import { Layout } from '../layout.js';

interface JourneyPageProps {
  locale: Locale;
  title: string;
  path: string;
  /** Where "Volver" goes: the previous step, as a plain link (the browser's back button works too). */
  back?: string | undefined;
  /** "Paso n de 8" above the heading. */
  step?: number | undefined;
  t: Translator;
  children: ComponentChildren;
}

export const STEPS = 8;

export function JourneyPage({ locale, title, path, back, step, t, children }: JourneyPageProps) {
  return (
    <Layout locale={locale} title={title} path={path} scripts={['journey.js']}>
      {back ? (
        <p class="back-link-wrap">
          <a class="back-link" href={back}>
            {t('journey.back')}
          </a>
        </p>
      ) : null}
      {step ? <p class="journey-step">{t('journey.step', { n: step, total: STEPS })}</p> : null}
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}

export function Hidden({
  criteria,
  except = [],
}: {
  criteria: Criteria;
  except?: readonly (keyof Criteria)[];
}) {
  return (
    <>
      {hiddenCriteria(criteria, except).map((h) => (
        <input type="hidden" name={h.name} value={h.value} />
      ))}
    </>
  );
}

/** A field's message, under its label: what is wrong, said to screen readers as an error. */
export function FieldMessage({ t, id, error }: { t: Translator; id: string; error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">Error: </span>
      {t(error.key, error.params)}
    </p>
  );
}

interface RadioOption {
  value: string;
  label: string;
  hint?: string | undefined;
}

/** A question with radio buttons in a fieldset (arrow keys move between them); the first carries the field id. */
export function RadioGroup({
  t,
  state,
  name,
  legend,
  hint,
  options,
  headingLegend = false,
}: {
  t: Translator;
  state: FormState;
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly RadioOption[];
  headingLegend?: boolean;
}) {
  const id = fieldId(name);
  const error = state.errors.find((e) => e.field === name);
  const current = fieldValue(state, name);
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={described || undefined}>
        <legend class={headingLegend ? 'legend legend-heading' : 'legend'}>{legend}</legend>
        {hint ? (
          <div class="hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        <FieldMessage t={t} id={id} error={error} />
        <div class="radios">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="radio">
                <input
                  class="radio-input"
                  id={optionId}
                  name={name}
                  type="radio"
                  value={o.value}
                  checked={o.value === current}
                  aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                />
                <label class="radio-label" for={optionId}>
                  {o.label}
                </label>
                {o.hint ? (
                  <div class="hint radio-hint" id={`${optionId}-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/**
 * The held place's expiry: always as a time in text; the script adds a live countdown from the seconds
 * left by the server's clock (so a wrong clock on the phone does not matter).
 */
export function HoldNotice({
  t,
  locale,
  expiresAt,
  secondsLeft,
}: {
  t: Translator;
  locale: Locale;
  expiresAt: Date;
  secondsLeft: number;
}) {
  return (
    <div class="hold-notice">
      <p>{t('journey.hold.until', { time: formatTime(expiresAt, locale) })}</p>
      <p
        class="hold-countdown"
        data-seconds={String(Math.max(0, Math.floor(secondsLeft)))}
        data-expired={t('journey.hold.expired')}
        role="timer"
        hidden
      >
        {t('journey.hold.left')} <span class="hold-countdown-value" />
      </p>
    </div>
  );
}

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  change?: { href: string; label: string } | undefined;
}

/** The "Revise su solicitud" list: each answer with its change link. */
export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-row">
          <dt class="summary-key">{r.key}</dt>
          <dd class="summary-value">{r.value}</dd>
          {r.change ? (
            <dd class="summary-actions">
              <a href={r.change.href}>{r.change.label}</a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** A message shown at the top of a page after a redirect (status, not an error). */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div class="notice" role="status">
      <p>{text}</p>
    </div>
  );
}
