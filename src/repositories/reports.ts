import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { addDays, BOGOTA, instantAt } from '../domain/civil-time.js';

/**
 * The report queries. Each aggregates in SQL over one date range, reading the hourly counters (searches,
 * holds), the slots (places published) and the appointments, always narrowed to the offices the viewer
 * may see. Counts come back as numbers; the service fills the days and hours that have none.
 */
export interface ReportScope {
  /** Bogotá civil dates, both included. */
  from: string;
  to: string;
  /** The offices counted; null for every office (and the searches made without a place). */
  officeCodes: readonly string[] | null;
  /** The cities of those offices: a search by city counts for the offices of that city. */
  cityCodes: readonly string[] | null;
  procedure: string | null;
  channel: string | null;
}

function inList(column: RawBuilder<unknown>, values: readonly string[]): RawBuilder<boolean> {
  if (values.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${column} IN (${sql.join(values.map((v) => sql`${v}`))})`;
}

function officeCondition(column: string, q: ReportScope): RawBuilder<boolean> {
  return q.officeCodes === null ? sql<boolean>`true` : inList(sql.ref(column), q.officeCodes);
}

function eq(column: string, value: string | null): RawBuilder<boolean> {
  return value === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = ${value}`;
}

/** Searches: made at an office in scope, or by city in a city of those offices. */
function searchPlace(alias: string, q: ReportScope): RawBuilder<boolean> {
  if (q.officeCodes === null) return sql<boolean>`true`;
  return sql<boolean>`(${inList(sql.ref(`${alias}.office_code`), q.officeCodes)} OR (${sql.ref(`${alias}.office_code`)} = '' AND ${inList(sql.ref(`${alias}.city_code`), q.cityCodes ?? [])}))`;
}

function searchConditions(alias: string, q: ReportScope): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`${alias}.day`)} BETWEEN ${q.from}::date AND ${q.to}::date
    AND ${eq(`${alias}.procedure_code`, q.procedure)} AND ${eq(`${alias}.channel`, q.channel)}
    AND ${searchPlace(alias, q)}`;
}

function holdConditions(q: ReportScope): RawBuilder<boolean> {
  return sql<boolean>`h.day BETWEEN ${q.from}::date AND ${q.to}::date
    AND ${eq('h.procedure_code', q.procedure)} AND ${eq('h.channel', q.channel)}
    AND ${officeCondition('h.office_code', q)}`;
}

function appointmentConditions(column: 'starts_at' | 'created_at', q: ReportScope): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(`a.${column}`)} >= ${instantAt(q.from, 0)}
    AND ${sql.ref(`a.${column}`)} < ${instantAt(addDays(q.to, 1), 0)}
    AND ${eq('a.procedure_code', q.procedure)} AND ${eq('a.channel', q.channel)}
    AND ${officeCondition('a.office_code', q)}`;
}

const bogotaDate = (column: string) => sql<string>`(${sql.ref(column)} AT TIME ZONE ${BOGOTA})::date`;
const bogotaHour = (column: string) =>
  sql<number>`extract(hour from ${sql.ref(column)} AT TIME ZONE ${BOGOTA})::int`;

/** Places published (capacity of open slots) per day. */
export async function placesPerDay(db: Kysely<DB>, q: ReportScope): Promise<Map<string, number>> {
  const procedure =
    q.procedure === null
      ? sql`true`
      : sql`EXISTS (SELECT 1 FROM capacity_line_procedures lp
          WHERE lp.capacity_line_id = s.capacity_line_id AND lp.procedure_code = ${q.procedure})`;
  const { rows } = await sql<{ date: string; n: number }>`
    SELECT s.local_date AS date, sum(s.capacity)::int AS n
    FROM slots s
    WHERE s.status = 'open' AND s.local_date BETWEEN ${q.from}::date AND ${q.to}::date
      AND ${officeCondition('s.office_code', q)} AND ${eq('s.channel', q.channel)} AND ${procedure}
    GROUP BY s.local_date`.execute(db);
  return new Map(rows.map((r) => [r.date, Number(r.n)]));
}

export async function searchesPerDay(
  db: Kysely<DB>,
  q: ReportScope,
): Promise<Map<string, { searches: number; noResult: number }>> {
  const { rows } = await sql<{ date: string; searches: number; no_result: number }>`
    SELECT c.day AS date, sum(c.searches)::int AS searches, sum(c.searches - c.found)::int AS no_result
    FROM search_counts c WHERE ${searchConditions('c', q)}
    GROUP BY c.day`.execute(db);
  return new Map(rows.map((r) => [r.date, { searches: Number(r.searches), noResult: Number(r.no_result) }]));
}

export async function holdsPerDay(db: Kysely<DB>, q: ReportScope): Promise<Map<string, number>> {
  const { rows } = await sql<{ date: string; n: number }>`
    SELECT h.day AS date, sum(h.holds)::int AS n FROM hold_counts h WHERE ${holdConditions(q)}
    GROUP BY h.day`.execute(db);
  return new Map(rows.map((r) => [r.date, Number(r.n)]));
}

/** Appointments made per day (a rescheduled one is the same demand, not a new confirmation). */
export async function confirmationsPerDay(db: Kysely<DB>, q: ReportScope): Promise<Map<string, number>> {
  const { rows } = await sql<{ date: string; n: number }>`
    SELECT ${bogotaDate('a.created_at')} AS date, count(*)::int AS n
    FROM appointments a
    WHERE ${appointmentConditions('created_at', q)} AND a.rescheduled_from_id IS NULL
    GROUP BY 1`.execute(db);
  return new Map(rows.map((r) => [String(r.date), Number(r.n)]));
}

/** Appointments kept (not cancelled) per day of the appointment. */
export async function bookedPerDay(db: Kysely<DB>, q: ReportScope): Promise<Map<string, number>> {
  const { rows } = await sql<{ date: string; n: number }>`
    SELECT ${bogotaDate('a.starts_at')} AS date, count(*)::int AS n
    FROM appointments a
    WHERE ${appointmentConditions('starts_at', q)} AND a.status <> 'cancelled'
    GROUP BY 1`.execute(db);
  return new Map(rows.map((r) => [String(r.date), Number(r.n)]));
}

export interface NoResultRow {
  officeCode: string;
  cityCode: string;
  procedure: string;
  channel: string;
  searches: number;
  noResult: number;
}

/** Searches by place, procedure and channel, those that found nothing first. */
export async function searchesByPlace(db: Kysely<DB>, q: ReportScope): Promise<NoResultRow[]> {
  const { rows } = await sql<{
    office_code: string;
    city_code: string;
    procedure_code: string;
    channel: string;
    searches: number;
    no_result: number;
  }>`
    SELECT c.office_code, c.city_code, c.procedure_code, c.channel,
      sum(c.searches)::int AS searches, sum(c.searches - c.found)::int AS no_result
    FROM search_counts c WHERE ${searchConditions('c', q)}
    GROUP BY c.office_code, c.city_code, c.procedure_code, c.channel
    ORDER BY no_result DESC, searches DESC, c.office_code, c.city_code, c.procedure_code, c.channel`.execute(
    db,
  );
  return rows.map((r) => ({
    officeCode: r.office_code,
    cityCode: r.city_code,
    procedure: r.procedure_code,
    channel: r.channel,
    searches: Number(r.searches),
    noResult: Number(r.no_result),
  }));
}

export interface LeadRow {
  /** null: the whole period. */
  date: string | null;
  searches: number;
  median: number;
  p90: number;
}

/**
 * Median and 90th percentile (nearest rank: the smallest value whose cumulative count reaches ⌈p·N⌉)
 * of the days from a search to the first date found with room, per day and for the whole period.
 */
export async function leadTimes(db: Kysely<DB>, q: ReportScope): Promise<LeadRow[]> {
  const { rows } = await sql<{ date: string | null; total: number; median: number; p90: number }>`
    WITH h AS (
      SELECT c.day, c.lead_days, sum(c.searches)::bigint AS n
      FROM search_lead_counts c WHERE ${searchConditions('c', q)}
      GROUP BY GROUPING SETS ((c.day, c.lead_days), (c.lead_days))
    ),
    cum AS (
      SELECT day, lead_days, n,
        sum(n) OVER (PARTITION BY day ORDER BY lead_days) AS running,
        sum(n) OVER (PARTITION BY day) AS total
      FROM h
    )
    SELECT day AS date, total::int AS total,
      min(lead_days) FILTER (WHERE running * 2 >= total)::int AS median,
      min(lead_days) FILTER (WHERE running * 10 >= total * 9)::int AS p90
    FROM cum GROUP BY day, total ORDER BY day NULLS LAST`.execute(db);
  return rows.map((r) => ({
    date: r.date,
    searches: Number(r.total),
    median: Number(r.median),
    p90: Number(r.p90),
  }));
}

export interface AttendanceRow {
  officeCode: string;
  appointments: number;
  cancelledByPerson: number;
  cancelledByAuthority: number;
  due: number;
  attended: number;
  noShow: number;
}

/**
 * Per office, the appointments of the period (a move to another time is not counted twice), how many
 * were cancelled by the person or by the authority (a closure), and of those already due, how many
 * were attended or missed.
 */
export async function attendanceByOffice(
  db: Kysely<DB>,
  q: ReportScope,
  now: Date,
): Promise<AttendanceRow[]> {
  const { rows } = await sql<{
    office_code: string;
    appointments: number;
    by_person: number;
    by_authority: number;
    due: number;
    attended: number;
    no_show: number;
  }>`
    SELECT a.office_code,
      count(*)::int AS appointments,
      count(*) FILTER (WHERE a.cancel_reason IN ('citizen', 'privacy'))::int AS by_person,
      count(*) FILTER (WHERE a.cancel_reason = 'closure')::int AS by_authority,
      count(*) FILTER (WHERE a.status <> 'cancelled' AND a.starts_at <= ${now})::int AS due,
      count(*) FILTER (WHERE a.status = 'attended')::int AS attended,
      count(*) FILTER (WHERE a.status = 'no_show')::int AS no_show
    FROM appointments a
    WHERE ${appointmentConditions('starts_at', q)}
      AND (a.cancel_reason IS NULL OR a.cancel_reason <> 'reschedule')
    GROUP BY a.office_code
    ORDER BY a.office_code`.execute(db);
  return rows.map((r) => ({
    officeCode: r.office_code,
    appointments: Number(r.appointments),
    cancelledByPerson: Number(r.by_person),
    cancelledByAuthority: Number(r.by_authority),
    due: Number(r.due),
    attended: Number(r.attended),
    noShow: Number(r.no_show),
  }));
}

export interface HourCounts {
  searches: Map<number, number>;
  holds: Map<number, number>;
  confirmations: Map<number, number>;
}

/** Searches, holds and appointments made, by Bogotá hour of the day, over the whole period. */
export async function activityByHour(db: Kysely<DB>, q: ReportScope): Promise<HourCounts> {
  const searches = await sql<{ hour: number; n: number }>`
    SELECT c.hour, sum(c.searches)::int AS n FROM search_hour_counts c WHERE ${searchConditions('c', q)}
    GROUP BY c.hour`.execute(db);
  const holds = await sql<{ hour: number; n: number }>`
    SELECT h.hour, sum(h.holds)::int AS n FROM hold_counts h WHERE ${holdConditions(q)}
    GROUP BY h.hour`.execute(db);
  const confirmations = await sql<{ hour: number; n: number }>`
    SELECT ${bogotaHour('a.created_at')} AS hour, count(*)::int AS n
    FROM appointments a
    WHERE ${appointmentConditions('created_at', q)} AND a.rescheduled_from_id IS NULL
    GROUP BY 1`.execute(db);
  const toMap = (rows: { hour: number; n: number }[]) =>
    new Map(rows.map((r) => [Number(r.hour), Number(r.n)]));
  return {
    searches: toMap(searches.rows),
    holds: toMap(holds.rows),
    confirmations: toMap(confirmations.rows),
  };
}

export interface OfficeOption {
  code: string;
  name: string;
  seccionalCode: string;
  cityCode: string;
  cityName: string;
}

export async function officesForReports(db: Kysely<DB>): Promise<OfficeOption[]> {
  const rows = await db
    .selectFrom('offices as o')
    .innerJoin('cities as c', 'c.code', 'o.city_code')
    .select(['o.code', 'o.name', 'o.seccional_code', 'o.city_code', 'c.name as city_name'])
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    seccionalCode: r.seccional_code,
    cityCode: r.city_code,
    cityName: r.city_name,
  }));
}

export async function proceduresForReports(
  db: Kysely<DB>,
): Promise<{ code: string; nameEs: string; nameEn: string }[]> {
  const rows = await db
    .selectFrom('procedures')
    .select(['code', 'name_es', 'name_en'])
    .where('requires_appointment', '=', true)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ code: r.code, nameEs: r.name_es, nameEn: r.name_en }));
}

export async function citiesByCode(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('cities').select(['code', 'name']).execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
