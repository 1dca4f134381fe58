import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { App } from '../../src/http/types.js';
import { applyForRelease } from '../../src/services/releases/apply.js';
import { drawRelease } from '../../src/services/releases/draw.js';
import { confirmEntryByToken } from '../../src/services/releases/entry-link.js';
import { claimReleaseOffer, declineReleaseOffer } from '../../src/services/releases/offers.js';
import { entryToken, offerToken, releaseSettings } from '../../src/services/releases/release-settings.js';
import { AdminBrowser, aStaffMember, type TestStaff, textOf } from '../helpers/admin.js';
import { buildTestApp, TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';
import { Steps } from '../helpers/steps.js';

const NOW = '2026-12-01T12:00:00Z'; // Tuesday 07:00 in Bogotá
const PROCEDURE = 'orientacion-tributaria';
const UUID = /\/admin\/sorteos\/([0-9a-f-]{36})\?aviso=/;

describe.each(engines())('releases in the back office on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  const clock = new TestClock(new Date(NOW));
  let national: TestStaff;
  let seccional: TestStaff;
  let admin: AdminBrowser;
  let other: AdminBrowser;
  let lineId = 0;
  let releaseId = '';

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    app = await buildTestApp(database, {}, clock.now);
    national = await aStaffMember(database.db, { role: 'admin_nacional' });
    seccional = await aStaffMember(database.db, { role: 'admin_seccional', offices: ['05'] });
    admin = new AdminBrowser(app);
    await admin.signIn(national, clock);
    other = new AdminBrowser(app);
    await other.signIn(seccional, clock);
    // Medellín (seccional 11): two places in the morning and one in the afternoon of Thursday.
    lineId = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    await aSlot(database.db, { line: lineId, startsAt: '2026-12-03T13:00:00Z', capacity: 2 });
    await aSlot(database.db, { line: lineId, startsAt: '2026-12-03T19:00:00Z', capacity: 1 });
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  const releases = async () => (await database.db.selectFrom('releases').select('id').execute()).length;
  const figure = (html: string, key: string) =>
    new RegExp(`data-figure="${key}">([^<]*)<`).exec(html)?.[1] ?? null;

  const story = new Steps();
  const it = story.step;

  it('refuses a bad release form with a message per field, and creates nothing', async () => {
    const form = await admin.get('/admin/sorteos/nuevo');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${lineId}"`);

    const empty = await admin.post('/admin/sorteos', { window: '' });
    expect(empty.statusCode).toBe(400);
    for (const field of ['lineId', 'from', 'to', 'window'])
      expect(empty.body).toContain(`href="#field-${field}"`);
    const bad = await admin.post('/admin/sorteos', {
      lineId: String(lineId),
      from: '2026-11-30',
      to: '2026-12-03',
      opensDate: '2026-12-01',
      opensTime: '7 am',
      window: '5 minutos',
    });
    expect(bad.statusCode).toBe(400);
    for (const field of ['opensTime', 'window']) expect(bad.body).toContain(`href="#field-${field}"`);
    const past = await admin.post('/admin/sorteos', {
      lineId: String(lineId),
      from: '2026-11-30',
      to: '2026-12-03',
      window: '45s',
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('href="#field-from"');
    // Days with no free place to draw.
    const nothing = await admin.post('/admin/sorteos', {
      lineId: String(lineId),
      from: '2026-12-10',
      to: '2026-12-11',
      window: '45s',
    });
    expect(nothing.statusCode).toBe(400);
    expect(textOf(nothing.body)).toContain('No hay cupos libres en esas fechas');
    expect(await releases()).toBe(0);
  });

  it('keeps a seccional administrator to its own offices', async () => {
    const form = await other.get('/admin/sorteos/nuevo');
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain(`<option value="${lineId}"`);
    const forbidden = await other.post('/admin/sorteos', {
      lineId: String(lineId),
      from: '2026-12-03',
      to: '2026-12-03',
      window: '45s',
    });
    expect(forbidden.statusCode).toBe(403);
    expect(await releases()).toBe(0);
  });

  it('turns the free places into a release, audited, shown in the list and on its page', async () => {
    const created = await admin.post('/admin/sorteos', {
      lineId: String(lineId),
      from: '2026-12-03',
      to: '2026-12-03',
      window: '45s',
    });
    expect(created.statusCode).toBe(303);
    releaseId = UUID.exec(created.headers.location as string)?.[1] ?? '';
    const slots = await database.db
      .selectFrom('slots')
      .select('release_id')
      .where('capacity_line_id', '=', lineId)
      .execute();
    expect(slots.map((s) => s.release_id)).toEqual([releaseId, releaseId]);
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['actor_staff_id', 'entity_id'])
      .where('action', '=', 'release.create')
      .execute();
    expect(audit).toEqual([{ actor_staff_id: national.id, entity_id: releaseId }]);

    const list = await admin.get('/admin/sorteos');
    expect(list.body).toContain(`href="/admin/sorteos/${releaseId}"`);
    expect(textOf(list.body)).toContain('Inscripciones abiertas');
    const page = await admin.get(`/admin/sorteos/${releaseId}`);
    expect(page.statusCode).toBe(200);
    expect(figure(page.body, 'places')).toBe('3');
    expect(figure(page.body, 'entries')).toBe('0');
    expect(figure(page.body, 'allClaimed')).toBe('Todavía no');

    // Another seccional's administrator neither lists nor opens it.
    expect((await other.get('/admin/sorteos')).body).not.toContain(releaseId);
    expect((await other.get(`/admin/sorteos/${releaseId}`)).statusCode).toBe(403);
    expect((await admin.get('/admin/sorteos/no-such-release')).statusCode).toBe(404);
  });

  it('publishes days con sorteo: preview, then days and release in one transaction', async () => {
    // Cali (seccional 05): a line attending two procedures, with a template of mornings.
    const line = await aCapacityLine(database.db, {
      office: '05',
      procedures: [PROCEDURE, 'orientacion-aduanera'],
    });
    const template = await admin.post(`/admin/agenda/lineas/${line}/plantillas`, {
      name: 'Mañanas',
      weekdays: ['1', '2', '3', '4', '5'],
      opens: '08:00',
      closes: '10:00',
      slotMinutes: '30',
      places: '2',
      breaks: '',
    });
    expect(template.statusCode).toBe(303);
    const publish = /\/admin\/agenda\/plantillas\/\d+\/publicar/.exec(
      template.headers.location as string,
    )?.[0];
    const slotsOf = async () =>
      database.db
        .selectFrom('slots')
        .select(['id', 'release_id'])
        .where('capacity_line_id', '=', line)
        .execute();
    const range = 'from=2026-12-14&to=2026-12-15';

    // The preview asks which procedure and says how many places the draw gets, and when.
    const unnamed = await other.get(`${publish}?${range}&draw=on&window=2h`);
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.body).toContain('href="#field-procedure"');
    const preview = await other.get(
      `${publish}?${range}&draw=on&procedure=${PROCEDURE}&opensDate=2026-12-02&opensTime=08:00&window=2h`,
    );
    expect(preview.statusCode).toBe(200);
    expect(textOf(preview.body)).toContain(
      'Con sorteo: 16 cupos irán al sorteo; inscripciones del 2026-12-02 08:00 al 2026-12-02 10:00',
    );
    expect(await slotsOf()).toEqual([]);

    // A window that closes after the days leaves nothing to draw: neither days nor release are made.
    const late = await other.post(publish as string, {
      from: '2026-12-14',
      to: '2026-12-15',
      draw: 'on',
      procedure: PROCEDURE,
      window: '30d',
    });
    expect(late.statusCode).toBe(400);
    expect(textOf(late.body)).toContain('No hay cupos libres en esas fechas');
    expect(await slotsOf()).toEqual([]);

    const published = await other.post(publish as string, {
      from: '2026-12-14',
      to: '2026-12-15',
      draw: 'on',
      procedure: PROCEDURE,
      opensDate: '2026-12-02',
      opensTime: '08:00',
      window: '2h',
    });
    expect(published.statusCode).toBe(303);
    const id = UUID.exec(published.headers.location as string)?.[1] ?? '';
    const release = await database.db
      .selectFrom('releases')
      .select(['procedure_code', 'opens_at', 'closes_at', 'created_by_staff_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(release).toEqual({
      procedure_code: PROCEDURE,
      opens_at: new Date('2026-12-02T13:00:00Z'),
      closes_at: new Date('2026-12-02T15:00:00Z'),
      created_by_staff_id: seccional.id,
    });
    // Every new place belongs to the release: nobody can hold one before the draw.
    const slots = await slotsOf();
    expect(slots).toHaveLength(8);
    expect(slots.every((s) => s.release_id === id)).toBe(true);
    const hold = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId: slots[0]?.id, procedure: PROCEDURE, channel: 'presencial' },
    });
    expect(hold.statusCode).toBe(409);
    expect(hold.json().code).toBe('IN_DRAW');
    const page = await other.get(`/admin/sorteos/${id}`);
    expect(textOf(page.body)).toContain('Próximo');
    expect(figure(page.body, 'places')).toBe('16');
  });

  it('reports the draw: entries per document, offers claimed and passed on, time to every place', async () => {
    const settings = releaseSettings(app.deps.config);
    // Sign-ins moved the clock: times count from when the window opened.
    const { opens_at: opened } = await database.db
      .selectFrom('releases')
      .select('opens_at')
      .where('id', '=', releaseId)
      .executeTakeFirstOrThrow();
    const at = (ms: number) => new Date(opened.getTime() + ms);
    const ctx = (now: Date) => ({ db: database.db, now, settings, rules: app.deps.config });
    const people = [0, 1, 2, 3].map((i) => ({ documentType: 'CC', documentNumber: String(71_000_000 + i) }));
    for (const [i, person] of people.entries()) {
      const { entryId } = await applyForRelease(
        ctx(at(1_000)),
        releaseId,
        { ...person, email: `sorteo${i}@example.com` },
        'es',
      );
      await confirmEntryByToken(ctx(at(2_000)), entryToken(settings, entryId));
    }
    // The same person asking again replaces their entry: still one per document.
    const again = await applyForRelease(
      ctx(at(3_000)),
      releaseId,
      { ...people[0], email: 'otra@example.com' } as never,
      'es',
    );
    await confirmEntryByToken(ctx(at(4_000)), entryToken(settings, again.entryId));

    const closed = at(45_000);
    await drawRelease(database.db, releaseId, closed, settings);
    const offers = await database.db
      .selectFrom('release_offers')
      .select(['id', 'entry_id'])
      .where('release_id', '=', releaseId)
      .orderBy('id')
      .execute();
    expect(offers).toHaveLength(3);
    // One declines: the place passes on to the fourth entry.
    await declineReleaseOffer(ctx(at(60_000)), offerToken(settings, offers[0]?.id ?? 0));
    const all = await database.db
      .selectFrom('release_offers')
      .select(['id', 'status'])
      .where('release_id', '=', releaseId)
      .where('status', '=', 'offered')
      .orderBy('id')
      .execute();
    expect(all).toHaveLength(3);
    await claimReleaseOffer(ctx(at(600_000)), offerToken(settings, all[0]?.id ?? 0), 's1');
    await claimReleaseOffer(ctx(at(1_200_000)), offerToken(settings, all[1]?.id ?? 0), 's2');
    clock.set(at(1_300_000));
    const partial = await admin.get(`/admin/sorteos/${releaseId}`);
    expect(figure(partial.body, 'claimed')).toBe('2');
    expect(figure(partial.body, 'allClaimed')).toBe('Todavía no');
    // The last place is claimed 1 h 30 min after the close.
    await claimReleaseOffer(
      ctx(new Date(closed.getTime() + 5_400_000)),
      offerToken(settings, all[2]?.id ?? 0),
      's3',
    );
    clock.set(at(6_000_000));
    // The back-office sessions expired meanwhile.
    await admin.signIn(national, clock);
    await other.signIn(seccional, clock);

    const page = await admin.get(`/admin/sorteos/${releaseId}`);
    expect(textOf(page.body)).toContain('Sorteado');
    expect({
      places: figure(page.body, 'places'),
      entries: figure(page.body, 'entries'),
      perDocument: figure(page.body, 'perDocument'),
      offers: figure(page.body, 'offers'),
      claimed: figure(page.body, 'claimed'),
      passedOn: figure(page.body, 'passedOn'),
      allClaimed: figure(page.body, 'allClaimed'),
    }).toEqual({
      places: '3',
      entries: '4',
      perDocument: '1.00',
      offers: '4',
      claimed: '3',
      passedOn: '1',
      allClaimed: '1 h 30 min',
    });
    const refills = await database.db
      .selectFrom('release_offers')
      .select('id')
      .where('release_id', '=', releaseId)
      .where('reason', '=', 'refill')
      .execute();
    expect(figure(page.body, 'refilled')).toBe(String(refills.length));

    // The reports' "Sorteos" section lists it with the same figures.
    const reports = await admin.get('/admin/informes?desde=2026-12-01&hasta=2026-12-31');
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain(`href="/admin/sorteos/${releaseId}"`);
    expect(textOf(reports.body)).toContain('1 h 30 min');
    expect((await other.get('/admin/informes?desde=2026-12-01&hasta=2026-12-31')).body).not.toContain(
      releaseId,
    );
  });

  test(
    'a release from its form to its report, in the scope of each administrator',
    { timeout: 240_000 },
    () => story.run(),
  );
});
