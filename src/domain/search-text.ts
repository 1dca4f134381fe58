/**
 * Catalogue search as people type: without accents, case or punctuation mattering ("inscripcion rut"
 * finds "Inscripción en el RUT"), every word of the query somewhere in the text.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/** The words of a query, normalised; very short words ("el", "de") are dropped unless they are all there is. */
export function queryWords(query: string): string[] {
  const words = normaliseForSearch(query)
    .split(' ')
    .filter((w) => w !== '');
  const meaningful = words.filter((w) => w.length > 2 || /\d/.test(w));
  return meaningful.length > 0 ? meaningful : words;
}

/** Whether every word of the query appears in one of the texts (as a word or the start of one). */
export function matchesQuery(texts: readonly string[], query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const haystack = ` ${texts.map(normaliseForSearch).join(' ')}`;
  return words.every((w) => haystack.includes(` ${w}`));
}
