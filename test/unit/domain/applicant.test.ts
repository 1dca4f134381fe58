import { describe, expect, it } from 'vitest';
import {
  parseNitWithCheckDigit,
  personKey,
  validateApplicant,
  validateConsent,
} from '../../../src/domain/applicant.js';
import { POLICY_VERSION } from '../../../src/domain/privacy-policy.js';

const natural = {
  personType: 'natural',
  documentType: 'CC',
  documentNumber: '1.020.304.050',
  firstName: '  maría   josé ',
  lastName: 'Pérez',
  email: 'Maria@Example.COM',
  phone: '+57 300-123-4567',
};

const fieldsOf = (input: Record<string, unknown>) => {
  const r = validateApplicant(input);
  return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.key}`);
};

describe('applicant validation', () => {
  it('normalises what people type', () => {
    const r = validateApplicant(natural);
    expect(r.ok && r.value).toMatchObject({
      documentNumber: '1020304050',
      firstName: 'maría josé',
      email: 'maria@example.com',
      phone: '+573001234567',
      nit: null,
    });
  });

  it.each([
    ['CC', '12345', false],
    ['CC', '0123456', false],
    ['CC', '123456', true],
    ['CE', '12345678', true],
    ['TI', '1234567890', true],
    ['PA', 'ab12345', true],
    ['PA', 'AB 1', false],
    ['PA', 'AB 123', true],
    ['PPT', '1234567', true],
    ['PEP', '123456789012345', true],
    ['NIT', '900123456-8', true],
    ['NIT', '900123456-7', false],
    ['NIT', '900123456', false],
  ])('%s %s valid: %s', (documentType, documentNumber, valid) => {
    expect(validateApplicant({ ...natural, documentType, documentNumber }).ok).toBe(valid);
  });

  it('asks a company for its NIT with check digit and its name, and a representative’s document', () => {
    expect(fieldsOf({ ...natural, personType: 'juridica' })).toEqual([
      'applicant.nit:applicant.nit.required',
      'applicant.companyName:applicant.companyName.required',
    ]);
    expect(fieldsOf({ ...natural, personType: 'juridica', nit: '800197268-5', companyName: 'DIAN' })).toEqual(
      ['applicant.nit:applicant.nit.checkDigit'],
    );
    expect(
      fieldsOf({
        ...natural,
        personType: 'juridica',
        documentType: 'NIT',
        documentNumber: '800197268-4',
        nit: '800197268-4',
        companyName: 'X S.A.',
      }),
    ).toEqual(['applicant.documentType:applicant.documentType.representative']);
    const ok = validateApplicant({
      ...natural,
      personType: 'juridica',
      nit: '800.197.268-4',
      companyName: 'Almacenes Éxito S.A.',
    });
    expect(ok.ok && ok.value).toMatchObject({
      nit: '800197268',
      nitCheckDigit: 4,
      companyName: 'Almacenes Éxito S.A.',
    });
  });

  it('accepts names in any script with combining accents and refuses emoji and digits', () => {
    expect(validateApplicant({ ...natural, firstName: 'Jose\u0301', lastName: 'Ñúñez-O’Brien' }).ok).toBe(
      true,
    );
    expect(validateApplicant({ ...natural, firstName: 'Zoë', lastName: 'Đặng' }).ok).toBe(true);
    expect(validateApplicant({ ...natural, firstName: 'محمد', lastName: '李' }).ok).toBe(true);
    expect(fieldsOf({ ...natural, firstName: 'Ana 😀' })).toEqual([
      'applicant.firstName:applicant.name.characters',
    ]);
    expect(fieldsOf({ ...natural, lastName: 'R2D2' })).toEqual([
      'applicant.lastName:applicant.name.characters',
    ]);
    expect(fieldsOf({ ...natural, lastName: '\u200B\u202E' })).toEqual([
      'applicant.lastName:applicant.lastName.required',
    ]);
  });

  it('accepts Colombian mobiles and landlines only', () => {
    for (const phone of [
      '3001234567',
      '300 123 4567',
      '+57 310 555 1234',
      '601 555 0000',
      '(604) 444 1234',
    ]) {
      expect(validateApplicant({ ...natural, phone }).ok, phone).toBe(true);
    }
    for (const phone of ['3001234', '+1 202 555 0100', '12345', 'llámame', '5550000']) {
      expect(fieldsOf({ ...natural, phone }), phone).toEqual(['applicant.phone:applicant.phone.format']);
    }
  });

  it('rejects what is not data at all without throwing', () => {
    const r = validateApplicant({
      personType: 3,
      documentType: {},
      documentNumber: [],
      firstName: null,
      email: 5,
    });
    expect(r.ok).toBe(false);
    expect(fieldsOf({ ...natural, email: 'a@b' })).toEqual(['applicant.email:applicant.email.format']);
    expect(fieldsOf({ ...natural, email: `${'a'.repeat(250)}@example.com` })).toEqual([
      'applicant.email:applicant.email.format',
    ]);
  });

  it('parses NITs only with a hyphen before the check digit', () => {
    expect(parseNitWithCheckDigit('800.197.268-4')).toEqual({ base: '800197268', dv: 4 });
    expect(parseNitWithCheckDigit('8001972684')).toBeUndefined();
    expect(personKey({ documentType: 'CC', documentNumber: '123' })).toBe('CC:123');
  });

  it('requires consent to the current policy version', () => {
    expect(validateConsent({ accepted: true, policyVersion: POLICY_VERSION })).toEqual([]);
    expect(validateConsent({ accepted: false, policyVersion: POLICY_VERSION })[0]?.key).toBe(
      'consent.required',
    );
    expect(validateConsent({ accepted: true, policyVersion: '2020-01-01' })[0]?.key).toBe('consent.outdated');
    expect(validateConsent(undefined)[0]?.key).toBe('consent.required');
  });
});
