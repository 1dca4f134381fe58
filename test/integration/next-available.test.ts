import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testConfig } from '../../src/config.js';
import { instantAt } from '../../src/domain/civil-time.js';
import type { App } from '../../src/http/types.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';
import { Steps } from '../helpers/steps.js';

const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('the public next available place on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(instantAt('2026-12-01', '09:30'));
  let medellin: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    const cali = await aCapacityLine(db, { office: '05', procedures: [PROCEDURE] });
    const full = await aSlot(db, {
      line: cali,
      office: '05',
      startsAt: instantAt('2026-12-01', '15:00'),
      capacity: 1,
    });
    await aSlot(db, { line: cali, office: '05', startsAt: instantAt('2026-12-03', '09:00'), capacity: 2 });
    const med = await aCapacityLine(db, { office: '11', procedures: [PROCEDURE] });
    medellin = await aSlot(db, {
      line: med,
      office: '11',
      startsAt: instantAt('2026-12-02', '09:00'),
      capacity: 1,
    });
    const video = await aCapacityLine(db, { office: '32', channel: 'video', procedures: [PROCEDURE] });
    // Too soon to book (the minimum lead is an hour), then the first one that counts.
    await aSlot(db, {
      line: video,
      office: '32',
      channel: 'video',
      startsAt: instantAt('2026-12-01', '10:00'),
    });
    await aSlot(db, {
      line: video,
      office: '32',
      channel: 'video',
      startsAt: instantAt('2026-12-01', '11:00'),
      capacity: 3,
    });
    const config = testConfig();
    await placeHold(
      { db, config, now: clock.now() },
      { slotId: full, procedure: PROCEDURE, channel: 'presencial', sessionKey: null },
    );
    app = await buildTestApp(database, {}, clock.now);
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  /**
   * Each step reads the places and the cached answer the steps before it left (the first free place,
   * then taken): they run as one test, in this order. Here `it` declares a step of that story
   * (test/helpers/steps.ts), not a test of its own.
   */
  const story = new Steps();
  const it = story.step;

  it('answers the first free place per channel, skipping full and too-early slots', async () => {
    const res = await app.inject({ url: `/api/v1/next-available?procedure=${PROCEDURE}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.json().items).toEqual([
      {
        procedure: PROCEDURE,
        channel: 'presencial',
        startsAt: '2026-12-02T09:00:00-05:00',
        officeCode: '11',
        available: 1,
      },
      {
        procedure: PROCEDURE,
        channel: 'video',
        startsAt: '2026-12-01T11:00:00-05:00',
        officeCode: null,
        available: 3,
      },
      { procedure: PROCEDURE, channel: 'telefono', startsAt: null, officeCode: null, available: 0 },
    ]);
    const video = await app.inject({ url: '/api/v1/next-available?channel=video' });
    expect(video.json().items.every((i: { channel: string }) => i.channel === 'video')).toBe(true);
    expect(video.json().items.length).toBeGreaterThan(1);
    const bad = await app.inject({ url: '/api/v1/next-available?channel=fax' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps the answer for a minute, then shows the next place once the first is taken', async () => {
    await placeHold(
      { db: database.db, config: testConfig(), now: clock.now() },
      { slotId: medellin, procedure: PROCEDURE, channel: 'presencial', sessionKey: null },
    );
    const cached = await app.inject({
      url: `/api/v1/next-available?procedure=${PROCEDURE}&channel=presencial`,
    });
    expect(cached.json().items[0].officeCode).toBe('11');
    clock.advance(61_000);
    const fresh = await app.inject({
      url: `/api/v1/next-available?procedure=${PROCEDURE}&channel=presencial`,
    });
    expect(fresh.json().items[0]).toMatchObject({ officeCode: '05', startsAt: '2026-12-03T09:00:00-05:00' });
  });

  it('shows the same on the public page, linked from the home page', async () => {
    const page = await app.inject({ url: '/proximas-citas' });
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('Próximas citas disponibles');
    expect(text).toMatch(
      /Orientación tributaria[^|]*? Presencial jueves, 3 de diciembre de 2026[^|]*?Impuestos de Cali, Cali/,
    );
    expect(text).toContain('Atención remota');
    expect(page.body).toContain(`href="/reservar?tramite=${PROCEDURE}"`);
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('href="/proximas-citas"');
  });

  test('the next free places, as they are taken, in the API and on the public page', () => story.run());
});
