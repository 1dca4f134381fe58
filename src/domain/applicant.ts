import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  type DocumentType,
  isDocumentType,
  isValidDocumentNumber,
  normaliseDocumentNumber,
  type PersonType,
} from './documents.js';
import type { FieldError } from './errors.js';
import { isValidNit, normaliseNit } from './nit.js';
import { POLICY_VERSION } from './privacy-policy.js';

/** What a person types; every field may be missing or anything at all. */
export interface ApplicantInput {
  personType?: unknown;
  documentType?: unknown;
  documentNumber?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
  phone?: unknown;
  nit?: unknown;
  companyName?: unknown;
}

export interface Applicant {
  personType: PersonType;
  documentType: DocumentType;
  /** Without separators; for a NIT, the base without its check digit. */
  documentNumber: string;
  documentCheckDigit: number | null;
  firstName: string;
  lastName: string;
  email: string;
  /** E.164, e.g. +573001234567. */
  phone: string;
  /** Persona jurídica: the company's NIT base and check digit, and its name. */
  nit: string | null;
  nitCheckDigit: number | null;
  companyName: string | null;
}

export interface ConsentInput {
  accepted?: unknown;
  policyVersion?: unknown;
}

type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Invisible characters that only hide what a name really is (zero-width, bidirectional controls, BOM). */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Letters of any script with their combining accents, and the few marks names carry. */
const NAME = /^[\p{L}\p{M}]+(?:[ '’.-]+[\p{L}\p{M}]+)*\.?$/u;
const EMAIL =
  /^[^\s@"<>(),;:\\[\]]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const COMPANY = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} &'’.,()/+-]*$/u;

function text(value: unknown): string {
  return typeof value === 'string'
    ? value.replace(INVISIBLE, '').normalize('NFC').trim().replace(/\s+/g, ' ')
    : '';
}

/** Splits `800.197.268-4` into base and check digit; the hyphen before the digit is required. */
export function parseNitWithCheckDigit(raw: string): { base: string; dv: number } | undefined {
  const match = /^([\d.\s]+)-\s*(\d)$/.exec(raw.trim());
  if (!match?.[1] || match[2] === undefined) return undefined;
  const base = normaliseNit(match[1]);
  return /^\d{6,15}$/.test(base) ? { base, dv: Number(match[2]) } : undefined;
}

/**
 * Checks an applicant's data and returns it normalised, or one message per field that is wrong. The
 * messages are keys of `src/i18n/messages/booking.ts`.
 */
export function validateApplicant(input: ApplicantInput, prefix = 'applicant'): Validated<Applicant> {
  const errors: FieldError[] = [];
  const fail = (field: string, key: string, params?: Record<string, string | number>) =>
    errors.push({ field: `${prefix}.${field}`, key, ...(params ? { params } : {}) });

  const personType =
    input.personType === 'natural' || input.personType === 'juridica' ? input.personType : undefined;
  if (!personType) fail('personType', 'applicant.personType.required');

  const rawType = typeof input.documentType === 'string' ? input.documentType.trim().toUpperCase() : '';
  const documentType = isDocumentType(rawType) ? rawType : undefined;
  if (!documentType)
    fail('documentType', rawType ? 'applicant.documentType.unknown' : 'applicant.documentType.required');
  else if (personType === 'juridica' && documentType === 'NIT') {
    fail('documentType', 'applicant.documentType.representative');
  }

  let documentNumber = '';
  let documentCheckDigit: number | null = null;
  const rawNumber = text(input.documentNumber);
  if (!rawNumber) fail('documentNumber', 'applicant.documentNumber.required');
  else if (documentType === 'NIT') {
    const nit = parseNitWithCheckDigit(rawNumber);
    if (!nit) fail('documentNumber', 'applicant.nit.format');
    else if (!isValidNit(nit.base, nit.dv)) fail('documentNumber', 'applicant.nit.checkDigit');
    else {
      documentNumber = nit.base;
      documentCheckDigit = nit.dv;
    }
  } else if (documentType) {
    documentNumber = normaliseDocumentNumber(rawNumber);
    if (!isValidDocumentNumber(documentType, documentNumber)) {
      fail('documentNumber', `applicant.documentNumber.format.${documentType}`);
    }
  }

  const firstName = text(input.firstName);
  const lastName = text(input.lastName);
  for (const [field, value] of [
    ['firstName', firstName],
    ['lastName', lastName],
  ] as const) {
    if (!value) fail(field, `applicant.${field}.required`);
    else if (value.length > 80) fail(field, 'applicant.name.tooLong', { max: 80 });
    else if (!NAME.test(value)) fail(field, 'applicant.name.characters');
  }

  const contact = checkContact(input);
  for (const e of contact.errors) fail(e.field, e.key);
  const { email, phone } = contact;

  let nit: string | null = null;
  let nitCheckDigit: number | null = null;
  let companyName: string | null = null;
  if (personType === 'juridica') {
    const rawNit = text(input.nit);
    const parsed = rawNit ? parseNitWithCheckDigit(rawNit) : undefined;
    if (!rawNit) fail('nit', 'applicant.nit.required');
    else if (!parsed) fail('nit', 'applicant.nit.format');
    else if (!isValidNit(parsed.base, parsed.dv)) fail('nit', 'applicant.nit.checkDigit');
    else {
      nit = parsed.base;
      nitCheckDigit = parsed.dv;
    }
    const company = text(input.companyName);
    if (!company) fail('companyName', 'applicant.companyName.required');
    else if (company.length > 200) fail('companyName', 'applicant.name.tooLong', { max: 200 });
    else if (!COMPANY.test(company)) fail('companyName', 'applicant.companyName.characters');
    else companyName = company;
  }

  if (errors.length > 0 || !personType || !documentType) return { ok: false, errors };
  return {
    ok: true,
    value: {
      personType,
      documentType,
      documentNumber,
      documentCheckDigit,
      firstName,
      lastName,
      email,
      phone,
      nit,
      nitCheckDigit,
      companyName,
    },
  };
}

/** The contact fields (e-mail, phone) normalised, with the message key of each one that is wrong. */
function checkContact(input: { email?: unknown; phone?: unknown }): {
  email: string;
  phone: string;
  errors: { field: 'email' | 'phone'; key: string }[];
} {
  const errors: { field: 'email' | 'phone'; key: string }[] = [];
  const email = text(input.email).toLowerCase();
  if (!email) errors.push({ field: 'email', key: 'applicant.email.required' });
  else if (email.length > 254 || !EMAIL.test(email))
    errors.push({ field: 'email', key: 'applicant.email.format' });

  let phone = '';
  const rawPhone = text(input.phone);
  if (!rawPhone) errors.push({ field: 'phone', key: 'applicant.phone.required' });
  else {
    const parsed = /^[+\d\s().-]{7,20}$/.test(rawPhone)
      ? parsePhoneNumberFromString(rawPhone, 'CO')
      : undefined;
    if (parsed?.country !== 'CO' || !parsed.isValid())
      errors.push({ field: 'phone', key: 'applicant.phone.format' });
    else phone = parsed.number;
  }
  return { email, phone, errors };
}

/**
 * A person's corrected contact data (the rectification right of Ley 1581): the same rules as at
 * booking. Field names carry no prefix (`email`, `phone`), as the form names them.
 */
export function validateContact(input: {
  email?: unknown;
  phone?: unknown;
}): Validated<{ email: string; phone: string }> {
  const { email, phone, errors } = checkContact(input);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { email, phone } };
}

export function validateConsent(input: ConsentInput | undefined, field = 'consent'): FieldError[] {
  if (input?.accepted !== true) return [{ field: `${field}.accepted`, key: 'consent.required' }];
  if (input.policyVersion !== POLICY_VERSION) {
    return [
      { field: `${field}.policyVersion`, key: 'consent.outdated', params: { version: POLICY_VERSION } },
    ];
  }
  return [];
}

/**
 * Whether an applicant may have a held place: a public one (`reservedFor` null) anyone may; one reserved
 * for a NIT's deadline day only that NIT, as their own document number or as their company's NIT.
 * Without this anyone could take a reserved place by typing another's NIT.
 */
export function mayHavePlace(
  applicant: Pick<Applicant, 'documentNumber' | 'nit'>,
  reservedFor: string | null,
): boolean {
  return reservedFor === null || applicant.documentNumber === reservedFor || applicant.nit === reservedFor;
}

/** The person the per-person limits count: document type and number. */
export function personKey(applicant: Pick<Applicant, 'documentType' | 'documentNumber'>): string {
  return `${applicant.documentType}:${applicant.documentNumber}`;
}

/** An e-mail address as the applicant's (trimmed, lower case), or the message key of what is wrong. */
export function checkEmail(value: unknown): { email: string } | { error: string } {
  const { email, errors } = checkContact({ email: value, phone: '+573000000000' });
  const wrong = errors.find((e) => e.field === 'email');
  return wrong ? { error: wrong.key } : { email };
}
