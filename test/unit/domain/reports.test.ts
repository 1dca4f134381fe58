import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  csvDocument,
  daysBetween,
  percent,
  percentileOfHistogram,
  weeksAhead,
} from '../../../src/domain/reports.js';
import { niceMax } from '../../../src/views/components/chart.js';

describe('report arithmetic', () => {
  it('counts days and weeks between civil dates across months and years', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(weeksAhead('2026-12-01', '2026-12-07')).toBe(0);
    expect(weeksAhead('2026-12-01', '2026-12-08')).toBe(1);
    expect(weeksAhead('2026-12-01', '2026-11-20')).toBe(0);
    expect(weeksAhead('2026-01-01', '2028-01-01')).toBe(52);
  });

  it('takes nearest-rank percentiles of a histogram exactly as of the sorted values', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }), (values) => {
        const histogram = new Map<number, number>();
        for (const v of values) histogram.set(v, (histogram.get(v) ?? 0) + 1);
        const sorted = [...values].sort((a, b) => a - b);
        for (const p of [0.5, 0.9]) {
          expect(percentileOfHistogram(histogram, p)).toBe(sorted[Math.ceil(p * sorted.length) - 1]);
        }
      }),
    );
    expect(percentileOfHistogram(new Map(), 0.5)).toBeNull();
  });

  it('writes shares with one decimal and nothing when there is no whole', () => {
    expect(percent(1, 3)).toBe('33.3');
    expect(percent(0, 0)).toBe('');
  });
});

describe('CSV cells', () => {
  it('quotes what needs quoting', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
    expect(
      csvDocument([
        ['a', 1],
        ['b', 2],
      ]),
    ).toBe('a,1\r\nb,2\r\n');
  });

  it('never lets a text cell start a spreadsheet formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}cmd|' /C calc'!A0`).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Cali (05)')).toBe('Cali (05)');
  });
});

describe('chart axis', () => {
  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(12)).toBe(20);
    expect(niceMax(48)).toBe(50);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(0.3)).toBe(0.5);
  });
});
