import type { Kysely } from 'kysely';
import type { DB, Office } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/transaction.js';
import { type Actor, officeScopeOf, requireOfficeInScope, requirePermission } from '../../domain/access.js';
import { notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import * as repo from '../../repositories/staff/offices.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

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
  cities: { code: string; name: string; department: string }[];
  seccionales: { code: string; name: string }[];
  /** Whether the actor may create a new Dirección Seccional (national scope only). */
  canCreateSeccional: boolean;
}

export async function officeFormOptions(db: Kysely<DB>, actor: Actor): Promise<OfficeFormOptions> {
  const scope = officeScopeOf(actor);
  return {
    cities: await repo.selectCities(db),
    seccionales: await repo.selectSeccionales(db, scope),
    canCreateSeccional: scope.kind === 'all',
  };
}

async function readOffice(
  db: Kysely<DB>,
  actor: Actor,
  form: FormReader,
  code: string,
): Promise<repo.OfficeValues> {
  const name = form.text('name', { min: 3, max: 200 });
  const kind = form.choice('kind', OFFICE_KINDS);
  const seccional = form.text('seccional', { max: 10 });
  const cityCode = form.text('city', { pattern: /^\d{5}$/ });
  const address = form.text('address', { min: 3, max: 300 });
  const addressIllustrative = form.checkbox('addressIllustrative');
  const hoursEs = form.text('hoursEs', { max: 200 });
  const hoursEn = form.text('hoursEn', { max: 200 });
  const desks = form.integer('desks', { min: 1, max: 500 });
  const phone = form.optionalText('phone', { max: 60, pattern: /^[0-9+() -]{7,60}$/ });
  const email = form.optionalEmail('email');
  const active = form.checkbox('active');

  let seccionalCode = seccional;
  if (!form.has('seccional')) {
    if (seccional === OWN_SECCIONAL) {
      if (officeScopeOf(actor).kind !== 'all') form.fail('seccional', 'admin.office.seccionalOutOfScope');
      seccionalCode = code;
    } else {
      const target = await repo.selectOffice(db, seccional);
      if (!target || target.seccional_code !== target.code)
        form.fail('seccional', 'admin.office.seccionalUnknown');
      else if (!inScopeAsSeccional(actor, target.code))
        form.fail('seccional', 'admin.office.seccionalOutOfScope');
    }
  }
  if (!form.has('city') && cityCode !== '') {
    const city = await db.selectFrom('cities').select('code').where('code', '=', cityCode).executeTakeFirst();
    if (!city) form.fail('city', 'admin.office.cityUnknown');
  }
  form.done();
  return {
    name,
    kind: kind as string,
    seccional_code: seccionalCode,
    city_code: cityCode,
    address,
    address_illustrative: addressIllustrative,
    hours_es: hoursEs,
    hours_en: hoursEn,
    desks: desks as number,
    phone,
    email,
    active,
  };
}

function inScopeAsSeccional(actor: Actor, seccionalCode: string): boolean {
  const scope = officeScopeOf(actor);
  return scope.kind === 'all' || (scope.kind === 'seccionales' && scope.codes.includes(seccionalCode));
}

function officeAudit(values: Office | (repo.OfficeValues & { code: string })) {
  return {
    code: values.code,
    name: values.name,
    kind: values.kind,
    seccionalCode: values.seccional_code,
    cityCode: values.city_code,
    address: values.address,
    addressIllustrative: values.address_illustrative,
    hoursEs: values.hours_es,
    hoursEn: values.hours_en,
    desks: values.desks,
    phone: values.phone,
    email: values.email,
    active: values.active,
  };
}

export async function createOffice(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<string> {
  requirePermission(actor, 'offices.manage');
  const form = new FormReader(input);
  const code = form.text('code', { pattern: /^\d{2,4}$/, patternKey: 'admin.office.codeFormat' });
  if (!form.has('code') && (await repo.selectOffice(db, code))) form.fail('code', 'admin.office.codeTaken');
  const values = await readOffice(db, actor, form, code);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertOffice(trx, code, values);
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'office.create',
        entityType: 'office',
        entityId: code,
        officeCode: code,
        before: null,
        after: officeAudit({ code, ...values }),
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw validationFailed([{ field: 'code', key: 'admin.office.codeTaken' }]);
    throw err;
  }
  return code;
}

export async function updateOffice(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'offices.manage');
  // Scope first: an office outside it is refused before its form is even read.
  await getOfficeForStaff(db, actor, code);
  const form = new FormReader(input);
  const values = await readOffice(db, actor, form, code);
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectOfficeForUpdate(trx, code);
    if (!before) throw notFound();
    requireOfficeInScope(actor, { code: before.code, seccionalCode: before.seccional_code });
    if (values.seccional_code !== before.seccional_code && (await repo.countDependentOffices(trx, code)) > 0)
      throw validationFailed([{ field: 'seccional', key: 'admin.office.hasDependents' }]);
    if (before.active && !values.active) await refuseIfUpcoming(trx, code, now, 'active');
    await repo.updateOffice(trx, code, values);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'office.update',
      entityType: 'office',
      entityId: code,
      officeCode: code,
      before: officeAudit(before),
      after: officeAudit({ code, ...values }),
    });
  });
}

async function refuseIfUpcoming(db: Kysely<DB>, code: string, now: Date, field: string) {
  const upcoming = await repo.countUpcomingAppointments(db, code, now);
  if (upcoming > 0)
    throw validationFailed([{ field, key: 'admin.office.hasAppointments', params: { count: upcoming } }]);
}

/** Takes an office out of the citizen site (or back). Refused while it has appointments to come. */
export async function setOfficeActive(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  active: boolean,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'offices.manage');
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectOfficeForUpdate(trx, code);
    if (!before) throw notFound();
    requireOfficeInScope(actor, { code: before.code, seccionalCode: before.seccional_code });
    if (before.active === active) return;
    if (!active) await refuseIfUpcoming(trx, code, now, 'active');
    await repo.updateOffice(trx, code, { active });
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: active ? 'office.activate' : 'office.deactivate',
      entityType: 'office',
      entityId: code,
      officeCode: code,
      before: { active: before.active },
      after: { active },
    });
  });
}
