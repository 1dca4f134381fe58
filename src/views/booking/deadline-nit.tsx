import type { Translator } from '../../i18n/index.js';
import type { Criteria } from '../../services/journey/criteria.js';
import { CsrfField } from '../components/csrf-field.js';
import { type FormState, TextField } from '../components/form.js';
import { Hidden } from './parts.js';

/** The optional NIT of the search steps: asked for, or given (with what it changes on this page). */
export type DeadlineNit =
  | { kind: 'ask'; state: FormState }
  | {
      kind: 'given';
      /** The NIT as people read it, with its check digit. */
      nit: string;
      /** Whether this page shows places reserved for the NIT's deadline. */
      included: boolean;
      /** The NIT's deadlines within the booking window, as dates people read. */
      dueDates: readonly string[];
    };

/** The NIT box of the calendar and times pages; both forms post to /reservar/nit and come back here. */
export function DeadlineNitBox({
  t,
  nit,
  criteria,
  page,
  csrf,
}: {
  t: Translator;
  nit: DeadlineNit;
  criteria: Criteria;
  /** The page to come back to. */
  page: 'dias' | 'horas';
  csrf: string;
}) {
  const hidden = (
    <>
      <CsrfField token={csrf} />
      <Hidden criteria={criteria} />
      <input type="hidden" name="volver" value={page} />
    </>
  );
  // Folded by default: most people have no deadline near, and the calendar is what they came for. It
  // opens by itself to show a refused NIT's message.
  if (nit.kind === 'ask')
    return (
      <details class="deadline-nit" open={nit.state.errors.length > 0}>
        <summary class="deadline-nit-summary">{t('deadlineNit.summary')}</summary>
        <form method="post" action="/reservar/nit" novalidate>
          {hidden}
          <TextField
            t={t}
            state={nit.state}
            name="nit"
            label={t('deadlineNit.label')}
            hint={t('deadlineNit.hint')}
            width="medium"
            inputMode="text"
            spellcheck={false}
          />
          <button class="button button-secondary" type="submit" name="accion" value="usar">
            {t('deadlineNit.use')}
          </button>
        </form>
      </details>
    );
  return (
    <form method="post" action="/reservar/nit" class="notice deadline-nit">
      {hidden}
      <p>{t('deadlineNit.active', { nit: nit.nit })}</p>
      {nit.included ? (
        <p>
          <strong>{t('deadlineNit.included')}</strong>
        </p>
      ) : null}
      <p>
        {nit.dueDates.length > 0
          ? t('deadlineNit.dueOn', { dates: nit.dueDates.join(', ') })
          : t('deadlineNit.noDeadline')}
      </p>
      <button class="button button-secondary" type="submit" name="accion" value="quitar">
        {t('deadlineNit.remove')}
      </button>
    </form>
  );
}
