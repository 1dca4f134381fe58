import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { systemActor } from '../../src/domain/access.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { Worker } from '../../src/jobs/worker.js';
import { createLogger } from '../../src/log.js';
import { createRelease } from '../../src/services/releases/create.js';
import { offerToken, releaseSettings } from '../../src/services/releases/release-settings.js';
import { AdminBrowser, textOf } from '../helpers/admin.js';
import { TestClock } from '../helpers/app.js';
import { createTestDatabase, engines, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const NOW = new Date('2026-12-01T12:00:00Z');
const WINDOW_MS = 60_000;

describe.each(engines())('the draw pages on %s', (engine) => {
  let database: TestDatabase;
  let app: App;
  let releaseId: string;
  let outsideSlot: number;
  const clock = new TestClock(NOW);
  const logLines: string[] = [];
  let worker: Worker;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp({
      config: testConfig({ logLevel: 'info' }),
      database,
      clock: clock.now,
      logger: createLogger('info', sink),
    });
    await app.ready();
    const line = await aCapacityLine(database.db, { procedures: [PROCEDURE] });
    await aSlot(database.db, { line, startsAt: '2026-12-03T13:00:00Z', capacity: 2 });
    await aSlot(database.db, { line, startsAt: '2026-12-04T19:00:00Z', capacity: 1 });
    outsideSlot = await aSlot(database.db, { line, startsAt: '2026-12-10T13:00:00Z', capacity: 2 });
    const created = await createRelease(
      database.db,
      systemActor('cli'),
      { lineId: line, from: '2026-12-03', to: '2026-12-04', windowMs: WINDOW_MS },
      NOW,
    );
    releaseId = created.id;
    worker = new Worker({ db: database.db, config: app.deps.config, clock: clock.now, periodic: [] });
  });
  afterAll(async () => {
    worker.mail.close();
    await app.close();
    await database.destroy();
  });

  const entries = () =>
    database.db
      .selectFrom('release_entries')
      .select(['id', 'status', 'email', 'dates', 'part_of_day'])
      .where('release_id', '=', releaseId)
      .execute();

  /** The link of the last e-mail of this kind to this address (sent by the worker first). */
  async function mailedLink(kind: string, to: string, pattern: RegExp): Promise<string> {
    await worker.runDue();
    const mail = await database.db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', kind)
      .where('to_address', '=', to)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const link = pattern.exec(mail.text_body)?.[0];
    if (!link) throw new Error(`no link in the ${kind} mail to ${to}`);
    return link;
  }

  /** Applies through the page as a browser would, and follows the e-mailed link to confirm. */
  async function applyAndConfirm(person: AdminBrowser, documentNumber: string, email: string) {
    await person.get(`/sorteos/${releaseId}`);
    const sent = await person.post(`/sorteos/${releaseId}`, {
      documentType: 'CC',
      documentNumber,
      email,
      partOfDay: '',
    });
    expect(sent.statusCode).toBe(303);
    const link = await mailedLink('release-entry', email, /\/sorteos\/inscripcion\/[^\s)]+/);
    await person.get(link);
    expect((await person.post(link, { accion: 'confirmar' })).statusCode).toBe(303);
    return link;
  }

  it('lists the release, filtered by procedure, and links the list from the home page', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('href="/sorteos"');
    const list = await app.inject({ url: `/sorteos?tramite=${PROCEDURE}` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/sorteos/${releaseId}"`);
    expect(textOf(list.body)).toContain('Inscripciones abiertas');
    const other = await app.inject({ url: '/sorteos?tramite=inscripcion-rut' });
    expect(other.body).not.toContain(`/sorteos/${releaseId}`);
    const english = await app.inject({ url: '/sorteos', cookies: { lang: 'en' } });
    expect(textOf(english.body)).toContain('Applications open');
  });

  it('points the booking journey at the draw on the days and times its places are in', async () => {
    const journey = `tramite=${PROCEDURE}&canal=presencial&oficina=11`;
    const days = await app.inject({ url: `/reservar/dias?${journey}` });
    expect(days.statusCode).toBe(200);
    expect(textOf(days.body)).toContain('se asignan por sorteo');
    expect(days.body).toContain(`href="/sorteos/${releaseId}"`);
    const inDraw = await app.inject({ url: `/reservar/horas?${journey}&fecha=2026-12-03` });
    expect(textOf(inDraw.body)).toContain('Inscribirme en el sorteo');
    const outside = await app.inject({ url: `/reservar/horas?${journey}&fecha=2026-12-10` });
    expect(outside.body).not.toContain(`/sorteos/${releaseId}`);
    const english = await app.inject({ url: `/reservar/dias?${journey}`, cookies: { lang: 'en' } });
    expect(textOf(english.body)).toContain('are given by a draw');
  });

  it('shows the release with its seed hash and the form; wrong input is shown back, nothing recorded', async () => {
    const page = await app.inject({ url: `/sorteos/${releaseId}` });
    expect(page.statusCode).toBe(200);
    const hash = (
      await database.db
        .selectFrom('releases')
        .select('seed_hash')
        .where('id', '=', releaseId)
        .executeTakeFirstOrThrow()
    ).seed_hash;
    expect(page.body).toContain(hash);
    expect(page.body).toContain('name="dates" type="checkbox" value="2026-12-04"');
    const person = new AdminBrowser(app, '10.7.0.1');
    await person.get(`/sorteos/${releaseId}`);
    const bad = await person.post(`/sorteos/${releaseId}`, {
      documentType: 'CC',
      documentNumber: '12',
      email: 'no-es-correo',
      dates: ['2026-12-09'],
      partOfDay: 'noche',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    for (const field of ['documentNumber', 'email', 'dates', 'partOfDay'])
      expect(bad.body).toContain(`href="#field-${field}"`);
    expect(bad.body).toContain('value="no-es-correo"');
    const noToken = await person.post(`/sorteos/${releaseId}`, { documentType: 'CC' }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(await entries()).toEqual([]);
    for (const url of ['/sorteos/no-existe', '/sorteos/00000000-0000-4000-8000-000000000000'])
      expect((await app.inject({ url })).statusCode).toBe(404);
  });

  it('takes an entry with Post/Redirect/Get; the e-mail link confirms and withdraws only by POST', async () => {
    const person = new AdminBrowser(app, '10.7.0.2');
    await person.get(`/sorteos/${releaseId}`);
    const sent = await person.post(`/sorteos/${releaseId}`, {
      documentType: 'CC',
      documentNumber: '52.111.222',
      email: 'uno@example.com',
      dates: ['2026-12-04'],
      partOfDay: 'tarde',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/sorteos/${releaseId}/enviada`);
    expect(textOf((await person.get(sent.headers.location as string)).body)).toContain('Revise su correo');
    expect(await entries()).toEqual([
      expect.objectContaining({ status: 'pending', dates: ['2026-12-04'], part_of_day: 'tarde' }),
    ]);

    const link = await mailedLink('release-entry', 'uno@example.com', /\/sorteos\/inscripcion\/[^\s)]+/);
    for (let i = 0; i < 2; i++) {
      const opened = await person.get(link);
      expect(opened.statusCode).toBe(200);
      expect(opened.headers['cache-control']).toBe('no-store');
      expect(textOf(opened.body)).toContain('Confirmar inscripción');
    }
    expect((await entries())[0]?.status).toBe('pending');
    expect((await person.post(link, { accion: 'confirmar' })).statusCode).toBe(303);
    expect((await entries())[0]?.status).toBe('confirmed');
    const confirmed = textOf((await person.get(link)).body);
    expect(confirmed).toContain('Su inscripción está confirmada');
    expect(confirmed).toContain('Retirar mi inscripción');
    expect(confirmed).not.toContain('Confirmar inscripción');

    const leaving = new AdminBrowser(app, '10.7.0.3');
    const leaveLink = await applyAndConfirm(leaving, '52333444', 'dos@example.com');
    expect((await leaving.post(leaveLink, { accion: 'retirar' })).statusCode).toBe(303);
    const left = await database.db
      .selectFrom('release_entries')
      .select('status')
      .where('email', '=', 'dos@example.com')
      .executeTakeFirstOrThrow();
    expect(left.status).toBe('withdrawn');
    expect(textOf((await leaving.get(leaveLink)).body)).toContain('Retiró su inscripción');
    const again = await leaving.post(leaveLink, { accion: 'confirmar' });
    expect(again.statusCode).toBe(409);
    expect(textOf(again.body)).toContain('Esta inscripción ya no está activa');
  });

  it('tells someone with an appointment of the procedure so, and does not enter them', async () => {
    const applicant = anApplicant();
    const held = await app.inject({
      method: 'POST',
      url: '/api/v1/holds',
      payload: { slotId: outsideSlot, procedure: PROCEDURE, channel: 'presencial' },
    });
    const booked = await app.inject({
      method: 'POST',
      url: `/api/v1/holds/${held.json().holdId}/confirm`,
      payload: { applicant, consent },
    });
    expect(booked.statusCode).toBe(201);
    const person = new AdminBrowser(app, '10.7.0.4');
    await person.get(`/sorteos/${releaseId}`);
    const before = (await entries()).length;
    const refused = await person.post(`/sorteos/${releaseId}`, {
      documentType: applicant.documentType as string,
      documentNumber: applicant.documentNumber as string,
      email: 'citado@example.com',
    });
    expect(refused.statusCode).toBe(409);
    expect(textOf(refused.body)).toContain('Ya tiene una cita vigente para este trámite');
    expect(await entries()).toHaveLength(before);
  });

  it('after the draw: the seed, the order anyone can recompute, each person’s number; offers taken or passed on', async () => {
    const people: { browser: AdminBrowser; link: string }[] = [];
    for (const [i, name] of ['tres', 'cuatro', 'cinco'].entries()) {
      const browser = new AdminBrowser(app, `10.7.1.${i}`);
      people.push({ browser, link: await applyAndConfirm(browser, `6000${i}111`, `${name}@example.com`) });
    }
    clock.advance(WINDOW_MS);
    const closed = await app.inject({ url: `/sorteos/${releaseId}` });
    expect(closed.body).not.toContain('name="documentNumber"');
    await worker.runDue();

    const page = await app.inject({ url: `/sorteos/${releaseId}` });
    const text = textOf(page.body);
    expect(text).toContain('Sorteado');
    const seed = /id="seed">([0-9a-f]{64})</.exec(page.body)?.[1] as string;
    const hash = /id="seed-hash">([0-9a-f]{64})</.exec(page.body)?.[1] as string;
    expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(hash);
    const order = [
      ...(/id="draw-order">(.*?)<\/ol>/.exec(page.body)?.[1] ?? '').matchAll(/<li>([^<]+)<\/li>/g),
    ].map((m) => m[1] as string);
    expect(order).toHaveLength(4);
    const key = (id: string) => createHmac('sha256', Buffer.from(seed, 'hex')).update(id).digest('hex');
    expect([...order].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(order);
    // The command the page gives anyone, run on what the API publishes, says both checks hold.
    const command = [...page.body.matchAll(/<code class="release-code">([^<]+)<\/code>/g)]
      .map((m) =>
        (m[1] as string)
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      )
      .find((c) => c.startsWith('curl -s '));
    const published = await app.inject({ url: `/api/v1/releases/${releaseId}` });
    const check = spawnSync('sh', ['-c', (command ?? '').replace(/^curl -s \S+ \| /, '')], {
      input: published.body,
      encoding: 'utf8',
    });
    expect(check.stdout.trim(), check.stderr).toBe('true true');

    const first = textOf((await people[0]?.browser.get(people[0].link))?.body ?? '');
    expect(first).toMatch(/Usted es el número [1-4] del sorteo/);

    const offers = await database.db
      .selectFrom('release_offers as o')
      .innerJoin('release_entries as e', 'e.id', 'o.entry_id')
      .select(['o.id', 'e.email'])
      .where('o.release_id', '=', releaseId)
      .orderBy('o.id')
      .execute();
    expect(offers).toHaveLength(3);
    const settings = releaseSettings(app.deps.config);
    const [taken, declined] = offers;
    const takeLink = `/sorteos/oferta/${offerToken(settings, taken?.id as number)}`;
    const taker = new AdminBrowser(app, '10.7.2.1');
    const offered = await taker.get(takeLink);
    expect(offered.statusCode).toBe(200);
    expect(textOf(offered.body)).toContain('Tomar este cupo');
    const claim = await taker.post(takeLink, { accion: 'tomar' });
    expect(claim.statusCode).toBe(303);
    expect(claim.headers.location).toMatch(/^\/reservar\/datos\?reserva=/);
    expect((await taker.get(claim.headers.location as string)).statusCode).toBe(200);

    const declineLink = `/sorteos/oferta/${offerToken(settings, declined?.id as number)}`;
    const decliner = new AdminBrowser(app, '10.7.2.2');
    await decliner.get(declineLink);
    expect((await decliner.post(declineLink, { accion: 'rechazar' })).statusCode).toBe(303);
    const after = await decliner.get(declineLink);
    expect(textOf(after.body)).toContain('El cupo pasó a la siguiente persona del sorteo');
    const passed = await database.db
      .selectFrom('release_offers')
      .select('status')
      .where('id', '=', declined?.id as number)
      .executeTakeFirstOrThrow();
    expect(passed.status).toBe('declined');
    const late = await decliner.post(declineLink, { accion: 'tomar' });
    expect(late.statusCode).toBe(410);
    expect(textOf(late.body)).toContain('pasó a la siguiente persona del sorteo');
  });

  it('answers forged, unknown and expired links with a clear 4xx page, never a 500', async () => {
    const browser = new AdminBrowser(app, '10.7.3.1');
    await browser.get('/sorteos');
    for (const url of [
      '/sorteos/inscripcion/forged',
      `/sorteos/inscripcion/${releaseId}.AAAA`,
      '/sorteos/oferta/forged',
      '/sorteos/oferta/1.AAAAAAAAAAAAAAAAAAAAAA',
    ]) {
      const got = await browser.get(url);
      expect(got.statusCode, url).toBe(404);
      expect(textOf(got.body), url).toContain('El enlace no es válido');
      const posted = await browser.post(url, { accion: 'tomar' });
      expect(posted.statusCode, url).toBe(404);
    }
    const open = await database.db
      .selectFrom('release_offers')
      .select('id')
      .where('release_id', '=', releaseId)
      .where('status', '=', 'offered')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    clock.advance(3 * 86_400_000);
    const expired = await browser.get(
      `/sorteos/oferta/${offerToken(releaseSettings(app.deps.config), open.id)}`,
    );
    expect(expired.statusCode).toBe(410);
    expect(textOf(expired.body)).toContain('Este cupo ya no está guardado para usted');
  });

  it('keeps the tokens of the e-mail links out of the request logs', () => {
    const log = logLines.join('');
    expect(log).toContain('/sorteos/inscripcion/:token');
    expect(log).toContain('/sorteos/oferta/:token');
    expect(log).not.toMatch(/\/sorteos\/(inscripcion|oferta)\/(?!:token)[^"\s]/);
  });
});
