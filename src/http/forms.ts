import { AppError, type ErrorCode, type FieldError } from '../domain/errors.js';
import { STATUS_OF } from './plugins/errors.js';

/** How a page's form shows the domain errors of the service call behind it. */
interface FormErrors {
  /** The codes this form answers by showing itself again; any other error goes on to the error page. */
  shows: readonly ErrorCode[];
  /** Where an error that names no field is shown: at this field of the form (default: the summary only). */
  field?: string;
  /** The form asks one question (`field`): every message is shown there, whichever field the service named. */
  oneQuestion?: boolean;
  /** Statuses this form has answered since before the one mapper, which tests pin (else STATUS_OF). */
  status?: Partial<Readonly<Record<ErrorCode, number>>>;
}

/** A refused service call as its form shows it: the error's code and key, messages, and the status. */
interface Refusal {
  code: ErrorCode;
  key: string;
  errors: FieldError[];
  status: number;
}

type FormOutcome<T> = { ok: true; value: T } | ({ ok: false } & Refusal);

/**
 * Runs the service call of a form. A domain error the form shows comes back as its messages and status,
 * for the route to render the form again with what was typed; everything else is thrown on, to the one
 * error handler (src/http/plugins/errors.ts).
 */
export async function submitForm<T>(run: () => Promise<T>, form: FormErrors): Promise<FormOutcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (err) {
    if (!(err instanceof AppError) || !form.shows.includes(err.code)) throw err;
    return { ok: false, ...refusalOf(err, form) };
  }
}

function refusalOf(err: AppError, form: FormErrors): Refusal {
  const field = form.field ?? '';
  const named = form.oneQuestion ? err.fieldErrors.map((m) => ({ ...m, field })) : [...err.fieldErrors];
  return {
    code: err.code,
    key: err.key,
    errors: named.length > 0 ? named : [{ field, key: err.key, params: err.params }],
    status: form.status?.[err.code] ?? STATUS_OF[err.code],
  };
}
