import type { Static, TSchema } from 'typebox';

export interface RetryPolicy {
  /** Wait before the second try; each later try waits twice as long as the one before. */
  baseSeconds: number;
  /** The longest wait between two tries. */
  capSeconds: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseSeconds: 60, capSeconds: 3600 };

/**
 * A kind of background job as the code that queues it sees it: its name (what the `jobs` table stores)
 * and the schema its payload must match (ids, never personal data). Services import these to queue jobs
 * (`enqueue(trx, DEFINITION, payload, …)`, type-checked against the schema); the handler that runs a
 * job lives apart, in `src/jobs/handlers/`, so that queueing a job never imports what it does.
 */
export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  retry?: Partial<RetryPolicy>;
  /**
   * When true the handler runs inside one transaction with the job's completion: its database writes
   * and the `done` mark commit together, so they happen exactly once. For handlers whose only effects
   * are in the database. Handlers with an outside effect (e-mail) stay non-transactional and make that
   * effect idempotent themselves (see `src/services/mail/deliver.ts`).
   */
  transactional?: boolean;
}

export type JobPayload<D extends JobDefinition> = Static<D['payload']>;

export function defineJob<S extends TSchema>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

/** The wait before try number `attempt + 1`, after `attempt` failed tries: base, 2×base, 4×base… capped. */
export function retryDelaySeconds(attempt: number, policy: RetryPolicy = DEFAULT_RETRY): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** Math.min(exponent, 30));
}
