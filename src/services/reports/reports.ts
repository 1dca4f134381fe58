import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type Actor, forbidden, officeScopeOf, requirePermission } from '../../domain/access.js';
import { CHANNELS } from '../../domain/channels.js';
import { addDays, civilDateOf, eachDate, isCivilDate } from '../../domain/civil-time.js';
import type { FieldError } from '../../domain/errors.js';
import { daysBetween, percent } from '../../domain/reports.js';
import { type Locale, translator } from '../../i18n/index.js';
import * as repo from '../../repositories/reports.js';
import { flushActivity } from './activity.js';

/** The reports, by the slug of their page under /admin/informes. */
export const REPORTS = [
  'oferta-demanda',
  'sin-resultado',
  'tiempo-espera',
  'ocupacion',
  'cancelaciones',
  'horas',
] as const;
export type ReportSlug = (typeof REPORTS)[number];

export function isReportSlug(value: string): value is ReportSlug {
  return (REPORTS as readonly string[]).includes(value);
}

const DEFAULT_DAYS = 28;
const MAX_DAYS = 366;

/** The filters as typed in the GET form (Spanish names, as the page's address shows them). */
export interface ReportQuery {
  desde?: string;
  hasta?: string;
  seccional?: string;
  oficina?: string;
  tramite?: string;
  canal?: string;
}

export interface ReportFilters {
  from: string;
  to: string;
  seccional: string | null;
  office: string | null;
  procedure: string | null;
  channel: string | null;
}

interface FilterOptions {
  seccionales: { code: string; name: string }[];
  offices: { code: string; name: string; seccionalCode: string }[];
  procedures: { code: string; name: string }[];
  channels: string[];
}

export type Cell = string | number;

/** One report: a table (also the CSV), with what its chart draws from it. */
export interface ReportTable {
  slug: ReportSlug;
  /** Message keys of the column headings. */
  columns: string[];
  rows: Cell[][];
  /** The whole period, when summing or pooling the rows means something. */
  totals: Cell[] | null;
  chart: {
    kind: 'bars' | 'lines' | 'hbars';
    /** Column of the category labels, and columns drawn as series. */
    label: number;
    series: number[];
    /** Only the first rows are drawn (the table has them all). */
    limit?: number;
  };
}

export interface ReportResult {
  filters: ReportFilters;
  options: FilterOptions;
  errors: FieldError[];
  report: ReportTable | null;
}

interface Catalogue {
  offices: repo.OfficeOption[];
  procedures: { code: string; nameEs: string; nameEn: string }[];
}

function visibleOffices(actor: Actor, offices: repo.OfficeOption[]): repo.OfficeOption[] | null {
  const scope = officeScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return null;
    case 'seccionales':
      return offices.filter((o) => scope.codes.includes(o.seccionalCode));
    case 'offices':
      return offices.filter((o) => scope.codes.includes(o.code));
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : null;
}

/**
 * Checks the filters against what the viewer may see. An office or seccional outside the viewer's
 * scope is refused (403), not silently emptied: asking for it is not something the form offers.
 */
function readFilters(
  actor: Actor,
  raw: ReportQuery,
  catalogue: Catalogue,
  now: Date,
): { filters: ReportFilters; errors: FieldError[]; scope: repo.ReportScope; options: FilterOptions } {
  const errors: FieldError[] = [];
  const today = civilDateOf(now);
  const visible = visibleOffices(actor, catalogue.offices);
  const pool = visible ?? catalogue.offices;
  const known = new Set(catalogue.offices.map((o) => o.code));

  let from = text(raw.desde);
  let to = text(raw.hasta);
  if (from !== null && !isCivilDate(from)) errors.push({ field: 'desde', key: 'admin.field.date' });
  if (to !== null && !isCivilDate(to)) errors.push({ field: 'hasta', key: 'admin.field.date' });
  to ??= from !== null && isCivilDate(from) ? addDays(from, DEFAULT_DAYS - 1) : today;
  from ??= isCivilDate(to) ? addDays(to, -(DEFAULT_DAYS - 1)) : addDays(today, -(DEFAULT_DAYS - 1));
  if (errors.length === 0 && to < from) errors.push({ field: 'hasta', key: 'admin.reports.toBeforeFrom' });
  else if (errors.length === 0 && daysBetween(from, to) >= MAX_DAYS)
    errors.push({ field: 'hasta', key: 'admin.reports.tooLong', params: { days: MAX_DAYS } });

  const seccional = text(raw.seccional);
  const office = text(raw.oficina);
  if (seccional !== null) {
    if (!catalogue.offices.some((o) => o.code === seccional && o.seccionalCode === seccional))
      errors.push({ field: 'seccional', key: 'admin.reports.unknownSeccional' });
    else if (!pool.some((o) => o.seccionalCode === seccional)) throw forbidden();
  }
  if (office !== null) {
    if (!known.has(office)) errors.push({ field: 'oficina', key: 'admin.reports.unknownOffice' });
    else if (!pool.some((o) => o.code === office)) throw forbidden();
    else if (seccional !== null && !pool.some((o) => o.code === office && o.seccionalCode === seccional))
      errors.push({ field: 'oficina', key: 'admin.reports.officeNotInSeccional' });
  }
  const procedure = text(raw.tramite);
  if (procedure !== null && !catalogue.procedures.some((p) => p.code === procedure))
    errors.push({ field: 'tramite', key: 'admin.reports.unknownProcedure' });
  const channel = text(raw.canal);
  if (channel !== null && !(CHANNELS as readonly string[]).includes(channel))
    errors.push({ field: 'canal', key: 'admin.reports.unknownChannel' });

  const filters: ReportFilters = { from, to, seccional, office, procedure, channel };
  let counted: repo.OfficeOption[] | null = visible;
  if (seccional !== null)
    counted = (counted ?? catalogue.offices).filter((o) => o.seccionalCode === seccional);
  if (office !== null) counted = (counted ?? catalogue.offices).filter((o) => o.code === office);
  const scope: repo.ReportScope = {
    from,
    to,
    officeCodes: counted ? counted.map((o) => o.code) : null,
    cityCodes: counted ? [...new Set(counted.map((o) => o.cityCode))] : null,
    procedure,
    channel,
  };
  return { filters, errors, scope, options: optionsFor(pool, catalogue) };
}

function optionsFor(pool: repo.OfficeOption[], catalogue: Catalogue): FilterOptions {
  return {
    seccionales: catalogue.offices
      .filter((o) => o.code === o.seccionalCode && pool.some((p) => p.seccionalCode === o.code))
      .map((o) => ({ code: o.code, name: o.name })),
    offices: pool.map((o) => ({ code: o.code, name: o.name, seccionalCode: o.seccionalCode })),
    procedures: catalogue.procedures.map((p) => ({ code: p.code, name: p.nameEs })),
    channels: [...CHANNELS],
  };
}

/**
 * The filter form of the reports' index page: what the viewer may choose from, and the filters read.
 */
export async function reportFilters(
  db: Kysely<DB>,
  actor: Actor,
  raw: ReportQuery,
  locale: Locale,
  now: Date,
): Promise<Omit<ReportResult, 'report'>> {
  requirePermission(actor, 'reports.view');
  const catalogue = await loadCatalogue(db);
  const read = readFilters(actor, raw, catalogue, now);
  return { filters: read.filters, errors: read.errors, options: localise(read.options, catalogue, locale) };
}

async function loadCatalogue(db: Kysely<DB>): Promise<Catalogue> {
  return {
    offices: await repo.officesForReports(db),
    procedures: await repo.proceduresForReports(db),
  };
}

function localise(options: FilterOptions, catalogue: Catalogue, locale: Locale): FilterOptions {
  return {
    ...options,
    procedures: catalogue.procedures.map((p) => ({
      code: p.code,
      name: locale === 'es' ? p.nameEs : p.nameEn,
    })),
  };
}

/** One report for the viewer, over the filters given. Counts buffered in this process are written first. */
export async function buildReport(
  db: Kysely<DB>,
  actor: Actor,
  slug: ReportSlug,
  raw: ReportQuery,
  locale: Locale,
  now: Date,
): Promise<ReportResult> {
  requirePermission(actor, 'reports.view');
  const catalogue = await loadCatalogue(db);
  const read = readFilters(actor, raw, catalogue, now);
  const options = localise(read.options, catalogue, locale);
  if (read.errors.length > 0) return { filters: read.filters, options, errors: read.errors, report: null };
  await flushActivity(db);
  const build = BUILDERS[slug];
  const report = await build({ db, scope: read.scope, locale, now, catalogue });
  return { filters: read.filters, options, errors: [], report };
}

interface BuildArgs {
  db: Kysely<DB>;
  scope: repo.ReportScope;
  locale: Locale;
  now: Date;
  catalogue: Catalogue;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function supplyDemand({ db, scope }: BuildArgs): Promise<ReportTable> {
  const places = await repo.placesPerDay(db, scope);
  const searches = await repo.searchesPerDay(db, scope);
  const holds = await repo.holdsPerDay(db, scope);
  const confirmations = await repo.confirmationsPerDay(db, scope);
  const rows: number[][] = [];
  const dates: string[] = [];
  for (const date of eachDate(scope.from, scope.to)) {
    dates.push(date);
    const s = searches.get(date);
    rows.push([
      places.get(date) ?? 0,
      s?.searches ?? 0,
      s?.noResult ?? 0,
      holds.get(date) ?? 0,
      confirmations.get(date) ?? 0,
    ]);
  }
  return {
    slug: 'oferta-demanda',
    columns: [
      'admin.reports.col.date',
      'admin.reports.col.places',
      'admin.reports.col.searches',
      'admin.reports.col.noResult',
      'admin.reports.col.holds',
      'admin.reports.col.confirmations',
    ],
    rows: rows.map((r, i) => [dates[i] ?? '', ...r]),
    totals: ['admin.reports.total', ...[0, 1, 2, 3, 4].map((c) => sum(rows.map((r) => r[c] ?? 0)))],
    chart: { kind: 'lines', label: 0, series: [1, 2, 4, 5] },
  };
}

function placeLabel(
  row: repo.NoResultRow,
  offices: Map<string, repo.OfficeOption>,
  cities: Map<string, string>,
  t: (key: string) => string,
): string {
  if (row.officeCode) {
    const o = offices.get(row.officeCode);
    return o ? `${o.name} (${o.code})` : row.officeCode;
  }
  if (row.cityCode) return `${cities.get(row.cityCode) ?? row.cityCode} (${t('admin.reports.anyOffice')})`;
  return t('admin.reports.national');
}

async function noResult({ db, scope, locale, catalogue }: BuildArgs): Promise<ReportTable> {
  const t = translator(locale);
  const rows = await repo.searchesByPlace(db, scope);
  const offices = new Map(catalogue.offices.map((o) => [o.code, o]));
  const cities = await repo.citiesByCode(db);
  const procedures = new Map(
    catalogue.procedures.map((p) => [p.code, locale === 'es' ? p.nameEs : p.nameEn]),
  );
  const total = sum(rows.map((r) => r.searches));
  const none = sum(rows.map((r) => r.noResult));
  return {
    slug: 'sin-resultado',
    columns: [
      'admin.reports.col.place',
      'admin.reports.col.procedure',
      'admin.reports.col.channel',
      'admin.reports.col.searches',
      'admin.reports.col.noResult',
      'admin.reports.col.noResultShare',
    ],
    rows: rows.map((r) => [
      placeLabel(r, offices, cities, t),
      procedures.get(r.procedure) ?? r.procedure,
      t(`admin.channelName.${r.channel}`),
      r.searches,
      r.noResult,
      percent(r.noResult, r.searches),
    ]),
    totals: ['admin.reports.total', '', '', total, none, percent(none, total)],
    chart: { kind: 'hbars', label: 0, series: [4], limit: 10 },
  };
}

async function leadTime({ db, scope }: BuildArgs): Promise<ReportTable> {
  const rows = await repo.leadTimes(db, scope);
  const whole = rows.find((r) => r.date === null);
  return {
    slug: 'tiempo-espera',
    columns: [
      'admin.reports.col.date',
      'admin.reports.col.searchesFound',
      'admin.reports.col.median',
      'admin.reports.col.p90',
    ],
    rows: rows.filter((r) => r.date !== null).map((r) => [r.date ?? '', r.searches, r.median, r.p90]),
    totals: ['admin.reports.total', whole?.searches ?? 0, whole?.median ?? '', whole?.p90 ?? ''],
    chart: { kind: 'lines', label: 0, series: [2, 3] },
  };
}

async function occupancy({ db, scope }: BuildArgs): Promise<ReportTable> {
  const places = await repo.placesPerDay(db, scope);
  const booked = await repo.bookedPerDay(db, scope);
  const rows: Cell[][] = [];
  let totalPlaces = 0;
  let totalBooked = 0;
  for (const date of eachDate(scope.from, scope.to)) {
    const p = places.get(date) ?? 0;
    const b = booked.get(date) ?? 0;
    totalPlaces += p;
    totalBooked += b;
    rows.push([date, p, b, percent(b, p)]);
  }
  return {
    slug: 'ocupacion',
    columns: [
      'admin.reports.col.date',
      'admin.reports.col.places',
      'admin.reports.col.booked',
      'admin.reports.col.occupancy',
    ],
    rows,
    totals: ['admin.reports.total', totalPlaces, totalBooked, percent(totalBooked, totalPlaces)],
    chart: { kind: 'bars', label: 0, series: [3] },
  };
}

async function cancellations({ db, scope, now, catalogue }: BuildArgs): Promise<ReportTable> {
  const rows = await repo.attendanceByOffice(db, scope, now);
  const offices = new Map(catalogue.offices.map((o) => [o.code, o]));
  const total = (k: keyof Omit<repo.AttendanceRow, 'officeCode'>) => sum(rows.map((r) => r[k]));
  return {
    slug: 'cancelaciones',
    columns: [
      'admin.reports.col.office',
      'admin.reports.col.appointments',
      'admin.reports.col.cancelledByPerson',
      'admin.reports.col.cancelledByAuthority',
      'admin.reports.col.due',
      'admin.reports.col.attended',
      'admin.reports.col.noShow',
      'admin.reports.col.noShowRate',
    ],
    rows: rows.map((r) => {
      const o = offices.get(r.officeCode);
      return [
        o ? `${o.name} (${o.code})` : r.officeCode,
        r.appointments,
        r.cancelledByPerson,
        r.cancelledByAuthority,
        r.due,
        r.attended,
        r.noShow,
        percent(r.noShow, r.due),
      ];
    }),
    totals: [
      'admin.reports.total',
      total('appointments'),
      total('cancelledByPerson'),
      total('cancelledByAuthority'),
      total('due'),
      total('attended'),
      total('noShow'),
      percent(total('noShow'), total('due')),
    ],
    chart: { kind: 'bars', label: 0, series: [2, 6], limit: 20 },
  };
}

async function hours({ db, scope }: BuildArgs): Promise<ReportTable> {
  const counts = await repo.activityByHour(db, scope);
  const rows: Cell[][] = [];
  for (let h = 0; h < 24; h++) {
    rows.push([
      `${String(h).padStart(2, '0')}:00`,
      counts.searches.get(h) ?? 0,
      counts.holds.get(h) ?? 0,
      counts.confirmations.get(h) ?? 0,
    ]);
  }
  return {
    slug: 'horas',
    columns: [
      'admin.reports.col.hour',
      'admin.reports.col.searches',
      'admin.reports.col.holds',
      'admin.reports.col.confirmations',
    ],
    rows,
    totals: ['admin.reports.total', ...[1, 2, 3].map((c) => sum(rows.map((r) => Number(r[c]))))],
    chart: { kind: 'bars', label: 0, series: [1, 2, 3] },
  };
}

const BUILDERS: Record<ReportSlug, (args: BuildArgs) => Promise<ReportTable>> = {
  'oferta-demanda': supplyDemand,
  'sin-resultado': noResult,
  'tiempo-espera': leadTime,
  ocupacion: occupancy,
  cancelaciones: cancellations,
  horas: hours,
};
