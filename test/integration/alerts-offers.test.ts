import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { testConfig } from '../../src/config.js';
import type { DB } from '../../src/db/schema.js';
import type { App } from '../../src/http/types.js';
import { enqueue } from '../../src/jobs/queue.js';
import { Worker } from '../../src/jobs/worker.js';
import { givePlaceBack } from '../../src/repositories/alerts.js';
import { offerPlace } from '../../src/services/alerts/offer-place.js';
import { alertSettings } from '../../src/services/alerts/settings.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aLine, anAppointment, aSlot, bogotaAt, slotTaken } from '../helpers/notify-fixtures.js';

const T0 = new Date('2030-03-04T15:00:00Z'); // Monday 10:00 in Bogotá
const PUBLIC_URL = 'https://citas.example.gov.co';
const MINUTE = 60_000;

/** The path of the first link in a stored message that starts with `prefix`. */
async function linkIn(db: Kysely<DB>, to: string, kind: string, prefix: string): Promise<string> {
  const rows = await db
    .selectFrom('mail_messages')
    .select(['text_body'])
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .execute();
  const text = rows[0]?.text_body ?? '';
  const match = new RegExp(`${PUBLIC_URL}(${prefix}[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${prefix} link in the ${kind} message to ${to}`);
  return match[1];
}

/** A public hold as the booking engine takes one: only while the slot has room. */
async function publicHoldPossible(db: Kysely<DB>, slotId: number): Promise<boolean> {
  const r = await sql<{ id: number }>`
    SELECT id FROM slots WHERE id = ${slotId} AND taken - reserved_taken < capacity - reserved`.execute(db);
  return r.rows.length === 1;
}

describe.each(engines())('alert offers on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let config: Config;
  const clock = new TestClock(T0);
  let worker: Worker;
  let lineId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    config = testConfig({ publicUrl: PUBLIC_URL, alertClaimMinutes: 30, holdSeconds: 600 });
    app = await buildTestApp(
      database,
      { publicUrl: PUBLIC_URL, alertClaimMinutes: 30, holdSeconds: 600 },
      clock.now,
    );
    worker = new Worker({ db: database.db, config, clock: clock.now, periodic: [] });
    lineId = await aLine(database.db, { office: '11', channel: 'presencial', procedures: ['rut-pj'] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  beforeEach(async () => {
    clock.set(T0);
    await database.db.deleteFrom('alert_subscriptions').execute();
    await database.db.deleteFrom('jobs').execute();
    await database.db.deleteFrom('mail_deliveries').execute();
  });

  async function subscribe(email: string, body: Record<string, string | undefined> = {}) {
    const payload = Object.fromEntries(
      Object.entries({
        procedure: 'rut-pj',
        channel: 'presencial',
        city: '05001',
        from: '2030-03-04',
        to: '2030-03-20',
        email,
        ...body,
      }).filter(([, v]) => v !== undefined),
    );
    const res = await app.inject({ method: 'POST', url: '/api/v1/alerts', payload });
    expect(res.statusCode).toBe(201);
  }

  async function confirm(email: string) {
    const path = await linkIn(database.db, email, 'alert-confirm', '/alertas/confirmar/');
    const res = await app.inject({ method: 'POST', url: path });
    expect(res.statusCode).toBe(303);
  }

  async function cancelAppointment(appointmentId: number, slotId: number) {
    // what the booking engine's cancellation does with the freed place (src/services/place-release.ts)
    await database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('appointments')
        .set({ status: 'cancelled', cancelled_at: clock.now(), cancel_reason: 'citizen' })
        .where('id', '=', appointmentId)
        .execute();
      await enqueue(trx, {
        name: 'mail.appointment-cancelled',
        payload: { appointmentId },
        runAt: clock.now(),
      });
      const offered = await offerPlace(trx, slotId, clock.now(), alertSettings(config), { counted: true });
      if (offered === undefined) await givePlaceBack(trx, slotId);
    });
  }

  const offers = () =>
    database.db
      .selectFrom('alert_offers as o')
      .innerJoin('alert_subscriptions as s', 's.id', 'o.subscription_id')
      .select(['s.email', 'o.status'])
      .orderBy('o.id')
      .execute();

  it('offers a cancelled place to three subscribers in turn: held, not public, passed on when unclaimed', async () => {
    const slotId = await aSlot(database.db, { lineId, startsAt: bogotaAt(T0, 3, 9), capacity: 1 });
    const appointment = await anAppointment(database.db, { slotId, createdAt: T0 });
    for (const who of ['ana@example.com', 'beto@example.com', 'carla@example.com']) await subscribe(who);
    await worker.runDue();
    // confirmed in the reverse order: the order that counts is the order they subscribed
    for (const who of ['carla@example.com', 'beto@example.com', 'ana@example.com']) await confirm(who);
    await worker.runDue();
    expect(await offers()).toEqual([]);

    clock.advance(5 * MINUTE);
    await cancelAppointment(appointment.id, slotId);
    expect(await offers()).toEqual([{ email: 'ana@example.com', status: 'offered' }]);
    const hold = await database.db
      .selectFrom('holds')
      .selectAll()
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(hold).toMatchObject({ kind: 'offer', procedure_code: 'rut-pj', channel: 'presencial' });
    expect(hold.expires_at.getTime()).toBe(clock.now().getTime() + 30 * MINUTE);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });
    expect(await publicHoldPossible(database.db, slotId)).toBe(false);

    await worker.runDue();
    const offerToAna = await linkIn(database.db, 'ana@example.com', 'alert-offer', '/alertas/oferta/');
    const page = await app.inject({ method: 'GET', url: offerToAna });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Guardamos un cupo para usted');
    expect(page.body).toContain('Tomar este cupo');
    // opening the link (as a mail scanner does) changes nothing
    expect(await offers()).toEqual([{ email: 'ana@example.com', status: 'offered' }]);

    // still held one minute before the window ends
    clock.advance(29 * MINUTE);
    await worker.runDue();
    expect(await publicHoldPossible(database.db, slotId)).toBe(false);
    expect((await offers()).map((o) => o.email)).toEqual(['ana@example.com']);

    clock.advance(1 * MINUTE);
    await worker.runDue();
    expect(await offers()).toEqual([
      { email: 'ana@example.com', status: 'expired' },
      { email: 'beto@example.com', status: 'offered' },
    ]);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });
    expect(await publicHoldPossible(database.db, slotId)).toBe(false);
    const gone = await app.inject({ method: 'GET', url: offerToAna });
    expect(gone.body).toContain('Este cupo ya no está disponible');
    const lateClaim = await app.inject({ method: 'POST', url: offerToAna });
    expect(lateClaim.statusCode).toBe(303);
    expect((await offers())[0]?.status).toBe('expired');

    // Beto takes it: the place becomes his citizen hold, to confirm with his data
    const offerToBeto = await linkIn(database.db, 'beto@example.com', 'alert-offer', '/alertas/oferta/');
    clock.advance(10 * MINUTE);
    expect((await app.inject({ method: 'POST', url: offerToBeto })).statusCode).toBe(303);
    const claimed = await app.inject({ method: 'GET', url: offerToBeto });
    expect(claimed.body).toContain('El cupo es suyo');
    const betoHold = await database.db
      .selectFrom('holds')
      .selectAll()
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(betoHold.kind).toBe('citizen');
    expect(claimed.body).toContain(`/reservar/datos?reserva=${betoHold.id}`);
    // kept until the end of the claim window or HOLD_SECONDS, whichever is later
    expect(betoHold.expires_at.getTime()).toBe(clock.now().getTime() + 20 * MINUTE);
    expect(await offers()).toEqual([
      { email: 'ana@example.com', status: 'expired' },
      { email: 'beto@example.com', status: 'claimed' },
    ]);

    // Beto never gives his data: when his hold expires, the place goes on to Carla
    clock.advance(20 * MINUTE);
    await enqueue(database.db, { name: 'holds.reclaim-expired', payload: {}, runAt: clock.now() });
    await worker.runDue();
    expect((await offers()).map((o) => [o.email, o.status])).toEqual([
      ['ana@example.com', 'expired'],
      ['beto@example.com', 'claimed'],
      ['carla@example.com', 'offered'],
    ]);

    // Carla leaves: nobody else waits, so the place returns to public search
    const leave = await linkIn(database.db, 'carla@example.com', 'alert-offer', '/alertas/baja/');
    expect((await app.inject({ method: 'POST', url: leave })).statusCode).toBe(303);
    expect((await offers())[2]?.status).toBe('withdrawn');
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 0, capacity: 1 });
    expect(await publicHoldPossible(database.db, slotId)).toBe(true);
    const left = await app.inject({ method: 'GET', url: leave });
    expect(left.body).toContain('Listo: no recibirá más alertas');

    // every alert message carried an unsubscribe link, and the cancellation was told too
    const messages = await database.db
      .selectFrom('mail_messages')
      .select(['kind', 'text_body', 'headers'])
      .execute();
    for (const m of messages.filter((m) => m.kind.startsWith('alert-'))) {
      expect(m.text_body).toMatch(new RegExp(`${PUBLIC_URL}/alertas/baja/[A-Za-z0-9_-]{43}`));
      expect(m.headers['List-Unsubscribe']).toMatch(/^<https:\/\/citas\.example\.gov\.co\/alertas\/baja\//);
    }
    expect(messages.filter((m) => m.kind === 'appointment-cancelled')).toHaveLength(1);
  });

  it('offers newly published places to matching subscribers only, one live offer each', async () => {
    await aLine(database.db, { office: '32', channel: 'presencial', procedures: ['rut-pj'] });
    await subscribe('dora@example.com');
    await subscribe('eva@example.com', { city: undefined, office: '11' });
    await subscribe('fabio@example.com', { city: '11001' }); // Bogotá: no match in Medellín
    await subscribe('gina@example.com', { from: '2030-03-15', to: '2030-03-20' }); // later dates
    await worker.runDue();
    for (const who of ['dora@example.com', 'eva@example.com', 'fabio@example.com', 'gina@example.com']) {
      await confirm(who);
    }
    const start = bogotaAt(T0, 2, 10);
    const s1 = await aSlot(database.db, { lineId, startsAt: start, capacity: 1 });
    const s2 = await aSlot(database.db, {
      lineId,
      startsAt: new Date(start.getTime() + 30 * MINUTE),
      capacity: 2,
    });
    await enqueue(database.db, { name: 'alerts.match', payload: {}, runAt: clock.now() });
    await worker.runDue();
    expect(await offers()).toEqual([
      { email: 'dora@example.com', status: 'offered' },
      { email: 'eva@example.com', status: 'offered' },
    ]);
    const held = await database.db.selectFrom('alert_offers').select(['slot_id']).orderBy('id').execute();
    expect(held.map((h) => h.slot_id)).toEqual([s1, s2]);
    expect(await slotTaken(database.db, s1)).toEqual({ taken: 1, capacity: 1 });
    expect(await slotTaken(database.db, s2)).toEqual({ taken: 1, capacity: 2 });
    // matching again finds nobody new: one live offer per subscriber
    await enqueue(database.db, { name: 'alerts.match', payload: {}, runAt: clock.now() });
    await worker.runDue();
    expect(await offers()).toHaveLength(2);
    const mails = await database.db
      .selectFrom('mail_messages')
      .select('to_address')
      .where('kind', '=', 'alert-offer')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual(['dora@example.com', 'eva@example.com']);
  });

  it('ends subscriptions after their date range', async () => {
    await subscribe('hugo@example.com', { from: '2030-03-04', to: '2030-03-05' });
    await subscribe('ines@example.com', { from: '2030-03-04', to: '2030-03-10' });
    await worker.runDue();
    await confirm('hugo@example.com');
    await confirm('ines@example.com');
    clock.set(new Date('2030-03-06T05:00:00Z')); // 6 March 00:00 in Bogotá
    await enqueue(database.db, { name: 'alerts.end-finished', payload: {}, runAt: clock.now() });
    await worker.runDue();
    const rows = await database.db
      .selectFrom('alert_subscriptions')
      .select(['email', 'status'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { email: 'hugo@example.com', status: 'ended' },
      { email: 'ines@example.com', status: 'active' },
    ]);
    // 30 days after it ended, the ended one, with its address, is gone; the other has ended meanwhile
    clock.set(new Date('2030-04-05T06:00:00Z'));
    await enqueue(database.db, { name: 'alerts.end-finished', payload: {}, runAt: clock.now() });
    await worker.runDue();
    const left = await database.db
      .selectFrom('alert_subscriptions')
      .select(['email', 'status'])
      .orderBy('id')
      .execute();
    expect(left).toEqual([{ email: 'ines@example.com', status: 'ended' }]);
  });
});
