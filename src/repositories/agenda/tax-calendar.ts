import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** SQL of the tax calendar (deadlines by last digits) and the holidays staff declared or lifted. */

export function selectHolidayOverrides(db: Kysely<DB>) {
  return db.selectFrom('holiday_overrides').selectAll().execute();
}

export function selectDeadlinesOfYear(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('tax_deadlines')
    .selectAll()
    .where('due_date', '>=', `${year}-01-01`)
    .where('due_date', '<=', `${year}-12-31`)
    .orderBy('due_date')
    .orderBy('obligation')
    .orderBy('last_digits')
    .execute();
}

/** The days between two dates (both included) on which some tax is due, in order. */
export async function selectDeadlineDays(db: Kysely<DB>, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('tax_deadlines')
    .select('due_date')
    .distinct()
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .orderBy('due_date')
    .execute();
  return rows.map((r) => r.due_date);
}
