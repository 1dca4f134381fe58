import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Static, TSchema } from 'typebox';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { MailTransport } from '../services/mail/transport.js';

/** What a job handler gets: the database, the time, the configuration and the mail transport. */
export interface JobContext {
  /** The database; for a transactional job, the transaction that also marks the job done. */
  db: Kysely<DB>;
  /** The time the worker took the job (injected in tests). */
  now: Date;
  config: Config;
  mail: MailTransport;
  log: Logger;
  job: { id: number; name: string; attempt: number; maxAttempts: number };
  /**
   * Renews this worker's lease on the job, or throws `LeaseLost` when another worker took it over
   * (this worker was too slow). Handlers call it right before an effect outside the database.
   */
  renewLease(): Promise<void>;
}

export interface RetryPolicy {
  /** Wait before the second try; each later try waits twice as long as the one before. */
  baseSeconds: number;
  /** The longest wait between two tries. */
  capSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseSeconds: 60, capSeconds: 3600 };

/**
 * A kind of background job: its name (what `enqueue` stores), the schema its payload must match (ids,
 * never personal data) and its handler, kept in a sibling `*.handler.ts` file.
 */
export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  run(ctx: JobContext, payload: Static<S>): Promise<void>;
  retry?: Partial<RetryPolicy>;
  /**
   * When true the handler runs inside one transaction with the job's completion: its database writes
   * and the `done` mark commit together, so they happen exactly once. For handlers whose only effects
   * are in the database. Handlers with an outside effect (e-mail) stay non-transactional and make that
   * effect idempotent themselves (see `src/services/mail/deliver.ts`).
   */
  transactional?: boolean;
}

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** A handler throws this when trying again cannot help (the payload points at nothing, for example). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/** Another worker took the job over after this worker's lease ran out. */
export class LeaseLost extends Error {
  override name = 'LeaseLost';
  constructor(jobId: number) {
    super(`lease on job ${jobId} was lost`);
  }
}

/** The wait before try number `attempt + 1`, after `attempt` failed tries: base, 2×base, 4×base… capped. */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
}
