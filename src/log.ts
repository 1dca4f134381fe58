import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/**
 * Personal data never reaches the logs: whatever path a field takes, these keys are censored. The list
 * covers the applicant's fields as the API and the forms name them, and the confirmation code under the
 * names it travels by; a bare `code` is left alone, for it is an exit code or an error's code far more
 * often (a worker's `{ code: 1 }`, `ECONNRESET`), and censoring those hid why processes died.
 */
const PERSONAL_KEYS = [
  'documentNumber',
  'document_number',
  'firstName',
  'first_name',
  'lastName',
  'last_name',
  'email',
  'phone',
  'nit',
  'companyName',
  'company_name',
  'applicant',
  'password',
  'totp',
  'confirmationCode',
  'appointmentCode',
];

const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/**
 * Secrets travel in some paths: confirmation codes and hold ids in API paths, the tokens of the alert and draw e-mails' links,
 * of the data-subject link and of the rebooking pass. Whoever reads the logs must not be able to open
 * them, so the logs keep the route, not the secret; query strings are dropped whole.
 */
export function redactUrl(url: string): string {
  return url
    .replace(/\?[^#]*/, (q) => (q.length > 1 ? '?…' : q))
    .replace(/\/appointments\/[^/?#]+/g, '/appointments/:code')
    .replace(/\/holds\/[^/?#]+/g, '/holds/:holdId')
    .replace(/\/alertas\/(confirmar|baja|oferta)\/[^/?#]+/g, '/alertas/$1/:token')
    .replace(/\/sorteos\/(inscripcion|oferta)\/[^/?#]+/g, '/sorteos/$1/:token')
    .replace(/\/mis-datos\/acceso\/[^/?#]+/g, '/mis-datos/acceso/:token')
    .replace(/\/reservar\/prioridad\/[^/?#]+/g, '/reservar/prioridad/:token');
}

interface LoggedRequest {
  method?: string;
  url?: string;
  id?: string;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redactado]' },
      // The client's address is personal data too: requests are logged by method and route only.
      serializers: {
        req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url ?? '') }),
      },
      base: { service: 'agenda' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
