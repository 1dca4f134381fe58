import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { testConfig } from '../../src/config.js';
import type { DB } from '../../src/db/schema.js';
import { addDays, instantAt } from '../../src/domain/civil-time.js';
import { cancelAppointment } from '../../src/services/appointments.js';
import { findDays, findFirstAvailable, findSlots } from '../../src/services/availability.js';
import { confirmHold } from '../../src/services/booking/confirm-hold.js';
import { placeHold } from '../../src/services/booking/place-hold.js';
import { REPORTS } from '../../src/services/reports/reports.js';
import { aStaffMember } from '../helpers/admin.js';
import { screenshot, wcagViolations } from '../helpers/browser.js';
import { parseCsv } from '../helpers/csv.js';
import { browserTest } from '../helpers/e2e.js';
import { aCapacityLine, anApplicant, aSlot, consent } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';
const FROM = '2026-12-01';
const TO = '2026-12-07';

/** A week of activity in three offices, so every chart and table has something to show. */
async function aWeekOfActivity(db: Kysely<DB>): Promise<void> {
  const config = testConfig();
  const slots: { office: string; id: number; day: string }[] = [];
  for (const office of ['05', '0501', '11']) {
    const line = await aCapacityLine(db, { office, procedures: [PROCEDURE] });
    for (let d = 0; d < 10; d++) {
      const day = addDays(FROM, d);
      for (const time of ['09:00', '11:00']) {
        slots.push({
          office,
          day,
          id: await aSlot(db, { line, office, startsAt: instantAt(day, time), capacity: 2 }),
        });
      }
    }
  }
  let n = 0;
  for (let d = 0; d < 7; d++) {
    const day = addDays(FROM, d);
    for (const [i, office] of ['05', '0501', '11', '0502'].entries()) {
      n += 1;
      const ctx = { db, config, now: instantAt(day, 7 * 60 + ((n * 97) % 600)) };
      await findDays(ctx, {
        procedure: PROCEDURE,
        channel: 'presencial',
        office,
        from: day,
        to: addDays(day, 9),
      });
      await findFirstAvailable(ctx, { procedure: PROCEDURE, channel: 'presencial', city: '76001' });
      const target = addDays(day, 1 + (i % 2));
      const found = await findSlots(ctx, {
        procedure: PROCEDURE,
        channel: 'presencial',
        office,
        date: target,
      });
      const slot = found[0];
      if (!slot || (d + i) % 3 === 0) continue;
      const hold = await placeHold(ctx, {
        slotId: slot.slotId,
        procedure: PROCEDURE,
        channel: 'presencial',
        sessionKey: null,
      });
      const applicant = anApplicant();
      const done = await confirmHold(ctx, {
        holdId: hold.holdId,
        applicant,
        consent,
        via: 'web',
        locale: 'es',
      });
      if (n % 5 === 0)
        await cancelAppointment(ctx, { code: done.code, documentNumber: applicant.documentNumber ?? '' });
      else if (n % 4 === 0 && target <= TO)
        await db
          .updateTable('appointments')
          .set({ status: 'no_show' })
          .where('code', '=', done.code)
          .execute();
    }
  }
}

const test = browserTest({ now: instantAt(TO, '19:00'), seed: aWeekOfActivity });

/** Every cell of the page's figures table as text: heading, rows and totals. */
async function tableOnPage(page: Page): Promise<string[][]> {
  return page
    .locator('table.report-figures tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
    );
}

// The week of activity takes a while to make on a busy machine: it is made by whichever test runs first.
describe('reports in a real browser', { timeout: 240_000 }, () => {
  test('an analyst opens every report: accessible, with a chart, and a CSV holding the table’s figures', async ({
    page,
    server,
    database,
    signIn,
    audit,
  }) => {
    await signIn(page, await aStaffMember(database.db, { role: 'analista' }));

    await page
      .getByRole('navigation', { name: 'Menú de administración' })
      .getByRole('link', { name: 'Informes' })
      .click();
    await page.waitForURL(/\/admin\/informes$/);
    await audit.check(page, 'index');
    await page.getByLabel('Desde').fill(FROM);
    await page.getByLabel('Hasta').fill(TO);
    await page.getByRole('button', { name: 'Ver informe' }).click();
    await page.waitForURL(/desde=2026-12-01/);

    for (const slug of REPORTS) {
      await page.goto(`${server.url}/admin/informes/${slug}?desde=${FROM}&hasta=${TO}`);
      const chart = page.getByRole('img', { name: /Del 2026-12-01 al 2026-12-07/ });
      expect(await chart.count(), slug).toBe(1);
      await audit.check(page, slug);
      await screenshot(page, 'reports', slug);
      const table = await tableOnPage(page);
      expect(table.length, slug).toBeGreaterThan(2);
      // A line series is drawn as a line: a filled polyline shows as triangles.
      const lineFills = await page
        .locator('.chart-line')
        .evaluateAll((lines) => lines.map((l) => getComputedStyle(l).fill));
      for (const fill of lineFills) expect(fill, slug).toBe('none');

      const href = await page.getByRole('link', { name: 'Descargar la tabla en CSV' }).getAttribute('href');
      const csv = await page.request.get(`${server.url}${href}`);
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
      expect(parseCsv(await csv.text()), slug).toEqual(table);
    }
    const supply = await page.request.get(
      `${server.url}/admin/informes/oferta-demanda?desde=${FROM}&hasta=${TO}&formato=csv`,
    );
    const totals = parseCsv(await supply.text()).at(-1);
    // Places: 3 offices × 7 days × 2 slots × 2 places. Searches: 7 days × 4 offices × 3 searches.
    expect(totals?.slice(0, 4)).toEqual([
      'Total del periodo',
      String(3 * 7 * 2 * 2),
      String(7 * 4 * 3),
      expect.any(String),
    ]);

    // Filtering by a seccional keeps the filter across the reports.
    await page.goto(`${server.url}/admin/informes/ocupacion?desde=${FROM}&hasta=${TO}`);
    await page.getByLabel('Seccional').selectOption('05');
    await page.getByRole('button', { name: 'Ver informe' }).click();
    await page.waitForURL(/seccional=05/);
    await audit.check(page, 'occupancy by seccional');
    await page
      .getByRole('navigation', { name: 'Informes disponibles' })
      .getByRole('link', { name: 'Horas de mayor actividad' })
      .click();
    await page.waitForURL(/\/horas\?.*seccional=05/);

    // A mistake in the filters: the summary names it and links to the field.
    await page.getByLabel('Desde').fill('2026-12-09');
    await page.getByRole('button', { name: 'Ver informe' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain(
      'La fecha final debe ser igual o posterior',
    );
    await audit.check(page, 'filters with an error');

    expect(audit.found()).toEqual([]);
  });

  test('the public summary of next places is accessible and shows the first free one', async ({
    page,
    server,
    clock,
  }) => {
    clock.set(instantAt('2026-12-05', '08:00'));
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Vea las próximas citas disponibles por trámite' }).click();
    await page.waitForURL(/\/proximas-citas$/);
    expect(await wcagViolations(page)).toEqual([]);
    await screenshot(page, 'reports', 'proximas-citas');
    const row = page.getByRole('row', { name: /Orientación tributaria.*Presencial/ });
    expect(await row.textContent()).toMatch(/sábado, 5 de diciembre de 2026.*9:00/);
  });
});
