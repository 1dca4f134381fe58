import type { Kysely } from 'kysely';
import type { DB, TaxObligation } from '../../db/schema.js';
import { type Actor, requirePermission } from '../../domain/access.js';
import { HolidayCalendar } from '../../domain/holidays.js';
import { type Deadline, monthlyDeadlines, naturalPersonIncomeDeadlines } from '../../domain/tax-calendar.js';
import { selectDeadlinesOfYear, selectHolidayOverrides } from '../../repositories/agenda/tax-calendar.js';

export interface DeadlineRow {
  obligation: TaxObligation;
  period: string;
  lastDigits: string;
  dueDate: string;
  source: 'publicado' | 'regla';
  /** The date the rule gives, when it differs from the stored one (a law moved a holiday, a typo…). */
  ruleDate: string | null;
}

/** What the rule says for a stored row: the month it falls in (or the renta season of its year). */
function ruleDate(
  row: { obligation: TaxObligation; period: string; last_digits: string; due_date: string },
  holidays: HolidayCalendar,
  cache: Map<string, Deadline[]>,
): string | null {
  const year = Number(row.due_date.slice(0, 4));
  const month = Number(row.due_date.slice(5, 7));
  const key = row.obligation === 'renta_naturales' ? `n${year}` : `m${year}-${month}`;
  let list = cache.get(key);
  if (!list) {
    list =
      row.obligation === 'renta_naturales'
        ? naturalPersonIncomeDeadlines(year, holidays)
        : monthlyDeadlines(year, month, holidays);
    cache.set(key, list);
  }
  return list.find((d) => d.lastDigits === row.last_digits)?.dueDate ?? null;
}

/** The stored tax calendar of a year (by due date), each row checked against the rule. */
export async function listDeadlines(db: Kysely<DB>, actor: Actor, year: number): Promise<DeadlineRow[]> {
  requirePermission(actor, 'agenda.view');
  const rows = await selectDeadlinesOfYear(db, year);
  const holidays = new HolidayCalendar(await selectHolidayOverrides(db));
  const cache = new Map<string, Deadline[]>();
  return rows.map((r) => {
    const expected = ruleDate(r, holidays, cache);
    return {
      obligation: r.obligation,
      period: r.period,
      lastDigits: r.last_digits,
      dueDate: r.due_date,
      source: r.source,
      ruleDate: expected !== null && expected !== r.due_date ? expected : null,
    };
  });
}
