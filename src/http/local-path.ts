/**
 * A path of this site to send a browser back to, or undefined. Only printable ASCII without spaces or
 * backslashes, starting with one slash: browsers drop tabs and line breaks from a Location and read a
 * backslash as a slash, so `/\t/evil.example` or `/\evil.example` would become `//evil.example`, another
 * site (an open redirect); and a byte a Location header cannot carry would make the answer fail.
 */
export function localPath(value: unknown, maxLength = 500): string | undefined {
  if (typeof value !== 'string' || value.length > maxLength) return undefined;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && !value.includes('\\') ? value : undefined;
}
