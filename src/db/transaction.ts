import type { Kysely, Transaction } from 'kysely';
import { type FieldError, validationFailed } from '../domain/errors.js';
import type { DB } from './schema.js';

const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

function isRetryable(err: unknown): boolean {
  return RETRYABLE.has(String(sqlState(err)));
}

/**
 * Runs the creation of a record whose key the person typed (a code, an e-mail). The form checked the key
 * was free; when someone else takes it in between, the unique constraint refuses the row and the person
 * gets the same field message instead of an error page.
 */
export async function refusingTakenKey<T>(taken: FieldError, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (sqlState(err) === '23505') throw validationFailed([taken]);
    throw err;
  }
}

/**
 * Runs a transaction, starting it again (up to three times) when PostgreSQL aborts it as a deadlock
 * victim or a serialization failure: both mean "nothing was done, try again". Services take their
 * locks in a fixed order so this is rare; it is the net under that rule, not a replacement for it.
 */
export async function transaction<T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= 3 || !isRetryable(err)) throw err;
    }
  }
}

/**
 * Runs one self-contained statement (atomic by itself, so it needs no BEGIN and COMMIT: one round trip
 * instead of three), running it again when PostgreSQL aborts it as a deadlock victim.
 */
export async function statement<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= 3 || !isRetryable(err)) throw err;
    }
  }
}
