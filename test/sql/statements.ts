import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';
import { insertBooking, personLock } from '../../src/repositories/appointments.js';
import { selectDaysWithRoom, selectSlotsWithRoom } from '../../src/repositories/availability.js';
import {
  lockAndConsumeHold,
  takePlaceWithHold,
  takeReservedPlaceWithHold,
} from '../../src/repositories/holds/citizen.js';
import {
  lockSlotsWithExpiredHolds,
  reclaimExpiredHoldsOf,
  reclaimOrDescribe,
} from '../../src/repositories/holds/expired.js';

/**
 * The statements whose SQL is checked in, as SQL, under test/sql/<file>.sql (test/unit/sql-snapshots.test.ts
 * compiles them without a database). Adding one is adding an entry: the file it goes in, a name, the call
 * with fixed arguments, and (when the function reads what a statement returns) the rows every statement
 * of the call answers.
 */
export interface Statement {
  file: 'holds' | 'confirm' | 'reclaim' | 'availability';
  name: string;
  run: (db: Kysely<DB>) => Promise<unknown>;
  rows?: Record<string, unknown>[];
}

const NOW = new Date('2026-12-01T12:00:00Z');
const EXPIRES = new Date('2026-12-01T12:10:00Z');
const EARLIEST = new Date('2026-12-01T13:00:00Z');
const PLACE = {
  slotId: 42,
  procedure: 'orientacion-tributaria',
  channel: 'presencial',
  earliest: EARLIEST,
  lastDate: '2027-01-15',
  sessionKey: 'session-key',
  expiresAt: EXPIRES,
};
const DEADLINE = { nit: '800200301', now: NOW };
const SCOPE = { procedure: 'orientacion-tributaria', channel: 'presencial', earliest: EARLIEST, now: NOW };
const HOLD = '00000000-0000-4000-8000-000000000001';

export const STATEMENTS: Statement[] = [
  { file: 'holds', name: 'takePlaceWithHold', run: (db) => takePlaceWithHold(db, PLACE) },
  {
    file: 'holds',
    name: 'takePlaceWithHold, with a NIT on its deadline day',
    run: (db) => takePlaceWithHold(db, { ...PLACE, deadline: DEADLINE }),
  },
  {
    file: 'holds',
    name: 'takeReservedPlaceWithHold',
    run: (db) => takeReservedPlaceWithHold(db, { ...PLACE, deadline: DEADLINE }),
  },
  {
    file: 'holds',
    name: 'lockAndConsumeHold',
    run: (db) => lockAndConsumeHold(db, HOLD, personLock('CC:1020304050'), NOW),
  },
  {
    file: 'confirm',
    name: 'insertBooking',
    rows: [{ active: [], applicant_id: 1, appointment_id: 1 }],
    run: (db) =>
      insertBooking(db, {
        applicant: {
          personType: 'natural',
          documentType: 'CC',
          documentNumber: '1020304050',
          documentCheckDigit: null,
          firstName: 'Ana Lucía',
          lastName: 'Restrepo Gómez',
          email: 'ana@example.com',
          phone: '+573001234567',
          nit: null,
          nitCheckDigit: null,
          companyName: null,
        },
        consent: { policyVersion: '2026-01', purposes: ['booking'], channel: 'web' },
        appointment: {
          code: 'ABCDE23456',
          slotId: 42,
          procedure: 'orientacion-tributaria',
          channel: 'presencial',
          officeCode: '11',
          startsAt: new Date('2026-12-02T14:00:00Z'),
          endsAt: new Date('2026-12-02T14:30:00Z'),
          personKey: 'CC:1020304050',
          reserved: false,
          locale: 'es',
          now: NOW,
        },
        maxActive: 3,
        job: { name: 'mail.confirmation', dedupePrefix: 'confirmation:' },
      }),
  },
  {
    file: 'reclaim',
    name: 'reclaimOrDescribe',
    rows: [{ freed: 0, found: false }],
    run: (db) => reclaimOrDescribe(db, 42, 'orientacion-tributaria', NOW),
  },
  { file: 'reclaim', name: 'lockSlotsWithExpiredHolds', run: (db) => lockSlotsWithExpiredHolds(db, NOW) },
  {
    file: 'reclaim',
    name: 'lockSlotsWithExpiredHolds, of one slot',
    run: (db) => lockSlotsWithExpiredHolds(db, NOW, { slotId: 42 }),
  },
  {
    file: 'reclaim',
    name: 'reclaimExpiredHoldsOf',
    rows: [{ id: HOLD, slot_id: 42, reserved: true }],
    run: (db) => reclaimExpiredHoldsOf(db, [42, 43], NOW),
  },
  {
    file: 'availability',
    name: 'selectDaysWithRoom (the calendar), of an office',
    run: (db) => selectDaysWithRoom(db, { ...SCOPE, officeCode: '11', from: '2026-12-02', to: '2026-12-31' }),
  },
  {
    file: 'availability',
    name: 'selectDaysWithRoom (the calendar), of cities, with a NIT',
    run: (db) =>
      selectDaysWithRoom(db, {
        ...SCOPE,
        cityCodes: ['05001', '76001'],
        nit: '800200301',
        from: '2026-12-02',
        to: '2026-12-31',
      }),
  },
  {
    file: 'availability',
    name: 'selectSlotsWithRoom (the times of a day), of an office',
    run: (db) => selectSlotsWithRoom(db, { ...SCOPE, officeCode: '11', date: '2026-12-02' }),
  },
  {
    file: 'availability',
    name: 'selectSlotsWithRoom (the times of a day), of an office, with a NIT',
    run: (db) =>
      selectSlotsWithRoom(db, { ...SCOPE, officeCode: '11', nit: '800200301', date: '2026-12-02' }),
  },
];
