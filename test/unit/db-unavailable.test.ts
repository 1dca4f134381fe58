import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/unavailable.js';
import { AppError } from '../../src/domain/errors.js';

/** An error as node-postgres raises it for a server's ErrorResponse: the SQLSTATE in `code`. */
function serverError(code: string, message = 'server error'): Error {
  return Object.assign(new Error(message), { code, severity: 'ERROR' });
}

describe('isDatabaseUnavailable', () => {
  it('recognises a lost or refused connection, however the driver reports it', () => {
    for (const err of [
      serverError('57P01', 'terminating connection due to administrator command'),
      serverError('57P02', 'terminating connection due to crash of another server process'),
      serverError('57P03', 'the database system is starting up'),
      serverError('53300', 'sorry, too many clients already'),
      serverError('08006', 'connection failure'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([
        Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }),
      ]),
      new Error('wrapped', { cause: new Error('Connection terminated unexpectedly') }),
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    }
  });

  it('leaves errors of the statement itself, and everything else, alone', () => {
    for (const err of [
      serverError('23505', 'duplicate key value violates unique constraint'),
      serverError('23514', 'new row violates check constraint'),
      serverError('40P01', 'deadlock detected'),
      serverError('42601', 'syntax error'),
      new AppError('SLOT_FULL', 'booking.slotFull'),
      new Error('Connection refused by the rules'),
      'Connection terminated unexpectedly',
      undefined,
      null,
    ]) {
      expect(isDatabaseUnavailable(err), String(err)).toBe(false);
    }
  });
});
