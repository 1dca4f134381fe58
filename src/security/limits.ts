/**
 * Rate limits per client address (and per document on confirmation). Generous for a person, tight for a
 * script: 50 bits of confirmation code against 20 look-ups per 10 minutes cannot be guessed.
 */
export interface Limit {
  /** Counter namespace; routes sharing a name share the budget. */
  name: string;
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;

export const LIMITS = {
  search: { name: 'search', max: 120, windowMs: MINUTE },
  hold: { name: 'hold', max: 30, windowMs: 10 * MINUTE },
  /** Holds without the proof-of-work (no JavaScript): slower and fewer. */
  holdWithoutProof: { name: 'hold-nojs', max: 6, windowMs: 10 * MINUTE },
  confirm: { name: 'confirm', max: 20, windowMs: 10 * MINUTE },
  confirmPerDocument: { name: 'confirm-doc', max: 5, windowMs: 60 * MINUTE },
  lookup: { name: 'lookup', max: 20, windowMs: 10 * MINUTE },
  login: { name: 'login', max: 10, windowMs: 10 * MINUTE },
  /** Wrong passwords for one account from one address: guessing is held back there, never the account. */
  loginPerAccount: { name: 'login-account', max: 5, windowMs: 15 * MINUTE },
  alerts: { name: 'alerts', max: 10, windowMs: 60 * MINUTE },
  challenge: { name: 'challenge', max: 60, windowMs: MINUTE },
  /** Data-subject link requests: each may send an e-mail, so few per address and per document. */
  dataSubject: { name: 'data-subject', max: 10, windowMs: 60 * MINUTE },
  dataSubjectPerDocument: { name: 'data-subject-doc', max: 3, windowMs: 60 * MINUTE },
} as const satisfies Record<string, Limit>;
