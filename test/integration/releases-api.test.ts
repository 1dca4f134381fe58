import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { createRelease } from '../../src/services/releases/create.js';
import { entryToken, offerToken, releaseSettings } from '../../src/services/releases/release-settings.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const NOW = new Date('2026-12-01T12:00:00Z');

describe.each(engines())('the releases API on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let releaseId: string;
  const clock = new TestClock(NOW);
  const settings = () => releaseSettings(app.deps.config);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    await aSlot(database.db, { line, startsAt: '2026-12-03T13:00:00Z', capacity: 2 });
    const created = await createRelease(
      database.db,
      systemActor('cli'),
      { lineId: line, from: '2026-12-03', to: '2026-12-03', windowMs: 60_000 },
      NOW,
    );
    releaseId = created.id;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const apply = (body: Record<string, unknown>, id = releaseId) =>
    app.inject({ method: 'POST', url: `/api/v1/releases/${id}/entries`, payload: body });
  const post = (url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, payload });

  it('lists and shows a release with its seed hash, and no seed before the draw', async () => {
    const list = await app.inject({ url: `/api/v1/releases?procedure=${PROCEDURE}&office=11` });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        id: releaseId,
        status: 'open',
        seed: null,
        closesAt: '2026-12-01T07:01:00-05:00',
      }),
    );
    const one = await app.inject({ url: `/api/v1/releases/${releaseId}` });
    expect(one.json()).toMatchObject({ id: releaseId, places: 2, entries: null, order: null, claimed: 0 });
    expect(one.json().seedHash).toMatch(/^[0-9a-f]{64}$/);
    for (const bad of ['not-a-release', '00000000-0000-4000-8000-000000000000']) {
      const res = await app.inject({ url: `/api/v1/releases/${bad}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('refuses bad applications with a clear problem and records nothing', async () => {
    const count = async () => (await database.db.selectFrom('release_entries').select('id').execute()).length;
    const before = await count();
    const bad = await apply({
      documentType: 'CC',
      documentNumber: '12',
      email: 'no-es-correo',
      dates: ['2026-12-09'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('VALIDATION');
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['dates', 'documentNumber', 'email']);
    const nit = await apply({ documentType: 'NIT', documentNumber: '800197268-5', email: 'a@example.com' });
    expect(nit.json().errors).toEqual([
      { field: 'documentNumber', message: expect.stringContaining('dígito') },
    ]);
    const unknown = await apply(
      { documentType: 'CC', documentNumber: '52111222', email: 'a@example.com' },
      '00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    const extra = await apply({
      documentType: 'CC',
      documentNumber: '52111222',
      email: 'a@example.com',
      name: 'x',
    });
    expect(extra.statusCode).toBe(400);
    expect(await count()).toBe(before);
    for (const token of ['', 'forged', `${releaseId}.AAAA`]) {
      const res = await post('/api/v1/entries/confirm', { token });
      expect(res.statusCode, token).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, token).toBeLessThan(500);
    }
  });

  it('takes applications, counts them once confirmed, draws at the close and lets the drawn claim', async () => {
    const first = await apply({
      documentType: 'CC',
      documentNumber: '52111222',
      email: 'uno@example.com',
      partOfDay: 'manana',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ entryId: expect.any(String), status: 'pending' });
    const entryId = first.json().entryId as string;
    const worker = new Worker({ db: database.db, config: app.deps.config, clock: clock.now, periodic: [] });
    await worker.runDue();
    const confirmed = await post('/api/v1/entries/confirm', { token: entryToken(settings(), entryId) });
    expect(confirmed.json()).toEqual({ entryId, status: 'confirmed' });
    for (let i = 0; i < 3; i++) {
      const other = await apply({
        documentType: 'CE',
        documentNumber: `90${i}123`,
        email: `o${i}@example.com`,
      });
      await worker.runDue();
      await post('/api/v1/entries/confirm', { token: entryToken(settings(), other.json().entryId) });
    }
    clock.advance(60_000);
    const late = await apply({ documentType: 'CC', documentNumber: '52999888', email: 'tarde@example.com' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('RELEASE_CLOSED');

    await worker.runDue();
    const drawn = (await app.inject({ url: `/api/v1/releases/${releaseId}` })).json();
    expect(drawn).toMatchObject({ status: 'drawn', places: 2, entries: 4 });
    expect(drawn.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(drawn.order).toHaveLength(4);
    const mails = await database.db.selectFrom('mail_messages').select(['kind', 'to_address']).execute();
    expect(mails.filter((m) => m.kind === 'release-offer')).toHaveLength(2);
    expect(mails.filter((m) => m.kind === 'release-result')).toHaveLength(2);
    expect(mails.filter((m) => m.kind === 'release-entry')).toHaveLength(4);

    const offer = await database.db
      .selectFrom('release_offers')
      .select('id')
      .where('release_id', '=', releaseId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const claim = await post('/api/v1/offers/claim', { token: offerToken(settings(), offer.id) });
    expect(claim.statusCode).toBe(201);
    expect(claim.json()).toEqual({ holdId: expect.any(String), expiresAt: expect.stringMatching(/-05:00$/) });
    const forged = await post('/api/v1/offers/claim', { token: `${offer.id}.forged` });
    expect(forged.statusCode).toBe(404);
  });
});
