import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/access.js';
import { type CivilDate, instantAt, isCivilDate, isWallTime } from '../../domain/civil-time.js';
import { type FormInput, FormReader } from '../../domain/form-reader.js';
import { parseWindow } from '../../domain/release.js';
import { type CreatedRelease, createRelease, windowErrors } from './create.js';

/** A release's application window as a back-office form gives it. */
export interface WindowChoice {
  /** Undefined: it opens now. */
  opensAt: Date | undefined;
  windowMs: number;
}

/**
 * Reads `opensDate` and `opensTime` (Bogotá's calendar and clock; both empty: it opens now) and `window`
 * (`45s`, `30m`, `2h`, `3d`, as the command line takes it), checked against the clock. Messages go to
 * the form; the caller calls `done()`.
 */
export function readWindowChoice(form: FormReader, now: Date): WindowChoice {
  const date = form.optionalText('opensDate', { max: 10 });
  const time = form.optionalText('opensTime', { max: 5 });
  let opensAt: Date | undefined;
  if (date !== null && !isCivilDate(date)) form.fail('opensDate', 'admin.field.date');
  else if (date === null && time !== null) form.fail('opensDate', 'admin.releases.opensDate');
  if (time !== null && !isWallTime(time)) form.fail('opensTime', 'admin.releases.opensTime');
  else if (time === null && date !== null) form.fail('opensTime', 'admin.releases.opensTime');
  if (date !== null && time !== null && !form.has('opensDate') && !form.has('opensTime'))
    opensAt = instantAt(date as CivilDate, time);
  const windowMs = parseWindow(form.text('window', { max: 10 })) ?? 0;
  if (windowMs === 0) form.fail('window', 'releases.create.window');
  else
    for (const e of windowErrors({ opensAt, windowMs }, now))
      form.fail(e.field === 'opensAt' ? 'opensDate' : e.field, e.key, e.params);
  return { opensAt, windowMs };
}

/**
 * "Convertir cupos libres en sorteo": a release of a line's free published places, from the back-office
 * form. The form's own mistakes are reported first, then what `createRelease` finds.
 */
export async function createReleaseFromForm(
  db: Kysely<DB>,
  actor: Actor,
  input: FormInput,
  now: Date,
): Promise<CreatedRelease> {
  const form = new FormReader(input);
  const lineId = form.integer('lineId', { min: 1, max: 999_999_999 });
  const procedure = form.optionalText('procedure', { max: 100 }) ?? undefined;
  const from = form.text('from', { max: 10 });
  const to = form.text('to', { max: 10 });
  const window = readWindowChoice(form, now);
  form.done();
  return createRelease(db, actor, { lineId: lineId ?? 0, procedure, from, to, ...window }, now);
}
