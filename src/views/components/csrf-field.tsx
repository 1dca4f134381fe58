/** The form field carrying the CSRF token (the plugin in `src/http/plugins/csrf.ts` reads it). */
export const CSRF_FIELD = '_csrf';

/**
 * The hidden field every state-changing form carries (the CSRF plugin refuses a post without it). Get
 * the token in the route with `csrfToken(reply)`.
 */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
