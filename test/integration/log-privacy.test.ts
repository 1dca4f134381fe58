import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { createLogger } from '../../src/log.js';
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
    ]) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
