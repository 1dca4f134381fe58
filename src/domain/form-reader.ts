import { type FieldError, validationFailed } from './errors.js';

/** A form as posted: each field a string, or several strings for repeated names (checkboxes). */
export type FormInput = Readonly<Record<string, unknown>>;

interface TextRule {
  max?: number;
  min?: number;
  pattern?: RegExp;
  /** The message key when `pattern` does not match. */
  patternKey?: string;
}

/**
 * Reads and checks the fields of a posted form, collecting one message per field, so that a form with
 * several mistakes shows all of them at once. `done()` throws them as a VALIDATION error.
 */
export class FormReader {
  readonly errors: FieldError[] = [];
  constructor(private readonly input: FormInput) {}

  fail(field: string, key: string, params?: Record<string, string | number>): void {
    if (this.errors.some((e) => e.field === field)) return;
    this.errors.push(params ? { field, key, params } : { field, key });
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  /** The field's text, trimmed; a repeated or non-text value is a type error. */
  raw(name: string): string | undefined {
    const value = this.input[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') {
      this.fail(name, 'error.field.type');
      return undefined;
    }
    return value.trim();
  }

  /** Required text. */
  text(name: string, rule: TextRule = {}): string {
    const value = this.raw(name) ?? '';
    if (value === '') {
      this.fail(name, 'error.field.required');
      return '';
    }
    return this.check(name, value, rule);
  }

  /** Text that may be left empty (null then). */
  optionalText(name: string, rule: TextRule = {}): string | null {
    const value = this.raw(name) ?? '';
    if (value === '') return null;
    return this.check(name, value, rule);
  }

  private check(name: string, value: string, { max = 200, min, pattern, patternKey }: TextRule): string {
    if (value.length > max) this.fail(name, 'error.field.tooLong', { max });
    else if (min !== undefined && value.length < min) this.fail(name, 'error.field.tooShort', { min });
    else if (pattern && !pattern.test(value)) this.fail(name, patternKey ?? 'error.field.pattern');
    return value;
  }

  /** A whole number within bounds; null when empty and not required, or on error. */
  integer(name: string, { min, max, required = true }: { min: number; max: number; required?: boolean }) {
    const value = this.raw(name) ?? '';
    if (value === '') {
      if (required) this.fail(name, 'error.field.required');
      return null;
    }
    if (!/^-?\d{1,9}$/.test(value)) {
      this.fail(name, 'admin.field.integer');
      return null;
    }
    const n = Number(value);
    if (n < min || n > max) {
      this.fail(name, 'admin.field.between', { min, max });
      return null;
    }
    return n;
  }

  /** One of the allowed values (a select or radio group). */
  choice<T extends string>(name: string, allowed: readonly T[], { required = true } = {}): T | null {
    const value = this.raw(name) ?? '';
    if (value === '') {
      if (required) this.fail(name, 'admin.field.choose');
      return null;
    }
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(name, 'error.field.enum');
      return null;
    }
    return value as T;
  }

  /** Several of the allowed values (a checkbox group), in the order of `allowed`. */
  choices<T extends string>(name: string, allowed: readonly T[], { min = 0 } = {}): T[] {
    const value = this.input[name];
    const given = value === undefined ? [] : Array.isArray(value) ? value : [value];
    if (given.some((v) => typeof v !== 'string' || !(allowed as readonly string[]).includes(v))) {
      this.fail(name, 'error.field.enum');
      return [];
    }
    if (given.length < min) {
      this.fail(name, min === 1 ? 'admin.field.chooseOne' : 'admin.field.chooseMin', { min });
      return [];
    }
    return allowed.filter((a) => given.includes(a));
  }

  /** A single checkbox: ticked when present with a value. */
  checkbox(name: string): boolean {
    const value = this.input[name];
    return typeof value === 'string'
      ? value !== '' && value !== 'false' && value !== '0'
      : value !== undefined;
  }

  /** A textarea read as one item per non-empty line. */
  lines(name: string, { maxItems = 30, maxLength = 300 } = {}): string[] {
    const value = this.raw(name) ?? '';
    const items = value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (items.length > maxItems) this.fail(name, 'admin.field.tooManyLines', { max: maxItems });
    else if (items.some((l) => l.length > maxLength))
      this.fail(name, 'admin.field.lineTooLong', { max: maxLength });
    return items;
  }

  /** An optional absolute https (or http) address. */
  optionalUrl(name: string): string | null {
    const value = this.optionalText(name, { max: 500 });
    if (value === null) return null;
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('protocol');
    } catch {
      this.fail(name, 'admin.field.url');
    }
    return value;
  }

  optionalEmail(name: string): string | null {
    return this.optionalText(name, { max: 254, pattern: EMAIL, patternKey: 'admin.field.email' });
  }

  email(name: string): string {
    return this.text(name, { max: 254, pattern: EMAIL, patternKey: 'admin.field.email' });
  }

  /** Throws the collected messages, if any. */
  done(): void {
    if (this.errors.length > 0) throw validationFailed(this.errors);
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
