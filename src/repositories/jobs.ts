import { type Kysely, sql } from 'kysely';
import type { DB, JobStatus } from '../db/schema.js';
import type { JobDefinition, JobPayload } from '../jobs/define.js';

export interface EnqueueOptions {
  /** When it is due: the caller's `now` (from the app's clock) or later, never the database's `now()`. */
  runAt: Date;
  /** A job with the same key is queued once, whoever asks for it again. */
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a background job in the caller's transaction (outbox): it exists if and only if the change
 * that asked for it commits. The payload is checked against the definition's schema by the compiler
 * here and by the worker when it runs (`src/jobs/worker.ts`).
 */
export async function enqueue<D extends JobDefinition>(
  db: Kysely<DB>,
  job: D,
  payload: JobPayload<D>,
  options: EnqueueOptions,
): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(payload),
      run_at: options.runAt,
      ...(options.dedupeKey ? { dedupe_key: options.dedupeKey } : {}),
      ...(options.maxAttempts ? { max_attempts: options.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  leaseToken: string;
}

/**
 * Takes the next due job for this worker: a queued job whose time has come, or a running job whose
 * worker's lease ran out (the worker died). `FOR UPDATE SKIP LOCKED` lets several workers claim at once
 * without waiting on each other, and the outer conditions are checked again on the locked row, so a job
 * is claimed by one worker only. Each claim counts as a try and gets a fresh lease token.
 */
export async function claimNextJob(
  db: Kysely<DB>,
  { now, leaseUntil, leaseToken }: { now: Date; leaseUntil: Date; leaseToken: string },
): Promise<ClaimedJob | undefined> {
  const result = await sql<{
    id: number;
    name: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }>`
    UPDATE jobs
       SET status = 'running', attempts = attempts + 1, locked_until = ${leaseUntil},
           lease_token = ${leaseToken}, started_at = ${now}
     WHERE id = (
       SELECT id FROM jobs
        WHERE attempts < max_attempts
          AND ((status = 'queued' AND run_at <= ${now})
            OR (status = 'running' AND locked_until <= ${now}))
        ORDER BY run_at, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
       AND attempts < max_attempts
       AND ((status = 'queued' AND run_at <= ${now}) OR (status = 'running' AND locked_until <= ${now}))
    RETURNING id, name, payload, attempts, max_attempts`.execute(db);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    payload: row.payload,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    leaseToken,
  };
}

/** Jobs whose worker died during their last try: nobody may claim them again, so they are failed. */
export async function failAbandonedJobs(db: Kysely<DB>, now: Date): Promise<number> {
  const rows = await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      finished_at: now,
      locked_until: null,
      lease_token: null,
      last_error: 'the worker stopped during the last try (its lease ran out)',
    })
    .where('status', '=', 'running')
    .where('locked_until', '<=', now)
    .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
    .returning('id')
    .execute();
  return rows.length;
}

function held(db: Kysely<DB>, id: number, leaseToken: string) {
  return db
    .updateTable('jobs')
    .where('id', '=', id)
    .where('lease_token', '=', leaseToken)
    .where('status', '=', 'running');
}

/** Marks the job done if this worker still holds it; false when another worker took it over. */
export async function completeJob(db: Kysely<DB>, job: ClaimedJob, now: Date): Promise<boolean> {
  const rows = await held(db, job.id, job.leaseToken)
    .set({ status: 'done', finished_at: now, locked_until: null, lease_token: null, last_error: null })
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Puts the job back in the queue for another try at `runAt`. */
export async function retryJob(
  db: Kysely<DB>,
  job: ClaimedJob,
  { runAt, error }: { runAt: Date; error: string },
): Promise<boolean> {
  const rows = await held(db, job.id, job.leaseToken)
    .set({ status: 'queued', run_at: runAt, locked_until: null, lease_token: null, last_error: error })
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** The job will not be tried again: it stays visible as `failed` with its last error. */
export async function failJob(
  db: Kysely<DB>,
  job: ClaimedJob,
  { now, error }: { now: Date; error: string },
): Promise<boolean> {
  const rows = await held(db, job.id, job.leaseToken)
    .set({ status: 'failed', finished_at: now, locked_until: null, lease_token: null, last_error: error })
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Extends the lease; false when the job is no longer this worker's. */
export async function renewJobLease(db: Kysely<DB>, job: ClaimedJob, leaseUntil: Date): Promise<boolean> {
  const rows = await held(db, job.id, job.leaseToken)
    .set({ locked_until: leaseUntil })
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Locks the job row for a transactional handler; undefined when this worker no longer holds it. */
export async function lockHeldJob(db: Kysely<DB>, job: ClaimedJob) {
  return db
    .selectFrom('jobs')
    .select('id')
    .where('id', '=', job.id)
    .where('lease_token', '=', job.leaseToken)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

export interface JobRow {
  id: number;
  name: string;
  status: JobStatus;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function selectJobs(
  db: Kysely<DB>,
  { status, limit = 50 }: { status?: JobStatus; limit?: number } = {},
): Promise<JobRow[]> {
  const rows = await db
    .selectFrom('jobs')
    .select([
      'id',
      'name',
      'status',
      'attempts',
      'max_attempts',
      'run_at',
      'last_error',
      'created_at',
      'finished_at',
    ])
    .$if(status !== undefined, (q) => q.where('status', '=', status as JobStatus))
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    runAt: r.run_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
  }));
}

export async function countJobsByStatus(db: Kysely<DB>): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/** Gives a failed job a new set of tries, now. */
export async function requeueFailedJob(db: Kysely<DB>, id: number, now: Date): Promise<boolean> {
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      run_at: now,
      finished_at: null,
      max_attempts: eb('attempts', '+', eb.ref('max_attempts')),
    }))
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('id')
    .execute();
  return rows.length === 1;
}

/** Forgets finished jobs: done ones after `doneBefore`, failed ones after `failedBefore`. */
export async function deleteFinishedJobs(
  db: Kysely<DB>,
  { doneBefore, failedBefore }: { doneBefore: Date; failedBefore: Date },
): Promise<number> {
  const rows = await db
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'done'), eb('finished_at', '<', doneBefore)]),
        eb.and([eb('status', '=', 'failed'), eb('finished_at', '<', failedBefore)]),
      ]),
    )
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Queues one job per payload in one statement (a draw's e-mails: tens of thousands at once), each due at
 * its own time and queued once per dedupe key.
 */
export async function enqueueMany<D extends JobDefinition>(
  db: Kysely<DB>,
  job: D,
  rows: readonly { payload: JobPayload<D>; runAt: Date; dedupeKey: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO jobs (name, payload, run_at, dedupe_key)
    SELECT ${job.name}, r.payload, r.run_at, r.dedupe_key
    FROM jsonb_to_recordset(${JSON.stringify(
      rows.map((r) => ({ payload: r.payload, run_at: r.runAt.toISOString(), dedupe_key: r.dedupeKey })),
    )}::jsonb) AS r(payload jsonb, run_at timestamptz, dedupe_key text)
    ON CONFLICT (dedupe_key) DO NOTHING`.execute(db);
}

/** Which of these dedupe keys some job carries already (asked in batches: the list can be long). */
export async function selectQueuedDedupeKeys(db: Kysely<DB>, keys: readonly string[]): Promise<Set<string>> {
  const existing = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const found = await db
      .selectFrom('jobs')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const f of found) if (f.dedupe_key) existing.add(f.dedupe_key);
  }
  return existing;
}
