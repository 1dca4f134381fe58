import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Category, Channel } from '../domain/channels.js';
import type { Locale } from '../i18n/index.js';
import * as repo from '../repositories/catalog.js';

export interface ProcedureView {
  code: string;
  name: string;
  category: Category;
  summary: string;
  audience: string;
  channels: Channel[];
  requiresAppointment: boolean;
  selfServiceUrl: string | null;
  selfServiceText: string | null;
  durationMinutes: number | null;
  requirements: string[];
}

export interface OfficeView {
  code: string;
  name: string;
  kind: string;
  seccionalCode: string;
  cityCode: string;
  city: string;
  departmentCode: string;
  department: string;
  address: string;
  addressIllustrative: boolean;
  hours: string;
  desks: number;
  phone: string | null;
  channels: Channel[];
}

type ProcedureRow = Awaited<ReturnType<typeof repo.selectProcedures>>[number];

export function toProcedureView(row: ProcedureRow, locale: Locale): ProcedureView {
  const en = locale === 'en';
  return {
    code: row.code,
    name: en ? row.name_en : row.name_es,
    category: row.category as Category,
    summary: en ? row.summary_en : row.summary_es,
    audience: en ? row.audience_en : row.audience_es,
    channels: row.channels as Channel[],
    requiresAppointment: row.requires_appointment,
    selfServiceUrl: row.self_service_url,
    selfServiceText: en ? row.self_service_en : row.self_service_es,
    durationMinutes: row.duration_minutes,
    requirements: en ? row.requirements_en : row.requirements_es,
  };
}

export async function listProcedures(db: Kysely<DB>, locale: Locale): Promise<ProcedureView[]> {
  return (await repo.selectProcedures(db)).map((row) => toProcedureView(row, locale));
}

export async function getProcedure(
  db: Kysely<DB>,
  code: string,
  locale: Locale,
): Promise<ProcedureView | undefined> {
  const row = await repo.selectProcedure(db, code);
  return row?.active ? toProcedureView(row, locale) : undefined;
}

export async function listOffices(
  db: Kysely<DB>,
  locale: Locale,
  filter: Omit<repo.OfficeFilter, 'includeInactive'> = {},
): Promise<OfficeView[]> {
  const rows = await repo.selectOffices(db, filter);
  return rows.map((o) => ({
    code: o.code,
    name: o.name,
    kind: o.kind,
    seccionalCode: o.seccional_code,
    cityCode: o.city_code,
    city: o.city,
    departmentCode: o.department_code,
    department: o.department,
    address: o.address,
    addressIllustrative: o.address_illustrative,
    hours: locale === 'en' ? o.hours_en : o.hours_es,
    desks: o.desks,
    phone: o.phone,
    channels: o.channels as Channel[],
  }));
}
