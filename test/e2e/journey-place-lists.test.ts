import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import { browserTest, type Viewport } from '../helpers/e2e.js';
import { aCapacityLine, aSlot } from '../helpers/factories.js';

const NOW = '2026-12-01T12:00:00Z'; // 07:00 in Bogotá, a Tuesday
const RUT = 'rut-actualizacion-pn';
const CUSTOMS = 'orientacion-aduanera';

/** The RUT in person in Medellín and Cali; beside them customs offices that attend customs only. */
async function placesOfTheRut(db: Kysely<DB>): Promise<void> {
  const medellin = await aCapacityLine(db, { office: '11', channel: 'presencial', procedures: [RUT] });
  for (const startsAt of ['2026-12-02T13:00:00Z', '2026-12-03T13:00:00Z'])
    await aSlot(db, { line: medellin, startsAt, capacity: 4 });
  const cali = await aCapacityLine(db, { office: '05', channel: 'presencial', procedures: [RUT] });
  await aSlot(db, { line: cali, office: '05', startsAt: '2026-12-02T14:00:00Z', capacity: 4 });
  // The customs offices beside them, and Cartagena's, attend customs procedures only.
  for (const office of ['90', '88', '48']) {
    const line = await aCapacityLine(db, { office, channel: 'presencial', procedures: [CUSTOMS] });
    await aSlot(db, { line, office, startsAt: '2026-12-02T15:00:00Z', capacity: 4 });
  }
}

/** This journey's sizes: the phone is a small one. */
const SIZES: Record<'phone' | 'desktop', Viewport> = { phone: 'smallPhone', desktop: 'desktop' };

const test = browserTest({ now: NOW, seed: placesOfTheRut });

async function continueButton(page: Page) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Continuar' }).click()]);
}

/** The labels of a list's choices, without its placeholder. */
async function choices(page: Page, label: string): Promise<string[]> {
  const options = await page.getByLabel(label).locator('option').all();
  const found: { value: string; text: string }[] = [];
  for (const o of options)
    found.push({ value: (await o.getAttribute('value')) ?? '', text: (await o.textContent()) ?? '' });
  return found.filter((o) => o.value !== '').map((o) => o.text.trim());
}

/**
 * Issue #18: a person looking for "Actualización del RUT" in person was offered the customs offices of
 * Medellín and Cali, which ended in "No hay cupos". The lists now hold only places that attend it.
 */
describe('the place lists of the journey in a real browser', () => {
  test.for(['phone', 'desktop'] as const)(
    'offers for the RUT in person only the offices that attend it, at the %s size',
    async (size, { open, server, audit }) => {
      const page = await open({ viewport: SIZES[size] });
      const check = (name: string) => audit.checkWithScreenshot(page, 'journey-place-lists', name);
      await page.goto(`${server.url}/reservar`);
      await page.getByRole('radio', { name: /Actualización del RUT – persona natural/ }).check();
      await continueButton(page);
      await page.getByRole('radio', { name: /Presencial/ }).check();
      await continueButton(page);
      await page.getByRole('radio', { name: 'Por lugar' }).check();
      await continueButton(page);

      expect(await choices(page, 'Departamento')).toEqual(['Antioquia', 'Valle del Cauca']);
      await check(`${size}-department`);
      await page.getByLabel('Departamento').selectOption('76');
      await continueButton(page);
      expect(await choices(page, 'Ciudad o municipio')).toEqual(['Cali']);
      await page.getByLabel('Ciudad o municipio').selectOption('76001');
      await continueButton(page);
      const offices = await choices(page, 'Oficina');
      expect(offices).toHaveLength(1);
      expect(offices[0]).toMatch(/^Dirección Seccional de Impuestos de Cali/);
      await check(`${size}-office`);

      // Whatever is chosen now leads to a calendar with room, never to "No hay cupos".
      await page.getByLabel('Oficina').selectOption('05');
      await continueButton(page);
      await page.waitForURL(/\/reservar\/dias\?/);
      await expect(page.getByRole('link', { name: /2 de diciembre de 2026/ }).isVisible()).resolves.toBe(
        true,
      );
      await check(`${size}-days`);
      // No WCAG 2.1 AA violations on those pages.
      expect(audit.pages.size).toBe(3);
      expect(audit.found()).toEqual([]);
    },
  );
});
