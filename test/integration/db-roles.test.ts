import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { prepareDatabase } from '../../src/server.js';
import { engines } from '../helpers/db.js';
import { anApplicant, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

async function run(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function outcome(client: pg.Client, text: string): Promise<string> {
  try {
    await client.query(text);
    return 'ok';
  } catch (err) {
    return String((err as { code?: unknown }).code);
  }
}

describe.runIf(engines().includes('postgres'))('the app under a role that owns nothing (PostgreSQL)', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `agenda_owner_${suffix}`;
  const web = `agenda_web_${suffix}`;
  const name = `agenda_t_roles_${suffix}`;
  let adminUrl: string;
  let database: Database;
  let app: App;
  let appClient: pg.Client;

  const urlAs = (user: string) => {
    const url = new URL(adminUrl);
    url.username = user;
    url.password = '';
    url.pathname = `/${name}`;
    return url.toString();
  };

  beforeAll(async () => {
    adminUrl = inject('postgresAdminUrl') ?? '';
    // As the README has an operator do it: an owner that is no superuser, and the app's login, a member
    // of agenda_app (the migrations grant to that role).
    await run(
      adminUrl,
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'agenda_app') THEN CREATE ROLE agenda_app NOLOGIN; END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
    );
    await run(adminUrl, `CREATE ROLE ${owner} LOGIN`);
    await run(adminUrl, `CREATE ROLE ${web} LOGIN IN ROLE agenda_app`);
    await run(adminUrl, `CREATE DATABASE ${name} OWNER ${owner} TEMPLATE template0`);

    // What `npm start` does: migrate as the owner, then seed and serve as the app.
    const config = testConfig({
      databaseUrl: urlAs(web),
      migrationDatabaseUrl: urlAs(owner),
      dbPoolSize: 4,
      minLeadMinutes: 0,
    });
    database = await prepareDatabase(config, pino({ level: 'silent' }));
    app = await buildApp({ config, database });
    await app.ready();
    appClient = new pg.Client({ connectionString: urlAs(web) });
    await appClient.connect();
  }, 120_000);

  afterAll(async () => {
    await appClient?.end();
    await app?.close();
    await database?.close();
    await run(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await run(adminUrl, `DROP ROLE IF EXISTS ${web}`);
    await run(adminUrl, `DROP ROLE IF EXISTS ${owner}`);
  });

  it('migrated as the owner: the tables are the owner’s, not the app’s', async () => {
    const tables = await appClient.query<{ owner: string; n: string }>(
      `SELECT tableowner AS owner, count(*) AS n FROM pg_tables WHERE schemaname = 'public' GROUP BY 1`,
    );
    expect(tables.rows.map((r) => r.owner)).toEqual([owner]);
  });

  it('holds and confirms an appointment', async () => {
    const slot = await appClient.query<{ id: number }>(
      `SELECT s.id::int AS id FROM slots s
       JOIN capacity_line_procedures lp ON lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = $1
       WHERE s.channel = 'presencial' AND s.status = 'open' AND s.taken < s.capacity AND s.starts_at > $2
       ORDER BY s.starts_at LIMIT 1`,
      // A day after the app's clock, not the database's: the two differ in the year-ahead CI run.
      [PROCEDURE, new Date(app.deps.clock().getTime() + 86_400_000)],
    );
    const slotId = slot.rows[0]?.id;
    expect(slotId).toBeDefined();
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant: anApplicant(), consent },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const booked = await appClient.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM appointments WHERE slot_id = $1 AND status = 'booked'`,
      [slotId],
    );
    expect(booked.rows[0]?.n).toBe(1);
  });

  it('cannot change the schema, empty a table, nor rewrite or cut the audit trail', async () => {
    const denied = '42501';
    expect(await outcome(appClient, 'DROP TABLE holds')).toBe(denied);
    expect(await outcome(appClient, 'ALTER TABLE slots ADD COLUMN extra int')).toBe(denied);
    expect(await outcome(appClient, 'TRUNCATE appointments')).toBe(denied);
    expect(await outcome(appClient, 'ALTER TABLE audit_events DISABLE TRIGGER USER')).toBe(denied);
    expect(await outcome(appClient, 'UPDATE audit_events SET action = action')).toBe(denied);
    expect(await outcome(appClient, 'DELETE FROM audit_events')).toBe(denied);
    expect(await outcome(appClient, 'DELETE FROM schema_migrations')).toBe(denied);
    expect(await outcome(appClient, 'CREATE TABLE intruder (id int)')).toBe(denied);
    // What it needs, it has.
    expect(await outcome(appClient, 'SELECT count(*) FROM audit_events')).toBe('ok');
    expect(await outcome(appClient, 'UPDATE slots SET capacity = capacity WHERE false')).toBe('ok');
  });
});
