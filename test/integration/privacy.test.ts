import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { verifyAuditChain } from '../../src/services/audit/trail.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import type { ServiceContext } from '../../src/services/context.js';
import { anonymiseExpiredApplicants } from '../../src/services/privacy/anonymise.js';
import {
  dataSubjectToken,
  deleteSubjectData,
  requestDataAccess,
  viewSubjectData,
} from '../../src/services/privacy/data-subject.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent, slotCounts } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

describe.each(engines())('personal data on %s', (engine) => {
  let database: TestDatabase;
  let line: number;
  const ctx = (now: string): ServiceContext => ({
    db: database.db,
    config: testConfig(),
    now: new Date(now),
  });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    line = await aCapacityLine(database.db, { procedures: [PROCEDURE, 'rut-pj'] });
  });
  afterAll(async () => {
    await database.destroy();
  });

  async function bookAt(startsAt: string, now: string, applicant = anApplicant(), procedure = PROCEDURE) {
    const slotId = await aSlot(database.db, { line, startsAt });
    const hold = await placeHold(ctx(now), { slotId, procedure, channel: 'presencial', sessionKey: null });
    const done = await confirmHold(ctx(now), {
      holdId: hold.holdId,
      applicant,
      consent,
      via: 'api',
      locale: 'es',
    });
    return { ...done, slotId, applicant };
  }

  it('anonymises exactly the applicants whose appointments ended more than the retention period ago', async () => {
    const old = await bookAt('2025-01-10T13:00:00Z', '2025-01-05T12:00:00Z');
    const recent = await bookAt('2025-12-10T13:00:00Z', '2025-12-05T12:00:00Z');
    const future = await bookAt('2026-12-10T13:00:00Z', '2026-12-01T12:00:00Z');
    const erased = await anonymiseExpiredApplicants(database.db, new Date('2026-12-01T12:00:00Z'), 12);
    expect(erased).toBe(1);
    const rows = await database.db
      .selectFrom('applicants as p')
      .innerJoin('appointments as a', 'a.applicant_id', 'p.id')
      .select(['a.code', 'p.first_name', 'p.document_number', 'p.email', 'p.anonymised_at', 'a.person_key'])
      .where('a.code', 'in', [old.code, recent.code, future.code])
      .execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get(old.code)).toMatchObject({
      first_name: '-',
      email: '',
      anonymised_at: expect.any(Date),
    });
    expect(byCode.get(old.code)?.document_number).toMatch(/^anon-\d+$/);
    expect(byCode.get(old.code)?.person_key).toMatch(/^anon:\d+$/);
    expect(byCode.get(recent.code)).toMatchObject({ anonymised_at: null, first_name: 'María José' });
    expect(byCode.get(future.code)).toMatchObject({ anonymised_at: null });
    // Consent records stay as proof, naming no one.
    const consents = await database.db.selectFrom('consents').selectAll().execute();
    expect(consents.length).toBeGreaterThanOrEqual(3);
    expect(await anonymiseExpiredApplicants(database.db, new Date('2026-12-01T12:00:00Z'), 12)).toBe(0);
  });

  it('shows a person their data through a link and deletes it on request, cancelling future appointments first', async () => {
    const now = '2026-12-01T12:00:00Z';
    const person = anApplicant();
    const first = await bookAt('2026-12-14T13:00:00Z', now, person);
    const second = await bookAt('2026-12-15T13:00:00Z', now, person, 'rut-pj');

    await requestDataAccess(database.db, {
      documentNumber: '999',
      email: 'nobody@example.com',
      locale: 'es',
      now: new Date(now),
    });
    await requestDataAccess(database.db, {
      documentNumber: person.documentNumber as string,
      email: (person.email as string).toUpperCase(),
      locale: 'es',
      now: new Date(now),
    });
    const jobs = await database.db
      .selectFrom('jobs')
      .selectAll()
      .where('name', '=', 'mail.data-subject-link')
      .execute();
    expect(jobs).toHaveLength(1);
    // The job carries the request's id only; the link's token is derived from it with the secret.
    expect(jobs[0]?.payload).toEqual({ requestId: expect.any(Number) });
    const { requestId } = (jobs[0]?.payload ?? {}) as { requestId: number };
    const link = {
      secret: testConfig().sessionSecret,
      token: dataSubjectToken(testConfig().sessionSecret, requestId),
    };

    const data = await viewSubjectData(database.db, link, new Date(now));
    expect(data?.applicants.map((a) => a.documentNumber)).toEqual([
      person.documentNumber,
      person.documentNumber,
    ]);
    expect(data?.appointments.map((a) => a.code).sort()).toEqual([first.code, second.code].sort());
    expect(data?.consents).toHaveLength(2);
    expect(await viewSubjectData(database.db, link, new Date('2026-12-01T13:01:00Z'))).toBeUndefined();
    expect(
      await viewSubjectData(database.db, { ...link, token: 'not-a-token-at-all-000' }, new Date(now)),
    ).toBeUndefined();

    expect(await deleteSubjectData(ctx(now), link)).toBe(true);
    expect(await deleteSubjectData(ctx(now), link)).toBe(false);
    expect(await slotCounts(database.db, first.slotId)).toMatchObject({ taken: 0, appointments: 0 });
    const left = await database.db
      .selectFrom('applicants')
      .selectAll()
      .where('document_number', '=', person.documentNumber as string)
      .execute();
    expect(left).toEqual([]);
    const audit = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'privacy.delete')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain(person.documentNumber as string);
    expect(JSON.stringify(audit[0])).not.toContain(person.email as string);
    expect((await verifyAuditChain(database.db)).break).toBeNull();
  });
});
