import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres } from '../../src/db/database.js';
import type { DB } from '../../src/db/schema.js';
import { signIn } from '../../src/services/staff-access/sign-in.js';
import { collect, spawnCli, waitForUrl } from '../helpers/cli.js';
import { createPostgresDatabaseUrl, engines } from '../helpers/db.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agenda-admin-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[], env: Record<string, string>) => collect(spawnCli(args, env)).done;
const otpOf = (stdout: string) => /One-time password[^:]*: ([a-z2-9-]+)/.exec(stdout)?.[1];

async function tamper(db: Kysely<DB>): Promise<void> {
  await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`.execute(db);
  await sql`UPDATE audit_events SET actor = 'someone-else' WHERE id = (SELECT min(id) FROM audit_events)`.execute(
    db,
  );
  await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`.execute(db);
}

describe('agenda staff add and agenda audit verify (embedded engine)', () => {
  it('adds accounts, refuses bad ones, and the verify command detects a changed audit row', {
    timeout: 240_000,
  }, async () => {
    const env = { DATA_DIR: join(dir, 'cli') };
    const added = await run(['staff', 'add', '--email', 'auditora@dian.test', '--role', 'auditor'], env);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Created auditor auditora@dian.test');
    const otp = otpOf(added.stdout);
    expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    const badRole = await run(['staff', 'add', '--email', 'x@dian.test', '--role', 'rey'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('--role: Choose one of the allowed values');

    const intact = await run(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^Audit trail intact: 1 events, head [0-9a-f]{64}\.\n$/);
    const anchor = await run(['audit', 'anchor'], env);
    expect(anchor.stdout).toMatch(/^1:[0-9a-f]{64}\n$/);
    const anchored = await run(['audit', 'verify', '--anchor', anchor.stdout.trim()], env);
    expect(anchored.code).toBe(0);

    const database = await openPglite({ dataDir: env.DATA_DIR });
    try {
      // The printed password is the account's (and it is stored only as an argon2id hash).
      const row = await database.db.selectFrom('staff').select('password_hash').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      await expect(
        signIn(database.db, { email: 'auditora@dian.test', password: otp ?? '' }, new Date()),
      ).resolves.toMatchObject({ needsSecondFactor: false });
      await tamper(database.db);
    } finally {
      await database.close();
    }
    const broken = await run(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^Audit trail BROKEN at event \d+ \(its content does not match its hash\)/);
  });
});

describe('npm start on a database without staff', () => {
  it('creates the first national administrator once and prints its one-time password once', {
    timeout: 240_000,
  }, async () => {
    // On PostgreSQL from the catalogue template (no seeding: quick); otherwise a fresh embedded database.
    const postgres = engines().includes('postgres') ? await createPostgresDatabaseUrl() : null;
    const env = {
      ...(postgres ? { DATABASE_URL: postgres.url } : { DATA_DIR: join(dir, 'first') }),
      PORT: '0',
      RUN_WORKER: 'off',
    };
    try {
      const child = spawnCli(['serve'], env);
      const { done, output } = collect(child);
      const url = await waitForUrl(child, 180_000);
      const printed = output().stdout;
      expect(printed).toContain('First national administrator created: admin@dian.local');
      const otp = otpOf(printed) ?? '';
      expect(otp).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

      // The password signs in over HTTP (through the CSRF-protected form) and leads to TOTP enrolment.
      const page = await fetch(`${url}/admin/ingreso`);
      const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const login = await fetch(`${url}/admin/ingreso`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        body: new URLSearchParams({ email: 'admin@dian.local', password: otp, _csrf: token }).toString(),
      });
      expect(login.status).toBe(303);
      const session =
        login.headers
          .getSetCookie()
          .find((c) => c.startsWith('agenda_staff='))
          ?.split(';')[0] ?? '';
      const next = await fetch(`${url}/admin`, { redirect: 'manual', headers: { cookie: session } });
      expect(next.headers.get('location')).toBe('/admin/segundo-factor');
      child.kill('SIGTERM');
      expect((await done).code).toBe(0);

      const again = spawnCli(['serve'], env);
      const second = collect(again);
      await waitForUrl(again, 180_000);
      again.kill('SIGTERM');
      const finished = await second.done;
      expect(finished.stdout).not.toContain('One-time password');
      expect(finished.stdout).not.toContain(otp);
    } finally {
      await postgres?.drop();
    }
  });
});

describe.runIf(engines().includes('postgres'))('agenda staff add on PostgreSQL', () => {
  it('gives a seccional administrator its seccional, and verify detects tampering', {
    timeout: 240_000,
  }, async () => {
    const { url, drop } = await createPostgresDatabaseUrl();
    try {
      const env = { DATABASE_URL: url };
      const added = await run(
        [
          'staff',
          'add',
          '--email',
          'cali@dian.test',
          '--role',
          'admin_seccional',
          '--name',
          'Admin Cali',
          '--office',
          '05',
        ],
        env,
      );
      expect(added.code).toBe(0);
      const notSeccional = await run(
        ['staff', 'add', '--email', 'c2@dian.test', '--role', 'admin_seccional', '--office', '0501'],
        env,
      );
      expect(notSeccional.code).toBe(1);
      expect(notSeccional.stderr).toContain('--office: Office 0501 is not a Dirección Seccional');
      expect((await run(['audit', 'verify'], env)).code).toBe(0);
      const database = openPostgres({ url, poolSize: 2 });
      try {
        const scopes = await database.db
          .selectFrom('staff_scopes as sc')
          .innerJoin('staff as s', 's.id', 'sc.staff_id')
          .select(['s.name', 's.role', 'sc.office_code', 'sc.channel'])
          .execute();
        expect(scopes).toEqual([
          { name: 'Admin Cali', role: 'admin_seccional', office_code: '05', channel: null },
        ]);
        await tamper(database.db);
      } finally {
        await database.close();
      }
      const broken = await run(['audit', 'verify'], env);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toContain('Audit trail BROKEN');
    } finally {
      await drop();
    }
  });
});
