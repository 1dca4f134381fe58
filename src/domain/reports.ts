import type { CivilDate } from './civil-time.js';

/** Whole days from one civil date to another (negative when `to` comes first). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How far ahead a search asked, in whole weeks from the day of the search (0 to 52). */
export function weeksAhead(searchDay: CivilDate, firstDateAsked: CivilDate): number {
  return Math.min(52, Math.max(0, Math.floor(daysBetween(searchDay, firstDateAsked) / 7)));
}

/**
 * The nearest-rank percentile of a histogram (`value → count`): the smallest value whose cumulative
 * count reaches ⌈p·N⌉. The reports compute the same in SQL; this is the rule written down once.
 */
export function percentileOfHistogram(histogram: ReadonlyMap<number, number>, p: number): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let cumulative = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    cumulative += histogram.get(value) ?? 0;
    if (cumulative >= rank) return value;
  }
  return null;
}

/** A share as a percentage with one decimal, or '' when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? ((part * 100) / whole).toFixed(1) : '';
}

/**
 * A CSV cell (RFC 4180), safe to open in a spreadsheet: text that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvDocument(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
