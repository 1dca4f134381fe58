import { sql } from 'kysely';
import { type TSchema, Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { defineJob, type JobDefinition, retryDelaySeconds } from '../../src/jobs/define.js';
import { handleJob, type JobHandler, PermanentJobError } from '../../src/jobs/handler.js';
import { every } from '../../src/jobs/periodic.js';
import { Worker } from '../../src/jobs/worker.js';
import { claimNextJob, completeJob, enqueue } from '../../src/repositories/jobs.js';
import { mailboxTransport } from '../../src/services/mail/transport.js';
import { TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

const T0 = new Date('2030-03-04T15:00:00Z');

/** A job kind of these tests only: its definition and its handler at once. */
function testJob<S extends TSchema>({
  run,
  ...definition
}: JobDefinition<S> & { run: JobHandler<S>['run'] }): JobHandler<S> {
  return handleJob(defineJob(definition), run);
}

describe.each(engines())('job queue on %s', (engine) => {
  let database: TestDatabase;
  const clock = new TestClock(T0);
  const config = testConfig({ jobLeaseSeconds: 120 });
  /** What handlers did, by job: a handler that ran twice shows up twice. */
  const effects: { job: number; tag: string }[] = [];
  let failuresLeft = 0;

  const record = testJob({
    name: 'test.record',
    payload: Type.Object({ tag: Type.String() }, { additionalProperties: false }),
    run: async (ctx, { tag }) => {
      effects.push({ job: ctx.job.id, tag });
    },
  });
  const flaky = testJob({
    name: 'test.flaky',
    payload: Type.Object({}),
    retry: { baseSeconds: 30, capSeconds: 600 },
    run: async () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw new Error('temporary trouble for ana@example.com');
      }
      effects.push({ job: 0, tag: 'flaky-ok' });
    },
  });
  const permanent = testJob({
    name: 'test.permanent',
    payload: Type.Object({}),
    run: async () => {
      throw new PermanentJobError('nothing to do with this');
    },
  });
  const writesThenFails = testJob({
    name: 'test.writes-then-fails',
    payload: Type.Object({}),
    transactional: true,
    run: async (ctx) => {
      await sql`INSERT INTO test_effects (tag) VALUES ('written')`.execute(ctx.db);
      throw new Error('after the write');
    },
  });
  const writes = testJob({
    name: 'test.writes',
    payload: Type.Object({}),
    transactional: true,
    run: async (ctx) => {
      await sql`INSERT INTO test_effects (tag) VALUES ('committed')`.execute(ctx.db);
    },
  });
  const handlers = [record, flaky, permanent, writesThenFails, writes] as JobHandler[];
  /** Queued, but no handler knows it. */
  const nobodyKnows = testJob({
    name: 'test.nobody-knows',
    payload: Type.Object({}),
    run: async () => undefined,
  });
  const worker = (options: { periodic?: ReturnType<typeof every>[] } = {}) =>
    new Worker({
      db: database.db,
      config,
      clock: clock.now,
      mail: mailboxTransport(),
      handlers,
      periodic: options.periodic ?? [],
    });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await sql`CREATE TABLE test_effects (tag text NOT NULL)`.execute(database.db);
  });
  afterAll(async () => {
    await database.destroy();
  });
  beforeEach(async () => {
    effects.length = 0;
    clock.set(T0);
    await database.db.deleteFrom('jobs').execute();
    await sql`DELETE FROM test_effects`.execute(database.db);
  });

  const jobRow = (id: number) =>
    database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('is due by the app clock alone, whatever the database clock says', async () => {
    // Both instants are far from the database's now(): before the fix a job queued without runAt took
    // the database's time, and a worker at a past app time never found it due.
    for (const at of [new Date('2019-03-04T15:00:00Z'), new Date('2041-03-04T15:00:00Z')]) {
      await database.db.deleteFrom('jobs').execute();
      effects.length = 0;
      clock.set(at);
      await enqueue(database.db, record.definition, { tag: 'due' }, { runAt: at });
      clock.set(new Date(at.getTime() - 1));
      expect(await worker().runDue(), at.toISOString()).toEqual([]);
      clock.set(at);
      expect(
        (await worker().runDue()).map((o) => o.result),
        at.toISOString(),
      ).toEqual(['done']);
    }
  });

  it('runs a queued job once and marks it done', async () => {
    await enqueue(database.db, record.definition, { tag: 'a' }, { runAt: T0 });
    const outcomes = await worker().runDue();
    expect(outcomes.map((o) => o.result)).toEqual(['done']);
    expect(effects.map((e) => e.tag)).toEqual(['a']);
    expect(await worker().runDue()).toEqual([]);
    const row = await jobRow(outcomes[0]?.id ?? 0);
    expect(row).toMatchObject({ status: 'done', attempts: 1, lease_token: null });
    expect(row.finished_at?.toISOString()).toBe(T0.toISOString());
  });

  it('waits for run_at, and a dedupe key queues a job once', async () => {
    const later = new Date(T0.getTime() + 3_600_000);
    await enqueue(database.db, record.definition, { tag: 'x' }, { runAt: later, dedupeKey: 'k1' });
    await enqueue(database.db, record.definition, { tag: 'x' }, { runAt: later, dedupeKey: 'k1' });
    expect(await worker().runDue()).toEqual([]);
    clock.set(later);
    expect((await worker().runDue()).length).toBe(1);
    expect(effects).toHaveLength(1);
  });

  it('retries with exponential back-off and, after the last try, shows the job as failed', async () => {
    failuresLeft = 100;
    await enqueue(database.db, flaky.definition, {}, { runAt: T0, maxAttempts: 4 });
    const w = worker();
    const [first] = await w.runDue();
    expect(first).toMatchObject({ result: 'retry', attempt: 1 });
    const id = first?.id ?? 0;
    let row = await jobRow(id);
    expect(row.status).toBe('queued');
    expect(row.run_at.getTime() - T0.getTime()).toBe(30_000);
    // the error is kept, without the e-mail address it quoted
    expect(row.last_error).toBe('Error: temporary trouble for [correo]');

    clock.advance(29_999);
    expect(await w.runDue()).toEqual([]);
    clock.advance(1);
    expect((await w.runDue())[0]).toMatchObject({ result: 'retry', attempt: 2 });
    row = await jobRow(id);
    expect(row.run_at.getTime() - clock.now().getTime()).toBe(60_000);
    clock.advance(60_000);
    expect((await w.runDue())[0]).toMatchObject({ result: 'retry', attempt: 3 });
    clock.advance(120_000);
    expect((await w.runDue())[0]).toMatchObject({ result: 'failed', attempt: 4 });
    row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 4 });
    expect(row.finished_at).not.toBeNull();
    clock.advance(86_400_000);
    expect(await w.runDue()).toEqual([]);
    expect(retryDelaySeconds(10, { baseSeconds: 30, capSeconds: 600 })).toBe(600);
  });

  it('a job that succeeds before its last try is done, and its effect happened once', async () => {
    failuresLeft = 2;
    await enqueue(database.db, flaky.definition, {}, { runAt: T0, maxAttempts: 4 });
    const w = worker();
    for (let i = 0; i < 3; i++) {
      await w.runDue();
      clock.advance(3_600_000);
    }
    expect(effects.map((e) => e.tag)).toEqual(['flaky-ok']);
    const rows = await database.db.selectFrom('jobs').select(['status', 'attempts']).execute();
    expect(rows).toEqual([{ status: 'done', attempts: 3 }]);
  });

  it('fails at once on a permanent error, an unknown job or a payload that does not match', async () => {
    await enqueue(database.db, permanent.definition, {}, { runAt: T0 });
    await enqueue(database.db, nobodyKnows.definition, {}, { runAt: T0 });
    await enqueue(database.db, record.definition, { tag: 42 } as unknown as { tag: string }, { runAt: T0 });
    const outcomes = await worker().runDue();
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'failed', 'failed']);
    expect(outcomes.map((o) => o.error)).toEqual([
      'PermanentJobError: nothing to do with this',
      'PermanentJobError: no job is defined with the name "test.nobody-knows"',
      expect.stringMatching(/^PermanentJobError: payload does not match: \/tag /),
    ]);
    expect(effects).toEqual([]);
  });

  it('a transactional job commits its writes with its completion, or not at all', async () => {
    await enqueue(database.db, writesThenFails.definition, {}, { runAt: T0, maxAttempts: 1 });
    await enqueue(database.db, writes.definition, {}, { runAt: T0 });
    const outcomes = await worker().runDue();
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'done']);
    const rows = await sql<{ tag: string }>`SELECT tag FROM test_effects`.execute(database.db);
    expect(rows.rows.map((r) => r.tag)).toEqual(['committed']);
  });

  it("takes over a dead worker's job after its lease, and the dead worker cannot finish it", async () => {
    await enqueue(database.db, record.definition, { tag: 'orphan' }, { runAt: T0 });
    // a worker claims the job and dies before running it
    const dead = await claimNextJob(database.db, {
      now: T0,
      leaseUntil: new Date(T0.getTime() + 120_000),
      leaseToken: '00000000-0000-4000-8000-000000000001',
    });
    expect(dead).toBeDefined();
    const w = worker();
    clock.set(new Date(T0.getTime() + 119_999));
    expect(await w.runDue()).toEqual([]);
    clock.set(new Date(T0.getTime() + 120_000));
    expect((await w.runDue()).map((o) => [o.result, o.attempt])).toEqual([['done', 2]]);
    expect(effects.map((e) => e.tag)).toEqual(['orphan']);
    // the first worker comes back to life: its lease is gone, its completion changes nothing
    expect(await completeJob(database.db, dead as NonNullable<typeof dead>, clock.now())).toBe(false);
  });

  it('a job whose worker died on its last try ends as failed', async () => {
    await enqueue(database.db, record.definition, { tag: 'x' }, { runAt: T0, maxAttempts: 1 });
    await claimNextJob(database.db, {
      now: T0,
      leaseUntil: new Date(T0.getTime() + 120_000),
      leaseToken: '00000000-0000-4000-8000-000000000002',
    });
    clock.set(new Date(T0.getTime() + 121_000));
    expect(await worker().runDue()).toEqual([]);
    const [row] = await database.db.selectFrom('jobs').selectAll().execute();
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.last_error).toMatch(/lease ran out/);
    expect(effects).toEqual([]);
  });

  it('two workers running at once run each job exactly once', async () => {
    for (let i = 0; i < 40; i++) {
      await enqueue(database.db, record.definition, { tag: `j${i}` }, { runAt: T0 });
    }
    const [a, b] = [worker(), worker()];
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ra.length + rb.length).toBe(40);
    const tags = effects.map((e) => e.tag).sort();
    expect(tags).toEqual(Array.from({ length: 40 }, (_, i) => `j${i}`).sort());
    const done = await database.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
    expect(done).toHaveLength(40);
  });

  it('queues a periodic job once per period, whatever the number of workers', async () => {
    const periodic = [every(60, record.definition)];
    const enqueueTag = async (w: Worker) => {
      await w.enqueuePeriodic();
    };
    // the periodic payload is {}: this definition wants a tag, so it fails, which is fine here
    const [a, b] = [worker({ periodic }), worker({ periodic })];
    await Promise.all([enqueueTag(a), enqueueTag(b)]);
    clock.advance(30_000);
    await Promise.all([enqueueTag(a), enqueueTag(b)]);
    let rows = await database.db.selectFrom('jobs').select(['name', 'run_at', 'dedupe_key']).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.run_at.toISOString()).toBe('2030-03-04T15:00:00.000Z');
    clock.advance(30_000);
    await Promise.all([enqueueTag(a), enqueueTag(b)]);
    rows = await database.db
      .selectFrom('jobs')
      .select(['name', 'run_at', 'dedupe_key'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.dedupe_key)).toEqual([
      'every:test.record:2030-03-04T15:00:00.000Z',
      'every:test.record:2030-03-04T15:01:00.000Z',
    ]);
  });

  it('stops gracefully: the job in hand finishes, nothing new is claimed', async () => {
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const startedP = new Promise<void>((r) => {
      started = r;
    });
    const slow = testJob({
      name: 'test.slow',
      payload: Type.Object({}),
      run: async () => {
        started();
        await new Promise<void>((r) => {
          release = r;
        });
        effects.push({ job: 0, tag: 'slow-done' });
      },
    });
    await enqueue(database.db, slow.definition, {}, { runAt: T0 });
    await enqueue(database.db, record.definition, { tag: 'after' }, { runAt: T0 });
    const w = new Worker({
      db: database.db,
      config,
      clock: clock.now,
      mail: mailboxTransport(),
      handlers: [...handlers, slow as JobHandler],
      periodic: [],
      pollMs: 10,
    });
    w.start();
    await startedP;
    const stopped = w.stop();
    let isStopped = false;
    void stopped.then(() => {
      isStopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(isStopped).toBe(false);
    release();
    await stopped;
    expect(effects.map((e) => e.tag)).toEqual(['slow-done']);
    const statuses = await database.db.selectFrom('jobs').select(['name', 'status']).orderBy('id').execute();
    expect(statuses).toEqual([
      { name: 'test.slow', status: 'done' },
      { name: 'test.record', status: 'queued' },
    ]);
  });
});
