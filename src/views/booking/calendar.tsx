import { addDays, isoWeekday } from '../../domain/civil-time.js';
import { formatCivilDate } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { Alternatives } from '../../services/journey/alternatives.js';
import { type Criteria, journeyHref } from '../../services/journey/criteria.js';
import type { SlotGroup } from '../../services/journey/slot-groups.js';
import type { ReleaseSummary } from '../../services/releases/view.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, fieldId, SubmitButton } from '../components/form.js';
import { useSiteTexts } from '../site-texts-context.js';
import { type DeadlineNit, DeadlineNitBox } from './deadline-nit.js';
import { FieldMessage, Hidden, JourneyPage } from './parts.js';
import { ReleaseNotices } from './release-notice.js';

/** What to do when nothing was found: say so, then the other ways to an appointment. */
function NoResults({
  t,
  locale,
  message,
  alt,
}: {
  t: Translator;
  locale: Locale;
  message: string;
  alt: Alternatives;
}) {
  // The help text staff keep current (decision 040): when agenda is published, what else to try.
  const help = useSiteTexts(locale).get('ayuda.sin-cupos');
  return (
    <section class="no-results" aria-labelledby="no-results-title">
      <h2 id="no-results-title">{message}</h2>
      {help ? <p>{help}</p> : null}
      <p>{t('journey.none.lead')}</p>
      <ul class="no-results-options">
        {alt.otherOffices.map((o) => (
          <li>
            <a href={o.href}>{t('journey.none.otherOffice', { office: o.name })}</a>
          </li>
        ))}
        {alt.wholeCityHref ? (
          <li>
            <a href={alt.wholeCityHref}>{t('journey.none.wholeCity')}</a>
          </li>
        ) : null}
        {alt.dateSearchHref ? (
          <li>
            <a href={alt.dateSearchHref}>{t('journey.none.otherDates')}</a>
          </li>
        ) : null}
        {alt.remoteChannels.map((c) => (
          <li>
            <a href={c.href}>{t('journey.none.remote', { channel: c.name })}</a>
          </li>
        ))}
        <li>
          <a href={alt.alertHref}>{t('journey.none.alert')}</a>
        </li>
      </ul>
    </section>
  );
}

const monthOf = (date: string) => date.slice(0, 7);

function monthName(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-CO' : 'en-GB', {
    timeZone: 'UTC',
    month: 'long',
    year: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** One month as a table: the days with room are links with the number of places. */
function MonthTable({
  t,
  locale,
  month,
  days,
  dayHref,
}: {
  t: Translator;
  locale: Locale;
  month: string;
  days: ReadonlyMap<string, number>;
  dayHref: (date: string) => string;
}) {
  const first = `${month}-01`;
  const cells: (string | null)[] = Array.from({ length: isoWeekday(first) - 1 }, () => null);
  for (let d = first; monthOf(d) === month; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <table class="calendar">
      <caption class="calendar-caption">{monthName(month, locale)}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th scope="col">
              <abbr title={t(`journey.weekday.${w}`)}>{t(`journey.weekday.${w}.short`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr>
            {week.map((d) => {
              if (!d) return <td class="calendar-empty" />;
              const available = days.get(d);
              const day = Number(d.slice(8));
              return available ? (
                <td class="calendar-day calendar-day-free">
                  <a
                    href={dayHref(d)}
                    aria-label={t('journey.days.dayLabel', {
                      date: formatCivilDate(d, locale),
                      n: available,
                    })}
                  >
                    <span class="calendar-number">{day}</span>
                    <span class="calendar-places" aria-hidden="true">
                      {t('journey.days.places', { n: available })}
                    </span>
                  </a>
                </td>
              ) : (
                <td class="calendar-day">
                  <span class="calendar-number">{day}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface DaysPageProps {
  locale: Locale;
  title: string;
  context: string;
  criteria: Criteria;
  back: string;
  month: string;
  firstMonth: string;
  lastMonth: string;
  days: ReadonlyMap<string, number>;
  alternatives: Alternatives;
  state: FormState;
  /** The optional NIT that adds the deadline day's reserved places (not while rescheduling). */
  deadlineNit?: { nit: DeadlineNit; csrf: string } | undefined;
  /** Releases whose places are given by a draw, for the chosen procedure, channel and place. */
  releases?: readonly ReleaseSummary[] | undefined;
}

/** Step 4: the calendar of days with room. */
export function DaysPage(p: DaysPageProps) {
  const t = translator(p.locale);
  const inMonth = [...p.days.keys()].filter((d) => monthOf(d) === p.month);
  const monthHref = (month: string) =>
    journeyHref('/reservar/dias', p.criteria, { mes: month, fecha: undefined });
  return (
    <JourneyPage
      locale={p.locale}
      t={t}
      title={p.title}
      path={journeyHref('/reservar/dias', p.criteria)}
      step={4}
      back={p.back}
    >
      <ErrorSummary t={t} state={p.state} />
      <p class="journey-context">{p.context}</p>
      <ReleaseNotices t={t} locale={p.locale} releases={p.releases ?? []} />
      {p.deadlineNit ? (
        <DeadlineNitBox
          t={t}
          nit={p.deadlineNit.nit}
          criteria={p.criteria}
          page="dias"
          csrf={p.deadlineNit.csrf}
        />
      ) : null}
      {p.days.size === 0 ? (
        <NoResults t={t} locale={p.locale} message={t('journey.none.days')} alt={p.alternatives} />
      ) : (
        <>
          <p>{t('journey.days.lead')}</p>
          <nav class="calendar-nav" aria-label={t('journey.days.months')}>
            {p.month > p.firstMonth ? (
              <a href={monthHref(shiftMonth(p.month, -1))}>
                {t('journey.days.previous', { month: monthName(shiftMonth(p.month, -1), p.locale) })}
              </a>
            ) : null}
            {p.month < p.lastMonth ? (
              <a href={monthHref(shiftMonth(p.month, 1))}>
                {t('journey.days.next', { month: monthName(shiftMonth(p.month, 1), p.locale) })}
              </a>
            ) : null}
          </nav>
          {inMonth.length === 0 ? <p class="calendar-none">{t('journey.days.noneThisMonth')}</p> : null}
          <MonthTable
            t={t}
            locale={p.locale}
            month={p.month}
            days={p.days}
            dayHref={(d) => journeyHref('/reservar/horas', p.criteria, { fecha: d, mes: undefined })}
          />
          <p class="alert-offer">
            <a href={p.alternatives.alertHref}>{t('journey.days.alert')}</a>
          </p>
        </>
      )}
    </JourneyPage>
  );
}

interface TimesPageProps {
  locale: Locale;
  date: string;
  context: string;
  criteria: Criteria;
  back: string;
  groups: readonly SlotGroup[];
  alternatives: Alternatives;
  state: FormState;
  /** The hold form (POST with CSRF and proof-of-work), or the reschedule choice (GET). */
  mode: { kind: 'hold'; csrf: string; captcha: boolean } | { kind: 'reschedule' };
  departments?: { code: string; name: string }[] | undefined;
  /** The NIT given on the calendar, when there is one (its form shares the hold form's CSRF token). */
  deadlineNit?: DeadlineNit | undefined;
  /** Releases of the chosen procedure, channel and place whose days include this one. */
  releases?: readonly ReleaseSummary[] | undefined;
}

/** Step 5: the times of the day with places left; choosing one holds it. */
export function TimesPage(p: TimesPageProps) {
  const t = translator(p.locale);
  const id = fieldId('horario');
  const error = p.state.errors.find((e) => e.field === 'horario');
  const current = String(p.state.values.horario ?? '');
  let index = 0;
  const title = t('journey.times.title', { date: formatCivilDate(p.date, p.locale) });
  const hold = p.mode.kind === 'hold' ? p.mode : undefined;
  return (
    <JourneyPage
      locale={p.locale}
      t={t}
      title={title}
      path={journeyHref('/reservar/horas', p.criteria)}
      step={5}
      back={p.back}
    >
      <ErrorSummary t={t} state={p.state} />
      <p class="journey-context">{p.context}</p>
      <ReleaseNotices t={t} locale={p.locale} releases={p.releases ?? []} />
      {p.deadlineNit && hold ? (
        <DeadlineNitBox t={t} nit={p.deadlineNit} criteria={p.criteria} page="horas" csrf={hold.csrf} />
      ) : null}
      {p.departments ? (
        <form method="get" action="/reservar/horas" class="journey-filter">
          <Hidden criteria={p.criteria} except={['departamento']} />
          <label class="label" for="field-departamento">
            {t('journey.times.department')}
          </label>
          <select class="select" id="field-departamento" name="departamento">
            <option value="">{t('journey.times.allDepartments')}</option>
            {p.departments.map((d) => (
              <option value={d.code} selected={d.code === p.criteria.departamento}>
                {d.name}
              </option>
            ))}
          </select>
          <button class="button button-secondary" type="submit">
            {t('journey.times.filter')}
          </button>
        </form>
      ) : null}
      {p.groups.length === 0 ? (
        <NoResults t={t} locale={p.locale} message={t('journey.none.times')} alt={p.alternatives} />
      ) : (
        <form
          method={hold ? 'post' : 'get'}
          action={hold ? '/reservar/horario' : '/gestionar/cambiar'}
          class="journey-form"
        >
          {hold ? <CsrfField token={hold.csrf} /> : null}
          <Hidden criteria={p.criteria} except={hold ? [] : ['tramite', 'canal', 'cambio']} />
          <div class={`form-group${error ? ' form-group-error' : ''}`}>
            <FieldMessage t={t} id={id} error={error} />
            {p.groups.map((g) => (
              <fieldset class="fieldset slot-group">
                <legend class="legend">
                  {g.officeName}
                  {g.detail ? <span class="legend-detail">{g.detail}</span> : null}
                </legend>
                <div class="radios slot-radios">
                  {g.slots.map((s) => {
                    index += 1;
                    const optionId = index === 1 ? id : `${id}-${index}`;
                    return (
                      <div class="radio">
                        <input
                          class="radio-input"
                          id={optionId}
                          name="horario"
                          type="radio"
                          value={String(s.slotId)}
                          checked={String(s.slotId) === current}
                          aria-describedby={error ? `${id}-error` : undefined}
                        />
                        <label class="radio-label" for={optionId}>
                          {s.time}{' '}
                          <span class="slot-places">{t('journey.times.places', { n: s.available })}</span>
                        </label>
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </div>
          {hold?.captcha ? <ProofOfWorkWidget t={t} /> : null}
          {hold ? <p class="hint">{t('journey.times.holdHint')}</p> : null}
          <SubmitButton>{hold ? t('journey.times.hold') : t('journey.times.choose')}</SubmitButton>
        </form>
      )}
    </JourneyPage>
  );
}

/**
 * The ALTCHA widget (served by this app, /assets/altcha/…): with JavaScript it solves a proof-of-work
 * and adds the `altcha` field; without it the form still posts and the server takes its stricter path.
 */
export function ProofOfWorkWidget({ t }: { t: Translator }) {
  return (
    <div class="pow">
      <altcha-widget
        challenge="/api/v1/challenge"
        name="altcha"
        auto="onsubmit"
        language={t('journey.altchaLanguage')}
        hidelogo
        hidefooter
      />
      <noscript>
        <p class="hint">{t('journey.times.noScript')}</p>
      </noscript>
    </div>
  );
}

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** The ALTCHA web component (its attributes as the widget documents them). */
      'altcha-widget': {
        challenge: string;
        name: string;
        auto?: 'onload' | 'onfocus' | 'onsubmit';
        hidelogo?: boolean;
        hidefooter?: boolean;
        language?: string;
      };
    }
  }
}
