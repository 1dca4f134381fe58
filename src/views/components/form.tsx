import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../domain/errors.js';
import type { Translator } from '../../i18n/index.js';

/**
 * A form's state between a post and its re-render: what was typed (kept exactly) and the messages per
 * field. Field ids are `field-<name>`, so the error summary can link to each one.
 */
export interface FormState {
  values: Readonly<Record<string, unknown>>;
  errors: readonly FieldError[];
}

export const emptyForm = (values: Record<string, unknown> = {}): FormState => ({ values, errors: [] });

export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function fieldValue(state: FormState, name: string): string {
  const v = state.values[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

export function valuesOf(state: FormState, name: string): string[] {
  const v = state.values[name];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

export function checked(state: FormState, name: string): boolean {
  const v = state.values[name];
  return v === true || (typeof v === 'string' && v !== '' && v !== 'false' && v !== '0');
}

function errorText(t: Translator, state: FormState, name: string): string | undefined {
  const e = state.errors.find((x) => x.field === name);
  return e ? t(e.key, e.params) : undefined;
}

/** The GOV.UK pattern: a summary at the top with a link to each field in trouble. */
export function ErrorSummary({ t, state }: { t: Translator; state: FormState }) {
  if (state.errors.length === 0) return null;
  return (
    <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1}>
      <h2 class="error-summary-title" id="error-summary-title">
        {t('form.errorSummary')}
      </h2>
      <ul class="error-summary-list">
        {state.errors.map((e) => (
          <li>
            <a href={`#${fieldId(e.field)}`}>{t(e.key, e.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface BaseProps {
  t: Translator;
  state: FormState;
  name: string;
  label: string;
  hint?: string | undefined;
}

function describedBy(id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter((x) => x !== '');
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Messages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  t,
  state,
  name,
  label,
  hint,
  type = 'text',
  autocomplete,
  inputMode,
  width,
  required = false,
  spellcheck,
}: BaseProps & {
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date';
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'tel' | 'url' | 'text';
  width?: 'short' | 'medium';
  required?: boolean;
  spellcheck?: boolean;
}) {
  const id = fieldId(name);
  const error = errorText(t, state, name);
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      <Messages id={id} hint={hint} error={error} />
      <input
        class={`input${width ? ` input-${width}` : ''}${error ? ' input-error' : ''}`}
        id={id}
        name={name}
        type={type}
        value={type === 'password' ? '' : fieldValue(state, name)}
        autocomplete={autocomplete}
        inputMode={inputMode}
        required={required}
        spellcheck={spellcheck}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
      />
    </div>
  );
}

export function TextArea({ t, state, name, label, hint, rows = 4 }: BaseProps & { rows?: number }) {
  const id = fieldId(name);
  const error = errorText(t, state, name);
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      <Messages id={id} hint={hint} error={error} />
      <textarea
        class={`textarea${error ? ' input-error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
      >
        {fieldValue(state, name)}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  t,
  state,
  name,
  label,
  hint,
  options,
  placeholder,
}: BaseProps & { options: readonly Option[]; placeholder?: string }) {
  const id = fieldId(name);
  const error = errorText(t, state, name);
  const current = fieldValue(state, name);
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      <Messages id={id} hint={hint} error={error} />
      <select
        class={`select${error ? ' input-error' : ''}`}
        id={id}
        name={name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes in a fieldset; the first box carries the id the error summary links to. */
export function CheckboxGroup({
  t,
  state,
  name,
  label,
  hint,
  options,
}: BaseProps & { options: readonly Option[] }) {
  const id = fieldId(name);
  const error = errorText(t, state, name);
  const values = valuesOf(state, name);
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}>
        <legend class="legend">{label}</legend>
        <Messages id={id} hint={hint} error={error} />
        <div class="checkboxes">
          {options.map((o, i) => {
            const boxId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="checkbox">
                <input
                  class="checkbox-input"
                  id={boxId}
                  name={name}
                  type="checkbox"
                  value={o.value}
                  checked={values.includes(o.value)}
                  aria-invalid={error ? 'true' : undefined}
                />
                <label class="checkbox-label" for={boxId}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** One yes/no checkbox (sends "on" when ticked). */
export function Checkbox({ t, state, name, label, hint }: BaseProps) {
  const id = fieldId(name);
  const error = errorText(t, state, name);
  return (
    <div class={`form-group${error ? ' form-group-error' : ''}`}>
      <Messages id={id} hint={hint} error={error} />
      <div class="checkbox">
        <input
          class="checkbox-input"
          id={id}
          name={name}
          type="checkbox"
          value="on"
          checked={checked(state, name)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, hint !== undefined, error !== undefined)}
        />
        <label class="checkbox-label" for={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

export function SubmitButton({
  children,
  variant,
}: {
  children: ComponentChildren;
  variant?: 'secondary' | 'warning';
}) {
  return (
    <button class={`button${variant ? ` button-${variant}` : ''}`} type="submit">
      {children}
    </button>
  );
}
