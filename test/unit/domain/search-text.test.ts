import { describe, expect, it } from 'vitest';
import { matchesQuery, normaliseForSearch, queryWords } from '../../../src/domain/search-text.js';

describe('catalogue search text', () => {
  it('ignores accents, case, ñ and punctuation', () => {
    expect(normaliseForSearch('Inscripción en el RUT – persona jurídica')).toBe(
      'inscripcion en el rut persona juridica',
    );
    expect(normaliseForSearch('Contraseña (Formulario 530)')).toBe('contrasena formulario 530');
  });

  it('drops short filler words unless nothing else was typed', () => {
    expect(queryWords('la firma de la empresa')).toEqual(['firma', 'empresa']);
    expect(queryWords('de')).toEqual(['de']);
    expect(queryWords('formulario 530')).toEqual(['formulario', '530']);
  });

  it('needs every word, each at the start of a word of the texts', () => {
    const texts = ['Inscripción en el RUT', 'Personas naturales residentes'];
    expect(matchesQuery(texts, 'inscripcion rut')).toBe(true);
    expect(matchesQuery(texts, 'INSCRIP')).toBe(true);
    expect(matchesQuery(texts, 'rut residentes')).toBe(true);
    expect(matchesQuery(texts, 'rut aduana')).toBe(false);
    expect(matchesQuery(texts, 'cripcion')).toBe(false);
    expect(matchesQuery(texts, '   ')).toBe(true);
  });
});
