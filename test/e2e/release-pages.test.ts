import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { testConfig } from '../../src/config.js';
import { systemActor } from '../../src/domain/access.js';
import { Worker } from '../../src/jobs/worker.js';
import { createRelease } from '../../src/services/releases/create.js';
import type { TestClock } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/db.js';
import { browserTest } from '../helpers/e2e.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';
import { fillInTheAttendee } from '../helpers/journey-agenda.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá
const WINDOW_MS = 5 * 60_000;

/** A release of two places (one on 3 December, one on 4 December) at office 11, open from NOW. */
const test = browserTest({
  now: NOW,
  seed: async (db, clock) => {
    const line = await aCapacityLine(db, { procedures: ['orientacion-tributaria'] });
    await aSlot(db, { line, startsAt: '2026-12-03T14:00:00Z', capacity: 1 });
    await aSlot(db, { line, startsAt: '2026-12-04T14:00:00Z', capacity: 1 });
    const release = await createRelease(
      db,
      systemActor('cli'),
      { lineId: line, from: '2026-12-03', to: '2026-12-04', windowMs: WINDOW_MS },
      clock.now(),
    );
    return release.id;
  },
});

/** Sends the mail due, and opens the link of the person's last e-mail of this kind as the mailbox shows it. */
async function followTheMailedLink(
  page: Page,
  { url, database, clock }: { url: string; database: TestDatabase; clock: TestClock },
  kind: 'release-entry' | 'release-offer',
  to: string,
): Promise<string> {
  const worker = new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] });
  await worker.runDue();
  worker.mail.close();
  const { id } = await database.db
    .selectFrom('mail_messages')
    .select('id')
    .where('kind', '=', kind)
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await page.goto(`${url}/dev/mailbox/${id}`);
  const text = await page.locator('main').innerText();
  const path = /\/sorteos\/(inscripcion|oferta)\/[A-Za-z0-9_.-]*[A-Za-z0-9_-]/.exec(text)?.[0];
  expect(path).toBeDefined();
  await page.goto(`${url}${path}`);
  return path as string;
}

/** The entry form of the release's page, filled in and sent; the page after it says to check the mailbox. */
async function apply(page: Page, documentNumber: string, email: string, day: string | null) {
  await page.getByLabel('Tipo de documento').selectOption('CC');
  await page.getByLabel('Número de documento').fill(documentNumber);
  await page.getByLabel('Correo electrónico').fill(email);
  if (day) await page.getByRole('checkbox', { name: day }).check();
  await page.getByRole('radio', { name: 'Cualquier hora' }).check();
  await page.getByRole('button', { name: 'Inscribirme en el sorteo' }).click();
  await page.waitForURL(/\/sorteos\/[0-9a-f-]+\/enviada$/, { timeout: 60_000 });
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Revise su correo');
}

describe('the draw pages in a real browser', () => {
  // A whole release, ten pages checked with axe and photographed: longer than the default two minutes.
  test('two people enter (JavaScript on at 360 px, off on a desktop), confirm by e-mail, the draw runs, one books its place and one declines', {
    timeout: 300_000,
  }, async ({ serveWith, open, database, clock, seeded: releaseId, audit, scriptErrors }) => {
    // With the proof-of-work on, as in production: solved by the widget with JavaScript, the stricter path without.
    const { url } = await serveWith({ captcha: true });
    const ctx = { url, database, clock };
    const phone = await open({ viewport: 'smallPhone', scripts: 'on' });
    const check = (name: string) => audit.checkWithScreenshot(phone, 'release-pages', name);

    await phone.goto(url);
    await phone.getByRole('link', { name: /Sorteos de cupos escasos/ }).click();
    await phone.waitForURL(/\/sorteos$/);
    await check('01-list');
    await phone
      .getByRole('link', { name: /Orientación tributaria/ })
      .first()
      .click();
    await phone.waitForURL(new RegExp(`/sorteos/${releaseId}$`));
    expect(await phone.locator('altcha-widget').count()).toBe(1);
    await check('02-release-open');
    await phone.getByRole('button', { name: 'Inscribirme en el sorteo' }).click();
    await phone.getByRole('alert').waitFor();
    await check('03-release-form-errors');
    expect(await phone.getByRole('alert').getByRole('link').count()).toBeGreaterThanOrEqual(3);
    await apply(phone, '1020304050', 'ana.sorteo@example.com', '4 de diciembre de 2026');
    await check('04-sent');

    const desktop = await open({ viewport: 'desktop', scripts: 'off' });
    await desktop.goto(`${url}/sorteos/${releaseId}`);
    await apply(desktop, '1098765432', 'beto.sorteo@example.com', null);

    // A GET of the link changes nothing; the button confirms.
    await followTheMailedLink(phone, ctx, 'release-entry', 'ana.sorteo@example.com');
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('Confirme su inscripción');
    await check('05-entry-pending');
    await phone.getByRole('button', { name: 'Confirmar inscripción' }).click();
    await phone.getByRole('heading', { name: 'Su inscripción está confirmada' }).waitFor();
    await check('06-entry-confirmed');
    await followTheMailedLink(desktop, ctx, 'release-entry', 'beto.sorteo@example.com');
    await desktop.getByRole('button', { name: 'Confirmar inscripción' }).click();
    await desktop.getByRole('heading', { name: 'Su inscripción está confirmada' }).waitFor();

    // The window closes; the draw job runs at the close.
    clock.advance(WINDOW_MS + 1_000);
    await new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] }).runDue();

    await phone.goto(`${url}/sorteos/${releaseId}`);
    await check('07-release-drawn');
    const seed = ((await phone.locator('#seed').textContent()) ?? '').trim();
    const hash = ((await phone.locator('#seed-hash').textContent()) ?? '').trim();
    expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(hash);
    expect(await phone.locator('#draw-order li').count()).toBe(2);

    await followTheMailedLink(phone, ctx, 'release-offer', 'ana.sorteo@example.com');
    expect(await phone.getByRole('heading', { level: 1 }).textContent()).toBe('El sorteo le dio un cupo');
    await check('08-offer');
    await phone.getByRole('button', { name: 'Tomar este cupo' }).click();
    await phone.waitForURL(/\/reservar\/datos\?reserva=/);
    await check('09-data');
    await phone.getByRole('radio', { name: /persona natural/ }).check();
    await fillInTheAttendee(phone, '1020304050');
    await phone.getByRole('button', { name: 'Continuar' }).click();
    await phone.waitForURL(/\/reservar\/consentimiento\?reserva=/);
    await phone.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
    await phone.getByRole('button', { name: 'Continuar' }).click();
    await phone.waitForURL(/\/reservar\/revisar\?reserva=/);
    await phone.getByRole('button', { name: 'Confirmar la cita' }).click();
    await phone.waitForURL(/\/reservar\/confirmacion\?reserva=/);
    await check('10-confirmation');
    const code = ((await phone.locator('#confirmation-code').textContent()) ?? '').trim();
    const booked = await database.db
      .selectFrom('appointments')
      .select(['status', 'starts_at'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(booked.status).toBe('booked');
    // Ana asked for 4 December only: the draw gave her that day's place.
    expect(booked.starts_at.toISOString()).toBe('2026-12-04T14:00:00.000Z');

    // Without JavaScript: the entry link shows the number in the draw, and the offer is passed on.
    await followTheMailedLink(desktop, ctx, 'release-offer', 'beto.sorteo@example.com');
    await desktop.getByRole('button', { name: 'No lo necesito' }).click();
    await desktop.getByRole('heading', { name: 'Rechazó este cupo' }).waitFor();
    await followTheMailedLink(desktop, ctx, 'release-entry', 'beto.sorteo@example.com');
    expect(await desktop.locator('#entry-position').textContent()).toMatch(
      /Usted es el número [12] del sorteo/,
    );
    const offers = await database.db
      .selectFrom('release_offers')
      .select('status')
      .where('release_id', '=', releaseId)
      .orderBy('status')
      .execute();
    // Ana's offer is taken ('claimed'; 'booked' once the engine marks offers at the confirmation), Beto's declined.
    expect(offers.map((o) => o.status)).toEqual([expect.stringMatching(/^(claimed|booked)$/), 'declined']);

    expect(scriptErrors).toEqual([]);
    // No WCAG 2.1 AA violations on any page (the pages without JavaScript are the same HTML).
    expect(audit.pages.size).toBe(10);
    expect(audit.found()).toEqual([]);
  });
});
