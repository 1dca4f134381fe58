import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import type { Actor } from '../../domain/access.js';
import { addDays, type CivilDate, civilDateOf, isCivilDate } from '../../domain/civil-time.js';
import { newSeed, seedHash } from '../../domain/draw.js';
import { AppError, type FieldError } from '../../domain/errors.js';
import {
  CLAIM_ENDS_BEFORE_START_MS,
  MAX_WINDOW_MS,
  MIN_CLAIM_MS,
  MIN_WINDOW_MS,
} from '../../domain/release.js';
import { RELEASES_DRAW } from '../../jobs/definitions/releases-draw.js';
import { selectLineProcedures } from '../../repositories/agenda/lines.js';
import { enqueue } from '../../repositories/jobs.js';
import { attachSlots, insertRelease, selectLinesServing } from '../../repositories/releases/releases.js';
import { type LineRow, lineForActor } from '../agenda/access.js';
import { recordAudit } from '../audit/trail.js';

/** The longest range of days one release may cover. */
export const MAX_RELEASE_DAYS = 62;

export interface ReleaseRequest {
  lineId: number;
  /** Required when the line serves more than one procedure. */
  procedure?: string | undefined;
  from: string;
  to: string;
  /** When the application window opens; now when not given. */
  opensAt?: Date | undefined;
  windowMs: number;
}

export interface CreatedRelease {
  id: string;
  slots: number;
  places: number;
  opensAt: Date;
  closesAt: Date;
  seedHash: string;
}

/** A release request checked against the line, the clock and the bounds: what `createReleaseIn` makes. */
export interface ReleasePlan {
  line: LineRow;
  procedure: string;
  from: CivilDate;
  to: CivilDate;
  opensAt: Date;
  closesAt: Date;
}

/**
 * Checks a release request (the actor may manage the line's agenda, the procedure is the line's, the
 * range and the window are sound) without changing anything. Every message is collected at once.
 */
export async function planRelease(
  db: Kysely<DB>,
  actor: Actor,
  request: ReleaseRequest,
  now: Date,
): Promise<ReleasePlan> {
  const line = await lineForActor(db, actor, request.lineId, 'agenda.manage');
  const procedures = await selectLineProcedures(db, line.id);
  const errors: FieldError[] = [];
  const procedure = request.procedure ?? (procedures.length === 1 ? procedures[0] : undefined);
  if (!procedure || !procedures.includes(procedure))
    errors.push({ field: 'procedure', key: 'releases.create.procedure' });
  if (!line.active) errors.push({ field: 'lineId', key: 'releases.create.lineInactive' });
  errors.push(...rangeErrors(request.from, request.to, civilDateOf(now)));
  errors.push(...windowErrors(request, now));
  if (errors.length > 0 || !procedure)
    throw new AppError('VALIDATION', 'error.validation', { count: errors.length }, errors);
  const opensAt = request.opensAt ?? now;
  return {
    line,
    procedure,
    from: request.from as CivilDate,
    to: request.to as CivilDate,
    opensAt,
    closesAt: new Date(opensAt.getTime() + request.windowMs),
  };
}

/** What is wrong with a release's application window (when it opens, how long it lasts). */
export function windowErrors(
  window: { opensAt?: Date | undefined; windowMs: number },
  now: Date,
): FieldError[] {
  const errors: FieldError[] = [];
  if ((window.opensAt ?? now).getTime() < now.getTime() - 60_000)
    errors.push({ field: 'opensAt', key: 'releases.create.opensInPast' });
  if (!(window.windowMs >= MIN_WINDOW_MS && window.windowMs <= MAX_WINDOW_MS))
    errors.push({ field: 'window', key: 'releases.create.window' });
  return errors;
}

/**
 * Turns the free places of a line's days into a release: from now on nobody can hold them; people apply
 * during the window and a draw at its close decides who is offered which. Only places that can still be
 * offered after the close are taken (they start more than an hour and a quarter after it). The seed is
 * fixed now and its hash published, so the draw cannot be steered later.
 */
export async function createRelease(
  db: Kysely<DB>,
  actor: Actor,
  request: ReleaseRequest,
  now: Date,
): Promise<CreatedRelease> {
  const plan = await planRelease(db, actor, request, now);
  return transaction(db, (trx) => createReleaseIn(trx, actor, plan, now));
}

/**
 * The writing half of `createRelease`, inside the caller's transaction: publishing days "con sorteo"
 * creates their slots and attaches them here in the same transaction, so no hold can take a place in
 * between. Refuses (VALIDATION on `from`) when the range has no place left to draw.
 */
export async function createReleaseIn(
  trx: Kysely<DB>,
  actor: Actor,
  plan: ReleasePlan,
  now: Date,
): Promise<CreatedRelease> {
  const { line, procedure, opensAt, closesAt } = plan;
  const seed = newSeed();
  const id = randomUUID();
  await insertRelease(trx, {
    id,
    lineId: line.id,
    procedure,
    channel: line.channel,
    officeCode: line.office_code,
    from: plan.from,
    to: plan.to,
    opensAt,
    closesAt,
    seed,
    seedHash: seedHash(seed),
    staffId: actor.staffId,
    now,
  });
  const taken = await attachSlots(trx, {
    releaseId: id,
    lineId: line.id,
    from: plan.from,
    to: plan.to,
    after: firstDrawableStart(closesAt),
  });
  if (taken.places === 0)
    throw new AppError('VALIDATION', 'error.validation', { count: 1 }, [
      { field: 'from', key: 'releases.create.noPlaces' },
    ]);
  await enqueue(
    trx,
    RELEASES_DRAW,
    { releaseId: id },
    { runAt: closesAt, dedupeKey: `${RELEASES_DRAW.name}:${id}` },
  );
  await recordAudit(trx, {
    occurredAt: now,
    actorStaffId: actor.staffId,
    actor: actor.label,
    action: 'release.create',
    entityType: 'release',
    entityId: id,
    officeCode: line.office_code,
    before: null,
    after: {
      capacityLineId: line.id,
      procedure,
      from: plan.from,
      to: plan.to,
      opensAt,
      closesAt,
      ...taken,
    },
  });
  return { id, ...taken, opensAt, closesAt, seedHash: seedHash(seed) };
}

/** Places starting after this instant can still be offered and claimed once the window closes. */
export function firstDrawableStart(closesAt: Date): Date {
  return new Date(closesAt.getTime() + CLAIM_ENDS_BEFORE_START_MS + MIN_CLAIM_MS);
}

function rangeErrors(from: string, to: string, today: CivilDate): FieldError[] {
  if (!isCivilDate(from)) return [{ field: 'from', key: 'releases.create.date' }];
  if (!isCivilDate(to)) return [{ field: 'to', key: 'releases.create.date' }];
  if (from < today) return [{ field: 'from', key: 'releases.create.past' }];
  if (to < from) return [{ field: 'to', key: 'releases.create.order' }];
  if (to > addDays(from, MAX_RELEASE_DAYS - 1))
    return [{ field: 'to', key: 'releases.create.tooLong', params: { max: MAX_RELEASE_DAYS } }];
  return [];
}

/**
 * The line of a release named by its place (the command line's `--office --procedure [--channel]`):
 * the one active line of the office and channel that attends the procedure.
 */
export async function lineOfPlace(
  db: Kysely<DB>,
  place: { officeCode: string; procedure: string; channel: string },
): Promise<number> {
  const lines = await selectLinesServing(db, place);
  if (lines.length === 1) return lines[0] as number;
  throw new AppError('VALIDATION', 'error.validation', { count: 1 }, [
    { field: 'office', key: lines.length === 0 ? 'releases.create.noLine' : 'releases.create.severalLines' },
  ]);
}
