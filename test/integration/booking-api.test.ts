import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('booking API on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let line: number;
  let videoLine: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, { holdSeconds: 600 }, clock.now);
    line = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: [PROCEDURE, 'rut-pj'],
    });
    videoLine = await aCapacityLine(database.db, { office: '32', channel: 'video', procedures: [PROCEDURE] });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });
  beforeEach(() => clock.set(NOW));

  const post = (url: string, payload: unknown, cookies?: Record<string, string>) =>
    app.inject({ method: 'POST', url, payload: payload as object, ...(cookies ? { cookies } : {}) });
  const hold = (
    slotId: number,
    cookies?: Record<string, string>,
    procedure = PROCEDURE,
    channel = 'presencial',
  ) => post('/api/v1/holds', { slotId, procedure, channel }, cookies);
  const book = async (slotId: number, applicant = anApplicant()) => {
    const held = await hold(slotId);
    expect(held.statusCode).toBe(201);
    const confirmed = await post(`/api/v1/holds/${held.json().holdId}/confirm`, { applicant, consent });
    return { confirmed, applicant };
  };

  // Each test books on days of its own: the first reads the whole of 2 December's places.
  it('books the whole way: days, slots, hold, confirm, look up', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 3 });
    const days = await app.inject({
      url: `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&city=05001&from=2026-12-01&to=2026-12-05`,
    });
    expect(days.statusCode).toBe(200);
    expect(days.json().items).toContainEqual({ date: '2026-12-02', available: 3 });

    const slots = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-02`,
    });
    expect(slots.json().items).toContainEqual({
      slotId,
      officeCode: '11',
      startsAt: '2026-12-02T08:00:00-05:00',
      endsAt: '2026-12-02T08:30:00-05:00',
      available: 3,
    });

    const held = await hold(slotId);
    expect(held.statusCode).toBe(201);
    expect(held.json()).toEqual({
      holdId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresAt: '2026-12-01T07:10:00-05:00',
    });
    const during = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-02`,
    });
    expect(during.json().items.find((s: { slotId: number }) => s.slotId === slotId).available).toBe(2);

    const applicant = anApplicant();
    const confirmed = await post(`/api/v1/holds/${held.json().holdId}/confirm`, { applicant, consent });
    expect(confirmed.statusCode).toBe(201);
    const body = confirmed.json();
    expect(body).toEqual({
      code: expect.stringMatching(/^[A-HJ-NP-Z2-9]{10}$/),
      status: 'booked',
      procedure: PROCEDURE,
      channel: 'presencial',
      officeCode: '11',
      startsAt: '2026-12-02T08:00:00-05:00',
      endsAt: '2026-12-02T08:30:00-05:00',
    });
    expect(await slotCounts(database.db, slotId)).toEqual({
      taken: 1,
      capacity: 3,
      holds: 0,
      appointments: 1,
    });

    const found = await post('/api/v1/appointments/lookup', {
      code: body.code,
      documentNumber: applicant.documentNumber,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      code: body.code,
      status: 'booked',
      officeName: 'Dirección Seccional de Impuestos de Medellín',
      firstName: 'María José',
    });

    const consentRow = await database.db
      .selectFrom('consents')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(consentRow).toMatchObject({
      policy_version: consent.policyVersion,
      channel: 'api',
      purposes: ['agendamiento', 'notificaciones', 'atencion'],
    });
    const job = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'mail.appointment-confirmed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(job.payload).toEqual({ appointmentId: expect.any(Number) });
  });

  it('answers "wrong code" and "wrong document" the same way', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-14T13:30:00Z' });
    const { confirmed, applicant } = await book(slotId);
    const code = confirmed.json().code;
    const wrongDocument = await post('/api/v1/appointments/lookup', { code, documentNumber: '99999999' });
    const wrongCode = await post('/api/v1/appointments/lookup', {
      code: 'ABCDE23456',
      documentNumber: applicant.documentNumber,
    });
    expect(wrongDocument.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    expect(wrongDocument.json()).toEqual(wrongCode.json());
    const formatted = await post('/api/v1/appointments/lookup', {
      code: `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`,
      documentNumber: applicant.documentNumber,
    });
    expect(formatted.statusCode).toBe(200);
  });

  it('refuses a full slot with SLOT_FULL and a past or foreign slot with a clear message', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-14T14:00:00Z', capacity: 1 });
    expect((await hold(slotId)).statusCode).toBe(201);
    const full = await hold(slotId);
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'SLOT_FULL', status: 409 });

    const past = await aSlot(database.db, { line, startsAt: '2026-12-01T12:30:00Z' }); // starts within the lead time
    const tooSoon = await hold(past);
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().errors).toEqual([
      { field: 'slotId', message: 'Ese horario ya pasó o empieza demasiado pronto para reservarlo' },
    ]);

    const other = await aSlot(database.db, { line, startsAt: '2026-12-14T15:00:00Z' });
    const foreign = await hold(other, undefined, 'certificado-origen');
    expect(foreign.statusCode).toBe(422);
    expect((await hold(999_999)).statusCode).toBe(404);
    expect(await slotCounts(database.db, other)).toMatchObject({ taken: 0 });
  });

  it('replaces a session’s earlier hold with its new one', async () => {
    const first = await aSlot(database.db, { line, startsAt: '2026-12-03T13:00:00Z' });
    const second = await aSlot(database.db, { line, startsAt: '2026-12-03T13:30:00Z' });
    const a = await hold(first);
    const sid = a.cookies.find((c) => c.name === 'sid')?.value;
    expect(sid).toBeTruthy();
    const b = await hold(second, { sid: sid as string });
    expect(b.statusCode).toBe(201);
    expect(await slotCounts(database.db, first)).toMatchObject({ taken: 0, holds: 0 });
    expect(await slotCounts(database.db, second)).toMatchObject({ taken: 1, holds: 1 });
  });

  it('frees an expired hold for search and new holds without any background job', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-03T14:00:00Z', capacity: 1 });
    const held = await hold(slotId);
    expect((await hold(slotId)).statusCode).toBe(409);
    const slotsUrl = `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-03`;
    expect(
      (await app.inject({ url: slotsUrl })).json().items.map((s: { slotId: number }) => s.slotId),
    ).not.toContain(slotId);

    clock.advance(601_000);
    expect((await app.inject({ url: slotsUrl })).json().items).toContainEqual(
      expect.objectContaining({ slotId, available: 1 }),
    );
    const late = await post(`/api/v1/holds/${held.json().holdId}/confirm`, {
      applicant: anApplicant(),
      consent,
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('HOLD_EXPIRED');
    expect((await hold(slotId)).statusCode).toBe(201);
    expect(await slotCounts(database.db, slotId)).toEqual({
      taken: 1,
      capacity: 1,
      holds: 1,
      appointments: 0,
    });
  });

  it('validates the applicant in the domain with one message per field and changes nothing', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-04T13:00:00Z' });
    const held = await hold(slotId);
    const bad = await post(`/api/v1/holds/${held.json().holdId}/confirm`, {
      applicant: {
        personType: 'juridica',
        documentType: 'CC',
        documentNumber: '12',
        firstName: 'Ana 😀',
        lastName: '',
        email: 'ana@',
        phone: '12345',
        nit: '800197268-5',
        companyName: '',
      },
      consent: { accepted: false, policyVersion: 'old' },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual([
      'applicant.companyName',
      'applicant.documentNumber',
      'applicant.email',
      'applicant.firstName',
      'applicant.lastName',
      'applicant.nit',
      'applicant.phone',
      'consent.accepted',
    ]);
    expect(bad.json().errors.find((e: { field: string }) => e.field === 'applicant.nit').message).toMatch(
      /dígito de verificación/,
    );
    expect(
      await database.db.selectFrom('applicants').selectAll().where('first_name', 'like', 'Ana%').execute(),
    ).toEqual([]);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 1, holds: 1, appointments: 0 });

    const company = await post(`/api/v1/holds/${held.json().holdId}/confirm`, {
      applicant: anApplicant({
        personType: 'juridica',
        nit: '800.197.268-4',
        companyName: 'Comercializadora Ñandú S.A.S.',
      }),
      consent,
    });
    expect(company.statusCode).toBe(201);
  });

  it('accepts names with combining accents and strips invisible characters', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-04T14:00:00Z' });
    const { confirmed } = await book(
      slotId,
      anApplicant({ firstName: 'Jose\u0301 \u200BMari\u0301a', lastName: '\u202EO’Connor-Núñez' }),
    );
    expect(confirmed.statusCode).toBe(201);
    const row = await database.db
      .selectFrom('applicants')
      .select(['first_name', 'last_name'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ first_name: 'José María', last_name: 'O’Connor-Núñez' });
  });

  it('keeps one active appointment per procedure and MAX_ACTIVE_PER_PERSON in total', async () => {
    const person = anApplicant();
    const s = await Promise.all(
      [
        '2026-12-07T13:00:00Z',
        '2026-12-07T13:30:00Z',
        '2026-12-07T14:00:00Z',
        '2026-12-07T14:30:00Z',
        '2026-12-07T15:00:00Z',
      ].map((t) => aSlot(database.db, { line, startsAt: t })),
    );
    const v = await aSlot(database.db, {
      line: videoLine,
      office: '32',
      channel: 'video',
      startsAt: '2026-12-07T13:00:00Z',
    });
    expect((await book(s[0] as number, person)).confirmed.statusCode).toBe(201);
    const again = await book(s[1] as number, person);
    expect(again.confirmed.statusCode).toBe(409);
    expect(again.confirmed.json()).toMatchObject({ code: 'LIMIT_REACHED' });

    const heldOther = await hold(s[2] as number, undefined, 'rut-pj');
    const company = { ...person, personType: 'juridica', nit: '900123456-8', companyName: 'Empresa' };
    expect(
      (await post(`/api/v1/holds/${heldOther.json().holdId}/confirm`, { applicant: company, consent }))
        .statusCode,
    ).toBe(201);
    const heldVideo = await hold(v, undefined, PROCEDURE, 'video');
    // Same person, same procedure through another channel: still one per procedure.
    expect(
      (await post(`/api/v1/holds/${heldVideo.json().holdId}/confirm`, { applicant: person, consent }))
        .statusCode,
    ).toBe(409);
    expect(await slotCounts(database.db, v)).toMatchObject({ taken: 1, holds: 1 });
  });

  it('cancels at once and reschedules only onto a slot with room', async () => {
    const a = await aSlot(database.db, { line, startsAt: '2026-12-09T13:00:00Z', capacity: 1 });
    const b = await aSlot(database.db, { line, startsAt: '2026-12-09T13:30:00Z', capacity: 1 });
    const full = await aSlot(database.db, { line, startsAt: '2026-12-09T14:00:00Z', capacity: 1 });
    await book(full);
    const { confirmed, applicant } = await book(a);
    const code = confirmed.json().code;

    const ontoFull = await post(`/api/v1/appointments/${code}/reschedule`, {
      documentNumber: applicant.documentNumber,
      slotId: full,
    });
    expect(ontoFull.statusCode).toBe(409);
    expect(ontoFull.json().code).toBe('SLOT_FULL');
    expect(await slotCounts(database.db, a)).toMatchObject({ taken: 1, appointments: 1 });
    expect(await slotCounts(database.db, full)).toMatchObject({ taken: 1, appointments: 1 });

    const moved = await post(`/api/v1/appointments/${code}/reschedule`, {
      documentNumber: applicant.documentNumber,
      slotId: b,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'booked', startsAt: '2026-12-09T08:30:00-05:00' });
    const newCode = moved.json().code;
    expect(newCode).not.toBe(code);
    expect(await slotCounts(database.db, a)).toMatchObject({ taken: 0, appointments: 0 });
    const old = await post('/api/v1/appointments/lookup', { code, documentNumber: applicant.documentNumber });
    expect(old.json()).toMatchObject({ status: 'cancelled', rescheduledTo: newCode });

    const cancelled = await post(`/api/v1/appointments/${newCode}/cancel`, {
      documentNumber: applicant.documentNumber,
    });
    expect(cancelled.json()).toEqual({ code: newCode, status: 'cancelled' });
    const search = await app.inject({
      url: `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=presencial&office=11&date=2026-12-09`,
    });
    expect(search.json().items.map((s: { slotId: number }) => s.slotId)).toEqual(
      expect.arrayContaining([a, b]),
    );
    const twice = await post(`/api/v1/appointments/${newCode}/cancel`, {
      documentNumber: applicant.documentNumber,
    });
    expect(twice.statusCode).toBe(409);
    const wrong = await post(`/api/v1/appointments/${newCode}/cancel`, { documentNumber: '123' });
    expect(wrong.statusCode).toBe(404);
  });

  it('searches nationally for remote channels and asks for a place for in-person ones', async () => {
    await aSlot(database.db, {
      line: videoLine,
      office: '32',
      channel: 'video',
      startsAt: '2026-12-10T13:00:00Z',
    });
    const national = await app.inject({
      url: `/api/v1/availability/days?procedure=${PROCEDURE}&channel=video&from=2026-12-10&to=2026-12-10`,
    });
    expect(national.json().items).toEqual([{ date: '2026-12-10', available: 5 }]);
    const noPlace = await app.inject({
      url: `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&from=2026-12-10&to=2026-12-10`,
    });
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.json().errors).toEqual([{ field: 'office', message: 'Elija una oficina o una ciudad' }]);
    const first = await app.inject({
      url: `/api/v1/availability/first?procedure=${PROCEDURE}&channel=presencial&city=05001`,
    });
    expect(first.json()).toMatchObject({
      scope: 'city',
      items: [expect.objectContaining({ officeCode: '11' })],
    });
    const elsewhere = await app.inject({
      url: `/api/v1/availability/first?procedure=${PROCEDURE}&channel=presencial&city=76001`,
    });
    expect(elsewhere.json().scope).toBe('country');
  });

  it('gives a 4xx, never a 500, to bad input of any kind, and changes nothing', async () => {
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-11T13:00:00Z' });
    const cases: [string, string, unknown, number][] = [
      ['POST', '/api/v1/holds', { slotId: '1', procedure: PROCEDURE, channel: 'presencial' }, 400],
      ['POST', '/api/v1/holds', { slotId: true, procedure: PROCEDURE, channel: 'presencial' }, 400],
      ['POST', '/api/v1/holds', { slotId, procedure: PROCEDURE, channel: 'presencial', extra: 1 }, 400],
      ['POST', '/api/v1/holds', { slotId, procedure: PROCEDURE }, 400],
      ['POST', '/api/v1/holds', { slotId, procedure: "x' OR 1=1 --", channel: 'presencial' }, 400],
      ['POST', '/api/v1/holds', { slotId: 1e20, procedure: PROCEDURE, channel: 'presencial' }, 400],
      ['POST', '/api/v1/holds/not-a-uuid/confirm', { applicant: anApplicant(), consent }, 410],
      ['POST', '/api/v1/appointments/lookup', { code: 'x'.repeat(200), documentNumber: '1' }, 400],
      [
        'GET',
        `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=2026-02-30&to=2026-03-01`,
        undefined,
        422,
      ],
      [
        'GET',
        `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=2026-12-10&to=2026-12-01`,
        undefined,
        422,
      ],
      [
        'GET',
        `/api/v1/availability/days?procedure=${PROCEDURE}&channel=presencial&office=11&from=2026-12-01&to=2099-12-31`,
        undefined,
        422,
      ],
      [
        'GET',
        `/api/v1/availability/slots?procedure=${PROCEDURE}&channel=fax&office=11&date=2026-12-11`,
        undefined,
        400,
      ],
      [
        'GET',
        `/api/v1/availability/slots?procedure=no-such&channel=presencial&office=11&date=2026-12-11`,
        undefined,
        422,
      ],
      [
        'GET',
        `/api/v1/availability/slots?procedure=copia-rut&channel=presencial&office=11&date=2026-12-11`,
        undefined,
        422,
      ],
    ];
    for (const [method, url, payload, status] of cases) {
      const res = await app.inject({
        method: method as 'GET' | 'POST',
        url,
        ...(payload ? { payload: payload as object } : {}),
      });
      expect.soft(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}`).toBe(status);
      expect.soft(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const big = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      headers: { 'content-type': 'application/json' },
      payload: `{"slotId":1,"x":"${'a'.repeat(1_000_000)}"}`,
    });
    expect(big.statusCode).toBe(413);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      headers: { 'content-type': 'application/json' },
      payload: '{"slotId":',
    });
    expect(broken.statusCode).toBe(400);
    const xml = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(await slotCounts(database.db, slotId)).toMatchObject({ taken: 0, holds: 0 });
  });
});
