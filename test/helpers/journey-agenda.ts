import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import type { DB } from '../../src/db/schema.js';
import { aCapacityLine, aSlot } from './factories.js';

/** What the browser journeys book: in person in Medellín (office 11) and by video (office 32). */
export const JOURNEY_PROCEDURE = 'orientacion-tributaria';

/**
 * The agenda both journey tests walk through: on each day, three in-person times (08:00–10:00 in
 * Bogotá) and three video times half an hour later, 20 places each.
 */
export async function aJourneyAgenda(db: Kysely<DB>, days: readonly string[]): Promise<void> {
  const inPerson = await aCapacityLine(db, {
    office: '11',
    channel: 'presencial',
    procedures: [JOURNEY_PROCEDURE],
  });
  const video = await aCapacityLine(db, { office: '32', channel: 'video', procedures: [JOURNEY_PROCEDURE] });
  for (const day of days) {
    for (const hour of ['13', '14', '15']) {
      await aSlot(db, { line: inPerson, startsAt: `${day}T${hour}:00:00Z`, capacity: 20 });
      await aSlot(db, {
        line: video,
        office: '32',
        channel: 'video',
        startsAt: `${day}T${hour}:30:00Z`,
        capacity: 20,
      });
    }
  }
}

/** The data page of the journey filled in for Ana Lucía Restrepo Gómez, who attends with her cédula. */
export async function fillInTheAttendee(page: Page, documentNumber: string): Promise<void> {
  await page.getByLabel('Tipo de documento de quien asiste').selectOption('CC');
  await page.getByLabel('Número de documento').fill(documentNumber);
  await page.getByLabel('Nombres').fill('Ana Lucía');
  await page.getByLabel('Apellidos').fill('Restrepo Gómez');
  await page.getByLabel('Correo electrónico').fill('ana.restrepo@example.com');
  await page.getByLabel('Celular o teléfono fijo').fill('300 123 4567');
}
