import { describe, expect, it } from 'vitest';
import {
  assignPlaces,
  type EntryPreferences,
  type FreePlaces,
  fits,
  parseWindow,
  partOfDayOf,
  releaseStatus,
} from '../../../src/domain/release.js';

const ANY: EntryPreferences = { dates: null, partOfDay: null };
const place = (slotId: number, date: string, hour: number, free: number): FreePlaces => ({
  slotId,
  date,
  startMinute: hour * 60,
  startsAtMs: Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000,
  free,
});

describe('a release', () => {
  it('is upcoming, open, closed, then drawn', () => {
    const r = {
      opensAt: new Date('2026-12-01T12:00:00Z'),
      closesAt: new Date('2026-12-01T13:00:00Z'),
      drawnAt: null,
    };
    expect(releaseStatus(r, new Date('2026-12-01T11:59:59Z'))).toBe('upcoming');
    expect(releaseStatus(r, new Date('2026-12-01T12:00:00Z'))).toBe('open');
    expect(releaseStatus(r, new Date('2026-12-01T13:00:00Z'))).toBe('closed');
    expect(
      releaseStatus({ ...r, drawnAt: new Date('2026-12-01T13:00:01Z') }, new Date('2026-12-01T13:00:00Z')),
    ).toBe('drawn');
  });

  it('reads windows of seconds to days, and refuses the rest', () => {
    expect(parseWindow('45s')).toBe(45_000);
    expect(parseWindow('30m')).toBe(1_800_000);
    expect(parseWindow('2h')).toBe(7_200_000);
    expect(parseWindow(' 3d ')).toBe(259_200_000);
    for (const bad of ['', '5s', '31d', '1w', '-3m', '2 h', '1.5h', 'abc'])
      expect(parseWindow(bad), bad).toBeUndefined();
  });

  it('calls a place from noon on afternoon', () => {
    expect(partOfDayOf(11 * 60 + 59)).toBe('manana');
    expect(partOfDayOf(12 * 60)).toBe('tarde');
  });
});

describe('assigning places in draw order', () => {
  it('gives each entry in order the soonest place that fits, and lets the rest wait', () => {
    const places = [
      place(3, '2026-12-03', 8, 1),
      place(1, '2026-12-02', 14, 1),
      place(2, '2026-12-02', 9, 1),
    ];
    const { assigned, waiting } = assignPlaces(
      [
        { id: 'first', preferences: { dates: ['2026-12-03'], partOfDay: null } },
        { id: 'second', preferences: ANY },
        { id: 'third', preferences: { dates: null, partOfDay: 'tarde' } },
        { id: 'fourth', preferences: { dates: ['2026-12-03'], partOfDay: null } },
        { id: 'fifth', preferences: ANY },
      ],
      places,
    );
    expect(assigned).toEqual([
      { entryId: 'first', slotId: 3 },
      { entryId: 'second', slotId: 2 },
      { entryId: 'third', slotId: 1 },
    ]);
    expect(waiting).toEqual(['fourth', 'fifth']);
  });

  it('fills a slot with several places before the next one, and never gives more than it has', () => {
    const { assigned } = assignPlaces(
      Array.from({ length: 5 }, (_, i) => ({ id: `e${i}`, preferences: ANY })),
      [place(1, '2026-12-02', 8, 2), place(2, '2026-12-02', 9, 2)],
    );
    expect(assigned.map((a) => a.slotId)).toEqual([1, 1, 2, 2]);
  });

  it('tells whether a freed place suits a waiting entry', () => {
    const p = { date: '2026-12-02', startMinute: 14 * 60 };
    expect(fits(ANY, p)).toBe(true);
    expect(fits({ dates: ['2026-12-02'], partOfDay: 'tarde' }, p)).toBe(true);
    expect(fits({ dates: ['2026-12-03'], partOfDay: null }, p)).toBe(false);
    expect(fits({ dates: null, partOfDay: 'manana' }, p)).toBe(false);
  });

  it('draws 100,000 entries over 20,000 places', () => {
    const places: FreePlaces[] = [];
    for (let day = 0; day < 20; day++)
      for (let slot = 0; slot < 50; slot++)
        places.push(place(day * 100 + slot, `2027-01-${String(day + 4).padStart(2, '0')}`, 7 + slot / 5, 20));
    const entries = Array.from({ length: 100_000 }, (_, i) => ({
      id: `e${i}`,
      preferences: i % 3 === 0 ? { dates: null, partOfDay: 'tarde' as const } : ANY,
    }));
    const { assigned, waiting } = assignPlaces(entries, places);
    expect(assigned).toHaveLength(20_000);
    expect(waiting).toHaveLength(80_000);
    expect(new Set(assigned.map((a) => a.entryId)).size).toBe(20_000);
  });
});
