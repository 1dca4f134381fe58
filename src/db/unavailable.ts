/**
 * SQLSTATEs that say the session is gone or cannot be had now, not that the statement was wrong: the
 * server terminated this session (shutdown, `pg_terminate_backend`, a crash), is starting or stopping,
 * or has no connection left. Class 08 (connection exception) is matched as a class.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Socket errors of a server that is down, restarting or out of reach. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports a dropped or unobtainable connection as a plain Error, without a code. */
const DRIVER_MESSAGES =
  /^(?:Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

function isUnavailableError(err: object): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return err instanceof Error && DRIVER_MESSAGES.test(err.message);
}

/**
 * Whether an error means the database cannot be reached right now (its connection was lost, or none can
 * be opened), so the request that met it should fail with 503 and be tried again in a moment. Errors of
 * the statement itself (constraints, syntax, deadlocks) are not this.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [err];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (isUnavailableError(current)) return true;
    // Node wraps a refused connection to every address of a host in an AggregateError; pg and Kysely
    // sometimes keep the socket's error as the cause.
    if (current instanceof AggregateError) pending.push(...current.errors);
    pending.push((current as { cause?: unknown }).cause);
  }
  return false;
}
