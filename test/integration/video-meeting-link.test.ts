import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { POLICY_VERSION } from '../../src/domain/privacy-policy.js';
import type { App } from '../../src/http/types.js';
import { MAIL_APPOINTMENT_CANCELLED } from '../../src/jobs/definitions/mail-appointment-cancelled.js';
import { MAIL_APPOINTMENT_CONFIRMED } from '../../src/jobs/definitions/mail-appointment-confirmed.js';
import { MAIL_APPOINTMENT_REMINDER } from '../../src/jobs/definitions/mail-appointment-reminder.js';
import { MAIL_APPOINTMENT_RESCHEDULED } from '../../src/jobs/definitions/mail-appointment-rescheduled.js';
import { Worker } from '../../src/jobs/worker.js';
import { enqueue } from '../../src/repositories/jobs.js';
import { AdminBrowser, aStaffMember } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant } from '../helpers/factories.js';
import { anAppointment, aSlotOfLine } from '../helpers/notify-fixtures.js';
import { type ReceivedMail, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';

const NOW = new Date('2026-12-01T12:00:00Z'); // 07:00 in Bogotá, a Tuesday
const PROCEDURE = 'orientacion-tributaria';
const VIDEO_BASE_URL = 'https://video.dian.test/salas';
const PUBLIC_URL = 'https://citas.example.gov.co';

/** Every address of the video service a text names. */
function meetingUrls(text: string): string[] {
  return [...new Set(text.match(/https:\/\/video\.dian\.test\/salas\/[0-9a-f]+/g) ?? [])];
}

function icsEvent(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getFirstSubcomponent('vevent') as ICAL.Component;
}

/** What a person is told about where a video appointment meets, on every way it reaches them. */
describe.each(engines())('the address of a video appointment on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let smtp: TestSmtpServer;
  const clock = new TestClock(NOW);
  let lineId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    smtp = await startSmtpServer();
    const config = { publicUrl: PUBLIC_URL, smtpUrl: smtp.url, videoBaseUrl: VIDEO_BASE_URL };
    app = await buildTestApp(database, { ...config, holdSeconds: 600 }, clock.now);
    lineId = await aCapacityLine(database.db, { office: '32', channel: 'video', procedures: [PROCEDURE] });
  });
  afterAll(async () => {
    await app?.close();
    await smtp?.close();
    await database?.destroy();
  });

  const worker = () =>
    new Worker({
      db: database.db,
      config: testConfig({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL, videoBaseUrl: VIDEO_BASE_URL }),
      clock: clock.now,
      periodic: [],
    });

  async function roomOf(code: string): Promise<string> {
    const row = await database.db
      .selectFrom('appointments')
      .select('video_room')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    if (!row.video_room) throw new Error('a video appointment without a room');
    return row.video_room;
  }

  /** Books a video time through the pages, as a browser without JavaScript would. */
  async function bookByVideo(browser: AdminBrowser, startsAt: Date) {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt, capacity: 3 });
    const criteria = { tramite: PROCEDURE, canal: 'video', fecha: '2026-12-03' };
    await browser.get(`/reservar/horas?${new URLSearchParams(criteria)}`);
    const held = await browser.post('/reservar/horario', { horario: String(slotId), ...criteria });
    expect(held.statusCode).toBe(303);
    const dataUrl = String(held.headers.location);
    const holdId = dataUrl.split('=')[1] ?? '';
    await browser.get(dataUrl);
    const applicant = anApplicant();
    const data = await browser.post(
      dataUrl,
      Object.fromEntries(Object.entries(applicant).map(([k, v]) => [`applicant.${k}`, v])),
    );
    expect(data.statusCode).toBe(303);
    await browser.get(String(data.headers.location));
    await browser.post(String(data.headers.location), {
      'consent.accepted': 'on',
      'consent.policyVersion': POLICY_VERSION,
    });
    expect((await browser.post(`/reservar/confirmar?reserva=${holdId}`)).statusCode).toBe(303);
    const page = await browser.get(`/reservar/confirmacion?reserva=${holdId}`);
    const code = /id="confirmation-code">([A-Z0-9-]+)</.exec(page.body)?.[1] ?? '';
    return { holdId, applicant, page, code };
  }

  it('shows the meeting address as a link on the confirmation and manage pages, and in the .ics', async () => {
    const browser = new AdminBrowser(app);
    const { holdId, applicant, page, code } = await bookByVideo(browser, new Date('2026-12-03T15:30:00Z'));
    const url = `${VIDEO_BASE_URL}/${await roomOf(code)}`;
    expect(page.statusCode).toBe(200);
    expect(meetingUrls(page.body)).toEqual([url]);
    expect(page.body).toContain(`href="${url}"`);

    const ics = await browser.get(`/reservar/confirmacion/cita.ics?reserva=${holdId}`);
    const event = icsEvent(ics.body);
    expect(event.getFirstPropertyValue('location')).toBe(url);
    expect(event.getFirstPropertyValue('url')).toBe(url);
    expect(String(event.getFirstPropertyValue('description'))).toContain(url);

    const person = new AdminBrowser(app);
    await person.get('/gestionar');
    await person.post('/gestionar', { code, documentNumber: applicant.documentNumber ?? '' });
    const managed = await person.get('/gestionar/cita');
    expect(managed.statusCode).toBe(200);
    expect(meetingUrls(managed.body)).toEqual([url]);
    expect(managed.body).toContain(`href="${url}"`);

    // Once cancelled there is no meeting to join any more.
    await person.get('/gestionar/cancelar');
    await person.post('/gestionar/cancelar');
    expect(meetingUrls((await person.get('/gestionar/cita')).body)).toEqual([]);
  });

  it('gives the meeting address in the confirmation, reminder and reschedule e-mails (text, HTML and .ics)', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: new Date('2026-12-04T15:00:00Z') });
    const first = await anAppointment(database.db, { slotId, procedure: PROCEDURE });
    const laterSlot = await aSlotOfLine(database.db, { lineId, startsAt: new Date('2026-12-07T15:00:00Z') });
    const moved = await anAppointment(database.db, { slotId: laterSlot, procedure: PROCEDURE });
    const firstUrl = `${VIDEO_BASE_URL}/${await roomOf(first.code)}`;
    const movedUrl = `${VIDEO_BASE_URL}/${await roomOf(moved.code)}`;
    await enqueue(database.db, MAIL_APPOINTMENT_CONFIRMED, { appointmentId: first.id }, { runAt: NOW });
    await enqueue(
      database.db,
      MAIL_APPOINTMENT_REMINDER,
      { appointmentId: first.id, startsAt: '2026-12-04T15:00:00.000Z' },
      { runAt: NOW },
    );
    await enqueue(
      database.db,
      MAIL_APPOINTMENT_RESCHEDULED,
      { appointmentId: moved.id, previousAppointmentId: first.id },
      { runAt: NOW },
    );
    smtp.received.length = 0;
    await worker().runDue();
    const byKind = (subject: RegExp) => smtp.received.filter((m) => subject.test(m.subject));
    const cases: [ReceivedMail[], string][] = [
      [byKind(/^Cita confirmada:/), firstUrl],
      [byKind(/^Recordatorio/), firstUrl],
      [byKind(/^Cita cambiada:/), movedUrl],
    ];
    for (const [mails, url] of cases) {
      expect(mails).toHaveLength(1);
      const mail = mails[0] as ReceivedMail;
      expect(mail.text, mail.subject).toContain(`Enlace de la videollamada: ${url}`);
      expect(meetingUrls(mail.text), mail.subject).toEqual([url]);
      expect(mail.html, mail.subject).toContain(`href="${url}"`);
      const event = icsEvent(mail.attachments[0]?.body ?? '');
      expect(event.getFirstPropertyValue('location'), mail.subject).toBe(url);
      expect(event.getFirstPropertyValue('url'), mail.subject).toBe(url);
      expect(String(event.getFirstPropertyValue('description')), mail.subject).toContain(url);
    }
  });

  it('gives no meeting address once the appointment is cancelled', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: new Date('2026-12-08T15:00:00Z') });
    const gone = await anAppointment(database.db, { slotId, procedure: PROCEDURE });
    await database.db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancelled_at: NOW, cancel_reason: 'citizen' })
      .where('id', '=', gone.id)
      .execute();
    await enqueue(database.db, MAIL_APPOINTMENT_CANCELLED, { appointmentId: gone.id }, { runAt: NOW });
    smtp.received.length = 0;
    await worker().runDue();
    const mail = smtp.received.find(
      (m) => m.subject.startsWith('Cita cancelada:') && m.text.includes(gone.code),
    );
    expect(mail?.text).toContain(gone.code);
    expect(meetingUrls(`${mail?.text}${mail?.html}`)).toEqual([]);
  });

  it('gives the desk the same address', async () => {
    const slotId = await aSlotOfLine(database.db, { lineId, startsAt: new Date('2026-12-09T15:00:00Z') });
    const booked = await anAppointment(database.db, { slotId, procedure: PROCEDURE });
    const admin = new AdminBrowser(app);
    await admin.signIn(await aStaffMember(database.db, { role: 'admin_nacional' }), clock);
    const desk = await admin.get('/admin/mesa?fecha=2026-12-09');
    expect(desk.body).toContain(`href="${VIDEO_BASE_URL}/${await roomOf(booked.code)}"`);
  });
});
