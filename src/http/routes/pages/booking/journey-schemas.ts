import { Type } from 'typebox';

/** A short text field of the journey's forms and addresses. */
export const text = (maxLength: number) => Type.Optional(Type.String({ maxLength }));

/** The journey's criteria as form or address fields (the hold's carry the longer limit they always had). */
export const criteriaFields = (maxLength: number) => ({
  tramite: text(maxLength),
  canal: text(maxLength),
  departamento: text(maxLength),
  ciudad: text(maxLength),
  oficina: text(maxLength),
  fecha: text(maxLength),
  reserva: text(maxLength),
});

/** The search steps' address: the journey's criteria, and what a step asks (`modo`, `paso`). */
export const CriteriaQuery = Type.Object({
  ...criteriaFields(120),
  mes: text(120),
  cambio: text(120),
  modo: text(120),
  paso: text(120),
  aviso: text(120),
});

/** The address of every step after the hold: the hold, and (confirmation) the printable view. */
export const HoldQuery = Type.Object({ reserva: text(300), vista: text(300) });

/** A form that posts nothing but its CSRF token. */
export const CsrfOnly = Type.Object({ _csrf: text(300) }, { additionalProperties: false });

/** A slot id as posted: digits only, or undefined. */
export function slotIdOf(raw: string | undefined): number | undefined {
  return /^\d{1,10}$/.test(raw ?? '') ? Number(raw) : undefined;
}
