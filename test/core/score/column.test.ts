import fc from 'fast-check';
import { columnExtremes, scoreColumn, scoreOf, type Extremes } from '../../../src/core/score';
import type { Indicator } from '../../../src/core/types';
import { makeIndicator } from '../../helpers/input';

/** One indicator of every method and direction, with and without the optional parameters. */
const INDICATORS: Indicator[] = [
  makeIndicator({ name: 'ratio', method: 'ratio', points: 20, target: 1 }),
  makeIndicator({ name: 'ratio↓', method: 'ratio', points: 2, target: 20, direction: 'down' }),
  makeIndicator({ name: 'ratio, no target', method: 'ratio', points: 5, target: null }),
  makeIndicator({ name: 'range', method: 'range', points: 3, target: 90, floor: 10 }),
  makeIndicator({ name: 'range↓', method: 'range', points: 2, target: 10, floor: 90, direction: 'down' }),
  makeIndicator({ name: 'range T=F', method: 'range', points: 2, target: 5, floor: 5 }),
  makeIndicator({ name: 'pass', method: 'pass', points: 2, target: 60 }),
  makeIndicator({ name: 'pass↓', method: 'pass', points: 1, target: 50, direction: 'down' }),
  makeIndicator({ name: 'pass yes', method: 'pass', points: 3, target: null }),
  makeIndicator({ name: 'deduction', method: 'deduction', points: 4, perItem: 0.5 }),
  makeIndicator({ name: 'deduction, no k', method: 'deduction', points: 4, perItem: null }),
  makeIndicator({ name: 'bonus', method: 'bonus', points: 2, perItem: 0.04 }),
  makeIndicator({ name: 'direct', method: 'direct', points: 3 }),
  makeIndicator({ name: 'relative', method: 'relative', points: 3 }),
  makeIndicator({ name: 'relative↓', method: 'relative', points: 2, direction: 'down' }),
];

/** The column's scores, one by one through scoreOf (the reference). */
function expectedScores(indicator: Indicator, values: (number | null)[], extremes?: Extremes): number[] {
  return values.map((value) => scoreOf(indicator, value, extremes));
}

function column(values: (number | null)[]) {
  return {
    values: Float64Array.from(values, (value) => value ?? 0),
    present: Uint8Array.from(values, (value) => (value === null ? 0 : 1)),
  };
}

describe('scoreColumn gives exactly the scores of scoreOf', () => {
  const sample = [0, 1, 5, 9.5, 10, 20, 49.999, 50, 60, 89.9, 90, 100, 120, -3, 0.001, null, 37.5];

  test.each(INDICATORS.map((indicator) => [indicator.name, indicator] as const))('%s', (_, indicator) => {
    const extremes: Extremes | undefined = indicator.method === 'relative' ? { max: 120, min: -3 } : undefined;
    const out = new Float64Array(sample.length).fill(Number.NaN);
    scoreColumn(indicator, column(sample), out, extremes);
    expect([...out]).toEqual(expectedScores(indicator, sample, extremes));
  });

  test('on random values and extremes, bit for bit', () => {
    const value = fc.oneof(fc.constant(null), fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(fc.constantFrom(...INDICATORS), fc.array(value, { maxLength: 40 }), (indicator, values) => {
        const extremes = indicator.method === 'relative' ? columnExtremes(column(values)) : undefined;
        const out = new Float64Array(values.length);
        scoreColumn(indicator, column(values), out, extremes);
        expect([...out].map((x) => Object.is(x, -0) ? '-0' : x)).toEqual(
          expectedScores(indicator, values, extremes).map((x) => (Object.is(x, -0) ? '-0' : x)),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('a missing value scores 0 whatever the value slot holds', () => {
    const out = new Float64Array(1);
    scoreColumn(INDICATORS[0], { values: Float64Array.of(1), present: Uint8Array.of(0) }, out);
    expect(out[0]).toBe(0);
  });
});

describe('columnExtremes', () => {
  test.each([
    [[3, null, 9, 6], { max: 9, min: 3 }],
    [[null, -2], { max: -2, min: -2 }],
    [[null, null], { max: null, min: null }],
    [[], { max: null, min: null }],
  ] as const)('%p → %p', (values, expected) => {
    expect(columnExtremes(column([...values]))).toEqual(expected);
  });
});
