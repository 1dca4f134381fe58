import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import {
  type Actor,
  can,
  forbidden,
  officeInScope,
  officeScopeOf,
  requirePermission,
} from '../../domain/access.js';
import { type ReleaseStatus, releaseStatus } from '../../domain/release.js';
import type { Locale } from '../../i18n/index.js';
import {
  type ReleaseListFilter,
  type StaffReleaseRow,
  selectProceduresOfLine,
  selectReleasableLines,
  selectReleasesForStaff,
} from '../../repositories/releases/report.js';
import { releaseById } from './apply.js';
import { type ReleaseReport, releaseReports } from './report.js';

/** A release as the back office lists it, with its report. */
export interface StaffRelease {
  id: string;
  status: ReleaseStatus;
  lineId: number;
  lineName: string;
  officeCode: string;
  officeName: string;
  channel: string;
  procedure: string;
  procedureName: string;
  from: string;
  to: string;
  opensAt: Date;
  closesAt: Date;
  drawnAt: Date | null;
  seedHash: string;
  report: ReleaseReport;
}

/** Releases are read by whoever reads the agenda or the reports (their own offices only). */
export function requireReleaseReader(actor: Actor): void {
  if (!can(actor, 'agenda.view') && !can(actor, 'reports.view')) throw forbidden();
}

async function withReports(
  db: Kysely<DB>,
  rows: StaffReleaseRow[],
  locale: Locale,
  now: Date,
): Promise<StaffRelease[]> {
  const reports = await releaseReports(db, rows);
  return rows.flatMap((r) => {
    const report = reports.get(r.id);
    if (!report) return [];
    return [
      {
        id: r.id,
        status: releaseStatus({ opensAt: r.opens_at, closesAt: r.closes_at, drawnAt: r.drawn_at }, now),
        lineId: r.capacity_line_id,
        lineName: r.line_name,
        officeCode: r.office_code,
        officeName: r.office_name,
        channel: r.channel,
        procedure: r.procedure_code,
        procedureName: locale === 'en' ? r.procedure_name_en : r.procedure_name_es,
        from: r.date_from,
        to: r.date_to,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        drawnAt: r.drawn_at,
        seedHash: r.seed_hash,
        report,
      },
    ];
  });
}

/** The releases of the viewer's offices, newest window first, narrowed by the filters given. */
export async function listStaffReleases(
  db: Kysely<DB>,
  actor: Actor,
  filter: Omit<ReleaseListFilter, 'scope'>,
  locale: Locale,
  now: Date,
): Promise<StaffRelease[]> {
  requireReleaseReader(actor);
  const rows = await selectReleasesForStaff(db, { ...filter, scope: officeScopeOf(actor) });
  return withReports(db, rows, locale, now);
}

/** One release of the viewer's offices (FORBIDDEN for another seccional's, NOT_FOUND when unknown). */
export async function staffRelease(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  locale: Locale,
  now: Date,
): Promise<StaffRelease> {
  requireReleaseReader(actor);
  const release = await releaseById(db, id);
  const [row] = await selectReleasesForStaff(db, { scope: { kind: 'all' }, id: release.id });
  if (!row || !officeInScope(actor, { code: row.office_code, seccionalCode: row.seccional_code }))
    throw forbidden();
  const [found] = await withReports(db, [row], locale, now);
  if (!found) throw forbidden();
  return found;
}

/** The lines a release can be made of, each with the procedures it attends (active lines in scope). */
export async function releasableLines(
  db: Kysely<DB>,
  actor: Actor,
  locale: Locale,
): Promise<{ id: number; name: string; officeName: string; procedures: { code: string; name: string }[] }[]> {
  requirePermission(actor, 'agenda.manage');
  const rows = await selectReleasableLines(db, officeScopeOf(actor));
  const lines = new Map<
    number,
    { id: number; name: string; officeName: string; procedures: { code: string; name: string }[] }
  >();
  for (const r of rows) {
    const line = lines.get(r.id) ?? { id: r.id, name: r.name, officeName: r.office_name, procedures: [] };
    line.procedures.push({ code: r.procedure_code, name: locale === 'en' ? r.name_en : r.name_es });
    lines.set(r.id, line);
  }
  return [...lines.values()];
}

/** The procedures a line attends, named in the reader's language (the "con sorteo" choice). */
export async function lineProcedureOptions(
  db: Kysely<DB>,
  lineId: number,
  locale: Locale,
): Promise<{ code: string; name: string }[]> {
  const rows = await selectProceduresOfLine(db, lineId);
  return rows.map((r) => ({ code: r.code, name: locale === 'en' ? r.name_en : r.name_es }));
}
