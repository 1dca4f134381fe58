import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { testConfig } from '../../src/config.js';
import { Worker } from '../../src/jobs/worker.js';
import type { TestClock } from '../helpers/app.js';
import type { TestDatabase } from '../helpers/db.js';
import { bookThroughApi, browserTest, type ServedApp } from '../helpers/e2e.js';
import { aCapacityLine, anApplicant, aSlot } from '../helpers/factories.js';

const test = browserTest({
  now: '2026-12-01T12:00:00Z',
  seed: async (db) => aSlot(db, { line: await aCapacityLine(db), startsAt: '2026-12-10T14:00:00Z' }),
});

/** A person of the test's own with an appointment, so what one test deletes no other test reads. */
async function aPersonWithAnAppointment(server: ServedApp, slotId: number): Promise<Record<string, string>> {
  const person = anApplicant({ firstName: 'Zoë', lastName: 'Nuñez Ávila' });
  await bookThroughApi(server.url, { slotId, applicant: person });
  return person;
}

/** Sends the jobs due (the mail of the link), and opens the link the mailbox shows in the person's message. */
async function followTheMailedLink(
  page: Page,
  { server, database, clock }: { server: ServedApp; database: TestDatabase; clock: TestClock },
  person: Record<string, string>,
): Promise<void> {
  const worker = new Worker({ db: database.db, config: testConfig(), clock: clock.now, periodic: [] });
  await worker.runDue();
  const { id } = await database.db
    .selectFrom('mail_messages')
    .select('id')
    .where('kind', '=', 'data-subject-link')
    .where('to_address', '=', person.email as string)
    .executeTakeFirstOrThrow();
  await page.goto(`${server.url}/dev/mailbox/${id}`);
  // The message as the mailbox shows it: the link is in its text.
  const path = /\/mis-datos\/acceso\/[A-Za-z0-9_-]+/.exec(await page.locator('main').innerText())?.[0];
  expect(path).toBeDefined();
  await page.goto(`${server.url}${path}`);
}

/** The request form filled in right. */
async function askForTheLink(page: Page, person: Record<string, string>): Promise<void> {
  await page.getByLabel('Número de documento').fill(person.documentNumber as string);
  await page.getByLabel('Correo electrónico').fill(person.email as string);
  await page.getByRole('button', { name: 'Enviar el enlace' }).click();
  await page.waitForURL(/\/mis-datos\/enviado$/);
}

describe('data-subject pages in a real browser', () => {
  test('asks for the link, fixing a mistake, and reads it from the mailbox', async ({
    page,
    server,
    database,
    clock,
    seeded,
    audit,
  }) => {
    const person = await aPersonWithAnAppointment(server, seeded);
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'data-subject', name);
    await page.goto(`${server.url}/mis-datos`);
    await checkAccessibility('request form');
    await page.getByRole('button', { name: 'Enviar el enlace' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    await checkAccessibility('request form with errors');
    await summary.getByRole('link', { name: 'Escriba su número de documento' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-documentNumber');

    await askForTheLink(page, person);
    await checkAccessibility('link sent');

    await followTheMailedLink(page, { server, database, clock }, person);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sus datos personales');
    expect(await page.getByText('Zoë Nuñez Ávila').count()).toBe(1);
    await checkAccessibility('data view');
    // No WCAG 2.1 AA violations on any of the pages.
    expect(audit.pages.size).toBe(4);
    expect(audit.found()).toEqual([]);
  });

  test('corrects the phone, then deletes everything after confirming', async ({
    page,
    server,
    database,
    clock,
    seeded,
    audit,
  }) => {
    const person = await aPersonWithAnAppointment(server, seeded);
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'data-subject', name);
    await page.goto(`${server.url}/mis-datos`);
    await askForTheLink(page, person);
    await followTheMailedLink(page, { server, database, clock }, person);

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
    // No WCAG 2.1 AA violations on any of the pages.
    expect(audit.pages.size).toBe(3);
    expect(audit.found()).toEqual([]);
  });
});
