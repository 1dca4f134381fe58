import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(await verifyAuditChain(db)).toEqual({ events: 3, break: null });

    // Someone with database access bypasses the append-only trigger and edits history.
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db);
    await sql`UPDATE audit_events SET after = '{"desks": 99}' WHERE id = (SELECT min(id) + 1 FROM audit_events)`.execute(
      db,
    );
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db);
    const result = await verifyAuditChain(db);
    expect(result.break).toMatchObject({ reason: 'hash' });
  });
});
