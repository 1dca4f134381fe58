import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openPostgres } from '../../src/db/database.js';
import { systemActor } from '../../src/domain/access.js';
import { drawKey } from '../../src/domain/draw.js';
import { applyForRelease } from '../../src/services/releases/apply.js';
import { createRelease } from '../../src/services/releases/create.js';
import { drawRelease } from '../../src/services/releases/draw.js';
import { confirmEntryByToken, entryByToken } from '../../src/services/releases/entry-link.js';
import {
  claimReleaseOffer,
  declineReleaseOffer,
  expireReleaseOffer,
} from '../../src/services/releases/offers.js';
import { entryToken, offerToken, releaseSettings } from '../../src/services/releases/release-settings.js';
import { viewRelease } from '../../src/services/releases/view.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const NOW = new Date('2026-12-01T12:00:00Z');
const config = testConfig();
const settings = releaseSettings(config);
const WINDOW_MS = 45_000;
const AFTER_CLOSE = new Date(NOW.getTime() + WINDOW_MS);

/** A document number of its own for each person of these tests. */
const person = (i: number) => ({ documentType: 'CC', documentNumber: String(52_000_000 + i) });

describe.each(engines())('a release drawn on %s', (engine) => {
  let database: TestDatabase;
  let lineId: number;
  const ctx = () => ({ db: database.db, now: NOW, settings, rules: config });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    lineId = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    // Two days of places: mornings of 3 places and afternoons of 2.
    for (const day of ['2026-12-03', '2026-12-04']) {
      await aSlot(database.db, { line: lineId, startsAt: `${day}T13:00:00Z`, capacity: 3 });
      await aSlot(database.db, { line: lineId, startsAt: `${day}T19:00:00Z`, capacity: 2 });
    }
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function enter(releaseId: string, i: number, extra: Record<string, unknown> = {}) {
    const { entryId } = await applyForRelease(
      ctx(),
      releaseId,
      { ...person(i), email: `p${i}@example.com`, ...extra },
      'es',
    );
    await confirmEntryByToken(ctx(), entryToken(settings, entryId));
    return entryId;
  }

  it('takes the free places, publishes the seed hash, and draws in the order anyone can recompute', async () => {
    const created = await createRelease(
      database.db,
      systemActor('cli'),
      { lineId, from: '2026-12-03', to: '2026-12-04', windowMs: WINDOW_MS },
      NOW,
    );
    expect(created).toMatchObject({ slots: 4, places: 10 });
    const before = await viewRelease(database.db, created.id, NOW);
    expect(before).toMatchObject({ status: 'open', places: 10, seed: null, order: null, entries: null });

    const ids: string[] = [];
    for (let i = 0; i < 14; i++)
      ids.push(await enter(created.id, i, i % 4 === 0 ? { partOfDay: 'tarde' } : {}));

    const result = await drawRelease(database.db, created.id, AFTER_CLOSE, settings);
    expect(result).toMatchObject({ entries: 14, places: 10, offers: 10, waiting: 4 });
    const after = await viewRelease(database.db, created.id, AFTER_CLOSE);
    expect(after.status).toBe('drawn');
    // The seed revealed is the one whose hash was published when the window opened.
    const seed = Buffer.from(after.seed ?? '', 'hex');
    expect(createHash('sha256').update(seed).digest('hex')).toBe(before.seedHash);
    // The order is the entry ids sorted by HMAC-SHA256(seed, id).
    const recomputed = [...ids].sort((a, b) => drawKey(seed, a).localeCompare(drawKey(seed, b)));
    expect(after.order).toEqual(recomputed);
    expect(after.entries).toBe(14);

    // Each place went to one entry; nobody got two; the afternoon-only entries got afternoons or wait.
    const offers = await database.db
      .selectFrom('release_offers as o')
      .innerJoin('slots as s', 's.id', 'o.slot_id')
      .innerJoin('release_entries as e', 'e.id', 'o.entry_id')
      .select(['o.entry_id', 'o.slot_id', 's.starts_at', 'e.part_of_day', 'e.draw_position'])
      .where('o.release_id', '=', created.id)
      .execute();
    expect(new Set(offers.map((o) => o.entry_id)).size).toBe(10);
    for (const o of offers) if (o.part_of_day === 'tarde') expect(o.starts_at.getUTCHours()).toBe(19);
    const slots = await database.db
      .selectFrom('slots')
      .select(['id', 'capacity', 'taken'])
      .where('capacity_line_id', '=', lineId)
      .execute();
    for (const s of slots) expect(s.taken).toBeLessThanOrEqual(s.capacity);
    expect(slots.reduce((n, s) => n + s.taken, 0)).toBe(10);

    // Drawing again does nothing.
    expect(await drawRelease(database.db, created.id, AFTER_CLOSE, settings)).toBeUndefined();
    // A person on the waiting list sees their number.
    const waitingId = ids.find((id) => !offers.some((o) => o.entry_id === id)) as string;
    const view = await entryByToken({ ...ctx(), now: AFTER_CLOSE }, entryToken(settings, waitingId));
    expect(view.position).toBeGreaterThan(0);
    expect(view.offer).toBeNull();

    // An offer declined passes to the next entry in draw order that wants that slot.
    const first = offers.sort((a, b) => (a.draw_position ?? 0) - (b.draw_position ?? 0))[0];
    const offerRow = await database.db
      .selectFrom('release_offers')
      .select('id')
      .where('entry_id', '=', first?.entry_id as string)
      .executeTakeFirstOrThrow();
    await declineReleaseOffer({ ...ctx(), now: AFTER_CLOSE }, offerToken(settings, offerRow.id));
    const passed = await database.db
      .selectFrom('release_offers')
      .select(['reason', 'slot_id'])
      .where('release_id', '=', created.id)
      .where('reason', '=', 'passed_on')
      .execute();
    expect(passed).toEqual([{ reason: 'passed_on', slot_id: first?.slot_id }]);
  });

  it('binds a claimed place to the session, and lets an unclaimed one pass on when its window ends', async () => {
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    await aSlot(database.db, { line, startsAt: '2026-12-07T13:00:00Z', capacity: 1 });
    const created = await createRelease(
      database.db,
      systemActor('cli'),
      { lineId: line, from: '2026-12-07', to: '2026-12-07', windowMs: WINDOW_MS },
      NOW,
    );
    const a = await enter(created.id, 100);
    const b = await enter(created.id, 101);
    await drawRelease(database.db, created.id, AFTER_CLOSE, settings);
    const offer = await database.db
      .selectFrom('release_offers')
      .select(['id', 'entry_id', 'expires_at'])
      .where('release_id', '=', created.id)
      .executeTakeFirstOrThrow();
    const token = offerToken(settings, offer.id);
    const claimed = await claimReleaseOffer({ ...ctx(), now: AFTER_CLOSE }, token, 'session-one');
    // Claiming again (a second click, the link opened again) gives the same hold.
    expect(await claimReleaseOffer({ ...ctx(), now: AFTER_CLOSE }, token, 'session-one')).toEqual(claimed);
    const hold = await database.db
      .selectFrom('holds')
      .select(['kind', 'person_key', 'session_key'])
      .where('id', '=', claimed.holdId)
      .executeTakeFirstOrThrow();
    expect(hold.kind).toBe('citizen');
    expect(hold.person_key).toBe(`CC:${offer.entry_id === a ? 52_000_100 : 52_000_101}`);

    // Never confirmed: when the window ends the place passes to the other entry.
    await database.db
      .transaction()
      .execute((trx) =>
        expireReleaseOffer(trx, offer.id, { now: offer.expires_at, settings, rules: config }),
      );
    const next = await database.db
      .selectFrom('release_offers')
      .select(['entry_id', 'reason', 'status'])
      .where('release_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(next).toEqual([
      { entry_id: offer.entry_id, reason: 'draw', status: 'expired' },
      { entry_id: offer.entry_id === a ? b : a, reason: 'passed_on', status: 'offered' },
    ]);
  });
});

describe.runIf(engines().includes('postgres'))('two processes closing the same release', () => {
  it('draw it once: each place offered once', async () => {
    const database = await createTestDatabase('postgres');
    const second = openPostgres({ url: database.url as string, poolSize: 4 });
    try {
      const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
      for (let h = 13; h < 18; h++)
        await aSlot(database.db, { line, startsAt: `2026-12-09T${h}:00:00Z`, capacity: 4 });
      const created = await createRelease(
        database.db,
        systemActor('cli'),
        { lineId: line, from: '2026-12-09', to: '2026-12-09', windowMs: WINDOW_MS },
        NOW,
      );
      const c = { db: database.db, now: NOW, settings, rules: config };
      for (let i = 0; i < 30; i++) {
        const { entryId } = await applyForRelease(
          c,
          created.id,
          { ...person(200 + i), email: `q${i}@example.com` },
          'es',
        );
        await confirmEntryByToken(c, entryToken(settings, entryId));
      }
      const results = await Promise.all([
        drawRelease(database.db, created.id, AFTER_CLOSE, settings),
        drawRelease(second.db, created.id, AFTER_CLOSE, settings),
      ]);
      expect(results.filter((r) => r !== undefined)).toHaveLength(1);
      const offers = await database.db
        .selectFrom('release_offers')
        .select(['entry_id', 'hold_id'])
        .where('release_id', '=', created.id)
        .execute();
      expect(offers).toHaveLength(20);
      expect(new Set(offers.map((o) => o.entry_id)).size).toBe(20);
      const holds = await database.db.selectFrom('holds').select('id').where('kind', '=', 'offer').execute();
      expect(holds.filter((h) => offers.some((o) => o.hold_id === h.id))).toHaveLength(20);
    } finally {
      await second.close();
      await database.destroy();
    }
  });
});
