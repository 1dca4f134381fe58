import type { Kysely } from 'kysely';
import type { DB, Office } from '../../db/schema.js';
import { type Actor, officeScopeOf, requireOfficeInScope, requirePermission } from '../../domain/access.js';
import type { Channel } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import type { Locale } from '../../i18n/index.js';
import * as repo from '../../repositories/catalogue/offices.js';
import { type CityOption, cityOptions } from './cities.js';

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

/** The active offices the citizen site shows, with the channels they attend. */
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

export const OFFICE_KINDS = ['impuestos', 'aduanas', 'impuestos_aduanas', 'grandes_contribuyentes'] as const;
/** The seccional field's value for "this office is a Dirección Seccional itself". */
export const OWN_SECCIONAL = 'propia';

export interface OfficeListItem {
  code: string;
  name: string;
  kind: string;
  seccionalCode: string;
  city: string;
  desks: number;
  active: boolean;
}

/** The offices the actor may see: every office for national roles, its seccionales' for the others. */
export async function listOfficesForStaff(db: Kysely<DB>, actor: Actor): Promise<OfficeListItem[]> {
  requirePermission(actor, 'offices.view');
  const rows = await repo.selectOfficesInScope(db, officeScopeOf(actor));
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    seccionalCode: r.seccional_code,
    city: r.city,
    desks: r.desks,
    active: r.active,
  }));
}

/** One office, if it is in the actor's scope (FORBIDDEN otherwise, NOT_FOUND when it does not exist). */
export async function getOfficeForStaff(db: Kysely<DB>, actor: Actor, code: string): Promise<Office> {
  requirePermission(actor, 'offices.view');
  const office = await repo.selectOffice(db, code);
  if (!office) throw notFound();
  requireOfficeInScope(actor, { code: office.code, seccionalCode: office.seccional_code });
  return office;
}

export interface OfficeFormOptions {
  cities: CityOption[];
  seccionales: { code: string; name: string }[];
  /** Whether the actor may create a new Dirección Seccional (national scope only). */
  canCreateSeccional: boolean;
}

export async function officeFormOptions(db: Kysely<DB>, actor: Actor): Promise<OfficeFormOptions> {
  const scope = officeScopeOf(actor);
  return {
    cities: await cityOptions(db),
    seccionales: await repo.selectSeccionales(db, scope),
    canCreateSeccional: scope.kind === 'all',
  };
}
