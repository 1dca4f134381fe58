import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { ALERTS_MATCH } from '../../src/jobs/definitions/alerts-match.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z';
const PROCEDURE = 'orientacion-tributaria';

/** The value of one sample line of the Prometheus text format, or undefined when absent. */
function sample(text: string, name: string, labels = ''): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}${labels} `)) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe.each(engines())('/metrics on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const scrape = async () => {
    const res = await app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  it('counts requests by route template, holds, confirmations and conflicts, and the queue depth', async () => {
    const line = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: [PROCEDURE],
    });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 1 });
    const before = await scrape();
    const holdsBefore = sample(before, 'agenda_holds_total') ?? 0;
    const confirmedBefore = sample(before, 'agenda_confirmations_total') ?? 0;
    const fullBefore = sample(before, 'agenda_conflicts_total', '{kind="slot_full"}') ?? 0;

    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(held.statusCode).toBe(201);
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(second.statusCode).toBe(409);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant: anApplicant(), consent },
    });
    expect(confirmed.statusCode).toBe(201);
    for (const date of ['2026-12-02', '2026-12-03']) {
      const days = await app.inject({
        url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=${date}`,
      });
      expect(days.statusCode).toBe(200);
    }
    await enqueue(database.db, ALERTS_MATCH, {}, { dedupeKey: 'metrics-test', runAt: clock.now() });

    const after = await scrape();
    expect(sample(after, 'agenda_holds_total')).toBe(holdsBefore + 1);
    expect(sample(after, 'agenda_confirmations_total')).toBe(confirmedBefore + 1);
    expect(sample(after, 'agenda_conflicts_total', '{kind="slot_full"}')).toBe(fullBefore + 1);
    // one series per route template, not per URL
    expect(
      sample(
        after,
        'http_request_duration_seconds_count',
        '{method="GET",route="/api/v1/availability/slots",status_code="200"}',
      ),
    ).toBe(2);
    expect(
      sample(
        after,
        'http_request_duration_seconds_count',
        '{method="POST",route="/api/v1/holds",status_code="409"}',
      ),
    ).toBe(1);
    expect(after).not.toContain('date=2026-12-02');
    expect(sample(after, 'agenda_jobs_pending', '{status="queued"}')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'agenda_process_info', `{pid="${process.pid}",worker="0"}`)).toBe(1);
    if (engine === 'postgres') {
      expect(sample(after, 'agenda_db_pool_connections', '{state="size"}')).toBe(10);
      expect(sample(after, 'agenda_db_pool_connections', '{state="total"}')).toBeGreaterThan(0);
    }
    expect(after).toContain('process_resident_memory_bytes');
  });

  it('asks for the bearer token when METRICS_TOKEN is set, and is absent in production without one', async () => {
    const token = 'scrape-token-0123456789';
    const guarded = await buildTestApp(database, { metricsToken: token });
    try {
      expect((await guarded.inject({ url: '/metrics' })).statusCode).toBe(401);
      const wrong = await guarded.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);
      const right = await guarded.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('agenda_holds_total');
    } finally {
      await guarded.close();
    }
    const production = await buildTestApp(database, { nodeEnv: 'production' });
    try {
      expect((await production.inject({ url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
