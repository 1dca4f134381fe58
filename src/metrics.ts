import { Counter, Registry } from 'prom-client';

/**
 * The booking counters of this process. They live in their own registry, created once per process,
 * because services count (not routes): a hold placed through the web form and one placed through the API
 * are the same event. Each process counts its own; under WORKERS=N a scrape sums them across processes.
 */
export const bookingRegistry = new Registry();

const holds = new Counter({
  name: 'agenda_holds_total',
  help: 'Places held for people choosing a time',
  registers: [bookingRegistry],
});

const confirmations = new Counter({
  name: 'agenda_confirmations_total',
  help: 'Holds turned into appointments',
  registers: [bookingRegistry],
});

const conflicts = new Counter({
  name: 'agenda_conflicts_total',
  help: 'Attempts that found no room left: a hold on a full slot, a confirmation of an expired hold',
  labelNames: ['kind'] as const,
  registers: [bookingRegistry],
});

export const bookingMetrics = {
  holdPlaced: () => holds.inc(),
  confirmed: () => confirmations.inc(),
  conflict: (kind: 'slot_full' | 'hold_expired') => conflicts.inc({ kind }),
};
