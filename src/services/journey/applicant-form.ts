import {
  type ApplicantInput,
  type ConsentInput,
  mayHavePlace,
  validateApplicant,
} from '../../domain/applicant.js';
import type { FieldError } from '../../domain/errors.js';
import { formatNit } from '../../domain/nit.js';
import type { HoldDetails } from '../booking/citizen-hold.js';

/** What a person typed, kept with the hold exactly as typed (values come back on every page). */
export interface Draft {
  applicant?: Record<string, string>;
  consent?: ConsentInput;
}

/** The data form's fields from top to bottom (the company's come right after the person type). */
export const APPLICANT_FIELDS = [
  'personType',
  'nit',
  'companyName',
  'documentType',
  'documentNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
] as const;

export function draftOf(hold: HoldDetails): Draft {
  const d = hold.draft;
  return d && typeof d === 'object' ? (d as Draft) : {};
}

export function applicantInput(values: Record<string, string> | undefined): ApplicantInput {
  const v = values ?? {};
  // A company's fields count only for a persona jurídica; a natural person's leftovers are ignored.
  const juridica = v.personType === 'juridica';
  return {
    personType: v.personType,
    documentType: v.documentType,
    documentNumber: v.documentNumber,
    firstName: v.firstName,
    lastName: v.lastName,
    email: v.email,
    phone: v.phone,
    nit: juridica ? v.nit : undefined,
    companyName: juridica ? v.companyName : undefined,
  };
}

/** What was typed, under the data form's field names. */
export function typedValues(typed: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(typed).map(([k, v]) => [`applicant.${k}`, v]));
}

/** The data form as it opens: what was typed before, or for a deadline-day place its NIT as the company's. */
export function dataFormValues(hold: HoldDetails): Record<string, string> {
  const typed = draftOf(hold).applicant;
  if (typed) return typedValues(typed);
  // Not as the document number: for a company that field is its representative's own document, and a
  // company's NIT left there by mistake would still pass as a cédula.
  return hold.reservedFor ? { 'applicant.nit': formatNit(hold.reservedFor) } : {};
}

/**
 * What is wrong with the data typed for a hold, in the order of the fields on the page. A deadline-day
 * place is confirmed only for its NIT: that is said here, next to the fields, rather than after the
 * consent and review steps, where the confirmation would refuse it.
 */
export function applicantErrors(typed: Record<string, string>, reservedFor: string | null): FieldError[] {
  const result = validateApplicant(applicantInput(typed));
  if (!result.ok) {
    const order = (field: string) => APPLICANT_FIELDS.findIndex((f) => `applicant.${f}` === field);
    return [...result.errors].sort((a, b) => order(a.field) - order(b.field));
  }
  if (!reservedFor || mayHavePlace(result.value, reservedFor)) return [];
  const field = result.value.personType === 'juridica' ? 'applicant.nit' : 'applicant.documentNumber';
  return [{ field, key: 'deadlineNit.mismatch', params: { nit: formatNit(reservedFor) } }];
}
