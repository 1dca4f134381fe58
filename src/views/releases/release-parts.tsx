import type { ComponentChildren } from 'preact';
import type { ReleaseStatus } from '../../domain/release.js';
import { formatCivilDate, formatWhen } from '../../i18n/format.js';
import type { Locale, Translator } from '../../i18n/index.js';

/** What the pages of a release share: its facts as a summary list, its status and its ranges in words. */

export function statusText(t: Translator, status: ReleaseStatus): string {
  return t(`releasePages.status.${status}`);
}

export function daysText(t: Translator, locale: Locale, from: string, to: string): string {
  return from === to
    ? formatCivilDate(from, locale)
    : t('releasePages.range', { from: formatCivilDate(from, locale), to: formatCivilDate(to, locale) });
}

export function windowText(t: Translator, locale: Locale, opensAt: Date, closesAt: Date): string {
  return t('releasePages.range', { from: formatWhen(opensAt, locale), to: formatWhen(closesAt, locale) });
}

export interface Fact {
  key: string;
  value: ComponentChildren;
}

export function Facts({ rows }: { rows: readonly (Fact | null)[] }) {
  return (
    <dl class="summary-list">
      {rows
        .filter((r): r is Fact => r !== null)
        .map((r) => (
          <div class="summary-row">
            <dt class="summary-key">{r.key}</dt>
            <dd class="summary-value">{r.value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A form of one button posting `accion` to the page's own address (a GET of an e-mail link changes nothing). */
export function ActionButton({
  path,
  csrf,
  action,
  label,
  variant,
}: {
  path: string;
  csrf: string;
  action: string;
  label: string;
  variant?: 'secondary' | 'warning';
}) {
  return (
    <form method="post" action={path}>
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="accion" value={action} />
      <button class={`button${variant ? ` button-${variant}` : ''}`} type="submit">
        {label}
      </button>
    </form>
  );
}
