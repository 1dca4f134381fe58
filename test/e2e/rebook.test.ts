import type { Kysely } from 'kysely';
import { describe, expect } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { DB } from '../../src/db/schema.js';
import { systemActor } from '../../src/domain/access.js';
import { Worker } from '../../src/jobs/worker.js';
import { closeAgenda } from '../../src/services/agenda/closures.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import type { TestClock } from '../helpers/app.js';
import { browserTest } from '../helpers/e2e.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const NOW = new Date('2026-12-01T12:00:00Z');

/**
 * Two people booked on 3 December in office 32, whose day was closed: each is mailed a link to a new
 * appointment with priority (`links`, one a person: each test uses its own). `soonSlot` is the slot of
 * this afternoon.
 */
async function twoPeopleWhoseDayWasClosed(
  db: Kysely<DB>,
  clock: TestClock,
): Promise<{ links: string[]; soonSlot: number }> {
  const links: string[] = [];
  const line = await aCapacityLine(db, { office: '32' });
  const closed = await aSlot(db, {
    line,
    office: '32',
    startsAt: '2026-12-03T13:00:00Z',
    capacity: 2,
  });
  const soonSlot = await aSlot(db, { line, office: '32', startsAt: '2026-12-01T20:00:00Z' });
  await aSlot(db, { line, office: '32', startsAt: '2026-12-04T14:00:00Z', capacity: 2 });
  await aSlot(db, { line, office: '32', startsAt: '2026-12-07T14:00:00Z' });
  const ctx = { db, config: testConfig(), now: clock.now() };
  const codes: string[] = [];
  for (const applicant of [anApplicant({ firstName: 'Zoë' }), anApplicant()]) {
    const hold = await placeHold(ctx, {
      slotId: closed,
      procedure: PROCEDURE,
      channel: 'presencial',
      sessionKey: null,
    });
    codes.push(
      (await confirmHold(ctx, { holdId: hold.holdId, applicant, consent, via: 'web', locale: 'es' })).code,
    );
  }
  await closeAgenda(
    db,
    testConfig(),
    systemActor(),
    { office: '32', from: '2026-12-03', to: '2026-12-03', reason: 'Corte de energía' },
    clock.now(),
  );
  const worker = new Worker({ db, config: testConfig(), clock: clock.now, periodic: [] });
  await worker.runDue();
  worker.mail.close();
  for (const code of codes) {
    const mail = await db
      .selectFrom('mail_messages')
      .select('text_body')
      .where('kind', '=', 'appointment-cancelled')
      .where('text_body', 'like', `%${code}%`)
      .executeTakeFirstOrThrow();
    links.push(/\/reservar\/prioridad\/[0-9]+-[A-Za-z0-9_-]{43}/.exec(mail.text_body)?.[0] as string);
  }
  return { links, soonSlot };
}

const test = browserTest({ now: NOW, seed: twoPeopleWhoseDayWasClosed });

describe('rebooking with priority after a closure, in a real browser', () => {
  test('shows the kept place chosen, says so when another time was taken meanwhile, and confirms', async ({
    page,
    server,
    database,
    seeded: { links, soonSlot },
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'rebook', name);
    await page.goto(`${server.url}${links[0]}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Elija su nueva cita');
    expect(await page.getByRole('radio', { checked: true }).count()).toBe(1);
    await checkAccessibility('choose');

    await page.getByRole('link', { name: /7 de diciembre de 2026/ }).click();
    await page.waitForURL(/fecha=2026-12-07$/);
    await checkAccessibility('choose another day');

    await page.goto(`${server.url}${links[0]}`);
    await page.getByRole('radio', { name: /3:00 p\. m\./ }).check();
    // Someone else takes that time before the form is sent.
    await database.db
      .updateTable('slots')
      .set({ capacity: 1, taken: 1 })
      .where('id', '=', soonSlot)
      .execute();
    await page.getByRole('button', { name: 'Confirmar la nueva cita' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    await checkAccessibility('choose with an error');

    await page.getByRole('radio', { name: /viernes, 4 de diciembre/ }).check();
    await page.getByRole('button', { name: 'Confirmar la nueva cita' }).click();
    await page.waitForURL(/aviso=confirmada$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Su nueva cita está confirmada');
    expect(await page.getByRole('status').textContent()).toContain('quedó confirmada');
    await checkAccessibility('confirmed');
    // No WCAG 2.1 AA violations on any of the pages.
    expect(audit.pages.size).toBe(4);
    expect(audit.found()).toEqual([]);
  });

  test('gives the kept place back, and answers a broken link plainly', async ({
    page,
    server,
    seeded: { links },
    audit,
  }) => {
    const checkAccessibility = (name: string) => audit.checkWithScreenshot(page, 'rebook', name);
    await page.goto(`${server.url}${links[1]}`);
    await page.getByRole('button', { name: 'No necesito una nueva cita' }).click();
    await page.waitForURL(/aviso=liberada$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Renunció a la nueva cita');
    await checkAccessibility('declined');

    await page.goto(`${server.url}${links[1]?.slice(0, -3)}abc`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('El enlace no es válido');
    await checkAccessibility('invalid link');
    // No WCAG 2.1 AA violations on any of the pages.
    expect(audit.pages.size).toBe(2);
    expect(audit.found()).toEqual([]);
  });
});
