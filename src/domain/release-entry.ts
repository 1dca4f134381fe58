import { checkEmail, parseNitWithCheckDigit, personKey } from './applicant.js';
import type { CivilDate } from './civil-time.js';
import { isDocumentType, isValidDocumentNumber, normaliseDocumentNumber } from './documents.js';
import type { FieldError } from './errors.js';
import { isValidNit } from './nit.js';
import { type EntryPreferences, PARTS_OF_DAY, type PartOfDay } from './release.js';

/** What a person sends to apply for a release; anything may be missing or wrong. */
export interface EntryInput {
  documentType?: unknown;
  documentNumber?: unknown;
  email?: unknown;
  dates?: unknown;
  partOfDay?: unknown;
}

export interface ValidEntry {
  /** As `personKey` writes it: the document type and number, the one thing an entry is bound to. */
  personKey: string;
  email: string;
  preferences: EntryPreferences;
}

/**
 * Checks an application against the release's days: a document (a NIT with its check digit), an
 * e-mail, and optionally some of the release's days and a part of the day. Days outside the release
 * are refused rather than dropped: the person would think they had asked for them.
 */
export function validateEntry(
  input: EntryInput,
  releaseDays: readonly CivilDate[],
): { ok: true; value: ValidEntry } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const type = typeof input.documentType === 'string' ? input.documentType.trim().toUpperCase() : '';
  const raw = typeof input.documentNumber === 'string' ? input.documentNumber.trim() : '';
  let number = '';
  if (!isDocumentType(type))
    errors.push({
      field: 'documentType',
      key: type ? 'applicant.documentType.unknown' : 'applicant.documentType.required',
    });
  if (!raw) errors.push({ field: 'documentNumber', key: 'applicant.documentNumber.required' });
  else if (type === 'NIT') {
    const nit = parseNitWithCheckDigit(raw);
    if (!nit) errors.push({ field: 'documentNumber', key: 'applicant.nit.format' });
    else if (!isValidNit(nit.base, nit.dv))
      errors.push({ field: 'documentNumber', key: 'applicant.nit.checkDigit' });
    else number = nit.base;
  } else if (isDocumentType(type)) {
    number = normaliseDocumentNumber(raw);
    if (!isValidDocumentNumber(type, number))
      errors.push({ field: 'documentNumber', key: `applicant.documentNumber.format.${type}` });
  }
  const email = checkEmail(input.email);
  if ('error' in email) errors.push({ field: 'email', key: email.error });

  const dates = listOf(input.dates);
  const unknownDay = dates.find((d) => !releaseDays.includes(d));
  if (dates.length > releaseDays.length || unknownDay !== undefined)
    errors.push({ field: 'dates', key: 'releases.entry.datesOutside' });
  const part = typeof input.partOfDay === 'string' ? input.partOfDay.trim() : '';
  if (part !== '' && !(PARTS_OF_DAY as readonly string[]).includes(part))
    errors.push({ field: 'partOfDay', key: 'releases.entry.partOfDay' });

  if (errors.length > 0 || 'error' in email || !isDocumentType(type)) return { ok: false, errors };
  return {
    ok: true,
    value: {
      personKey: personKey({ documentType: type, documentNumber: number }),
      email: email.email,
      preferences: {
        dates: dates.length === 0 ? null : [...new Set(dates)].sort(),
        partOfDay: part === '' ? null : (part as PartOfDay),
      },
    },
  };
}

function listOf(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((d) => (typeof d === 'string' ? d.trim() : '')).filter((d) => d !== '');
}
