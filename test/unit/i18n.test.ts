import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/index.js';

describe('messages', () => {
  it('fills placeholders and falls back to the key for unknown ones', () => {
    expect(translate('es', 'error.field.tooLong', { max: 80 })).toBe(
      'Es demasiado largo (máximo 80 caracteres)',
    );
    expect(translate('en', 'error.field.tooLong', { max: 80 })).toBe(
      'It is too long (at most 80 characters)',
    );
    expect(translate('es', 'no.such.key')).toBe('no.such.key');
  });
});
