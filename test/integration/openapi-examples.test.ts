import { Ajv, type AnySchema } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot } from '../helpers/factories.js';

interface Operation {
  parameters?: { in: string; name: string; example?: unknown; schema: { examples?: unknown[] } }[];
  requestBody?: {
    content: {
      'application/json': {
        schema: AnySchema & { examples?: unknown[] };
        example?: unknown;
        examples?: Record<string, { value: unknown }>;
      };
    };
  };
  responses: Record<string, { content?: { 'application/json'?: { schema: AnySchema } } }>;
}

/**
 * Every operation of the public API is called with the example its OpenAPI document gives (ids that
 * only exist at run time are swapped in), and the answer is validated against the documented schema.
 */
describe('the OpenAPI document and its examples', () => {
  let database: TestDatabase;
  let app: App;
  let spec: { paths: Record<string, Record<string, Operation>> };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    app = await buildTestApp(database, {}, () => new Date('2026-12-01T12:00:00Z'));
    spec = (await app.inject({ url: '/api/v1/openapi.json' })).json();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  function operation(path: string, method: string): Operation {
    const op = spec.paths[path]?.[method];
    if (!op) throw new Error(`${method} ${path} is not documented`);
    return op;
  }
  function bodyExample(path: string, method: string): Record<string, unknown> {
    const media = operation(path, method).requestBody?.content['application/json'];
    const schema = media?.schema;
    const example = media?.example ?? Object.values(media?.examples ?? {})[0]?.value ?? schema?.examples?.[0];
    expect(example, `${method} ${path} has a request example`).toBeDefined();
    expect(ajv.validate(schema as AnySchema, example), JSON.stringify(ajv.errors)).toBe(true);
    return structuredClone(example) as Record<string, unknown>;
  }
  /** The query the parameters' examples make; `null` leaves a parameter out. */
  function queryExample(path: string, overrides: Record<string, string | null>): string {
    const params = (operation(path, 'get').parameters ?? []).filter((p) => p.in === 'query');
    const values = new URLSearchParams();
    for (const p of params) {
      const value = p.name in overrides ? overrides[p.name] : (p.example ?? p.schema.examples?.[0]);
      if (value !== undefined && value !== null) values.set(p.name, String(value));
    }
    return `${path}?${values}`;
  }
  function checkResponse(path: string, method: string, status: number, body: unknown) {
    const schema = operation(path, method).responses[String(status)]?.content?.['application/json']?.schema;
    expect(schema, `${method} ${path} documents status ${status}`).toBeDefined();
    expect(
      ajv.validate(schema as AnySchema, body),
      `${method} ${path} ${status}: ${JSON.stringify(ajv.errors)}`,
    ).toBe(true);
  }

  it('documents every operation of DESIGN §5 and each example works as documented', async () => {
    const line = await aCapacityLine(database.db, { procedures: ['orientacion-tributaria'] });
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-01T13:00:00Z' });
    const otherSlot = await aSlot(database.db, { line, startsAt: '2026-12-01T13:30:00Z' });

    const procedures = await app.inject({ url: '/api/v1/procedures' });
    checkResponse('/api/v1/procedures', 'get', 200, procedures.json());
    const offices = await app.inject({ url: '/api/v1/offices?city=05001' });
    checkResponse('/api/v1/offices', 'get', 200, offices.json());

    const days = await app.inject({
      url: queryExample('/api/v1/availability/days', { city: null, from: '2026-12-01', to: '2026-12-05' }),
    });
    expect(days.statusCode, days.body).toBe(200);
    checkResponse('/api/v1/availability/days', 'get', 200, days.json());
    expect(days.json().items).toEqual([{ date: '2026-12-01', available: 10 }]);

    const slots = await app.inject({
      url: queryExample('/api/v1/availability/slots', { date: '2026-12-01', city: null }),
    });
    checkResponse('/api/v1/availability/slots', 'get', 200, slots.json());
    const first = await app.inject({ url: queryExample('/api/v1/availability/first', { office: null }) });
    checkResponse('/api/v1/availability/first', 'get', 200, first.json());
    const next = await app.inject({ url: queryExample('/api/v1/next-available', {}) });
    expect(next.statusCode, next.body).toBe(200);
    checkResponse('/api/v1/next-available', 'get', 200, next.json());

    const holdBody = { ...bodyExample('/api/v1/holds', 'post'), slotId };
    const hold = await app.inject({ method: 'POST', url: '/api/v1/holds', payload: holdBody });
    expect(hold.statusCode).toBe(201);
    checkResponse('/api/v1/holds', 'post', 201, hold.json());

    const confirmBody = bodyExample('/api/v1/holds/{holdId}/confirm', 'post');
    const applicant = anApplicant();
    (confirmBody.applicant as Record<string, string>).documentNumber = applicant.documentNumber as string;
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${hold.json().holdId}/confirm`,
      payload: confirmBody,
    });
    expect(confirmed.statusCode).toBe(201);
    checkResponse('/api/v1/holds/{holdId}/confirm', 'post', 201, confirmed.json());
    const code = confirmed.json().code as string;

    const lookup = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments/lookup',
      payload: {
        ...bodyExample('/api/v1/appointments/lookup', 'post'),
        code,
        documentNumber: applicant.documentNumber,
      },
    });
    checkResponse('/api/v1/appointments/lookup', 'post', 200, lookup.json());
    const notFound = await app.inject({
      method: 'POST',
      url: '/api/v1/appointments/lookup',
      payload: bodyExample('/api/v1/appointments/lookup', 'post'),
    });
    checkResponse('/api/v1/appointments/lookup', 'post', 404, notFound.json());

    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${code}/reschedule`,
      payload: {
        ...bodyExample('/api/v1/appointments/{code}/reschedule', 'post'),
        documentNumber: applicant.documentNumber,
        slotId: otherSlot,
      },
    });
    expect(moved.statusCode).toBe(200);
    checkResponse('/api/v1/appointments/{code}/reschedule', 'post', 200, moved.json());

    const cancelled = await app.inject({
      method: 'POST',
      url: `/api/v1/appointments/${moved.json().code}/cancel`,
      payload: {
        ...bodyExample('/api/v1/appointments/{code}/cancel', 'post'),
        documentNumber: applicant.documentNumber,
      },
    });
    expect(cancelled.statusCode).toBe(200);
    checkResponse('/api/v1/appointments/{code}/cancel', 'post', 200, cancelled.json());

    const full = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { ...holdBody, slotId: 999_999 },
    });
    checkResponse('/api/v1/holds', 'post', 404, full.json());

    const alert = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      payload: bodyExample('/api/v1/alerts', 'post'),
    });
    expect(alert.statusCode, alert.body).toBe(201);
    checkResponse('/api/v1/alerts', 'post', 201, alert.json());
  });
});
