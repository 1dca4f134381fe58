import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import pino, { type Logger } from 'pino';
import { Value } from 'typebox/value';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import {
  type ClaimedJob,
  claimNextJob,
  completeJob,
  failAbandonedJobs,
  failJob,
  lockHeldJob,
  renewJobLease,
  retryJob,
} from '../repositories/jobs.js';
import { createMailTransport, type MailTransport } from '../services/mail/transport.js';
import { DEFAULT_RETRY, type JobDefinition, retryDelaySeconds } from './define.js';
import { type JobContext, type JobHandler, LeaseLost, PermanentJobError } from './handler.js';
import { enqueuePeriodicJobs, type PeriodicJob } from './periodic.js';
import { JOB_HANDLERS, PERIODIC_JOBS } from './registry.js';

export interface WorkerOptions {
  db: Kysely<DB>;
  config: Config;
  /** The current time; tests inject their own and never sleep. */
  clock: Clock;
  logger?: Logger;
  /** Defaults to SMTP when SMTP_URL is set, else the local mailbox. */
  mail?: MailTransport;
  handlers?: readonly JobHandler[];
  periodic?: readonly PeriodicJob[];
  /** Jobs run at once by this worker (each claims its own). 1 on the embedded engine. */
  concurrency?: number;
  /** How long an idle worker waits before looking for due jobs again. */
  pollMs?: number;
}

type JobResult = 'done' | 'retry' | 'failed' | 'lease-lost';

export interface JobOutcome {
  id: number;
  name: string;
  attempt: number;
  result: JobResult;
  error?: string;
}

const MAX_ERROR_LENGTH = 1000;

/** Error text for the jobs table and the logs, with e-mail addresses taken out (SMTP errors quote them). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/[^\s<>()"'@,;:]+@[^\s<>()"'@,;:]+/g, '[correo]').slice(0, MAX_ERROR_LENGTH);
}

/**
 * Runs the durable jobs of the `jobs` table. Several workers (threads of one process, or processes)
 * can run against one database: each job is claimed by one of them (see `claimNextJob`), runs under a
 * lease, and is finished only by the worker still holding it. A worker that dies leaves its job to be
 * taken over when the lease runs out.
 */
export class Worker {
  private readonly db: Kysely<DB>;
  private readonly config: Config;
  private readonly clock: Clock;
  private readonly log: Logger;
  readonly mail: MailTransport;
  private readonly ownsMail: boolean;
  private readonly handlers: ReadonlyMap<string, JobHandler>;
  private readonly periodic: readonly PeriodicJob[];
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly lastPeriodicBucket = new Map<string, number>();
  private running: Promise<void>[] = [];
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(options: WorkerOptions) {
    this.db = options.db;
    this.config = options.config;
    this.clock = options.clock;
    this.log = options.logger ?? pino({ level: 'silent' });
    this.ownsMail = options.mail === undefined;
    this.mail = options.mail ?? createMailTransport(options.config);
    this.handlers = new Map((options.handlers ?? JOB_HANDLERS).map((h) => [h.definition.name, h]));
    this.periodic = options.periodic ?? PERIODIC_JOBS;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.pollMs = options.pollMs ?? 1000;
  }

  /** Queues the periodic jobs whose time has come (once per period across all workers). */
  async enqueuePeriodic(): Promise<void> {
    await enqueuePeriodicJobs(this.db, this.periodic, this.clock(), this.lastPeriodicBucket);
  }

  /** Claims and runs one due job; null when none is due. */
  async runNext(): Promise<JobOutcome | null> {
    const now = this.clock();
    const claimed = await claimNextJob(this.db, {
      now,
      leaseUntil: this.leaseFrom(now),
      leaseToken: randomUUID(),
    });
    if (!claimed) {
      const abandoned = await failAbandonedJobs(this.db, now);
      if (abandoned > 0) this.log.warn({ jobs: abandoned }, 'jobs failed: their worker died on the last try');
      return null;
    }
    return this.execute(claimed, now);
  }

  /**
   * Runs due jobs until none is left (tests and `agenda worker --once`). Jobs that fail are put back
   * for later, so this ends; `limit` guards against a job that keeps queueing due work.
   */
  async runDue({ limit = 10_000 } = {}): Promise<JobOutcome[]> {
    await this.enqueuePeriodic();
    const outcomes: JobOutcome[] = [];
    while (outcomes.length < limit) {
      const outcome = await this.runNext();
      if (!outcome) break;
      outcomes.push(outcome);
    }
    return outcomes;
  }

  /** Starts the loops in the background; `stop()` ends them after the jobs in hand. */
  start(): void {
    if (this.running.length > 0) return;
    this.stopping = false;
    for (let i = 0; i < this.concurrency; i++) this.running.push(this.loop(i));
    this.log.info({ concurrency: this.concurrency, transport: this.mail.kind }, 'job worker started');
  }

  /** Graceful stop: no new jobs are claimed; jobs already running finish first. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await Promise.all(this.running);
    this.running = [];
    if (this.ownsMail) this.mail.close();
    this.log.info('job worker stopped');
  }

  private async loop(index: number): Promise<void> {
    while (!this.stopping) {
      let ran = false;
      try {
        if (index === 0) await this.enqueuePeriodic();
        ran = (await this.runNext()) !== null;
      } catch (err) {
        // A lost connection fails this try (the job's lease lets it be taken again), never the loop:
        // wait and look again, as often as it takes for the database to come back.
        if (isDatabaseUnavailable(err)) this.log.warn({ err: describeError(err) }, 'database unavailable');
        else this.log.error({ err: describeError(err) }, 'job worker loop error');
      }
      if (!ran && !this.stopping) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wake === done) self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }

  private leaseFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.jobLeaseSeconds * 1000);
  }

  private async execute(job: ClaimedJob, now: Date): Promise<JobOutcome> {
    const base = { id: job.id, name: job.name, attempt: job.attempts };
    const handler = this.handlers.get(job.name);
    if (!handler) {
      return this.settle(job, now, new PermanentJobError(`no job is defined with the name "${job.name}"`));
    }
    const { definition } = handler;
    if (!Value.Check(definition.payload, job.payload)) {
      const first = [...Value.Errors(definition.payload, job.payload)][0];
      return this.settle(
        job,
        now,
        new PermanentJobError(
          `payload does not match: ${first?.instancePath || '/'} ${first?.message ?? ''}`,
        ),
      );
    }
    const context = (db: Kysely<DB>): JobContext => ({
      db,
      now,
      config: this.config,
      mail: this.mail,
      log: this.log.child({ job: job.id, jobName: job.name }),
      job: { id: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.maxAttempts },
      renewLease: async () => {
        if (!(await renewJobLease(this.db, job, this.leaseFrom(this.clock())))) throw new LeaseLost(job.id);
      },
    });
    try {
      if (definition.transactional) {
        const finished = await this.db.transaction().execute(async (trx) => {
          if (!(await lockHeldJob(trx, job))) return false;
          await handler.run(context(trx), job.payload);
          return completeJob(trx, job, now);
        });
        if (!finished) return { ...base, result: 'lease-lost' };
      } else {
        await handler.run(context(this.db), job.payload);
        if (!(await completeJob(this.db, job, now))) return { ...base, result: 'lease-lost' };
      }
      this.log.debug({ job: job.id, jobName: job.name }, 'job done');
      return { ...base, result: 'done' };
    } catch (err) {
      if (err instanceof LeaseLost) return { ...base, result: 'lease-lost' };
      return this.settle(job, now, err, definition);
    }
  }

  /** After a failed try: another try later, or `failed` after the last one or a permanent error. */
  private async settle(
    job: ClaimedJob,
    now: Date,
    err: unknown,
    definition?: JobDefinition,
  ): Promise<JobOutcome> {
    const base = { id: job.id, name: job.name, attempt: job.attempts };
    const error = describeError(err);
    const last = err instanceof PermanentJobError || job.attempts >= job.maxAttempts;
    if (last) {
      const ok = await failJob(this.db, job, { now, error });
      this.log.error({ job: job.id, jobName: job.name, attempt: job.attempts, err: error }, 'job failed');
      return { ...base, result: ok ? 'failed' : 'lease-lost', error };
    }
    const policy = { ...DEFAULT_RETRY, ...definition?.retry };
    const runAt = new Date(now.getTime() + retryDelaySeconds(job.attempts, policy) * 1000);
    const ok = await retryJob(this.db, job, { runAt, error });
    this.log.warn(
      { job: job.id, jobName: job.name, attempt: job.attempts, retryAt: runAt.toISOString(), err: error },
      'job will be tried again',
    );
    return { ...base, result: ok ? 'retry' : 'lease-lost', error };
  }
}
