import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newConfirmationCode } from '../../src/domain/confirmation-code.js';
import type { App } from '../../src/http/types.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

vi.mock('../../src/domain/confirmation-code.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/domain/confirmation-code.js')>();
  return { ...real, newConfirmationCode: vi.fn(real.newConfirmationCode) };
});

const NOW = '2026-12-01T12:00:00Z';
const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('what a confirmation records on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let slotId: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, new TestClock(new Date(NOW)).now);
    const line = await aCapacityLine(database.db, {
      office: '11',
      channel: 'presencial',
      procedures: [PROCEDURE],
    });
    slotId = await aSlot(database.db, { line, startsAt: '2026-12-02T13:00:00Z', capacity: 5 });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const book = async (applicant: ReturnType<typeof anApplicant>) => {
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(held.statusCode).toBe(201);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant, consent },
    });
    expect(confirmed.statusCode).toBe(201);
    return confirmed.json().code as string;
  };

  /** The appointment of a code with its applicant, consents and confirmation jobs. */
  const recorded = async (code: string) => {
    const appointment = await database.db
      .selectFrom('appointments')
      .select(['id', 'applicant_id', 'slot_id', 'procedure_code', 'status', 'locale'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    const applicant = await database.db
      .selectFrom('applicants')
      .select(['document_number', 'first_name', 'email'])
      .where('id', '=', appointment.applicant_id)
      .executeTakeFirstOrThrow();
    const consents = await database.db
      .selectFrom('consents')
      .select(['policy_version', 'purposes', 'channel'])
      .where('applicant_id', '=', appointment.applicant_id)
      .execute();
    const jobs = await sql<{ name: string; payload: unknown; dedupe_key: string }>`
      SELECT name, payload, dedupe_key FROM jobs WHERE payload->>'appointmentId' = ${String(appointment.id)}`.execute(
      database.db,
    );
    return { appointment, applicant, consents, jobs: jobs.rows };
  };

  it('records the applicant, the consent, the appointment and its confirmation e-mail job, once each', async () => {
    const applicant = anApplicant();
    const code = await book(applicant);
    const r = await recorded(code);
    expect(r.appointment).toMatchObject({ slot_id: slotId, procedure_code: PROCEDURE, status: 'booked' });
    expect(r.applicant).toMatchObject({ first_name: applicant.firstName, email: applicant.email });
    expect(r.consents).toEqual([
      { policy_version: consent.policyVersion, purposes: expect.any(Array), channel: 'api' },
    ]);
    expect(r.consents[0]?.purposes.length).toBeGreaterThan(0);
    expect(r.jobs).toEqual([
      {
        name: 'mail.appointment-confirmed',
        payload: { appointmentId: r.appointment.id },
        dedupe_key: `confirmed:${r.appointment.id}`,
      },
    ]);
  });

  it('draws another code when the first one is taken, recording the person once', async () => {
    const taken = await book(anApplicant());
    vi.mocked(newConfirmationCode).mockReturnValueOnce(taken);
    const applicant = anApplicant();
    const code = await book(applicant);
    expect(code).not.toBe(taken);
    const r = await recorded(code);
    const sameDocument = await database.db
      .selectFrom('applicants')
      .select('id')
      .where('document_number', '=', r.applicant.document_number)
      .execute();
    expect(sameDocument).toEqual([{ id: r.appointment.applicant_id }]);
    expect(r.consents).toHaveLength(1);
    expect(r.jobs).toEqual([
      {
        name: 'mail.appointment-confirmed',
        payload: { appointmentId: r.appointment.id },
        dedupe_key: `confirmed:${r.appointment.id}`,
      },
    ]);
  });
});
