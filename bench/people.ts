import { POLICY_VERSION } from '../src/domain/privacy-policy.js';

/** n in letters (a, b, …, z, ba, bb, …): names take no digits. */
function letters(n: number): string {
  let out = '';
  let rest = n;
  do {
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return out;
}

/** A distinct, valid natural person for the n-th client of a load run (documents never repeat in a run). */
export function person(n: number, firstDocument: number): string {
  return JSON.stringify({
    applicant: {
      personType: 'natural',
      documentType: 'CC',
      documentNumber: String(firstDocument + n),
      firstName: 'Persona',
      lastName: `Prueba ${letters(n)}`,
      email: `persona${n}@example.com`,
      phone: '300 123 4567',
    },
    consent: { accepted: true, policyVersion: POLICY_VERSION },
  });
}

interface SlotItem {
  slotId: number;
  available: number;
}

/** A slot picked the way people pick: at random, more likely where more places are left. */
export function pickSlot(body: string): number | undefined {
  let items: SlotItem[];
  try {
    items = (JSON.parse(body) as { items: SlotItem[] }).items;
  } catch {
    return undefined;
  }
  const total = items.reduce((sum, s) => sum + s.available, 0);
  if (total <= 0) return undefined;
  let ticket = Math.random() * total;
  for (const s of items) {
    ticket -= s.available;
    if (ticket < 0) return s.slotId;
  }
  return items[items.length - 1]?.slotId;
}

export function holdIdOf(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { holdId?: string }).holdId;
  } catch {
    return undefined;
  }
}
