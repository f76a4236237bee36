/**
 * 稳健性分析: the re-weighted scores are exact for every method (扣分 and 加分 are not linear
 * in the points), runs repeat (fixed seed), a vanishing spread keeps every grade and rank,
 * and the budget cuts the runs of a huge field.
 */
import { perturbedScores, robustness, runsWithinBudget, seededRandom, weightForms } from '../../../src/core/analysis';
import { compute } from '../../../src/core/compute';
import type { AssessmentInput, AssessmentResult } from '../../../src/core/types';
import { ValueTable } from '../../../src/core/valueTable';
import { makeIndicator } from '../../helpers/input';
import { syntheticInput } from '../../helpers/generate';
import { demoOutcome } from './support';

describe('re-weighted scores', () => {
  // One unit; 扣分 P 5, 2 per problem, 3 problems (5 − 6 < 0 → 0); 加分 P 2, 0.5 per item, 6
  // items (min(2, 3) = 2); 直接 4 of 5; 比例 P 10 at 80% of target (8).
  const indicators = [
    makeIndicator({ id: 0, dimension: '甲', name: '问题', points: 5, method: 'deduction', perItem: 2, kind: 'number' }),
    makeIndicator({ id: 1, dimension: '甲', name: '信息', points: 2, method: 'bonus', perItem: 0.5, kind: 'number' }),
    makeIndicator({ id: 2, dimension: '乙', name: '评分', points: 5, method: 'direct', kind: 'number' }),
    makeIndicator({ id: 3, dimension: '乙', name: '完成率', points: 10, method: 'ratio', target: 1, kind: 'proportion' }),
  ];
  const value = (v: number) => ({ value: v, display: String(v), cell: '', missing: false });
  // Two equal units: dimension scores are kept only for units tied on the total (the tie-breaks).
  const values = [value(3), value(6), value(4), value(0.8)];
  const input = { indicators, units: [{ name: 'A村' }, { name: 'B村' }], values: ValueTable.of([values, values]) } as unknown as AssessmentInput;
  const result = { indicators, dimensions: ['甲', '乙'], units: [{ name: 'A村' }, { name: 'B村' }] } as unknown as AssessmentResult;
  const forms = weightForms(input, result);

  const scores = (factors: number[]) => {
    const total = new Float64Array(2);
    const dims = new Float64Array(4);
    perturbedScores(forms, Float64Array.from(factors), 2, total, dims, new Float64Array(2));
    return { total: total[0], dims: [...dims.subarray(0, 2)] };
  };

  it('at factor 1 gives the computed scores', () => {
    // 0 + 2 | 4 + 8
    expect(scores([1, 1, 1, 1])).toEqual({ total: 14, dims: [2, 12] });
  });

  it('leaves the dimension scores of a unit with a total of its own unwritten', () => {
    const lone = weightForms({ ...input, units: [input.units[0]] } as AssessmentInput, { ...result, units: [result.units[0]] } as AssessmentResult);
    const dims = new Float64Array(2).fill(-1);
    perturbedScores(lone, Float64Array.of(1, 1, 1, 1), 2, new Float64Array(1), dims, new Float64Array(2));
    expect([...dims]).toEqual([-1, -1]);
  });

  it('scales 扣分 and 加分 through their own formulas, not linearly', () => {
    // 扣分 × 1.3: max(0, 6.5 − 6) = 0.5 (linear scaling of 0 would stay 0);
    // 加分 × 1.2: min(2.4, 3) = 2.4; × 0.8: min(1.6, 3) = 1.6;
    // 直接 × 0.9: 3.6 (the same share of the new points); 比例 × 1.1: 8.8.
    expect(scores([1.3, 1.2, 0.9, 1.1])).toEqual({ total: 15.3, dims: [2.9, 12.4] });
    expect(scores([1, 0.8, 1, 1]).dims[0]).toBe(1.6);
  });
});

describe('robustness', () => {
  const outcome = demoOutcome();
  const input = outcome.input!;
  const result = outcome.result!;

  it('repeats exactly (fixed seed)', () => {
    expect(robustness(input, result)).toEqual(robustness(input, result));
    // mulberry32: the same numbers on every host.
    const next = seededRandom(1);
    expect([next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478]);
  });

  it('keeps every grade and rank when the spread vanishes', () => {
    const still = { ...result, params: { ...result.params, robustness: { spread: 1e-9, runs: 20 } } };
    const r = robustness(input, still);
    expect(r.runs).toBe(20);
    r.units.forEach((u, k) => {
      expect(u.stability).toBe(1);
      expect(u.ranks).toEqual([result.units[k].rank, result.units[k].rank]);
    });
  });

  it('moves ranks and grades when the spread is wide, within the rules', () => {
    const wide = { ...result, params: { ...result.params, robustness: { spread: 0.9, runs: 300 } } };
    const r = robustness(input, wide);
    const k = (name: string) => result.units.findIndex((u) => u.name === name);
    // Vetoed 文白社区 and 较差 五爱村 keep their grades in every run (vetoes and 突出问题 unchanged).
    expect(r.units[k('五爱村')].stability).toBe(1);
    expect(r.units[k('文白社区')].stability).toBe(1);
    expect(r.units.some((u) => u.stability < 1)).toBe(true);
    r.units.forEach((u, i) => {
      expect(u.ranks[0]).toBeLessThanOrEqual(result.units[i].rank);
      expect(u.ranks[1]).toBeGreaterThanOrEqual(result.units[i].rank);
    });
  });

  it('cuts the runs to the budget, or skips with a note', () => {
    expect(runsWithinBudget(1000, 19, 15)).toBe(1000);
    expect(runsWithinBudget(1000, 100_000, 40)).toBe(62);
    expect(runsWithinBudget(1000, 10_000_000, 40)).toBe(0);
    const input2 = syntheticInput(30, 5, 3);
    const res = compute(input2);
    const r = robustness(input2, { ...res, params: { ...res.params, robustness: { spread: 0.1, runs: 10 } } });
    expect(r.note).toBeNull();
  });
});
