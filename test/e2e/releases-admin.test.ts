import { describe, expect } from 'vitest';
import { browserTest } from '../helpers/e2e.js';
import { aCapacityLine } from '../helpers/factories.js';

const PROCEDURE = 'orientacion-tributaria';

// Tuesday 1 December 2026, 07:00 in Bogotá: a line of Cali with a weekly template of mornings.
const test = browserTest({
  now: '2026-12-01T12:00:00Z',
  seed: async (db) => {
    const line = await aCapacityLine(db, { office: '05', procedures: [PROCEDURE] });
    const template = await db
      .insertInto('agenda_templates')
      .values({
        capacity_line_id: line,
        name: 'Mañanas',
        weekdays: [1, 2, 3, 4, 5],
        opens_minute: 8 * 60,
        closes_minute: 10 * 60,
        slot_minutes: 30,
        places: 2,
        breaks: JSON.stringify([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { templateId: template.id };
  },
});

describe('releases in the back office, in a real browser', () => {
  test('an agenda administrator publishes two days con sorteo and finds the release, with its report, in Sorteos', async ({
    admin: { page, staff },
    open,
    signIn,
    server,
    seeded,
    audit,
  }) => {
    const check = (name: string) => audit.checkWithScreenshot(page, 'releases', name);
    await page.goto(`${server.url}/admin/agenda/plantillas/${seeded.templateId}/publicar`);
    await page.getByLabel('Desde').fill('2026-12-14');
    await page.getByLabel('Hasta').fill('2026-12-15');
    await page.getByRole('checkbox', { name: 'Publicar estos días con sorteo' }).check();
    await page.getByLabel('Fecha de apertura de inscripciones').fill('2026-12-02');
    await page.getByLabel('Hora de apertura').fill('08:00');
    await page.getByLabel('Duración de las inscripciones').fill('2h');
    await page.getByRole('button', { name: 'Ver lo que se creará' }).click();
    await page.locator('#preview-draw').waitFor();
    expect(await page.locator('#preview-draw').textContent()).toContain(
      '16 cupos irán al sorteo; inscripciones del 2026-12-02 08:00 al 2026-12-02 10:00',
    );
    await check('publish preview con sorteo');

    await page.getByRole('button', { name: 'Publicar 8 franjas con sorteo (16 cupos)' }).click();
    await page.waitForURL(/\/admin\/sorteos\/[0-9a-f-]{36}\?aviso=releasePublished$/);
    expect(await page.getByRole('status').textContent()).toContain('publicados con sorteo');
    expect(await page.locator('[data-figure="places"]').textContent()).toBe('16');
    expect(await page.locator('[data-figure="perDocument"]').textContent()).toBe('—');
    await check('release page');
    const releasePath = new URL(page.url()).pathname;

    await page
      .getByRole('navigation', { name: 'Menú de administración' })
      .getByRole('link', { name: 'Sorteos' })
      .click();
    await page.waitForURL(/\/admin\/sorteos$/);
    const row = page.getByRole('row', { name: /Orientación tributaria/ });
    expect(await row.textContent()).toContain('Próximo');
    expect(await row.textContent()).toContain('2026-12-14 a 2026-12-15');
    await check('releases list');

    // The same pages on a phone, without JavaScript.
    const phone = await open({ viewport: 'smallPhone', scripts: 'blocked' });
    await signIn(phone, staff);
    await phone.goto(`${server.url}/admin/sorteos`);
    await audit.checkWithScreenshot(phone, 'releases', 'releases list 360');
    await phone.goto(`${server.url}${releasePath}`);
    expect(await phone.locator('[data-figure="allClaimed"]').textContent()).toBe('Todavía no');
    await audit.checkWithScreenshot(phone, 'releases', 'release page 360');
    await phone.goto(`${server.url}/admin/informes?desde=2026-12-01&hasta=2026-12-31`);
    expect(await phone.getByRole('heading', { name: 'Sorteos' }).count()).toBe(1);
    expect(await phone.locator(`a[href="${releasePath}"]`).count()).toBe(1);
    await audit.checkWithScreenshot(phone, 'releases', 'reports with releases 360');

    expect(audit.found()).toEqual([]);
  });
});
