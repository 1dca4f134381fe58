import type { LineRow } from '../../services/agenda/access.js';
import type { LineEditOptions } from '../../services/agenda/line-edit.js';
import type { TemplateView } from '../../services/agenda/templates.js';
import { CsrfField } from '../components/csrf-field.js';
import { CheckboxGroup, ErrorSummary, type FormState, SubmitButton, TextField } from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';
import { TemplateFields } from './agenda-pages.js';
import { ActiveTag } from './record-pages.js';

function BackToLine({ ctx, line }: { ctx: AdminContext; line: LineRow }) {
  return (
    <p>
      <a class="back-link" href={`/admin/agenda/lineas/${line.id}`}>
        {ctx.t('agenda.backToLine', { name: line.name })}
      </a>
    </p>
  );
}

/** A line's name and procedures; its office and channel are shown, not offered for change. */
export function LineEditPage({
  ctx,
  state,
  line,
  options,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
  options: LineEditOptions;
}) {
  const { t } = ctx;
  const channel = t(`agenda.channel.${line.channel}`);
  const title = t('agenda.line.editTitle', { name: line.name });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <BackToLine ctx={ctx} line={line} />
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t('agenda.line.office')}</dt>
        <dd>
          {line.office_code} – {line.office_name}
        </dd>
        <dt>{t('agenda.line.channel')}</dt>
        <dd>{channel}</dd>
      </dl>
      <p>{t('agenda.line.fixed')}</p>
      <form method="post" action={`/admin/agenda/lineas/${line.id}`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TextField
          t={t}
          state={state}
          name="name"
          label={t('agenda.line.name')}
          hint={t('agenda.line.nameHint')}
        />
        <CheckboxGroup
          t={t}
          state={state}
          name="procedures"
          label={t('agenda.line.procedures')}
          hint={t('agenda.line.proceduresEditHint', { channel })}
          options={options.procedures.map((p) => ({ value: p.code, label: p.name }))}
        />
        <SubmitButton>{t('admin.save')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

/** The confirmation before a line leaves the public agenda: what happens, and what is kept. */
export function LineDeactivatePage({
  ctx,
  line,
  upcomingBooked,
}: {
  ctx: AdminContext;
  line: LineRow;
  upcomingBooked: number;
}) {
  const { t } = ctx;
  const title = t('agenda.line.deactivateTitle', { name: line.name });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <BackToLine ctx={ctx} line={line} />
      <h1>{title}</h1>
      <p>{t('agenda.line.deactivateEffect')}</p>
      <p id="upcoming-booked">
        {upcomingBooked === 0
          ? t('agenda.line.deactivateNoneBooked')
          : upcomingBooked === 1
            ? t('agenda.line.deactivateBookedOne')
            : t('agenda.line.deactivateBooked', { count: upcomingBooked })}
      </p>
      {upcomingBooked > 0 ? (
        <p>
          {t('agenda.line.deactivateClosures')}{' '}
          <a href="/admin/agenda/cierres">{t('agenda.closures.title')}</a>
        </p>
      ) : null}
      <form method="post" action={`/admin/agenda/lineas/${line.id}/desactivar`} class="danger-zone">
        <CsrfField token={ctx.csrf} />
        <SubmitButton variant="warning">{t('agenda.line.deactivateConfirm')}</SubmitButton>
      </form>
    </AdminLayout>
  );
}

/** Every field of a weekly template, its state, and taking it out of use or back. */
export function TemplateEditPage({
  ctx,
  state,
  line,
  template,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
  template: TemplateView;
}) {
  const { t } = ctx;
  const title = t('agenda.template.editTitle', { name: template.name });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <BackToLine ctx={ctx} line={line} />
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <p>
        {line.name} · <ActiveTag t={t} active={template.active} />
      </p>
      {template.active ? null : <p class="notice notice-warning">{t('agenda.template.inactiveNotice')}</p>}
      <p>{t('agenda.template.futureOnly')}</p>
      <form method="post" action={`/admin/agenda/plantillas/${template.id}`} novalidate>
        <CsrfField token={ctx.csrf} />
        <TemplateFields t={t} state={state} />
        <SubmitButton>{t('admin.save')}</SubmitButton>
      </form>
      <form
        method="post"
        action={`/admin/agenda/plantillas/${template.id}/${template.active ? 'desactivar' : 'activar'}`}
        class="danger-zone"
      >
        <CsrfField token={ctx.csrf} />
        <h2>{template.active ? t('agenda.template.deactivateTitle') : t('agenda.template.activateTitle')}</h2>
        <p>{template.active ? t('agenda.template.deactivateHint') : t('agenda.template.activateHint')}</p>
        <SubmitButton variant={template.active ? 'warning' : 'secondary'}>
          {template.active ? t('agenda.template.deactivate') : t('agenda.template.activate')}
        </SubmitButton>
      </form>
    </AdminLayout>
  );
}
