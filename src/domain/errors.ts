/**
 * Errors of the domain are values with a stable code. The HTTP layer maps each code to a status and a
 * problem+json body (API) or to the form again with messages (pages), in one place.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'SLOT_FULL'
  | 'HOLD_EXPIRED'
  | 'LIMIT_REACHED'
  | 'RATE_LIMITED'
  | 'CAPTCHA_REQUIRED'
  | 'CONFLICT'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  /** The database cannot be reached for a moment: nothing was done, the same request can be sent again. */
  | 'UNAVAILABLE'
  /** The place belongs to a release: it is drawn among the people who applied, not held by whoever asks. */
  | 'IN_DRAW'
  /** The release's application window is not open (not yet, or any more). */
  | 'RELEASE_CLOSED';

export interface FieldError {
  field: string;
  /** A message key of `src/i18n`; `params` fill its placeholders. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    /** A message key of `src/i18n`. */
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: readonly FieldError[] = [],
    /** Members a problem+json answer carries besides its message (e.g. the `releaseId` of `IN_DRAW`). */
    readonly extensions: Readonly<Record<string, string>> = {},
  ) {
    super(`${code}: ${key}`);
  }
}

export const notFound = (key = 'error.notFound', params: Record<string, string | number> = {}) =>
  new AppError('NOT_FOUND', key, params);

export const validationFailed = (errors: readonly FieldError[]) =>
  new AppError('VALIDATION', 'error.validation', { count: errors.length }, errors);

/** Whether an error is a form's field messages (the page shows the form again with them). */
export function isValidationError(err: unknown): err is AppError {
  return err instanceof AppError && err.code === 'VALIDATION';
}
