import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { Worker } from '../../src/jobs/worker.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { TestClock } from '../helpers/app.js';
import {
  type AxeViolation,
  launchChromium,
  screenshot,
  serveApp,
  wcagViolations,
} from '../helpers/browser.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

describe('data-subject pages in a real browser', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveApp>>;
  let browser: Browser;
  let page: Page;
  const clock = new TestClock(new Date('2026-12-01T12:00:00Z'));
  const audited = new Map<string, AxeViolation[]>();
  const person = anApplicant({ firstName: 'Zoë', lastName: 'Nuñez Ávila' });

  async function checkAccessibility(name: string) {
    audited.set(name, await wcagViolations(page));
    await screenshot(page, 'data-subject', name.replace(/\s+/g, '-'));
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await serveApp(database, clock.now);
    const line = await aCapacityLine(database.db);
    const slotId = await aSlot(database.db, { line, startsAt: '2026-12-10T14:00:00Z' });
    const ctx = { db: database.db, config: testConfig(), now: clock.now() };
    const hold = await placeHold(ctx, {
      slotId,
      procedure: 'orientacion-tributaria',
      channel: 'presencial',
      sessionKey: null,
    });
    await confirmHold(ctx, { holdId: hold.holdId, applicant: person, consent, via: 'web', locale: 'es' });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.destroy();
  });

  it('asks for the link, fixing a mistake, and reads it from the mailbox', async () => {
    await page.goto(`${server.url}/mis-datos`);
    await checkAccessibility('request form');
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    await checkAccessibility('request form with errors');
    await summary.getByRole('link', { name: 'Escriba su número de documento' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-documentNumber');

    await page.getByLabel('Número de documento').fill(person.documentNumber as string);
    await page.getByLabel('Correo electrónico').fill(person.email as string);
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    await page.waitForURL(/\/mis-datos\/enviado$/);
    await checkAccessibility('link sent');

    const worker = new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] });
    await worker.runDue();
    const { id } = await database.db
      .selectFrom('mail_messages')
      .select('id')
      .where('kind', '=', 'data-subject-link')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.url}/dev/mailbox/${id}`);
    // The message as the mailbox shows it: the link is in its text.
    const path = /\/mis-datos\/acceso\/[A-Za-z0-9_-]+/.exec(await page.locator('main').innerText())?.[0];
    expect(path).toBeDefined();
    await page.goto(`${server.url}${path}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sus datos personales');
    expect(await page.getByText('Zoë Nuñez Ávila').count()).toBe(1);
    await checkAccessibility('data view');
  });

  it('corrects the phone, then deletes everything after confirming', async () => {
    await page.getByLabel('Teléfono celular o fijo').fill('abc');
    await page.getByRole('button', { name: 'Guardar la corrección' }).click();
    await page.getByRole('alert').waitFor();
    await checkAccessibility('data view with an error');
    await page.getByLabel('Teléfono celular o fijo').fill('315 765 4321');
    await page.getByRole('button', { name: 'Guardar la corrección' }).click();
    await page.waitForURL(/\?aviso=corregido$/);
    expect(await page.getByRole('status').textContent()).toContain('quedaron corregidos');

    await page.getByRole('link', { name: 'Quiero eliminar mis datos' }).click();
    await page.waitForURL(/\/eliminar$/);
    await checkAccessibility('delete confirmation');
    await page.getByRole('button', { name: 'Eliminar mis datos' }).click();
    await page.waitForURL(/\/mis-datos\/eliminados$/);
    await checkAccessibility('deleted');
    const left = await database.db
      .selectFrom('applicants')
      .select('id')
      .where('document_number', '=', person.documentNumber as string)
      .execute();
    expect(left).toEqual([]);
  });

  it('found no WCAG 2.1 AA violations on any of the pages', () => {
    expect(audited.size).toBe(7);
    expect(Object.fromEntries(audited)).toEqual(Object.fromEntries([...audited.keys()].map((k) => [k, []])));
  });
});
