/**
 * Identity documents accepted when booking, with the codes the authority uses on its forms and the
 * shape of their numbers. Only NIT (and a cédula used as NIT) carries a check digit, validated apart.
 */
export const DOCUMENT_TYPES = ['CC', 'CE', 'TI', 'PA', 'NIT', 'PPT', 'PEP'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentTypeInfo {
  code: DocumentType;
  formCode: number;
  nameEs: string;
  nameEn: string;
  pattern: RegExp;
  formatHintEs: string;
  formatHintEn: string;
  /** Which person types may use it: a company books with its NIT, a person with a personal document. */
  personTypes: readonly PersonType[];
}

export type PersonType = 'natural' | 'juridica';

export const DOCUMENTS: Readonly<Record<DocumentType, DocumentTypeInfo>> = {
  CC: {
    code: 'CC',
    formCode: 13,
    nameEs: 'Cédula de ciudadanía',
    nameEn: 'Citizenship card',
    pattern: /^[1-9]\d{5,9}$/,
    formatHintEs: 'De 6 a 10 dígitos, sin puntos',
    formatHintEn: '6 to 10 digits, no dots',
    personTypes: ['natural'],
  },
  CE: {
    code: 'CE',
    formCode: 22,
    nameEs: 'Cédula de extranjería',
    nameEn: 'Foreigner ID card',
    pattern: /^\d{3,10}$/,
    formatHintEs: 'De 3 a 10 dígitos',
    formatHintEn: '3 to 10 digits',
    personTypes: ['natural'],
  },
  TI: {
    code: 'TI',
    formCode: 12,
    nameEs: 'Tarjeta de identidad',
    nameEn: 'Identity card (minors)',
    pattern: /^\d{10,11}$/,
    formatHintEs: '10 u 11 dígitos',
    formatHintEn: '10 or 11 digits',
    personTypes: ['natural'],
  },
  PA: {
    code: 'PA',
    formCode: 41,
    nameEs: 'Pasaporte',
    nameEn: 'Passport',
    pattern: /^[A-Z0-9]{5,16}$/,
    formatHintEs: 'De 5 a 16 letras o números, sin espacios',
    formatHintEn: '5 to 16 letters or digits, no spaces',
    personTypes: ['natural'],
  },
  NIT: {
    code: 'NIT',
    formCode: 31,
    nameEs: 'NIT',
    nameEn: 'Tax ID (NIT)',
    pattern: /^\d{9,10}$/,
    formatHintEs: 'Los 9 o 10 dígitos del NIT sin el dígito de verificación',
    formatHintEn: 'The 9 or 10 digits of the NIT without the check digit',
    personTypes: ['juridica', 'natural'],
  },
  PPT: {
    code: 'PPT',
    formCode: 48,
    nameEs: 'Permiso por Protección Temporal',
    nameEn: 'Temporary Protection Permit',
    pattern: /^\d{6,10}$/,
    formatHintEs: 'De 6 a 10 dígitos',
    formatHintEn: '6 to 10 digits',
    personTypes: ['natural'],
  },
  PEP: {
    code: 'PEP',
    formCode: 47,
    nameEs: 'Permiso Especial de Permanencia',
    nameEn: 'Special Stay Permit',
    pattern: /^\d{6,15}$/,
    formatHintEs: 'De 6 a 15 dígitos',
    formatHintEn: '6 to 15 digits',
    personTypes: ['natural'],
  },
};

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** The number as stored: no dots, spaces or hyphens; passports upper-cased. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.replace(/[.\s-]/g, '').toUpperCase();
}

export function isValidDocumentNumber(type: DocumentType, number: string): boolean {
  return DOCUMENTS[type].pattern.test(number);
}
