import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { screenshot } from '../helpers/browser.js';
import { browserTest, type ServedApp } from '../helpers/e2e.js';
import { aJourneyAgenda, fillInTheAttendee } from '../helpers/journey-agenda.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const PROCEDURE_NAME = /Orientación tributaria/;

type Variant = 'place' | 'date' | 'video' | 'juridica';
/** The pages each variant goes through (the search mode and the place are asked only for some). */
const STEPS: Record<Variant, number> = { place: 11, date: 9, video: 8, juridica: 11 };

let documentSequence = 0;
function nextDocument(): string {
  documentSequence += 1;
  return String(1_020_000_000 + process.pid * 10 + documentSequence);
}

const test = browserTest({
  now: NOW,
  seed: (db) => aJourneyAgenda(db, ['2026-12-02', '2026-12-03', '2026-12-04']),
});

async function continueButton(page: Page) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
}

/** From /reservar to the confirmation code, checking and photographing every page on the way (`step`). */
async function journey(
  { server, page, step }: { server: ServedApp; page: Page; step: (name: string) => Promise<void> },
  variant: Variant,
): Promise<{ code: string; documentNumber: string }> {
  await page.goto(`${server.url}/reservar`);
  await step('01-procedure');
  await page.getByRole('radio', { name: PROCEDURE_NAME }).check();
  await continueButton(page);

  await step('02-channel');
  await page.getByRole('radio', { name: variant === 'video' ? /Videoatención/ : /Presencial/ }).check();
  await continueButton(page);

  if (variant !== 'video') {
    await step('03-search-mode');
    await page.getByRole('radio', { name: variant === 'date' ? 'Por fecha' : 'Por lugar' }).check();
    await continueButton(page);
  }
  if (variant === 'place' || variant === 'juridica') {
    await step('04-place-department');
    await page.getByLabel('Departamento').selectOption('05');
    await continueButton(page);
    await page.getByLabel('Ciudad o municipio').selectOption('05001');
    await continueButton(page);
    await step('05-place-office');
    await page.getByLabel('Oficina').selectOption('11');
    await continueButton(page);
  }

  await page.waitForURL(/\/reservar\/dias\?/);
  await step('06-days');
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('link', { name: /3 de diciembre de 2026/ }).click(),
  ]);

  await page.waitForURL(/\/reservar\/horas\?/);
  await step('07-times');
  const time = variant === 'video' ? /10:30/ : /9:00/;
  await page.getByRole('radio', { name: time }).first().check();
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Reservar este horario' }).click(),
  ]);

  await page.waitForURL(/\/reservar\/datos\?reserva=/);
  expect(await page.getByText(/Guardamos este horario para usted hasta las/).count()).toBe(1);
  await step('08-data');
  const documentNumber = nextDocument();
  if (variant === 'juridica') {
    await page.getByRole('radio', { name: /persona jurídica/ }).check();
    await page.getByLabel('NIT de la empresa').fill('800.197.268-4');
    await page.getByLabel('Razón social').fill('Comercializadora Andina S.A.S.');
  } else {
    await page.getByRole('radio', { name: /persona natural/ }).check();
  }
  await fillInTheAttendee(page, documentNumber);
  await continueButton(page);

  await page.waitForURL(/\/reservar\/consentimiento\?reserva=/);
  await step('09-consent');
  await page.getByRole('checkbox', { name: /Autorizo el tratamiento/ }).check();
  await continueButton(page);

  await page.waitForURL(/\/reservar\/revisar\?reserva=/);
  await step('10-review');
  const review = (await page.locator('main').textContent()) ?? '';
  expect(review).toContain('Ana Lucía Restrepo Gómez');
  if (variant === 'juridica') expect(review).toContain('Comercializadora Andina S.A.S.');
  expect(await page.getByRole('link', { name: /^Cambiar/ }).count()).toBeGreaterThanOrEqual(8);
  await Promise.all([
    page.waitForNavigation(),
    page.getByRole('button', { name: 'Confirmar la cita' }).click(),
  ]);

  await page.waitForURL(/\/reservar\/confirmacion\?reserva=/);
  await step('11-confirmation');
  expect(page.url()).not.toContain(documentNumber);
  const code = ((await page.locator('#confirmation-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z2-9]{10}$/);
  const main = (await page.locator('main').textContent()) ?? '';
  expect(main).toContain('(hora de Bogotá)');
  expect(main).toContain(variant === 'video' ? 'Enlace de la videollamada' : 'Calle 44 # 52-165');
  return { code, documentNumber };
}

const runs: [Variant, boolean, 'phone' | 'desktop'][] = [
  ['place', true, 'phone'],
  ['place', false, 'desktop'],
  ['date', false, 'phone'],
  ['date', true, 'desktop'],
  ['video', true, 'phone'],
  ['video', false, 'desktop'],
  ['juridica', false, 'phone'],
  ['juridica', true, 'desktop'],
];

describe('the booking journey in a real browser', () => {
  test.for(runs)(
    'books by %s with JavaScript %s at the %s viewport',
    async ([variant, js, size], { server, database, open, audit, scriptErrors }) => {
      const page = await open({ viewport: size, scripts: js ? 'on' : 'off' });
      const folder = `journey-${variant}-${js ? 'js' : 'nojs'}-${size}`;
      /**
       * Leaves a screenshot of the page and checks it with axe. axe runs inside the page, so it needs
       * JavaScript: the pages without it are the very same HTML, checked in the runs with it.
       */
      const step = async (name: string) => {
        await screenshot(page, folder, name);
        if (js) await audit.check(page, `${folder}/${name}`);
      };
      const { code } = await journey({ server, page, step }, variant);
      const row = await database.db
        .selectFrom('appointments')
        .select(['status', 'channel'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'booked', channel: variant === 'video' ? 'video' : 'presencial' });
      // No WCAG 2.1 AA violations on any page of the journey, and no script errors.
      expect(scriptErrors).toEqual([]);
      expect(audit.pages.size).toBe(js ? STEPS[variant] : 0);
      expect(audit.found()).toEqual([]);
    },
  );
});
