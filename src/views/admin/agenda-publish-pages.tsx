import type { LineRow } from '../../services/agenda/access.js';
import type { PublicationPlan } from '../../services/agenda/publish.js';
import type { DrawPreview } from '../../services/agenda/publish-draw.js';
import type { TemplateView } from '../../services/agenda/templates.js';
import { CsrfField } from '../components/csrf-field.js';
import {
  Checkbox,
  ErrorSummary,
  type FormState,
  fieldValue,
  SelectField,
  SubmitButton,
  TextField,
} from '../components/form.js';
import { type AdminContext, AdminLayout } from './admin-layout.js';
import { weekdayNames } from './agenda-pages.js';
import { bogotaDateTime } from './format.js';

/**
 * Publishing a template: choose a range, see exactly what it creates (GET, nothing changes), then
 * publish that same range (POST). `refusal` says why nothing can be published (an inactive line or
 * template); the page then offers no range.
 */
export function PublishPage({
  ctx,
  state,
  line,
  template,
  plan,
  procedures,
  canManage,
  refusal,
}: {
  ctx: AdminContext;
  state: FormState;
  line: LineRow;
  template: TemplateView;
  plan: (PublicationPlan & { draw: DrawPreview | null }) | null;
  /** The procedures of the line, one of which a release "con sorteo" is for. */
  procedures: { code: string; name: string }[];
  canManage: boolean;
  refusal: string | null;
}) {
  const { t } = ctx;
  const title = t('agenda.publish.title', { name: template.name });
  return (
    <AdminLayout ctx={ctx} title={title}>
      <p>
        <a class="back-link" href={`/admin/agenda/lineas/${line.id}`}>
          {t('agenda.backToLine', { name: line.name })}
        </a>
      </p>
      <ErrorSummary t={t} state={state} />
      <h1>{title}</h1>
      <p>
        {weekdayNames(t, template.weekdays)}, {template.opens}–{template.closes};{' '}
        {t('agenda.publish.shape', { minutes: template.slotMinutes, places: template.places })}
        {template.breaks.length > 0
          ? `; ${t('agenda.publish.breaks', { breaks: template.breaks.join(', ') })}`
          : ''}
      </p>
      {refusal ? <p class="notice notice-warning">{refusal}</p> : null}
      {refusal ? null : (
        <form
          method="get"
          action={`/admin/agenda/plantillas/${template.id}/publicar`}
          class="filters"
          novalidate
        >
          <TextField
            t={t}
            state={state}
            name="from"
            label={t('agenda.range.from')}
            type="date"
            width="medium"
          />
          <TextField t={t} state={state} name="to" label={t('agenda.range.to')} type="date" width="medium" />
          <DrawFields ctx={ctx} state={state} procedures={procedures} />
          <button class="button button-secondary" type="submit">
            {t('agenda.publish.preview')}
          </button>
        </form>
      )}
      {plan ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('agenda.publish.previewTitle', { from: plan.from, to: plan.to })}</h2>
          <p id="preview-totals">
            {t('agenda.publish.totals', {
              slots: plan.newSlots,
              places: plan.newPlaces,
              existing: plan.alreadyPublished,
            })}
          </p>
          {plan.days.length > 0 ? (
            <div class="table-wrap">
              <table class="table" id="preview-days">
                <caption class="visually-hidden">
                  {t('agenda.publish.previewTitle', { from: plan.from, to: plan.to })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agenda.day.date')}</th>
                    <th scope="col">{t('agenda.day.slots')}</th>
                    <th scope="col">{t('agenda.day.capacity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.days.map((d) => (
                    <tr>
                      <td>{d.date}</td>
                      <td>{d.slots}</td>
                      <td>{d.places}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {plan.skipped.length > 0 ? (
            <>
              <h3>{t('agenda.publish.skipped')}</h3>
              <ul id="preview-skipped">
                {plan.skipped.map((s) => (
                  <li>
                    {s.date}: {t(`agenda.publish.skipped.${s.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {plan.draw ? (
            <p id="preview-draw" class="notice">
              {t('admin.releases.publish.preview', {
                places: plan.draw.places,
                opens: bogotaDateTime(plan.draw.opensAt),
                closes: bogotaDateTime(plan.draw.closesAt),
              })}
            </p>
          ) : null}
          {canManage && (plan.draw ? plan.draw.places > 0 : plan.newSlots > 0) ? (
            <form method="post" action={`/admin/agenda/plantillas/${template.id}/publicar`}>
              <CsrfField token={ctx.csrf} />
              {['from', 'to', ...(plan.draw ? DRAW_FIELDS : [])].map((name) => (
                <input type="hidden" name={name} value={fieldValue(state, name)} />
              ))}
              <SubmitButton>
                {plan.draw
                  ? t('admin.releases.publish.submit', { slots: plan.newSlots, places: plan.draw.places })
                  : t('agenda.publish.submit', { slots: plan.newSlots })}
              </SubmitButton>
            </form>
          ) : null}
        </section>
      ) : null}
    </AdminLayout>
  );
}

const DRAW_FIELDS = ['draw', 'procedure', 'opensDate', 'opensTime', 'window'];

/** Publishing "con sorteo": the days' free places go to a release with this application window. */
function DrawFields({
  ctx,
  state,
  procedures,
}: {
  ctx: AdminContext;
  state: FormState;
  procedures: { code: string; name: string }[];
}) {
  const { t } = ctx;
  return (
    <fieldset class="fieldset">
      <legend class="legend">{t('admin.releases.publish.legend')}</legend>
      <Checkbox
        t={t}
        state={state}
        name="draw"
        label={t('admin.releases.publish.draw')}
        hint={t('admin.releases.publish.drawHint')}
      />
      {procedures.length > 1 ? (
        <SelectField
          t={t}
          state={state}
          name="procedure"
          label={t('admin.releases.field.procedure')}
          placeholder={t('admin.releases.field.choose')}
          options={procedures.map((p) => ({ value: p.code, label: p.name }))}
        />
      ) : null}
      <WindowFields ctx={ctx} state={state} />
    </fieldset>
  );
}

/** When applications open (Bogotá; empty: now) and how long they stay open. */
export function WindowFields({ ctx, state }: { ctx: AdminContext; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <TextField
        t={t}
        state={state}
        name="opensDate"
        label={t('admin.releases.field.opensDate')}
        hint={t('admin.releases.field.opensHint')}
        type="date"
        width="medium"
      />
      <TextField
        t={t}
        state={state}
        name="opensTime"
        label={t('admin.releases.field.opensTime')}
        hint={t('admin.releases.field.opensTimeHint')}
        width="short"
      />
      <TextField
        t={t}
        state={state}
        name="window"
        label={t('admin.releases.field.window')}
        hint={t('admin.releases.field.windowHint')}
        width="short"
      />
    </>
  );
}
