import type { Kysely } from 'kysely';
import type { DB, Procedure } from '../../db/schema.js';
import { refusingTakenKey } from '../../db/transaction.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { CATEGORIES, CHANNELS } from '../../domain/channels.js';
import { notFound } from '../../domain/errors.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import * as repo from '../../repositories/catalogue/procedures.js';
import { auditedAs, recordAudit } from '../audit/trail.js';

export const SERVED_BY = ['impuestos', 'aduanas'] as const;

type ProcedureValues = Omit<Procedure, 'code' | 'sort_order'>;

/**
 * A procedure either needs an appointment (then it has channels and a duration) or is done on its own
 * online (then it says where and how); the same rules as the table's CHECK constraints, as messages.
 */
function readProcedure(form: FormReader): ProcedureValues {
  const nameEs = form.text('nameEs', { min: 3, max: 200 });
  const nameEn = form.text('nameEn', { min: 3, max: 200 });
  const category = form.choice('category', CATEGORIES);
  const summaryEs = form.text('summaryEs', { max: 1000 });
  const summaryEn = form.text('summaryEn', { max: 1000 });
  const audienceEs = form.optionalText('audienceEs', { max: 500 }) ?? '';
  const audienceEn = form.optionalText('audienceEn', { max: 500 }) ?? '';
  const requirementsEs = form.lines('requirementsEs');
  const requirementsEn = form.lines('requirementsEn');
  const requiresAppointment = form.checkbox('requiresAppointment');
  const channels = form.choices('channels', CHANNELS, { min: requiresAppointment ? 1 : 0 });
  const duration = form.integer('durationMinutes', { min: 5, max: 240, required: requiresAppointment });
  const servedBy = form.choices('servedBy', SERVED_BY, { min: 1 });
  const selfServiceUrl = form.optionalUrl('selfServiceUrl');
  const selfServiceEs = form.optionalText('selfServiceEs', { max: 1000 });
  const selfServiceEn = form.optionalText('selfServiceEn', { max: 1000 });
  if (!requiresAppointment) {
    if (selfServiceEs === null) form.fail('selfServiceEs', 'admin.procedure.selfServiceRequired');
    if (selfServiceEn === null) form.fail('selfServiceEn', 'admin.procedure.selfServiceRequired');
  }
  if (requirementsEs.length !== requirementsEn.length && !form.has('requirementsEn'))
    form.fail('requirementsEn', 'admin.procedure.requirementsMismatch');
  return {
    name_es: nameEs,
    name_en: nameEn,
    category: category as string,
    summary_es: summaryEs,
    summary_en: summaryEn,
    audience_es: audienceEs,
    audience_en: audienceEn,
    requirements_es: requirementsEs,
    requirements_en: requirementsEn,
    channels: requiresAppointment ? channels : [],
    requires_appointment: requiresAppointment,
    self_service_url: selfServiceUrl,
    self_service_es: selfServiceEs,
    self_service_en: selfServiceEn,
    duration_minutes: requiresAppointment ? duration : null,
    served_by: servedBy,
    active: form.checkbox('active'),
  };
}

function procedureAudit(p: ProcedureValues & { code: string }) {
  return {
    code: p.code,
    nameEs: p.name_es,
    nameEn: p.name_en,
    category: p.category,
    summaryEs: p.summary_es,
    summaryEn: p.summary_en,
    audienceEs: p.audience_es,
    audienceEn: p.audience_en,
    requirementsEs: p.requirements_es,
    requirementsEn: p.requirements_en,
    channels: p.channels,
    requiresAppointment: p.requires_appointment,
    selfServiceUrl: p.self_service_url,
    selfServiceEs: p.self_service_es,
    selfServiceEn: p.self_service_en,
    durationMinutes: p.duration_minutes,
    servedBy: p.served_by,
    active: p.active,
  };
}

export async function createProcedure(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<string> {
  requirePermission(actor, 'catalogue.manage');
  const form = new FormReader(input);
  const code = form.text('code', {
    max: 60,
    pattern: /^[a-z0-9][a-z0-9-]{1,59}$/,
    patternKey: 'admin.procedure.codeFormat',
  });
  const values = readProcedure(form);
  if (!form.has('code') && (await repo.selectProcedure(db, code)))
    form.fail('code', 'admin.procedure.codeTaken');
  form.done();
  await refusingTakenKey({ field: 'code', key: 'admin.procedure.codeTaken' }, () =>
    db.transaction().execute(async (trx) => {
      const sortOrder = await repo.nextProcedureSortOrder(trx);
      await repo.insertProcedure(trx, { code, ...values, sort_order: sortOrder });
      await recordAudit(trx, {
        ...auditedAs(actor, now),
        action: 'procedure.create',
        entityType: 'procedure',
        entityId: code,
        officeCode: null,
        before: null,
        after: procedureAudit({ code, ...values }),
      });
    }),
  );
  return code;
}

export async function updateProcedure(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  input: FormInput,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'catalogue.manage');
  const form = new FormReader(input);
  const values = readProcedure(form);
  form.done();
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectProcedureForUpdate(trx, code);
    if (!before) throw notFound();
    await repo.updateProcedure(trx, code, values);
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: 'procedure.update',
      entityType: 'procedure',
      entityId: code,
      officeCode: null,
      before: procedureAudit(before),
      after: procedureAudit({ code, ...values }),
    });
  });
}

/** Takes a procedure out of the citizen catalogue (or back); appointments already booked stay. */
export async function setProcedureActive(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  active: boolean,
  now: Date,
): Promise<void> {
  requirePermission(actor, 'catalogue.manage');
  await db.transaction().execute(async (trx) => {
    const before = await repo.selectProcedureForUpdate(trx, code);
    if (!before) throw notFound();
    if (before.active === active) return;
    await repo.updateProcedure(trx, code, { active });
    await recordAudit(trx, {
      ...auditedAs(actor, now),
      action: active ? 'procedure.activate' : 'procedure.deactivate',
      entityType: 'procedure',
      entityId: code,
      officeCode: null,
      before: { active: before.active },
      after: { active },
    });
  });
}
