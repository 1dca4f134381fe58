import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { withdrawPassesOf } from '../../src/services/rebook/pass.js';
import { AdminBrowser, aStaffMember, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';
import { Steps } from '../helpers/steps.js';

const NOW = new Date('2026-12-01T12:00:00Z'); // Tuesday 07:00 in Bogotá
const PROCEDURE = 'orientacion-tributaria';
const PUBLIC_URL = 'https://citas.example.gov.co';

/**
 * Rebooking with priority after a closure (decision 010), through the admin closure form, the
 * cancellation e-mails and the link's pages, on both engines.
 */
describe.each(engines())('rebooking with priority after a closure on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(NOW);
  const config = testConfig({ publicUrl: PUBLIC_URL });
  const slots: Record<'closed' | 'soon' | 'sameOffice' | 'sameCity', number> = {
    closed: 0,
    soon: 0,
    sameOffice: 0,
    sameCity: 0,
  };
  /** The four people whose appointments the closure cancels, in booking order. */
  const people: { code: string; appointmentId: number; applicantId: number; link: string }[] = [];
  let admin: AdminBrowser;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { publicUrl: PUBLIC_URL }, clock.now);
    const line32 = await aCapacityLine(database.db, { office: '32', procedures: [PROCEDURE] });
    const line3201 = await aCapacityLine(database.db, { office: '3201', procedures: [PROCEDURE] });
    // Thursday 08:00: the day that closes, with four people booked.
    slots.closed = await aSlot(database.db, {
      line: line32,
      office: '32',
      startsAt: '2026-12-03T13:00:00Z',
      capacity: 4,
    });
    // Today 15:00: bookable by anyone, but too soon to keep for someone told by e-mail now.
    slots.soon = await aSlot(database.db, {
      line: line32,
      office: '32',
      startsAt: '2026-12-01T20:00:00Z',
      capacity: 5,
    });
    // Friday 09:00 at the same office: one place.
    slots.sameOffice = await aSlot(database.db, {
      line: line32,
      office: '32',
      startsAt: '2026-12-04T14:00:00Z',
      capacity: 1,
    });
    // Wednesday 10:00 at another office of Bogotá: three places.
    slots.sameCity = await aSlot(database.db, {
      line: line3201,
      office: '3201',
      startsAt: '2026-12-02T15:00:00Z',
      capacity: 3,
    });
    const ctx = { db: database.db, config, now: NOW };
    for (let i = 0; i < 4; i++) {
      const hold = await placeHold(ctx, {
        slotId: slots.closed,
        procedure: PROCEDURE,
        channel: 'presencial',
        sessionKey: null,
      });
      const done = await confirmHold(ctx, {
        holdId: hold.holdId,
        applicant: anApplicant(),
        consent,
        via: 'web',
        locale: 'es',
      });
      const row = await database.db
        .selectFrom('appointments')
        .select(['id', 'applicant_id'])
        .where('code', '=', done.code)
        .executeTakeFirstOrThrow();
      people.push({ code: done.code, appointmentId: row.id, applicantId: row.applicant_id, link: '' });
    }
    admin = new AdminBrowser(app);
    await admin.signIn(await aStaffMember(database.db, { role: 'admin_nacional' }), clock);
    clock.set(NOW);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const taken = async (slotId: number) => (await slotCounts(database.db, slotId)).taken;
  const appointmentCount = async () =>
    (await database.db.selectFrom('appointments').select('id').execute()).length;
  const citizen = () => new AdminBrowser(app, '10.9.0.1');

  /**
   * Each step reads the passes, kept places and mail the steps before it left: they run as one test, in
   * this order. Here `it` declares a step of that story (test/helpers/steps.ts), not a test of its own.
   */
  const story = new Steps();
  const it = story.step;

  it('keeps the soonest place for each cancelled person: same office first, then the city, never too soon', async () => {
    const closed = await admin.post('/admin/agenda/cierres', {
      office: '32',
      from: '2026-12-03',
      to: '2026-12-03',
      reason: 'Mantenimiento eléctrico',
    });
    expect(closed.statusCode, textOf(closed.body)).toBe(303);
    const passes = await database.db
      .selectFrom('rebook_passes as rp')
      .innerJoin('holds as h', 'h.id', 'rp.hold_id')
      .select(['rp.appointment_id', 'rp.kept_slot_id', 'rp.status', 'h.kind', 'h.expires_at'])
      .orderBy('rp.appointment_id')
      .execute();
    expect(passes.map((p) => [p.appointment_id, p.kept_slot_id, p.status, p.kind])).toEqual([
      [people[0]?.appointmentId, slots.sameOffice, 'open', 'priority'],
      [people[1]?.appointmentId, slots.sameCity, 'open', 'priority'],
      [people[2]?.appointmentId, slots.sameCity, 'open', 'priority'],
      [people[3]?.appointmentId, slots.sameCity, 'open', 'priority'],
    ]);
    // Kept 48 hours, or until an hour (the minimum lead time) before the place starts.
    expect(passes[0]?.expires_at).toEqual(new Date('2026-12-03T12:00:00Z'));
    expect(passes[1]?.expires_at).toEqual(new Date('2026-12-02T14:00:00Z'));
    expect(await taken(slots.sameOffice)).toBe(1);
    expect(await taken(slots.sameCity)).toBe(3);
    expect(await taken(slots.soon)).toBe(0);
    // The public sees none of the kept places, and cannot take them.
    const friday = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=32&date=2026-12-04`,
    });
    expect(friday.json().items).toEqual([]);
    const publicHold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId: slots.sameOffice, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(publicHold.statusCode).toBe(409);
  });

  it('e-mails each person the kept place and their own link', async () => {
    const worker = new Worker({ db: database.db, config, clock: clock.now, periodic: [] });
    await worker.runDue();
    worker.mail.close();
    for (const person of people) {
      const mail = await database.db
        .selectFrom('mail_messages')
        .select(['text_body', 'html_body'])
        .where('kind', '=', 'appointment-cancelled')
        .where('text_body', 'like', `%${person.code}%`)
        .executeTakeFirstOrThrow();
      expect(mail.text_body).toContain('Le guardamos un lugar');
      expect(mail.text_body).toContain('Nadie más puede tomarlo hasta el');
      const link = new RegExp(`${PUBLIC_URL}(/reservar/prioridad/[0-9]+-[A-Za-z0-9_-]{43})`).exec(
        mail.text_body,
      )?.[1];
      expect(link, mail.text_body).toBeDefined();
      expect(mail.html_body).toContain(`href="${PUBLIC_URL}${link}"`);
      person.link = link as string;
    }
    expect(new Set(people.map((p) => p.link)).size).toBe(4);
    const sameCity = await database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', 'appointment-cancelled')
      .where('text_body', 'like', `%${people[1]?.code}%`)
      .executeTakeFirstOrThrow();
    expect(sameCity.text_body).toContain('Punto de contacto Centro – Bogotá, Carrera 6 # 15-32');
  });

  it('refuses a forged, altered or unknown link with the same plain page', async () => {
    const link = people[0]?.link as string;
    const [, id, mac] = /\/(\d+)-(.+)$/.exec(link) ?? [];
    for (const bad of [
      `${Number(id) + 1}-${mac}`,
      `${id}-${'A'.repeat(43)}`,
      '999999-x',
      'nada',
      '<script>',
    ]) {
      const page = await citizen().get(`/reservar/prioridad/${encodeURIComponent(bad)}`);
      expect(page.statusCode, bad).toBe(404);
      expect(textOf(page.body)).toContain('El enlace no es válido');
    }
  });

  it('confirms the kept place: the place passes to the new appointment, once', async () => {
    const person = people[0] as (typeof people)[number];
    const browser = citizen();
    const page = await browser.get(person.link);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toBe('noindex');
    const text = textOf(page.body);
    expect(text).toContain('Elija su nueva cita');
    expect(text).toContain('Guardado para usted hasta el');
    expect(page.body).toMatch(new RegExp(`value="${slots.sameOffice}"\\s+checked`));

    const before = await appointmentCount();
    const forged = await browser.post(person.link, { horario: String(slots.sameOffice) }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    const empty = await browser.post(person.link, { horario: '' });
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty.body)).toContain('Elija una hora');
    expect(empty.body).toContain('href="#field-horario"');
    const junk = await browser.post(person.link, { horario: '1; DROP TABLE slots' });
    expect(junk.statusCode).toBe(400);
    const closedSlot = await browser.post(person.link, { horario: String(slots.closed) });
    expect(closedSlot.statusCode).toBe(409);
    expect(await appointmentCount()).toBe(before);

    const done = await browser.post(person.link, { horario: String(slots.sameOffice) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${person.link}?aviso=confirmada`);
    const rebooked = await database.db
      .selectFrom('appointments')
      .select(['id', 'code', 'slot_id', 'applicant_id', 'status', 'rescheduled_from_id'])
      .where('rescheduled_from_id', '=', person.appointmentId)
      .executeTakeFirstOrThrow();
    expect(rebooked).toMatchObject({
      slot_id: slots.sameOffice,
      applicant_id: person.applicantId,
      status: 'booked',
    });
    expect(await taken(slots.sameOffice)).toBe(1);
    expect(
      await database.db.selectFrom('holds').select('id').where('slot_id', '=', slots.sameOffice).execute(),
    ).toEqual([]);
    const confirmation = await database.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', 'mail.appointment-confirmed')
      .where('dedupe_key', '=', `confirmed:${rebooked.id}`)
      .execute();
    expect(confirmation).toHaveLength(1);
    const shown = textOf((await browser.get(done.headers.location as string)).body);
    expect(shown).toContain('Su nueva cita está confirmada');
    expect(shown).toContain(rebooked.code);

    const twice = await browser.post(person.link, { horario: String(slots.soon) });
    expect(twice.statusCode).toBe(303);
    expect(twice.headers.location).toBe(person.link);
    expect(await appointmentCount()).toBe(before + 1);
    expect(await taken(slots.soon)).toBe(0);
  });

  it('takes another free time instead, and gives the kept place back', async () => {
    const person = people[1] as (typeof people)[number];
    const browser = citizen();
    const page = await browser.get(person.link);
    // Today's free time is offered (the lead time is met), beside the kept place.
    expect(page.body).toContain(`value="${slots.soon}"`);
    const done = await browser.post(person.link, { horario: String(slots.soon) });
    expect(done.statusCode).toBe(303);
    expect(await taken(slots.soon)).toBe(1);
    expect(await taken(slots.sameCity)).toBe(2);
  });

  it('gives the kept place back when the person declines, and the link then says so', async () => {
    const person = people[3] as (typeof people)[number];
    const browser = citizen();
    await browser.get(person.link);
    const declined = await browser.post(`${person.link}/liberar`, {});
    expect(declined.statusCode).toBe(303);
    expect(await taken(slots.sameCity)).toBe(1);
    const page = textOf((await browser.get(declined.headers.location as string)).body);
    expect(page).toContain('Renunció a la nueva cita');
    const before = await appointmentCount();
    const late = await browser.post(person.link, { horario: String(slots.soon) });
    expect(late.statusCode).toBe(303);
    expect(await appointmentCount()).toBe(before);
    expect((await browser.post(`${person.link}/liberar`, {})).statusCode).toBe(303);
    expect(await taken(slots.sameCity)).toBe(1);
  });

  it('reads as expired after its days, and ends with the place back when the person erases their data', async () => {
    const person = people[2] as (typeof people)[number];
    const browser = citizen();
    clock.set(new Date(NOW.getTime() + 15 * 24 * 3_600_000));
    const expired = await browser.get(person.link);
    expect(textOf(expired.body)).toContain('Este enlace venció');
    clock.set(NOW);
    await database.db
      .transaction()
      .execute((trx) => withdrawPassesOf(trx, [person.applicantId], { db: trx, config, now: NOW }));
    expect(await taken(slots.sameCity)).toBe(0);
    expect(textOf((await browser.get(person.link)).body)).toContain('Este enlace ya no es válido');
    const statuses = await database.db
      .selectFrom('rebook_passes')
      .select('status')
      .orderBy('appointment_id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['used', 'used', 'withdrawn', 'declined']);
    // Staff see, per closure, the appointments cancelled, the places kept and who already rebooked.
    expect(textOf((await admin.get('/admin/agenda/cierres')).body)).toContain(
      'Mantenimiento eléctrico 4 4 2',
    );
  });
  it('keeps a remote place on any line of the same channel, whichever office closed', async () => {
    const video32 = await aCapacityLine(database.db, {
      office: '32',
      channel: 'video',
      procedures: [PROCEDURE],
    });
    const video05 = await aCapacityLine(database.db, {
      office: '05',
      channel: 'video',
      procedures: [PROCEDURE],
    });
    const closedVideo = await aSlot(database.db, {
      line: video32,
      office: '32',
      channel: 'video',
      startsAt: '2026-12-09T14:00:00Z',
    });
    const elsewhere = await aSlot(database.db, {
      line: video05,
      office: '05',
      channel: 'video',
      startsAt: '2026-12-10T14:00:00Z',
    });
    const ctx = { db: database.db, config, now: NOW };
    const hold = await placeHold(ctx, {
      slotId: closedVideo,
      procedure: PROCEDURE,
      channel: 'video',
      sessionKey: null,
    });
    const done = await confirmHold(ctx, {
      holdId: hold.holdId,
      applicant: anApplicant(),
      consent,
      via: 'web',
      locale: 'es',
    });
    const closed = await admin.post('/admin/agenda/cierres', {
      office: '32',
      line: String(video32),
      from: '2026-12-09',
      to: '2026-12-09',
      reason: 'Falla de la plataforma de video',
    });
    expect(closed.statusCode).toBe(303);
    const pass = await database.db
      .selectFrom('rebook_passes as rp')
      .innerJoin('appointments as a', 'a.id', 'rp.appointment_id')
      .select(['rp.kept_slot_id'])
      .where('a.code', '=', done.code)
      .executeTakeFirstOrThrow();
    expect(pass.kept_slot_id).toBe(elsewhere);
    expect(await taken(elsewhere)).toBe(1);
  });

  test(
    'the rebooking passes of a closure, from the kept places to their confirmation, release and expiry',
    { timeout: 240_000 },
    () => story.run(),
  );
});
