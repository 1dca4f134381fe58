import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { createLogger } from '../../src/log.js';
import { AdminBrowser } from '../helpers/admin.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot, consent } from '../helpers/factories.js';

describe('logs of a whole booking journey', () => {
  let database: TestDatabase;
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp({
      config: testConfig({ logLevel: 'trace' }),
      database,
      clock: () => new Date('2026-12-01T12:00:00Z'),
      logger: createLogger('trace', sink),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('contain no document number, e-mail, phone or name of the applicant', async () => {
    const line = await aCapacityLine(database.db, { procedures: ['orientacion-tributaria'] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z' });
    const applicant = {
      personType: 'natural',
      documentType: 'CC',
      documentNumber: '79865432',
      firstName: 'Eustaquio',
      lastName: 'Quintanilla',
      email: 'eustaquio.q@example.org',
      phone: '3157654321',
    };
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: 'orientacion-tributaria', channel: 'presencial' },
    });
    const holdId = hold.json().holdId;
    const invalid = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${holdId}/confirm`,
      payload: { applicant: { ...applicant, email: 'eustaquio.q@', extra: 'Quintanilla' }, consent },
    });
    expect(invalid.statusCode).toBe(400);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${holdId}/confirm`,
      payload: { applicant, consent },
    });
    expect(confirmed.statusCode).toBe(201);
    const code = confirmed.json().code;
    await app.inject({
      method: 'POST',
      url: '/api/v1/appointments/lookup',
      payload: { code, documentNumber: applicant.documentNumber },
    });
    await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${code}/cancel`,
      payload: { documentNumber: applicant.documentNumber },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    for (const secret of [
      '79865432',
      'Eustaquio',
      'Quintanilla',
      'eustaquio.q',
      '3157654321',
      '+573157654321',
      code,
      holdId,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
  it('of the booking pages (hold, data, consent, review, confirmation, Gestionar cita) contain none either', async () => {
    lines.length = 0;
    const line = await aCapacityLine(database.db, { procedures: ['orientacion-tributaria'] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T15:00:00Z' });
    const browser = new AdminBrowser(app, '10.6.0.1');
    await browser.get(
      '/reservar/horas?tramite=orientacion-tributaria&canal=presencial&oficina=11&fecha=2026-12-02',
    );
    const held = await browser.post('/reservar/horario', {
      horario: String(slotId),
      tramite: 'orientacion-tributaria',
      canal: 'presencial',
      oficina: '11',
      fecha: '2026-12-02',
    });
    const dataUrl = String(held.headers.location);
    expect(dataUrl).toMatch(/^\/reservar\/datos\?reserva=/);
    await browser.get(dataUrl);
    const person = {
      personType: 'natural',
      documentType: 'CC',
      documentNumber: '71234987',
      firstName: 'Filomena',
      lastName: 'Zuluaga',
      email: 'filomena.z@example.org',
      phone: '3104567812',
    };
    const form = (p: Record<string, string>) =>
      Object.fromEntries(Object.entries(p).map(([k, v]) => [`applicant.${k}`, v]));
    // A mistake first: the page comes back with what was typed.
    expect((await browser.post(dataUrl, form({ ...person, email: 'filomena.z@' }))).statusCode).toBe(400);
    const data = await browser.post(dataUrl, form(person));
    expect(data.statusCode).toBe(303);
    await browser.get(String(data.headers.location));
    const consented = await browser.post(String(data.headers.location), {
      'consent.accepted': 'on',
      'consent.policyVersion': consent.policyVersion,
    });
    await browser.get(String(consented.headers.location));
    const holdId = dataUrl.split('=')[1];
    const confirmed = await browser.post(`/reservar/confirmar?reserva=${holdId}`);
    const confirmation = await browser.get(String(confirmed.headers.location));
    const code = /id="confirmation-code">([A-Z0-9-]+)</.exec(confirmation.body)?.[1] ?? '';
    expect(code).not.toBe('');
    await browser.get('/gestionar');
    const managed = await browser.post('/gestionar', { code, documentNumber: person.documentNumber });
    expect(managed.statusCode).toBe(303);
    await browser.get(String(managed.headers.location));

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    for (const secret of [
      '71234987',
      'Filomena',
      'Zuluaga',
      'filomena.z',
      '3104567812',
      '+573104567812',
      code,
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
