import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

const RETRYABLE = new Set(['40P01', '40001']);

function sqlState(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

function isRetryable(err: unknown): boolean {
  return RETRYABLE.has(String(sqlState(err)));
}

/** A unique constraint refused the row: someone else took the same key first. */
export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
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
