import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, type CivilDate } from '../../domain/civil-time.js';
import type { FormReader } from '../../domain/form-reader.js';
import { selectLineProcedures } from '../../repositories/agenda/lines.js';
import { countAttachablePlaces } from '../../repositories/releases/report.js';
import { firstDrawableStart, MAX_RELEASE_DAYS, type ReleasePlan } from '../releases/create.js';
import { readWindowChoice } from '../releases/release-form.js';
import type { LineRow } from './access.js';

/** Publishing "con sorteo": the procedure and application window of the release the days go to. */
export interface DrawChoice {
  procedure: string;
  opensAt: Date;
  closesAt: Date;
}

/** What the publish preview says of the draw: how many places it gets, and when people may apply. */
export interface DrawPreview extends DrawChoice {
  places: number;
}

/**
 * Reads the "con sorteo" part of the publish form (`draw`, `procedure` when the line attends several,
 * `opensDate`, `opensTime`, `window`); null when the days are published for anyone to book. Messages go to the form.
 */
export async function readDrawChoice(
  db: Kysely<DB>,
  form: FormReader,
  line: LineRow,
  range: { from: CivilDate; to: CivilDate },
  now: Date,
): Promise<DrawChoice | null> {
  if (!form.checkbox('draw')) return null;
  const procedures = await selectLineProcedures(db, line.id);
  const asked = form.optionalText('procedure', { max: 100 });
  const procedure = asked ?? (procedures.length === 1 ? procedures[0] : undefined);
  if (!procedure || !procedures.includes(procedure)) form.fail('procedure', 'releases.create.procedure');
  if (!form.has('from') && !form.has('to') && addDays(range.from, MAX_RELEASE_DAYS - 1) < range.to)
    form.fail('to', 'releases.create.tooLong', { max: MAX_RELEASE_DAYS });
  const window = readWindowChoice(form, now);
  const opensAt = window.opensAt ?? now;
  return { procedure: procedure ?? '', opensAt, closesAt: new Date(opensAt.getTime() + window.windowMs) };
}

/**
 * The places the release would get: the new slots' places that start late enough to be offered after
 * the close (counted before the share a deadline reserve may keep), and the free places already
 * published on those days.
 */
export async function previewDraw(
  db: Kysely<DB>,
  line: LineRow,
  plan: { from: CivilDate; to: CivilDate; rows: readonly { starts_at: Date; capacity: number }[] },
  choice: DrawChoice,
): Promise<DrawPreview> {
  const after = firstDrawableStart(choice.closesAt);
  const fresh = plan.rows
    .filter((r) => r.starts_at.getTime() > after.getTime())
    .reduce((n, r) => n + r.capacity, 0);
  const existing = await countAttachablePlaces(db, { lineId: line.id, from: plan.from, to: plan.to, after });
  return { ...choice, places: fresh + existing };
}

/** The release to create in the publish transaction. */
export function releasePlanOf(
  line: LineRow,
  range: { from: CivilDate; to: CivilDate },
  choice: DrawChoice,
): ReleasePlan {
  return { line, ...range, ...choice };
}
