/**
 * The non-personal choices of a booking journey, carried in the address so every step is a plain link
 * or GET form that works without JavaScript and survives the back button. Personal data never goes
 * here: it waits in the hold (server side) until the appointment is made.
 */
export interface Criteria {
  tramite?: string | undefined;
  canal?: string | undefined;
  departamento?: string | undefined;
  ciudad?: string | undefined;
  oficina?: string | undefined;
  fecha?: string | undefined;
  mes?: string | undefined;
  /** A live hold whose typed data should follow the person to a new time (the review's change links). */
  reserva?: string | undefined;
  /** '1' while choosing a new time for an existing appointment (Gestionar cita → cambiar). */
  cambio?: string | undefined;
}

const CRITERIA_KEYS = [
  'tramite',
  'canal',
  'departamento',
  'ciudad',
  'oficina',
  'fecha',
  'mes',
  'reserva',
  'cambio',
] as const satisfies readonly (keyof Criteria)[];

/** A path with the criteria (and overrides; `undefined` removes one) as its query, in a fixed order. */
export function journeyHref(path: string, criteria: Criteria, overrides: Criteria = {}): string {
  const merged: Criteria = { ...criteria, ...overrides };
  const params = new URLSearchParams();
  for (const key of CRITERIA_KEYS) {
    const value = key in overrides ? overrides[key] : merged[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Hidden inputs carrying the criteria through a GET or POST form (minus the fields the form asks). */
export function hiddenCriteria(criteria: Criteria, except: readonly (keyof Criteria)[] = []) {
  return CRITERIA_KEYS.filter((k) => !except.includes(k) && criteria[k]).map((k) => ({
    name: k,
    value: criteria[k] as string,
  }));
}

/** Only the journey's own criteria from a query or form, without blanks: the rest never travels on. */
export function criteriaOf(q: Readonly<Record<string, string | undefined>>): Criteria {
  const c: Criteria = {};
  for (const key of CRITERIA_KEYS) {
    if (key === 'cambio') continue;
    const v = q[key]?.trim();
    if (v) c[key] = v;
  }
  if (q.cambio === '1') c.cambio = '1';
  return c;
}

/** What every search step carries on: procedure and channel, and the hold or the change under way. */
export function journeyBase(c: Criteria): Criteria {
  return { tramite: c.tramite, canal: c.canal, reserva: c.reserva, cambio: c.cambio };
}
