import type { PassState } from '../../domain/rebook.js';
import type { Locale, Translator } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { AppointmentCard } from '../../services/journey/appointment-card.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SubmitButton } from '../components/form.js';
import { CodePanel, whereRow } from './appointment.js';
import { JourneyPage, Notice, RadioGroup, SummaryList } from './parts.js';

export const rebookPath = (token: string) => `/reservar/prioridad/${token}`;

interface RebookDayLink {
  label: string;
  href: string;
  current: boolean;
}

interface RebookPageProps {
  locale: Locale;
  token: string;
  csrf: string;
  state: PassState;
  /** The appointment the closure cancelled. */
  cancelled: AppointmentCard;
  /** The new appointment, once the pass was used. */
  rebooked?: AppointmentCard | undefined;
  kept?: { slotId: number; label: string; until: string } | undefined;
  days: readonly RebookDayLink[];
  dayLabel?: string | undefined;
  slots: readonly { slotId: number; label: string }[];
  expiresAt: string;
  form: FormState;
  notice?: string | undefined;
}

function Cancelled({ t, card }: { t: Translator; card: AppointmentCard }) {
  return (
    <SummaryList
      rows={[
        { key: t('rebook.cancelled.when'), value: card.when },
        { key: t('journey.card.procedure'), value: card.procedure },
        {
          key: card.remote ? t('journey.card.channel') : t('journey.card.where'),
          value: card.remote ? card.channel : card.where,
        },
      ]}
    />
  );
}

function Rebooked({
  t,
  card,
  notice,
}: {
  t: Translator;
  card: AppointmentCard;
  notice?: string | undefined;
}) {
  return (
    <>
      <Notice text={notice} />
      <CodePanel t={t} code={card.code} />
      <SummaryList
        rows={[
          { key: t('journey.card.when'), value: card.when },
          { key: t('journey.card.procedure'), value: card.procedure },
          whereRow(t, card),
        ]}
      />
      <p>{t('rebook.used.manage')}</p>
      <p>
        <a href="/gestionar">{t('rebook.used.manageLink')}</a>
      </p>
    </>
  );
}

function Choose({ t, p }: { t: Translator; p: RebookPageProps }) {
  const options = [
    ...(p.kept
      ? [
          {
            value: String(p.kept.slotId),
            label: p.kept.label,
            hint: t('rebook.kept.hint', { until: p.kept.until }),
          },
        ]
      : []),
    ...p.slots.map((s) => ({ value: String(s.slotId), label: s.label })),
  ];
  // The kept place stays chosen until the person picks one of the times on the page.
  const picked = options.some((o) => o.value === p.form.values.horario);
  const form =
    !picked && p.kept ? { ...p.form, values: { ...p.form.values, horario: String(p.kept.slotId) } } : p.form;
  return (
    <>
      <ErrorSummary t={t} state={p.form} />
      <Notice text={p.notice} />
      <p>{t('rebook.lead', { until: p.expiresAt })}</p>
      <h2>{t('rebook.cancelled.title')}</h2>
      <Cancelled t={t} card={p.cancelled} />
      {options.length > 0 ? (
        <form method="post" action={rebookPath(p.token)} class="journey-form">
          <CsrfField token={p.csrf} />
          <RadioGroup
            t={t}
            state={form}
            name="horario"
            legend={
              p.kept ? t('rebook.choose.legendKept') : t('rebook.choose.legend', { day: p.dayLabel ?? '' })
            }
            hint={p.kept ? t('rebook.choose.hintKept', { day: p.dayLabel ?? '' }) : undefined}
            options={options}
            headingLegend
          />
          <SubmitButton>{t('rebook.choose.submit')}</SubmitButton>
        </form>
      ) : (
        <p>{t('rebook.choose.none')}</p>
      )}
      {p.days.length > 1 ? (
        <nav aria-labelledby="rebook-days-title" class="rebook-days">
          <h2 id="rebook-days-title">{t('rebook.days.title')}</h2>
          <ul>
            {p.days.map((d) => (
              <li>
                <a href={d.href} aria-current={d.current ? 'date' : undefined}>
                  {d.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2>{t('rebook.decline.title')}</h2>
      <p>{t(p.kept ? 'rebook.decline.leadKept' : 'rebook.decline.lead')}</p>
      <form method="post" action={`${rebookPath(p.token)}/liberar`}>
        <CsrfField token={p.csrf} />
        <SubmitButton variant="secondary">{t('rebook.decline.submit')}</SubmitButton>
      </form>
    </>
  );
}

/** The page of a rebooking pass link (decision 010): choose, confirm, or see what became of it. */
export function RebookPage(p: RebookPageProps) {
  const t = translator(p.locale);
  const title =
    p.state === 'used'
      ? t('rebook.used.title')
      : p.state === 'open'
        ? t('rebook.title')
        : t(`rebook.state.${p.state}`);
  return (
    <JourneyPage locale={p.locale} t={t} title={title} path={rebookPath(p.token)}>
      {p.state === 'used' && p.rebooked ? (
        <Rebooked t={t} card={p.rebooked} notice={p.notice} />
      ) : p.state === 'open' ? (
        <Choose t={t} p={p} />
      ) : (
        <>
          <Notice text={p.notice} />
          <p>{t(`rebook.state.${p.state}.body`)}</p>
          <p>
            <a class="button" href="/reservar">
              {t('mail.cancelled.rebook.action')}
            </a>
          </p>
        </>
      )}
    </JourneyPage>
  );
}

export function RebookInvalidLinkPage({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <JourneyPage locale={locale} t={t} title={t('rebook.error.link')} path="/reservar">
      <p>{t('rebook.invalid.body')}</p>
      <p>
        <a class="button" href="/reservar">
          {t('mail.cancelled.rebook.action')}
        </a>
      </p>
    </JourneyPage>
  );
}
