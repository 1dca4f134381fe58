import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Static, TSchema } from 'typebox';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import type { MailTransport } from '../services/mail/transport.js';
import type { JobDefinition } from './define.js';

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

/** What the worker runs for the jobs of one definition. */
export interface JobHandler<S extends TSchema = TSchema> {
  definition: JobDefinition<S>;
  run(ctx: JobContext, payload: Static<S>): Promise<void>;
}

export function handleJob<S extends TSchema>(
  definition: JobDefinition<S>,
  run: (ctx: JobContext, payload: Static<S>) => Promise<void>,
): JobHandler<S> {
  return { definition, run };
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
