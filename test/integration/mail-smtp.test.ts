import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { App } from '../../src/http/types.js';
import { MAIL_APPOINTMENT_CANCELLED } from '../../src/jobs/definitions/mail-appointment-cancelled.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../src/jobs/definitions/mail-appointment-confirmed.js';
import { MAIL_APPOINTMENT_RESCHEDULED } from '../../src/jobs/definitions/mail-appointment-rescheduled.js';
import { Worker } from '../../src/jobs/worker.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { deliverOnce } from '../../src/services/mail/deliver.js';
import { smtpTransport } from '../../src/services/mail/transport.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, consent } from '../helpers/factories.js';
import { anAppointment, aSlotOfLine, bogotaAt } from '../helpers/notify-fixtures.js';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const T0 = new Date('2030-03-04T15:00:00Z'); // Monday 10:00 in Bogotá
const PUBLIC_URL = 'https://citas.example.gov.co';
const DOCUMENT = '1020304050';
/** The person who books through the API: another one (the same last three digits), booked by no other test. */
const API_DOCUMENT = '5566778050';
const HOUR = 3_600_000;

/** No message shows a document number beyond its last three digits. */
function expectNoDocumentNumber(mails: readonly ReceivedMail[]): void {
  for (const mail of mails) {
    // Random ids (video rooms, UIDs: 32+ hex digits) may contain any four digits by chance: not a document.
    const whole =
      `${mail.subject}\n${mail.text}\n${mail.html}\n${mail.attachments.map((a) => a.body).join('\n')}`.replace(
        /[0-9a-f-]{32,}/g,
        '',
      );
    for (const document of [DOCUMENT, API_DOCUMENT]) {
      for (let length = 4; length <= document.length; length++) {
        expect(whole).not.toContain(document.slice(-length));
      }
    }
  }
}

function parseIcs(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  const zone = component.getFirstSubcomponent('vtimezone');
  if (zone) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(component.getFirstSubcomponent('vevent') as ICAL.Component);
  return { component, event };
}

describe.each(engines())('appointment e-mails over SMTP on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let smtp: TestSmtpServer;
  const clock = new TestClock(T0);
  let workers: Worker[] = [];

  const worker = (overrides: Parameters<typeof testConfig>[0] = {}) => {
    const w = new Worker({
      db: database.db,
      config: testConfig({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL, ...overrides }),
      clock: clock.now,
      periodic: [],
    });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    app = await buildTestApp(database, { publicUrl: PUBLIC_URL, smtpUrl: smtp.url }, clock.now);
  });
  afterAll(async () => {
    await app.close();
    await smtp.close();
    await database.destroy();
  });
  beforeEach(async () => {
    for (const w of workers) w.mail.close();
    workers = [];
    smtp.received.length = 0;
    smtp.mode = 'accept';
    clock.set(T0);
    await database.db.deleteFrom('jobs').execute();
  });
  // Every message a test received, checked as the test ends: no document number beyond its last three digits.
  afterEach(() => {
    expectNoDocumentNumber(smtp.received);
  });

  async function bookedAppointment(
    options: { locale?: 'es' | 'en'; channel?: string; daysAhead?: number } = {},
  ) {
    const lineId = await aCapacityLine(database.db, {
      office: '11',
      channel: options.channel ?? 'presencial',
      procedures: ['rut-pj'],
    });
    const startsAt = bogotaAt(T0, options.daysAhead ?? 3, 8);
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt, minutes: 45, capacity: 2 });
    const appointment = await anAppointment(database.db, {
      slotId,
      locale: options.locale ?? 'es',
      documentNumber: DOCUMENT,
      createdAt: T0,
    });
    return { ...appointment, slotId, startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000) };
  }

  it('a booking made through the API sends its confirmation, with an .ics read at the right times', async () => {
    const lineId = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: ['rut-pj'],
    });
    const startsAt = bogotaAt(T0, 3, 8);
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt, minutes: 45, capacity: 2 });
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: 'rut-pj', channel: 'presencial' },
    });
    expect(held.statusCode).toBe(201);
    const applicant = anApplicant({
      documentNumber: API_DOCUMENT,
      firstName: 'María',
      email: 'maria@example.com',
    });
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant, consent },
    });
    expect(confirmed.statusCode).toBe(201);
    const a = {
      code: confirmed.json().code as string,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    };

    const outcomes = await worker().runDue();
    expect(outcomes.map((o) => [o.name, o.result])).toEqual([['mail.appointment-confirmed', 'done']]);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as ReceivedMail;
    expect(mail.to).toEqual(['maria@example.com']);
    expect(mail.subject).toMatch(
      /^Cita confirmada: Inscripción o actualización del RUT – persona jurídica, \S+, \d+ de \S+ de \d{4}/,
    );
    expect(mail.text).toContain('Hola, María:');
    expect(mail.text).toContain(`Código de la cita: ${a.code}`);
    expect(mail.text).toContain('Lugar: Dirección Seccional de Impuestos de Medellín, Edificio La Alpujarra');
    expect(mail.text).toContain('Documento: Cédula de ciudadanía terminado en 050');
    expect(mail.text).toContain(`${PUBLIC_URL}/gestionar`);
    expect(mail.html).toMatch(/^<!doctype html><html lang="es-CO">/);
    expect(mail.html).toContain('<h1');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@citas\.example\.gov\.co>$/);

    expect(mail.attachments.map((p) => p.filename)).toEqual([`cita-${a.code}.ics`]);
    const ics = mail.attachments[0]?.body ?? '';
    expect(mail.attachments[0]?.contentType).toMatch(/^text\/calendar/);
    const { event } = parseIcs(ics);
    expect(event.startDate.toJSDate().toISOString()).toBe(a.startsAt.toISOString());
    expect(event.endDate.toJSDate().toISOString()).toBe(a.endsAt.toISOString());
    expect(event.startDate.zone?.tzid).toBe('America/Bogota');
    expect(ics).toContain('DTSTART;TZID=America/Bogota:');
    expect(ics).toContain('T080000');
    expect(event.summary).toBe('Cita DIAN: Inscripción o actualización del RUT – persona jurídica');
    expect(event.location).toContain('Edificio La Alpujarra');
    expect(event.description).toContain('Documento de identidad original');

    // the reminder is queued for REMINDER_HOURS before the start, once
    const reminders = await database.db
      .selectFrom('jobs')
      .select(['run_at', 'dedupe_key'])
      .where('name', '=', 'mail.appointment-reminder')
      .execute();
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.run_at.toISOString()).toBe(new Date(a.startsAt.getTime() - 24 * HOUR).toISOString());
  });

  it('writes in English when the appointment was booked in English', async () => {
    const a = await bookedAppointment({ locale: 'en', channel: 'video' });
    await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: a.id }, { runAt: T0 });
    await worker().runDue();
    const mail = smtp.received[0] as ReceivedMail;
    expect(mail.subject).toMatch(
      /^Appointment confirmed: RUT registration or update – company, \S+ \d+ \S+ \d{4}/,
    );
    expect(mail.subject).not.toContain(a.code);
    expect(mail.html).toMatch(/<html lang="en">/);
    expect(mail.text).toContain('Document: Citizenship card ending in 050');
    expect(mail.text).toContain('Video call link:');
    const { event } = parseIcs(mail.attachments[0]?.body ?? '');
    expect(event.summary).toBe('DIAN appointment: RUT registration or update – company');
    expect(event.startDate.toJSDate().toISOString()).toBe(a.startsAt.toISOString());
  });

  it('retries while the server fails, and delivers once when it comes back before the last try', async () => {
    const a = await bookedAppointment();
    await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: a.id }, { runAt: T0 });
    const w = worker();
    smtp.mode = 'error';
    expect((await w.runDue()).map((o) => o.result)).toEqual(['retry']);
    smtp.mode = 'refuse';
    clock.advance(60_000);
    expect((await w.runDue()).map((o) => o.result)).toEqual(['retry']);
    expect(smtp.received).toHaveLength(0);
    const job = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'mail.appointment-confirmed')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'queued', attempts: 2 });
    expect(job.run_at.getTime() - clock.now().getTime()).toBe(120_000);
    expect(job.last_error).toMatch(/421|Service not available/);

    smtp.mode = 'accept';
    clock.advance(120_000);
    expect((await w.runDue()).map((o) => o.result)).toEqual(['done']);
    clock.advance(HOUR);
    await w.runDue();
    const confirmations = smtp.received.filter((m) => m.subject.startsWith('Cita confirmada:'));
    expect(confirmations).toHaveLength(1);
    const delivery = await database.db
      .selectFrom('mail_deliveries')
      .selectAll()
      .where('key', '=', `appointment-confirmed:${a.id}`)
      .executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3, transport: 'smtp' });
  });

  it('after the last try against a failing server, the job is failed and visible', async () => {
    const a = await bookedAppointment();
    await enqueue(
      database.db,
      MAIL_APPOINTMENT_CONFIRMED,
      { appointmentId: a.id },
      { runAt: T0, maxAttempts: 3 },
    );
    smtp.mode = 'error';
    const w = worker();
    const results: string[] = [];
    for (let i = 0; i < 5; i++) {
      results.push(...(await w.runDue()).map((o) => o.result));
      clock.advance(HOUR);
    }
    expect(results).toEqual(['retry', 'retry', 'failed']);
    const job = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'mail.appointment-confirmed')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
    expect(job.last_error).toMatch(/451|try later/);
    expect(smtp.received).toHaveLength(0);
  });

  it('sends the reminder at the configured lead time, and not for a cancelled appointment', async () => {
    const hours = 48;
    const a = await bookedAppointment({ daysAhead: 6 });
    const b = await bookedAppointment({ daysAhead: 6 });
    for (const id of [a.id, b.id]) {
      await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: id }, { runAt: T0 });
    }
    const w = worker({ reminderHours: hours });
    await w.runDue();
    expect(smtp.received).toHaveLength(2);
    await database.db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: T0, cancel_reason: 'citizen' })
      .where('id', '=', b.id)
      .execute();

    clock.set(new Date(a.startsAt.getTime() - hours * HOUR - 1));
    expect(await w.runDue()).toEqual([]);
    clock.set(new Date(a.startsAt.getTime() - hours * HOUR));
    const outcomes = await w.runDue();
    expect(outcomes.map((o) => [o.name, o.result])).toEqual([
      ['mail.appointment-reminder', 'done'],
      ['mail.appointment-reminder', 'done'],
    ]);
    const reminders = smtp.received.filter((m) => m.subject.startsWith('Recordatorio'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain(a.code);
    expect(reminders[0]?.text).not.toContain(b.code);
  });

  it('tells about a closure with the rebook link, and about a new time with both times', async () => {
    const a = await bookedAppointment();
    await database.db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: T0, cancel_reason: 'closure' })
      .where('id', '=', a.id)
      .execute();
    const moved = await bookedAppointment({ daysAhead: 4 });
    await enqueue(database.db, MAIL_APPOINTMENT_CANCELLED, { appointmentId: a.id }, { runAt: T0 });
    await enqueue(
      database.db,
      MAIL_APPOINTMENT_RESCHEDULED,
      { appointmentId: moved.id, previousAppointmentId: a.id },
      { runAt: T0 },
    );
    await worker().runDue();
    const [cancelled, rescheduled] = [
      smtp.received.find((m) => m.subject.startsWith('Cita cancelada:') && m.text.includes(a.code)),
      smtp.received.find((m) => m.subject.startsWith('Cita cambiada:') && m.text.includes(moved.code)),
    ];
    expect(cancelled?.text).toContain('no atenderá el');
    expect(cancelled?.text).toContain(`Pedir una nueva cita: ${PUBLIC_URL}/reservar`);
    expect(cancelled?.html).toContain(`href="${PUBLIC_URL}/reservar"`);
    expect(rescheduled?.text).toMatch(/Su cita del .+ se cambió para el .+/);
    expect(rescheduled?.text).toContain('Fecha y hora anterior:');
    expect(rescheduled?.attachments.map((p) => p.filename)).toEqual([`cita-${moved.code}.ics`]);
  });

  it('a crash after recording but before the server accepted: the next try delivers it once', async () => {
    const transport = smtpTransport(smtp.url);
    const request = {
      key: 'test-crash-before',
      kind: 'test',
      compose: async () => ({
        kind: 'test',
        locale: 'es' as const,
        to: 'x@example.com',
        subject: 'uno',
        text: 'uno',
        html: '<p>uno</p>',
      }),
      now: T0,
      from: 'a@example.com',
      publicUrl: PUBLIC_URL,
    };
    await expect(
      deliverOnce(database.db, transport, {
        ...request,
        beforeSend: async () => {
          throw new Error('process died');
        },
      }),
    ).rejects.toThrow('process died');
    expect(await deliverOnce(database.db, transport, request)).toBe('sent');
    expect(await deliverOnce(database.db, transport, request)).toBe('already-sent');
    expect(smtp.received.filter((m) => m.subject === 'uno')).toHaveLength(1);
    transport.close();
  });

  it('the one window left: a crash between acceptance and the record sends again, with the same Message-ID', async () => {
    const real = smtpTransport(smtp.url);
    let crash = true;
    const transport = {
      ...real,
      async send(...args: Parameters<typeof real.send>) {
        await real.send(...args);
        if (crash) throw new Error('process died right after the 250');
      },
    };
    const request = {
      key: 'test-crash-after',
      kind: 'test',
      compose: async () => ({
        kind: 'test',
        locale: 'es' as const,
        to: 'x@example.com',
        subject: 'dos',
        text: 'dos',
        html: '<p>dos</p>',
      }),
      now: T0,
      from: 'a@example.com',
      publicUrl: PUBLIC_URL,
    };
    await expect(deliverOnce(database.db, transport, request)).rejects.toThrow('process died');
    crash = false;
    expect(await deliverOnce(database.db, transport, request)).toBe('sent');
    const copies = smtp.received.filter((m) => m.subject === 'dos');
    expect(copies).toHaveLength(2);
    expect(copies[0]?.messageId).toBe(copies[1]?.messageId);
    real.close();
  });
});
