import type { Locale, Translator } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { AppointmentCard } from '../../services/journey/appointment-card.js';
import { CsrfField } from '../components/csrf-field.js';
import { ErrorSummary, type FormState, SubmitButton, TextField } from '../components/form.js';
import { JourneyPage, Notice, SummaryList, type SummaryRow } from './parts.js';

/** Where the appointment happens: the office, how the remote channel works, or the video call's link. */
export function whereRow(t: Translator, card: AppointmentCard): SummaryRow {
  if (card.videoUrl)
    return {
      key: t('journey.card.videoLink'),
      value: (
        <a href={card.videoUrl} rel="noopener noreferrer" class="video-link">
          {card.videoUrl}
        </a>
      ),
    };
  return { key: card.remote ? t('journey.card.how') : t('journey.card.where'), value: card.where };
}

function Details({ t, card }: { t: Translator; card: AppointmentCard }) {
  const rows: SummaryRow[] = [
    { key: t('journey.card.status'), value: card.statusLabel },
    { key: t('journey.card.when'), value: card.when },
    { key: t('journey.card.procedure'), value: card.procedure },
    { key: t('journey.card.channel'), value: card.channel },
    whereRow(t, card),
    { key: t('journey.card.person'), value: card.person },
  ];
  return (
    <>
      <SummaryList rows={rows} />
      {card.remote ? <p>{card.channelDetails}</p> : null}
      {card.requirements.length > 0 ? (
        <section aria-labelledby="bring-title">
          <h2 id="bring-title">{t('journey.card.bring')}</h2>
          <ul>
            {card.requirements.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** The confirmation code, large: what a person needs to manage the appointment later. */
export function CodePanel({ t, code }: { t: Translator; code: string }) {
  return (
    <div class="confirmation-panel">
      <p>{t('journey.done.code')}</p>
      <p class="confirmation-code" id="confirmation-code">
        {code}
      </p>
    </div>
  );
}

/** The end of the journey: the code, the time in Bogotá, the place, what to bring, the .ics, print. */
export function ConfirmationPage({
  locale,
  card,
  holdId,
  email,
  print = false,
}: {
  locale: Locale;
  card: AppointmentCard;
  holdId: string;
  email: string;
  /** The print view: the same page, with a note on how to print it (the print stylesheet does the rest). */
  print?: boolean;
}) {
  const t = translator(locale);
  const q = `reserva=${encodeURIComponent(holdId)}`;
  return (
    <JourneyPage locale={locale} t={t} title={t('journey.done.title')} path={`/reservar/confirmacion?${q}`}>
      {print ? <p class="print-note">{t('journey.done.printNote')}</p> : null}
      <CodePanel t={t} code={card.code} />
      <p>{t('journey.done.email', { email })}</p>
      <Details t={t} card={card} />
      <ul class="confirmation-actions">
        <li>
          <a href={`/reservar/confirmacion/cita.ics?${q}`} download={`cita-${card.code}.ics`}>
            {t('journey.done.ics')}
          </a>
        </li>
        <li>
          <a href={`/reservar/confirmacion?${q}&vista=imprimir`} class="print-link">
            {t('journey.done.print')}
          </a>
        </li>
        <li>
          <a href="/gestionar">{t('journey.done.manage')}</a>
        </li>
      </ul>
    </JourneyPage>
  );
}

/** Gestionar cita: code + document. */
export function ManageLookupPage({
  locale,
  state,
  csrf,
  notice,
}: {
  locale: Locale;
  state: FormState;
  csrf: string;
  notice?: string | undefined;
}) {
  const t = translator(locale);
  return (
    <JourneyPage locale={locale} t={t} title={t('journey.manage.title')} path="/gestionar" back="/">
      <Notice text={notice} />
      <ErrorSummary t={t} state={state} />
      <p>{t('journey.manage.lead')}</p>
      <form method="post" action="/gestionar" class="journey-form" novalidate>
        <CsrfField token={csrf} />
        <TextField
          t={t}
          state={state}
          name="code"
          label={t('journey.manage.code')}
          hint={t('journey.manage.codeHint')}
          width="medium"
          spellcheck={false}
          autocomplete="off"
        />
        <TextField
          t={t}
          state={state}
          name="documentNumber"
          label={t('journey.manage.document')}
          hint={t('journey.manage.documentHint')}
          width="medium"
          spellcheck={false}
        />
        <SubmitButton>{t('journey.manage.find')}</SubmitButton>
      </form>
    </JourneyPage>
  );
}

export function ManageDetailsPage({
  locale,
  card,
  notice,
  rescheduleHref,
  active,
  csrf,
}: {
  locale: Locale;
  card: AppointmentCard;
  notice?: string | undefined;
  rescheduleHref: string;
  active: boolean;
  csrf: string;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.manage.details', { code: card.code })}
      path="/gestionar/cita"
    >
      <Notice text={notice} />
      <Details t={t} card={card} />
      {active ? (
        <ul class="manage-actions">
          <li>
            <a class="button" href={rescheduleHref}>
              {t('journey.manage.reschedule')}
            </a>
          </li>
          <li>
            <a class="button button-warning" href="/gestionar/cancelar">
              {t('journey.manage.cancel')}
            </a>
          </li>
        </ul>
      ) : null}
      <form method="post" action="/gestionar/salir" class="manage-exit">
        <CsrfField token={csrf} />
        <button class="button button-secondary" type="submit">
          {t('journey.manage.exit')}
        </button>
      </form>
    </JourneyPage>
  );
}

export function ManageCancelPage({
  locale,
  card,
  csrf,
}: {
  locale: Locale;
  card: AppointmentCard;
  csrf: string;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.cancel.title')}
      path="/gestionar/cancelar"
      back="/gestionar/cita"
    >
      <p>{t('journey.cancel.lead', { when: card.when, procedure: card.procedure })}</p>
      <p>{t('journey.cancel.warning')}</p>
      <form method="post" action="/gestionar/cancelar" class="journey-form">
        <CsrfField token={csrf} />
        <SubmitButton variant="warning">{t('journey.cancel.confirm')}</SubmitButton>
      </form>
      <p>
        <a href="/gestionar/cita">{t('journey.cancel.keep')}</a>
      </p>
    </JourneyPage>
  );
}

export function ManageRescheduleConfirmPage({
  locale,
  card,
  newWhen,
  newPlace,
  slotId,
  csrf,
  back,
  state,
}: {
  locale: Locale;
  card: AppointmentCard;
  newWhen: string;
  newPlace: string;
  slotId: number;
  csrf: string;
  back: string;
  state: FormState;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.reschedule.title')}
      path="/gestionar/cambiar"
      back={back}
    >
      <ErrorSummary t={t} state={state} />
      <SummaryList
        rows={[
          { key: t('journey.reschedule.from'), value: `${card.when} – ${card.where}` },
          { key: t('journey.reschedule.to'), value: `${newWhen} – ${newPlace}` },
        ]}
      />
      <p>{t('journey.reschedule.lead')}</p>
      <form method="post" action="/gestionar/cambiar" class="journey-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="horario" value={String(slotId)} />
        <SubmitButton>{t('journey.reschedule.confirm')}</SubmitButton>
      </form>
      <p>
        <a href="/gestionar/cita">{t('journey.reschedule.keep')}</a>
      </p>
    </JourneyPage>
  );
}
