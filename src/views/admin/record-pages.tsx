import type { ComponentChildren } from 'preact';
import type { Translator } from '../../i18n/index.js';
import { CsrfField } from '../components/csrf-field.js';
import { DataTable } from '../components/data-table.js';
import { ErrorSummary, type FormState, SubmitButton } from '../components/form.js';
import { type AdminContext, AdminLayout, Tag } from './admin-layout.js';

/**
 * The two pages every catalogue record of the back office has (offices, procedures, kiosks, staff…):
 * a list with a "new" button, and a form that is read-only to those who may not change it, with an
 * activate/deactivate step where the record has one.
 */

export function ActiveTag({ t, active }: { t: Translator; active: boolean }) {
  return active ? <Tag kind="ok">{t('admin.active')}</Tag> : <Tag kind="off">{t('admin.inactive')}</Tag>;
}

export function RecordListPage({
  ctx,
  title,
  lead,
  create,
  headers,
  children,
}: {
  ctx: AdminContext;
  title: string;
  lead?: string | undefined;
  /** The "new" button, for those who may create. */
  create?: { href: string; label: string } | undefined;
  headers: readonly string[];
  /** The table's rows. */
  children: ComponentChildren;
}) {
  return (
    <AdminLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {lead ? <p>{lead}</p> : null}
      {create ? (
        <p>
          <a class="button" href={create.href}>
            {create.label}
          </a>
        </p>
      ) : null}
      <DataTable caption={title} headers={headers}>
        {children}
      </DataTable>
    </AdminLayout>
  );
}

export interface ActivationStep {
  /** Where the step posts; the page adds `/desactivar` or `/activar`. */
  path: string;
  active: boolean;
  texts: { deactivateTitle: string; deactivateHint: string; deactivate: string } & {
    activateTitle: string;
    activateHint: string;
    activate: string;
  };
}

export function RecordFormPage({
  ctx,
  title,
  back,
  state,
  action,
  submitLabel,
  canManage,
  activation,
  after,
  children,
}: {
  ctx: AdminContext;
  title: string;
  back: { href: string; label: string };
  state: FormState;
  action: string;
  submitLabel: string;
  canManage: boolean;
  /** The activate/deactivate step of an existing record, shown to those who may change it. */
  activation?: ActivationStep | undefined;
  /** Further steps of the record below its form (a staff account's credentials). */
  after?: ComponentChildren;
  /** The form's fields. */
  children: ComponentChildren;
}) {
  const { t } = ctx;
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href={back.href}>
          {back.label}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      {canManage ? (
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrf} />
          {children}
          <SubmitButton>{submitLabel}</SubmitButton>
        </form>
      ) : (
        <fieldset class="fieldset read-only" disabled>
          <legend class="visually-hidden">{title}</legend>
          {children}
        </fieldset>
      )}
      {activation && canManage ? (
        <form
          method="post"
          action={`${activation.path}/${activation.active ? 'desactivar' : 'activar'}`}
          class="danger-zone"
        >
          <CsrfField token={ctx.csrf} />
          <h2>{activation.active ? activation.texts.deactivateTitle : activation.texts.activateTitle}</h2>
          <p>{activation.active ? activation.texts.deactivateHint : activation.texts.activateHint}</p>
          <SubmitButton variant={activation.active ? 'warning' : 'secondary'}>
            {activation.active ? activation.texts.deactivate : activation.texts.activate}
          </SubmitButton>
        </form>
      ) : null}
      {after}
    </AdminLayout>
  );
}

/** The activation texts of a record kind whose messages follow `admin.<kind>.(de)activate…`. */
/**
 * The frame of the form page of a record kept by a code (an office, a procedure): its title, back link,
 * where it posts, its button and, for an existing record, its activate/deactivate step.
 */
export function codedRecordFrame(
  t: Translator,
  kind: 'office' | 'procedure',
  path: string,
  record: { code?: string | undefined; active?: boolean | undefined },
) {
  const { code, active } = record;
  return {
    title: code ? t(`admin.${kind}.editTitle`, { code }) : t(`admin.${kind}.new`),
    back: { href: path, label: t(`admin.${kind}.back`) },
    action: code ? `${path}/${code}` : path,
    submitLabel: code ? t('admin.save') : t(`admin.${kind}.create`),
    activation:
      code && active !== undefined
        ? { path: `${path}/${code}`, active, texts: activationTexts(t, kind) }
        : undefined,
  };
}

export function activationTexts(t: Translator, kind: string): ActivationStep['texts'] {
  return {
    deactivateTitle: t(`admin.${kind}.deactivateTitle`),
    deactivateHint: t(`admin.${kind}.deactivateHint`),
    deactivate: t(`admin.${kind}.deactivate`),
    activateTitle: t(`admin.${kind}.activateTitle`),
    activateHint: t(`admin.${kind}.activateHint`),
    activate: t(`admin.${kind}.activate`),
  };
}
