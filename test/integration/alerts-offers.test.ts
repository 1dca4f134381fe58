import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { testConfig } from '../../src/config.js';
import type { DB } from '../../src/db/schema.js';
import type { App } from '../../src/http/types.js';
import { ALERTS_END_FINISHED } from '../../src/jobs/definitions/alerts-end-finished.js';
import { ALERTS_MATCH } from '../../src/jobs/definitions/alerts-match.js';
import { HOLDS_RECLAIM_EXPIRED } from '../../src/jobs/definitions/holds-reclaim-expired.js';
import { Worker } from '../../src/jobs/worker.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, consent } from '../helpers/factories.js';
import { aSlotOfLine, bogotaAt, slotTaken, submitForm } from '../helpers/notify-fixtures.js';

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
    lineId = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: ['rut-pj'],
    });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  beforeEach(async () => {
    clock.set(T0);
    // Each test offers only the places of the slots it makes: those of the tests before it are closed.
    await database.db.updateTable('slots').set({ status: 'closed' }).execute();
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
    const res = await submitForm(app, path);
    expect(res.statusCode).toBe(303);
  }

  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as object });
  const holdSlot = (slotId: number) =>
    post('/api/v1/holds', { slotId, procedure: 'rut-pj', channel: 'presencial' });

  async function book(slotId: number) {
    const held = await holdSlot(slotId);
    expect(held.statusCode).toBe(201);
    const applicant = anApplicant();
    const confirmed = await post(`/api/v1/holds/${held.json().holdId}/confirm`, { applicant, consent });
    expect(confirmed.statusCode).toBe(201);
    return { code: confirmed.json().code as string, documentNumber: applicant.documentNumber as string };
  }

  /** The offers made (of one slot, when given), in order. */
  const offers = (slotId?: number) =>
    database.db
      .selectFrom('alert_offers as o')
      .innerJoin('alert_subscriptions as s', 's.id', 'o.subscription_id')
      .select(['s.email', 'o.status'])
      .$if(slotId !== undefined, (q) => q.where('o.slot_id', '=', slotId as number))
      .orderBy('o.id')
      .execute();

  it('offers a cancelled place to three subscribers in turn: held, not public, passed on when unclaimed', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: bogotaAt(T0, 3, 9), capacity: 1 });
    const appointment = await book(slotId);
    for (const who of ['ana@example.com', 'beto@example.com', 'carla@example.com']) await subscribe(who);
    await worker.runDue();
    // confirmed in the reverse order: the order that counts is the order they subscribed
    for (const who of ['carla@example.com', 'beto@example.com', 'ana@example.com']) await confirm(who);
    await worker.runDue();
    expect(await offers()).toEqual([]);

    clock.advance(5 * MINUTE);
    const cancelled = await post(`/api/v1/appointments/${appointment.code}/cancel`, {
      documentNumber: appointment.documentNumber,
    });
    expect(cancelled.statusCode).toBe(200);
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
    // nobody else can hold it, and public search does not show it
    expect((await holdSlot(slotId)).json()).toMatchObject({ status: 409, code: 'SLOT_FULL' });
    const search = await app.inject({
      url: '/api/v1/availability/slots?procedure=rut-pj&channel=presencial&office=11&date=2030-03-07',
    });
    expect(search.json().items.filter((i: { slotId: number }) => i.slotId === slotId)).toEqual([]);

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
    expect((await holdSlot(slotId)).statusCode).toBe(409);
    expect((await offers()).map((o) => o.email)).toEqual(['ana@example.com']);

    clock.advance(1 * MINUTE);
    await worker.runDue();
    expect(await offers()).toEqual([
      { email: 'ana@example.com', status: 'expired' },
      { email: 'beto@example.com', status: 'offered' },
    ]);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });
    expect((await holdSlot(slotId)).statusCode).toBe(409);
    const gone = await app.inject({ method: 'GET', url: offerToAna });
    expect(gone.body).toContain('Este cupo ya no está disponible');
    // the page has no button any more; a post with a valid token changes nothing either
    const lateClaim = await submitForm(app, '/alertas', {}, offerToAna);
    expect(lateClaim.statusCode).toBe(303);
    expect((await offers())[0]?.status).toBe('expired');

    // Beto takes it: the place becomes his citizen hold, to confirm with his data
    const offerToBeto = await linkIn(database.db, 'beto@example.com', 'alert-offer', '/alertas/oferta/');
    clock.advance(10 * MINUTE);
    expect((await app.inject({ method: 'POST', url: offerToBeto })).statusCode).toBe(403);
    expect((await submitForm(app, offerToBeto)).statusCode).toBe(303);
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
    await enqueue(database.db, HOLDS_RECLAIM_EXPIRED, {}, { runAt: clock.now() });
    await worker.runDue();
    expect((await offers()).map((o) => [o.email, o.status])).toEqual([
      ['ana@example.com', 'expired'],
      ['beto@example.com', 'claimed'],
      ['carla@example.com', 'offered'],
    ]);

    // Carla takes it and confirms with her data like anyone else: the offer became an ordinary hold
    const offerToCarla = await linkIn(database.db, 'carla@example.com', 'alert-offer', '/alertas/oferta/');
    expect((await submitForm(app, offerToCarla)).statusCode).toBe(303);
    const carlaHold = await database.db
      .selectFrom('holds')
      .selectAll()
      .where('slot_id', '=', slotId)
      .executeTakeFirstOrThrow();
    const booked = await post(`/api/v1/holds/${carlaHold.id}/confirm`, {
      applicant: anApplicant({ email: 'carla@example.com', firstName: 'Carla' }),
      consent,
    });
    expect(booked.statusCode).toBe(201);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });
    expect(
      await database.db.selectFrom('holds').select('id').where('slot_id', '=', slotId).execute(),
    ).toEqual([]);
    expect((await offers())[2]?.status).toBe('claimed');

    await worker.runDue();
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
    expect(messages.filter((m) => m.kind === 'appointment-confirmed')).toHaveLength(2);
  });

  it('a subscriber who leaves while a place is held for them passes it on, or back to public search', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: bogotaAt(T0, 4, 11), capacity: 1 });
    const appointment = await book(slotId);
    await subscribe('jose@example.com');
    await subscribe('kati@example.com');
    await worker.runDue();
    await confirm('jose@example.com');
    await confirm('kati@example.com');
    await post(`/api/v1/appointments/${appointment.code}/cancel`, {
      documentNumber: appointment.documentNumber,
    });
    await worker.runDue();
    expect(await offers()).toEqual([{ email: 'jose@example.com', status: 'offered' }]);

    // opening the unsubscribe link changes nothing; the button does
    const leaveJose = await linkIn(database.db, 'jose@example.com', 'alert-offer', '/alertas/baja/');
    const page = await app.inject({ method: 'GET', url: leaveJose });
    expect(page.body).toContain('Cancelar la alerta');
    expect(await offers()).toHaveLength(1);
    // a mail client's one-click unsubscribe (RFC 8058) posts to the same link
    const oneClick = await app.inject({
      method: 'POST',
      url: leaveJose,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(303);
    expect(await offers()).toEqual([
      { email: 'jose@example.com', status: 'withdrawn' },
      { email: 'kati@example.com', status: 'offered' },
    ]);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });

    await worker.runDue();
    const leaveKati = await linkIn(database.db, 'kati@example.com', 'alert-offer', '/alertas/baja/');
    expect((await app.inject({ method: 'POST', url: leaveKati })).statusCode).toBe(303);
    expect((await offers()).map((o) => o.status)).toEqual(['withdrawn', 'withdrawn']);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 0, capacity: 1 });
    expect((await holdSlot(slotId)).statusCode).toBe(201);
    const done = await app.inject({ method: 'GET', url: leaveKati });
    expect(done.body).toContain('Listo: no recibirá más alertas');
  });

  it('an offer whose expired hold the booking engine reclaimed first: the next subscriber gets the place later', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: bogotaAt(T0, 5, 9), capacity: 1 });
    const appointment = await book(slotId);
    await subscribe('luis@example.com');
    await subscribe('mara@example.com');
    await worker.runDue();
    await confirm('luis@example.com');
    await confirm('mara@example.com');
    await post(`/api/v1/appointments/${appointment.code}/cancel`, {
      documentNumber: appointment.documentNumber,
    });
    expect(await offers(slotId)).toEqual([{ email: 'luis@example.com', status: 'offered' }]);
    // the window ends and someone searching holds the place before the worker passes it on
    clock.advance(30 * MINUTE);
    expect((await holdSlot(slotId)).statusCode).toBe(201);
    await worker.runDue();
    expect(await offers(slotId)).toEqual([{ email: 'luis@example.com', status: 'expired' }]);
    // that person walks away; when their hold expires, Mara is offered the place
    clock.advance(10 * MINUTE);
    await enqueue(database.db, HOLDS_RECLAIM_EXPIRED, {}, { runAt: clock.now() });
    await worker.runDue();
    expect(await offers(slotId)).toEqual([
      { email: 'luis@example.com', status: 'expired' },
      { email: 'mara@example.com', status: 'offered' },
    ]);
    expect(await slotTaken(database.db, slotId)).toEqual({ taken: 1, capacity: 1 });
  });

  it('offers newly published places to matching subscribers only, one live offer each', async () => {
    await aCapacityLine(database.db, { office: '32', channel: 'presencial', procedures: ['rut-pj'] });
    await subscribe('dora@example.com');
    await subscribe('eva@example.com', { city: undefined, office: '11' });
    await subscribe('fabio@example.com', { city: '11001' }); // Bogotá: no match in Medellín
    await subscribe('gina@example.com', { from: '2030-03-15', to: '2030-03-20' }); // later dates
    await worker.runDue();
    for (const who of ['dora@example.com', 'eva@example.com', 'fabio@example.com', 'gina@example.com']) {
      await confirm(who);
    }
    const start = bogotaAt(T0, 2, 10);
    const s1 = await aSlotOfLine(database.db, { lineId, startsAt: start, capacity: 1 });
    const s2 = await aSlotOfLine(database.db, {
      lineId,
      startsAt: new Date(start.getTime() + 30 * MINUTE),
      capacity: 2,
    });
    await enqueue(database.db, ALERTS_MATCH, {}, { runAt: clock.now() });
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
    await enqueue(database.db, ALERTS_MATCH, {}, { runAt: clock.now() });
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
    await enqueue(database.db, ALERTS_END_FINISHED, {}, { runAt: clock.now() });
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
    await enqueue(database.db, ALERTS_END_FINISHED, {}, { runAt: clock.now() });
    await worker.runDue();
    const left = await database.db
      .selectFrom('alert_subscriptions')
      .select(['email', 'status'])
      .orderBy('id')
      .execute();
    expect(left).toEqual([{ email: 'ines@example.com', status: 'ended' }]);
  });
});
