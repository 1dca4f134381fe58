import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/**
 * Personal data never reaches the logs: whatever path a field takes, these keys are censored. The list
 * covers the applicant's fields as the API and the forms name them.
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
  'code',
];

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redactado]' },
      base: { service: 'agenda' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
