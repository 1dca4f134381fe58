import type { Locale } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { ProcedureView } from '../../services/catalogue/procedures.js';
import type { ChannelInfo } from '../../services/journey/choice.js';
import { type Criteria, journeyHref } from '../../services/journey/criteria.js';
import type { FirstFree, PlaceOptions } from '../../services/journey/place-answers.js';
import {
  ErrorSummary,
  type FormState,
  fieldId,
  fieldValue,
  SelectField,
  SubmitButton,
} from '../components/form.js';
import { FieldMessage, Hidden, JourneyPage, RadioGroup } from './parts.js';

const CATEGORY_ORDER = ['tributario', 'aduanero', 'cambiario', 'transversal'] as const;

/** Step 1: the procedure, grouped by category; those done online say so with their link. */
export function ProcedurePage({
  locale,
  procedures,
  state,
  criteria,
}: {
  locale: Locale;
  procedures: readonly ProcedureView[];
  state: FormState;
  criteria: Criteria;
}) {
  const t = translator(locale);
  const bookable = procedures.filter((p) => p.requiresAppointment);
  const online = procedures.filter((p) => !p.requiresAppointment);
  const id = fieldId('tramite');
  const error = state.errors.find((e) => e.field === 'tramite');
  const current = fieldValue(state, 'tramite');
  let index = 0;
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.procedure.title')}
      path="/reservar"
      step={1}
      back="/"
    >
      <ErrorSummary t={t} state={state} />
      <p>{t('journey.procedure.lead')}</p>
      <form method="get" action="/reservar/atencion" class="journey-form">
        <Hidden criteria={criteria} except={['tramite', 'canal']} />
        <div class={`form-group${error ? ' form-group-error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
            <legend class="legend">{t('journey.procedure.legend')}</legend>
            <FieldMessage t={t} id={id} error={error} />
            {CATEGORY_ORDER.map((category) => {
              const items = bookable.filter((p) => p.category === category);
              if (items.length === 0) return null;
              return (
                <div class="procedure-group">
                  <h2 class="procedure-category">{t(`journey.category.${category}`)}</h2>
                  <div class="radios">
                    {items.map((p) => {
                      index += 1;
                      const optionId = index === 1 ? id : `${id}-${index}`;
                      return (
                        <div class="radio">
                          <input
                            class="radio-input"
                            id={optionId}
                            name="tramite"
                            type="radio"
                            value={p.code}
                            checked={p.code === current}
                            aria-describedby={`${optionId}-hint`}
                          />
                          <label class="radio-label" for={optionId}>
                            {p.name}
                          </label>
                          <div class="hint radio-hint" id={`${optionId}-hint`}>
                            {p.summary}
                          </div>
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </fieldset>
        </div>
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </form>
      {online.length > 0 ? (
        <section class="online-procedures" aria-labelledby="online-title">
          <h2 id="online-title">{t('journey.procedure.onlineTitle')}</h2>
          <ul>
            {online.map((p) => (
              <li>
                {p.selfServiceUrl ? <a href={p.selfServiceUrl}>{p.name}</a> : p.name}
                {p.selfServiceText ? `: ${p.selfServiceText}` : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </JourneyPage>
  );
}

/** Shown for `?tramite=` of a procedure done online: no appointment needed, here is where. */
export function OnlineProcedurePage({ locale, procedure }: { locale: Locale; procedure: ProcedureView }) {
  const t = translator(locale);
  return (
    <JourneyPage locale={locale} t={t} title={procedure.name} path="/reservar" back="/reservar">
      <p class="lead">{t('journey.procedure.noAppointment')}</p>
      {procedure.selfServiceText ? <p>{procedure.selfServiceText}</p> : null}
      {procedure.selfServiceUrl ? (
        <p>
          <a class="button" href={procedure.selfServiceUrl}>
            {t('journey.procedure.goOnline')}
          </a>
        </p>
      ) : null}
      <p>
        <a href="/reservar">{t('journey.procedure.other')}</a>
      </p>
    </JourneyPage>
  );
}

/** Step 2: the type of attention, only the procedure's channels. */
export function ChannelPage({
  locale,
  procedure,
  channels,
  state,
  criteria,
}: {
  locale: Locale;
  procedure: ProcedureView;
  channels: readonly ChannelInfo[];
  state: FormState;
  criteria: Criteria;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.channel.title')}
      path={journeyHref('/reservar/atencion', criteria)}
      step={2}
      back={journeyHref('/reservar', criteria, { canal: undefined })}
    >
      <ErrorSummary t={t} state={state} />
      <p class="journey-context">{t('journey.context.procedure', { name: procedure.name })}</p>
      <form method="get" action="/reservar/buscar" class="journey-form">
        <Hidden criteria={criteria} except={['canal', 'departamento', 'ciudad', 'oficina', 'fecha', 'mes']} />
        <RadioGroup
          t={t}
          state={state}
          name="canal"
          legend={t('journey.channel.legend')}
          options={channels.map((c) => ({
            value: c.code,
            label: `${c.name}${c.remote ? ` (${t('journey.channel.remote')})` : ''}`,
            hint: c.description,
          }))}
        />
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </form>
    </JourneyPage>
  );
}

/** Step 3 (in person): search by place or by date. */
export function SearchModePage({
  locale,
  procedure,
  channel,
  state,
  criteria,
}: {
  locale: Locale;
  procedure: ProcedureView;
  channel: ChannelInfo;
  state: FormState;
  criteria: Criteria;
}) {
  const t = translator(locale);
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.mode.title')}
      path={journeyHref('/reservar/buscar', criteria)}
      step={3}
      back={journeyHref('/reservar/atencion', criteria)}
    >
      <ErrorSummary t={t} state={state} />
      <p class="journey-context">
        {t('journey.context.procedureChannel', { name: procedure.name, channel: channel.name })}
      </p>
      <form method="get" action="/reservar/buscar" class="journey-form">
        <Hidden criteria={criteria} except={['departamento', 'ciudad', 'oficina', 'fecha', 'mes']} />
        <RadioGroup
          t={t}
          state={state}
          name="modo"
          legend={t('journey.mode.legend')}
          options={[
            { value: 'lugar', label: t('journey.mode.place'), hint: t('journey.mode.placeHint') },
            { value: 'fecha', label: t('journey.mode.date'), hint: t('journey.mode.dateHint') },
          ]}
        />
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </form>
    </JourneyPage>
  );
}

/** Step 3 by place: department → city → office, one choice at a time (each a plain GET form). */
export function PlacePage({
  locale,
  procedure,
  channel,
  options,
  state,
  criteria,
  firstFree,
}: {
  locale: Locale;
  procedure: ProcedureView;
  channel: ChannelInfo;
  options: PlaceOptions;
  state: FormState;
  criteria: Criteria;
  firstFree: readonly FirstFree[];
}) {
  const t = translator(locale);
  const stage = !criteria.departamento ? 'department' : !criteria.ciudad ? 'city' : 'office';
  const values = {
    departamento: criteria.departamento ?? '',
    ciudad: criteria.ciudad ?? '',
    ...state.values,
  };
  const formState: FormState = { values, errors: state.errors };
  return (
    <JourneyPage
      locale={locale}
      t={t}
      title={t('journey.place.title')}
      path={journeyHref('/reservar/lugar', criteria)}
      step={3}
      back={journeyHref('/reservar/buscar', criteria, {
        departamento: undefined,
        ciudad: undefined,
        oficina: undefined,
      })}
    >
      <ErrorSummary t={t} state={state} />
      <p class="journey-context">
        {t('journey.context.procedureChannel', { name: procedure.name, channel: channel.name })}
      </p>
      <form method="get" action="/reservar/lugar" class="journey-form">
        <Hidden criteria={criteria} except={['departamento', 'ciudad', 'oficina', 'fecha', 'mes']} />
        <SelectField
          t={t}
          state={formState}
          name="departamento"
          label={t('journey.place.department')}
          placeholder={t('journey.place.choose')}
          options={options.departments.map((d) => ({ value: d.code, label: d.name }))}
        />
        {stage !== 'department' ? (
          <SelectField
            t={t}
            state={formState}
            name="ciudad"
            label={t('journey.place.city')}
            hint={t('journey.place.cityHint')}
            placeholder={t('journey.place.choose')}
            options={options.cities.map((c) => ({ value: c.code, label: c.name }))}
          />
        ) : null}
        {stage === 'office' ? (
          <>
            <input type="hidden" name="paso" value="oficina" />
            <SelectField
              t={t}
              state={formState}
              name="oficina"
              label={t('journey.place.office')}
              hint={t('journey.place.officeHint')}
              placeholder={t('journey.place.anyOffice')}
              options={options.offices.map((o) => ({ value: o.code, label: `${o.name} – ${o.address}` }))}
            />
          </>
        ) : null}
        <SubmitButton>{t('journey.continue')}</SubmitButton>
      </form>
      {firstFree.length > 0 ? (
        <section class="first-free" aria-labelledby="first-free-title">
          <h2 id="first-free-title">{t('journey.place.firstTitle')}</h2>
          <ul>
            {firstFree.map((f) => (
              <li>
                <a href={f.href}>{t('journey.place.firstItem', { office: f.officeName, when: f.when })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </JourneyPage>
  );
}
