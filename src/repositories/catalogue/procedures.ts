import type { Insertable, Kysely, Updateable } from 'kysely';
import type { DB, ProceduresTable } from '../../db/schema.js';

/** Procedures in the citizen catalogue's order (the active ones, unless told otherwise). */
export function selectProcedures(db: Kysely<DB>, { includeInactive = false } = {}) {
  return db
    .selectFrom('procedures')
    .selectAll()
    .$if(!includeInactive, (q) => q.where('active', '=', true))
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

/** Every procedure grouped by category, as the back office lists them. */
export function selectProceduresByCategory(db: Kysely<DB>) {
  return db
    .selectFrom('procedures')
    .selectAll()
    .orderBy('category')
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
}

export function selectProcedure(db: Kysely<DB>, code: string) {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).executeTakeFirst();
}

export function selectProcedureForUpdate(db: Kysely<DB>, code: string) {
  return db.selectFrom('procedures').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function countProcedures(db: Kysely<DB>): Promise<{ active: number; total: number }> {
  const row = await db
    .selectFrom('procedures')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('active', '=', true).as('active'),
    ])
    .executeTakeFirstOrThrow();
  return { active: Number(row.active), total: Number(row.total) };
}

export async function nextProcedureSortOrder(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('procedures')
    .select((eb) => eb.fn.max<number | null>('sort_order').as('max'))
    .executeTakeFirstOrThrow();
  return (row.max ?? -1) + 1;
}

export function insertProcedure(db: Kysely<DB>, values: Insertable<ProceduresTable>) {
  return db.insertInto('procedures').values(values).execute();
}

export function updateProcedure(db: Kysely<DB>, code: string, values: Updateable<ProceduresTable>) {
  return db.updateTable('procedures').set(values).where('code', '=', code).execute();
}
