import type { Kysely } from 'kysely';
import type { DB, Office } from '../../db/schema.js';
import { refusingTakenKey } from '../../db/transaction.js';
import {
  type Actor,
  officeScopeOf,
  requireOfficeInScope,
  requirePermission,
  seccionalInScope,
} from '../../domain/access.js';
import { notFound, validationFailed } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { cityExists } from '../../repositories/catalogue/cities.js';
import * as repo from '../../repositories/catalogue/offices.js';
import { auditedAs, recordAudit } from '../audit/trail.js';
import { getOfficeForStaff, OFFICE_KINDS, OWN_SECCIONAL } from './offices.js';

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
      else if (!seccionalInScope(actor, target.code))
        form.fail('seccional', 'admin.office.seccionalOutOfScope');
    }
  }
  if (!form.has('city') && cityCode !== '' && !(await cityExists(db, cityCode)))
    form.fail('city', 'admin.office.cityUnknown');
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
  await refusingTakenKey({ field: 'code', key: 'admin.office.codeTaken' }, () =>
    db.transaction().execute(async (trx) => {
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
    }),
  );
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
