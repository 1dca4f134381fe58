import { describe, expect, it } from 'vitest';
import {
  planSlots,
  slotStartsOfDay,
  templateProblems,
  type WeeklyTemplate,
} from '../../../src/domain/agenda.js';
import { HolidayCalendar } from '../../../src/domain/holidays.js';

const weekdays: WeeklyTemplate = {
  weekdays: [1, 2, 3, 4, 5],
  opensMinute: 8 * 60,
  closesMinute: 16 * 60 + 30,
  slotMinutes: 30,
  places: 3,
  breaks: [],
};
const holidays = new HolidayCalendar();

describe('agenda templates', () => {
  it('fits whole slots between opening and closing', () => {
    expect(slotStartsOfDay(weekdays)).toHaveLength(17);
    expect(slotStartsOfDay({ ...weekdays, slotMinutes: 45 })).toHaveLength(11);
  });

  it('leaves breaks free', () => {
    const starts = slotStartsOfDay({ ...weekdays, breaks: [{ from: 12 * 60, to: 13 * 60 }] });
    expect(starts).not.toContain(12 * 60);
    expect(starts).not.toContain(12 * 60 + 30);
    expect(starts).toHaveLength(15);
  });

  it('skips weekends and holidays (8 and 25 December 2026)', () => {
    const slots = planSlots(weekdays, '2026-12-07', '2026-12-13', { isClosed: (d) => holidays.isHoliday(d) });
    const days = [...new Set(slots.map((s) => s.localDate))];
    expect(days).toEqual(['2026-12-07', '2026-12-09', '2026-12-10', '2026-12-11']);
    expect(slots[0]?.startsAt.toISOString()).toBe('2026-12-07T13:00:00.000Z');
    expect(slots[0]?.endsAt.toISOString()).toBe('2026-12-07T13:30:00.000Z');
    expect(slots.every((s) => s.capacity === 3)).toBe(true);
  });

  it('reports what is wrong with a template', () => {
    expect(templateProblems(weekdays)).toEqual({});
    expect(templateProblems({ ...weekdays, closesMinute: 7 * 60 })).toHaveProperty('closesMinute');
    expect(templateProblems({ ...weekdays, places: -1 })).toHaveProperty('places');
    expect(templateProblems({ ...weekdays, weekdays: [] })).toHaveProperty('weekdays');
    expect(
      templateProblems({
        ...weekdays,
        breaks: [
          { from: 600, to: 700 },
          { from: 650, to: 720 },
        ],
      }),
    ).toHaveProperty('breaks');
    expect(templateProblems({ ...weekdays, opensMinute: 480, closesMinute: 490 })).toHaveProperty(
      'slotMinutes',
    );
  });
});
