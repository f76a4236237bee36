import { dimensionsOf, relativeExtremes, scoreUnits } from '../../../src/core/compute/scoreUnits';
import { round2 } from '../../../src/core/numbers';
import { syntheticInput } from '../../helpers/generate';
import { makeInput } from '../../helpers/input';

describe('scoreUnits', () => {
  const input = makeInput({
    indicators: [
      { name: '完成率', dimension: '减贫成效', method: 'ratio', points: 20, target: 1, kind: 'proportion' },
      { name: '识别率', dimension: '精准识别', method: 'range', points: 6, target: 1, floor: 0.9, kind: 'proportion' },
      { name: '项目数', dimension: '减贫成效', method: 'relative', points: 5 },
      { name: '信息篇数', dimension: '日常管理', method: 'bonus', points: 2, perItem: 0.5 },
    ],
    units: [
      { name: 'A', values: [0.95, 0.97, 3, 5] },
      { name: 'B', values: [1, 0.935, 6, 1] },
      { name: 'C', values: [0.5, null, null, 0] },
    ],
  });
  const scored = scoreUnits(input.indicators, input.values);

  test('dimensions in first-appearance order', () => {
    expect(scored.dimensions).toEqual(['减贫成效', '精准识别', '日常管理']);
  });

  test('indicator scores keep value, cell, full precision and rounded score, and formula', () => {
    const a = scored.scoresOf(0);
    expect(a.map((s) => s.rounded)).toEqual([19, 4.2, 2.5, 2]);
    expect(a[1].score).toBeCloseTo(4.2, 12);
    const expected = {
      indicatorId: 0,
      value: 0.95,
      display: '0.95',
      cell: '考核数据!C3',
      score: 19,
      rounded: 19,
      formula: '20 × min(1, 95% ÷ 100%) = 19',
    };
    expect(a[0]).toMatchObject(expected);
    // plain data: a spread or JSON keeps every field
    expect({ ...a[0] }).toEqual(expected);
    expect(JSON.parse(JSON.stringify(a[0]))).toEqual(expected);
  });

  test('relative uses the max over all units with missing values excluded', () => {
    expect(relativeExtremes(input.indicators, input.values)).toEqual([undefined, undefined, { max: 6, min: 3 }, undefined]);
    expect(scored.scoresOf(1)[2].score).toBe(5);
  });

  test('a missing value scores 0', () => {
    expect(scored.scoresOf(2)[1]).toMatchObject({ value: null, score: 0, formula: '缺失，按 0 分' });
  });

  test('dimension and total sums of full-precision scores, then rounded', () => {
    // B: 20 + 6·(0.035/0.1)=2.1 + 5 + 0.5
    expect(scored.total[1]).toBe(27.6);
    expect(scored.totalExact[1]).toBeCloseTo(27.6, 12);
    expect([...scored.dimensionRounded.slice(3, 6)]).toEqual([25, 2.1, 0.5]);
    expect(scored.total[2]).toBe(10);
  });

  test('totals are rounded from the full-precision sum, not from rounded parts', () => {
    const thirds = makeInput({
      indicators: [1, 2, 3].map((i) => ({ name: `x${i}`, method: 'ratio' as const, points: 1, target: 3 })),
      units: [{ name: 'A', values: [1, 1, 1] }],
    });
    const s = scoreUnits(thirds.indicators, thirds.values);
    expect(s.scoresOf(0).map((x) => x.rounded)).toEqual([0.33, 0.33, 0.33]);
    expect(s.total[0]).toBe(1);
  });

  test("the same sums when each dimension's indicators stand together", () => {
    const [ratio, range, relative, bonus] = input.indicators;
    const grouped = makeInput({
      indicators: [ratio, relative, range, bonus].map((ind) => ({ ...ind })),
      units: [
        { name: 'A', values: [0.95, 3, 0.97, 5] },
        { name: 'B', values: [1, 6, 0.935, 1] },
        { name: 'C', values: [0.5, null, null, 0] },
      ],
    });
    const s = scoreUnits(grouped.indicators, grouped.values);
    expect(s.dimensions).toEqual(['减贫成效', '精准识别', '日常管理']);
    // A: 19 + 2.5 | 4.2 | 2; B: 20 + 5 | 2.1 | 0.5; C: 10 + 0 | 0 | 0
    expect([...s.dimensionRounded]).toEqual([21.5, 4.2, 2, 25, 2.1, 0.5, 10, 0, 0]);
    expect([...s.total]).toEqual([27.7, 27.6, 10]);
  });

  test.each([
    ['grouped by dimension', (i: number) => i],
    ['dimensions interleaved', (i: number) => (i * 7) % 40],
  ])('every sum is that of a per-unit loop in indicator order, bit for bit (%s)', (_, at) => {
    const field = syntheticInput(300, 40, 11);
    const indicators = field.indicators.map((_, i) => field.indicators[at(i)]);
    const values = field.values;
    // The order of `indicators` is only a permutation of the columns: score through a view
    // that reads column at(i) for indicator i.
    const view = Object.assign(Object.create(Object.getPrototypeOf(values)), values, {
      column: (i: number) => values.column(at(i)),
      get: (u: number, i: number) => values.get(u, at(i)),
    });
    const s = scoreUnits(indicators, view);
    const dims = s.dimensions;
    for (let u = 0; u < values.units; u++) {
      const scores = s.scoresOf(u);
      let total = 0;
      const byDim = new Array<number>(dims.length).fill(0);
      scores.forEach((x, i) => {
        total += x.score;
        byDim[dims.indexOf(indicators[i].dimension)] += x.score;
      });
      expect(Object.is(s.totalExact[u], total)).toBe(true);
      expect(s.total[u]).toBe(round2(total));
      expect([...s.dimensionRounded.slice(u * dims.length, (u + 1) * dims.length)]).toEqual(byDim.map(round2));
    }
  });

  test('dimensionsOf', () => {
    const { dimensions, dimensionOf } = dimensionsOf([{ dimension: 'b' }, { dimension: 'a' }, { dimension: 'b' }]);
    expect(dimensions).toEqual(['b', 'a']);
    expect([...dimensionOf]).toEqual([0, 1, 0]);
  });
});
