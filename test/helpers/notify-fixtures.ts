import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { civilDateOf } from '../../src/domain/civil-time.js';
import type { App } from '../../src/http/types.js';

/**
 * Factories for the jobs, mail and alerts tests, beside `factories.ts`: a slot of a line (office and
 * channel taken from the line), and an appointment written straight to the tables.
 */

export interface SlotSpec {
  lineId: number;
  startsAt: Date;
  minutes?: number;
  capacity?: number;
  taken?: number;
}

export async function aSlotOfLine(db: Kysely<DB>, spec: SlotSpec): Promise<number> {
  const line = await db
    .selectFrom('capacity_lines')
    .select(['office_code', 'channel'])
    .where('id', '=', spec.lineId)
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('slots')
    .values({
      capacity_line_id: spec.lineId,
      office_code: line.office_code,
      channel: line.channel,
      local_date: civilDateOf(spec.startsAt),
      starts_at: spec.startsAt,
      ends_at: new Date(spec.startsAt.getTime() + (spec.minutes ?? 30) * 60_000),
      capacity: spec.capacity ?? 1,
      taken: spec.taken ?? 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function aCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export interface AppointmentSpec {
  slotId: number;
  procedure?: string;
  locale?: 'es' | 'en';
  documentNumber?: string;
  email?: string;
  firstName?: string;
  createdAt?: Date;
  videoRoom?: string | null;
  /** A code of the product's own format (the default is a shorter test code). */
  code?: string;
}

/** A booked appointment on a slot, with its applicant; the slot's `taken` counts it. */
export async function anAppointment(
  db: Kysely<DB>,
  spec: AppointmentSpec,
): Promise<{ id: number; code: string }> {
  const slot = await db
    .selectFrom('slots')
    .selectAll()
    .where('id', '=', spec.slotId)
    .executeTakeFirstOrThrow();
  const documentNumber = spec.documentNumber ?? '1020304050';
  const applicant = await db
    .insertInto('applicants')
    .values({
      person_type: 'natural',
      document_type: 'CC',
      document_number: documentNumber,
      first_name: spec.firstName ?? 'María',
      last_name: 'Pérez Gómez',
      email: spec.email ?? 'maria@example.com',
      phone: '+573001234567',
      locale: spec.locale ?? 'es',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const code = spec.code ?? aCode();
  const row = await db
    .insertInto('appointments')
    .values({
      code,
      slot_id: slot.id,
      procedure_code: spec.procedure ?? 'rut-pj',
      channel: slot.channel,
      office_code: slot.office_code,
      starts_at: slot.starts_at,
      ends_at: slot.ends_at,
      applicant_id: applicant.id,
      person_key: `CC:${documentNumber}`,
      locale: spec.locale ?? 'es',
      video_room: spec.videoRoom ?? null,
      ...(spec.createdAt ? { created_at: spec.createdAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`UPDATE slots SET taken = taken + 1 WHERE id = ${slot.id}`.execute(db);
  return { id: row.id, code };
}

export async function slotTaken(
  db: Kysely<DB>,
  slotId: number,
): Promise<{ taken: number; capacity: number }> {
  return db
    .selectFrom('slots')
    .select(['taken', 'capacity'])
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow();
}

/** The next weekday at `hour`:00 Bogotá time at least `daysAhead` days after `from`. */
export function bogotaAt(from: Date, daysAhead: number, hour: number): Date {
  const day = civilDateOf(new Date(from.getTime() + daysAhead * 86_400_000));
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00-05:00`);
}

/**
 * Submits a page's form as a browser does: reads the page (which sets the CSRF cookie and puts the token
 * in the form), then posts the form with both. `action` defaults to the page's own address.
 */
export async function submitForm(
  app: { inject: App['inject'] },
  page: string,
  form: Record<string, string> = {},
  action = page.split('?')[0] ?? page,
): Promise<LightMyRequestResponse> {
  const read = await app.inject({ method: 'GET', url: page });
  const cookies = Object.fromEntries(
    (read.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]),
  );
  const token = /name="_csrf" value="([^"]+)"/.exec(read.body)?.[1];
  return app.inject({
    method: 'POST',
    url: action,
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ ...form, ...(token ? { _csrf: token } : {}) }).toString(),
  });
}
