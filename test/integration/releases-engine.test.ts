import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { selectSlotFor } from '../../src/repositories/alerts/offer-slots.js';
import { alertSettings } from '../../src/services/alerts/settings.js';
import { applyForRelease } from '../../src/services/releases/apply.js';
import { createRelease } from '../../src/services/releases/create.js';
import { confirmEntryByToken } from '../../src/services/releases/entry-link.js';
import { reclaimExpiredReleaseHolds } from '../../src/services/releases/reclaim.js';
import { entryToken, offerToken, releaseSettings } from '../../src/services/releases/release-settings.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const NOW = new Date('2026-12-01T12:00:00Z');
const WINDOW_MS = 60_000;
const HOUR = 3_600_000;

/**
 * The booking engine around a release (DESIGN.md §7): its places are never free to hold or to find, not
 * during the window and not after the draw while its list lasts; a place freed there (a cancellation, an
 * offer left unclaimed, a hold run out) goes to the next entry in draw order, and only then to the public.
 */
describe.each(engines())('the booking engine around a release on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let worker: Worker;
  const clock = new TestClock(NOW);
  const settings = () => releaseSettings(app.deps.config);
  const ctx = () => ({ db: database.db, now: clock.now(), settings: settings(), rules: app.deps.config });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    worker = new Worker({ db: database.db, config: app.deps.config, clock: clock.now, periodic: [] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const post = (url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, payload });
  const hold = (slotId: number) =>
    post('/api/v1/holds', { slotId, procedure: PROCEDURE, channel: 'presencial' });

  /** A person's confirmed entry; the applicant data they will book with. */
  async function enter(releaseId: string) {
    const person = anApplicant();
    const { entryId } = await applyForRelease(
      ctx(),
      releaseId,
      { documentType: person.documentType, documentNumber: person.documentNumber, email: person.email },
      'es',
    );
    await confirmEntryByToken(ctx(), entryToken(settings(), entryId));
    return { entryId, person };
  }

  const offersOf = (releaseId: string) =>
    database.db
      .selectFrom('release_offers')
      .select(['id', 'entry_id', 'slot_id', 'status', 'reason', 'expires_at'])
      .where('release_id', '=', releaseId)
      .orderBy('id')
      .execute();

  async function releaseOf(lineId: number, day: string) {
    const created = await createRelease(
      database.db,
      systemActor('cli'),
      { lineId, from: day, to: day, windowMs: WINDOW_MS },
      clock.now(),
    );
    return created.id;
  }

  it('keeps a release’s places out of holds, search and alerts, during the window and after the draw', async () => {
    clock.set(NOW);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-09T14:00:00Z', capacity: 2 });
    const releaseId = await releaseOf(line, '2026-12-09');

    const refused = await hold(slotId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'IN_DRAW', releaseId });
    expect(refused.json().detail).toMatch(/sorteo/);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 0, holds: 0 });

    const days = await app.inject({
      url: `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=2026-12-09&to=2026-12-09`,
    });
    expect(days.statusCode).toBe(200);
    expect(JSON.stringify(days.json())).not.toContain('2026-12-09');
    const slots = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-09`,
    });
    expect(JSON.stringify(slots.json())).not.toContain(`"slotId":${slotId}`);
    const subscription = {
      id: 1,
      procedure_code: PROCEDURE,
      channel: 'presencial',
      office_code: '11',
      city_code: null,
      date_from: '2026-12-09',
      date_to: '2026-12-09',
    };
    expect(
      await selectSlotFor(database.db, subscription, { fromDate: '2026-12-09', startsAfter: NOW }),
    ).toBeUndefined();

    // One entry for two places: after the draw the second place stays the release's while nobody of its
    // list is left to want it, and then goes public.
    await enter(releaseId);
    clock.advance(WINDOW_MS);
    await worker.runDue();
    expect(await offersOf(releaseId)).toHaveLength(1);
    const after = await hold(slotId);
    expect(after.statusCode).toBe(201);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 2, capacity: 2 });
    const slot = await database.db
      .selectFrom('slots')
      .select('release_id')
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(slot.release_id).toBeNull();
  });

  it('binds a drawn place to its entry’s document, and gives a cancelled or unclaimed place to the next entry', async () => {
    clock.set(NOW);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-10T14:00:00Z', capacity: 2 });
    const releaseId = await releaseOf(line, '2026-12-10');
    const people = [await enter(releaseId), await enter(releaseId), await enter(releaseId)];
    clock.advance(WINDOW_MS);
    await worker.runDue();
    const offers = await offersOf(releaseId);
    expect(offers).toHaveLength(2);
    // Nobody outside the draw order takes a place while the list lasts.
    expect((await hold(slotId)).json().code).toBe('IN_DRAW');

    const [first, second] = offers;
    if (!first || !second) throw new Error('two offers expected');
    const owner = people.find((p) => p.entryId === first.entry_id);
    const waiting = people.find((p) => !offers.some((o) => o.entry_id === p.entryId));
    if (!owner || !waiting) throw new Error('an owner and a waiting entry expected');

    const claim = await post('/api/v1/offers/claim', { token: offerToken(settings(), first.id) });
    expect(claim.statusCode).toBe(201);
    const holdId = claim.json().holdId as string;
    // Someone else's document is refused and the offer stays the entry's.
    const other = await post(`/api/v1/holds/${holdId}/confirm`, { applicant: anApplicant(), consent });
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([
      { field: 'applicant.documentNumber', message: expect.stringContaining('sorteo') },
    ]);
    expect((await offersOf(releaseId))[0]?.status).toBe('claimed');

    const booked = await post(`/api/v1/holds/${holdId}/confirm`, { applicant: owner.person, consent });
    expect(booked.statusCode).toBe(201);
    expect((await offersOf(releaseId))[0]?.status).toBe('booked');

    // The owner cancels: the place goes to the entry still waiting, not to the public.
    const cancelled = await post(`/api/v1/appointments/${booked.json().code}/cancel`, {
      documentNumber: owner.person.documentNumber,
    });
    expect(cancelled.statusCode).toBe(200);
    const refilled = (await offersOf(releaseId)).find((o) => o.entry_id === waiting.entryId);
    if (!refilled) throw new Error('a refilled offer expected');
    expect(refilled).toMatchObject({ slot_id: slotId, status: 'offered', reason: 'refill' });
    expect((await hold(slotId)).json().code).toBe('IN_DRAW');

    // Neither the second offer nor the refilled one is claimed: when their windows end nobody of the list
    // is left, so both places go public.
    clock.set(new Date(second.expires_at.getTime() + 1000));
    await worker.runDue();
    const ended = await offersOf(releaseId);
    expect(
      ended
        .filter((o) => o.status === 'expired')
        .map((o) => o.id)
        .sort(),
    ).toEqual([second.id, refilled?.id].sort());
    expect((await hold(slotId)).statusCode).toBe(201);
    expect((await hold(slotId)).statusCode).toBe(201);
    expect((await hold(slotId)).json().code).toBe('SLOT_FULL');
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 2, capacity: 2, holds: 2 });
  });

  it('sends a place whose hold ran out on a release’s slot to the list, not back to search', async () => {
    clock.set(NOW);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-11T14:00:00Z', capacity: 2 });
    // Someone holds a place before the release takes the slot's free one.
    expect((await hold(slotId)).statusCode).toBe(201);
    const releaseId = await releaseOf(line, '2026-12-11');
    const [a, b] = [await enter(releaseId), await enter(releaseId)];
    clock.advance(WINDOW_MS);
    await worker.runDue();
    expect(await offersOf(releaseId)).toHaveLength(1);

    // The early hold runs out; the sweeper hands its place to the entry still waiting.
    clock.advance(HOUR);
    await database.db.transaction().execute((trx) =>
      reclaimExpiredReleaseHolds(trx, clock.now(), {
        draw: settings(),
        alerts: alertSettings(app.deps.config),
        releaseDelaySeconds: 0,
      }),
    );
    const offers = await offersOf(releaseId);
    expect(new Set(offers.map((o) => o.entry_id))).toEqual(new Set([a.entryId, b.entryId]));
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 2, holds: 2 });
  });

  it('answers a confirmation retried after its answer was lost with the same appointment', async () => {
    clock.set(NOW);
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-14T14:00:00Z', capacity: 1 });
    const held = await hold(slotId);
    const holdId = held.json().holdId as string;
    const person = anApplicant();
    const first = await post(`/api/v1/holds/${holdId}/confirm`, { applicant: person, consent });
    expect(first.statusCode).toBe(201);
    const again = await post(`/api/v1/holds/${holdId}/confirm`, { applicant: person, consent });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    // The hold id alone is not enough: another person gets the usual answer.
    const stranger = await post(`/api/v1/holds/${holdId}/confirm`, { applicant: anApplicant(), consent });
    expect(stranger.statusCode).toBe(410);
    const rows = await database.db
      .selectFrom('appointments')
      .select('id')
      .where('slot_id', '=', slotId)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, appointments: 1, holds: 0 });
  });
});
