import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { auditHash } from '../../src/domain/audit-chain.js';
import { recordAudit, verifyAuditChain } from '../../src/services/audit/trail.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';

describe.each(engines())('audit trail on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('chains events by hash and detects a changed row', async () => {
    const db = database.db;
    for (let i = 0; i < 3; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, {
          occurredAt: new Date(Date.UTC(2026, 11, 1, 12, i)),
          actorStaffId: null,
          actor: 'cli',
          action: 'office.update',
          entityType: 'office',
          entityId: '11',
          officeCode: '11',
          before: { desks: i },
          after: { desks: i + 1, note: 'ñandú ✓' },
        }),
      );
    }
    expect(await verifyAuditChain(db)).toEqual({
      events: 3,
      head: expect.stringMatching(/^[0-9a-f]{64}$/),
      break: null,
    });

    // Someone with database access bypasses the append-only trigger and edits history.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db);
    await sql`UPDATE audit_events SET after = '{"desks": 99}' WHERE id = (SELECT min(id) + 1 FROM audit_events)`.execute(
      db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db);
    const result = await verifyAuditChain(db);
    expect(result.break).toMatchObject({ reason: 'hash' });
  });

  it('is keyed: events rewritten and chained again without the key, or cut from the end, are found', async () => {
    const own = await createTestDatabase(engine);
    onTestFinished(() => own.destroy());
    const db = own.db;
    for (let i = 0; i < 3; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, {
          occurredAt: new Date(Date.UTC(2026, 11, 1, 13, i)),
          actorStaffId: null,
          actor: 'cli',
          action: 'office.update',
          entityType: 'office',
          entityId: '05',
          officeCode: '05',
          before: null,
          after: { desks: i },
        }),
      );
    }
    const intact = await verifyAuditChain(db);
    expect(intact.break).toBeNull();
    const anchor = { events: intact.events, head: intact.head as string };

    // An attacker rewrites the newest event and computes its hash as an unkeyed chain would (SHA-256 of
    // the same canonical content), then the next ones: without AUDIT_KEY the hashes cannot match.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db);
    const last = await db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const content = {
      ...last,
      occurredAt: last.occurred_at,
      actorStaffId: last.actor_staff_id,
      entityType: last.entity_type,
      entityId: last.entity_id,
      officeCode: last.office_code,
      after: { desks: 1 },
    };
    const forged = auditHash('a guessed key that is not the audit key', last.prev_hash, content);
    await sql`UPDATE audit_events SET after = '{"desks": 1}', hash = ${forged} WHERE id = ${last.id}`.execute(
      db,
    );
    expect((await verifyAuditChain(db)).break).toEqual({ id: last.id, reason: 'hash' });

    // Removing the newest event leaves a shorter chain that is intact in itself: only the anchor kept
    // outside the database shows it.
    await sql`DELETE FROM audit_events WHERE id = ${last.id}`.execute(db);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db);
    expect((await verifyAuditChain(db)).break).toBeNull();
    expect((await verifyAuditChain(db, anchor)).break).toEqual({ id: null, reason: 'anchor' });
  });
});
