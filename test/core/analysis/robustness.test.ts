/**
 * 稳健性分析: the re-weighted scores are exact for every method (扣分 and 加分 are not linear
 * in the points), runs repeat (fixed seed), a vanishing spread keeps every grade and rank,
 * the budget cuts the runs of a huge field, and the fast path (eight runs per pass, the run
 * ranker) gives exactly what a plain reference written from the rules gives.
 */
import { Form, perturbedScores, robustness, ROBUSTNESS_SEED, runsWithinBudget, seededRandom, weightForms, type UnitRobustness } from '../../../src/core/analysis';
import { compute, gradeUnits, rankUnits } from '../../../src/core/compute';
import { round2 } from '../../../src/core/numbers';
import type { AssessmentInput, AssessmentResult, Params } from '../../../src/core/types';
import { tableOf } from '../../helpers/values';
import { makeIndicator } from '../../helpers/input';
import { syntheticInput } from '../../helpers/generate';
import { demoOutcome, variantOutcomes } from './support';

/**
 * Robustness the plain way, from the rules: per run, draw each indicator's factor, score every
 * unit and indicator by the table of weights.ts, round the totals and dimension scores, then
 * rank and grade with rankUnits and gradeUnits and the result's parameters.
 */
function referenceRobustness(input: AssessmentInput, result: AssessmentResult): UnitRobustness[] {
  const params = result.params;
  const { spread, runs } = params.robustness;
  const w = weightForms(input, result);
  const I = w.indicators;
  const n = result.units.length;
  const D = result.dimensions.length;
  const names = result.units.map((u) => u.name);
  const next = seededRandom(ROBUSTNESS_SEED);
  const kept = new Array<number>(n).fill(0);
  const best = new Array<number>(n).fill(Infinity);
  const worst = new Array<number>(n).fill(-Infinity);
  for (let run = 0; run < runs; run++) {
    const factor = Array.from({ length: I }, () => 1 - spread + 2 * spread * next());
    const total = new Float64Array(n);
    const dims = new Float64Array(n * D);
    for (let k = 0; k < n; k++) {
      let sum = 0;
      const dim = new Array<number>(D).fill(0);
      for (let i = 0; i < I; i++) {
        const points = factor[i] * w.points[i];
        const stored = w.stored[k * I + i];
        const score = w.form[i] === Form.Linear ? factor[i] * stored : Math.min(Math.max(w.form[i] === Form.Deduction ? points - stored : stored, 0), points);
        sum += score;
        dim[w.dimensionOf[i]] += score;
      }
      total[k] = round2(sum);
      for (let d = 0; d < D; d++) dims[k * D + d] = round2(dim[d]);
    }
    const ranking = rankUnits({ names, types: result.units.map((u) => u.type), total, dimensionRounded: dims, dimensions: result.dimensions, tieBreak: params.tieBreak, rankByType: params.rankByType, rankStyle: params.rankStyle });
    const { grades } = gradeUnits(ranking, {
      names,
      nameCells: names,
      eligible: result.units.map((u) => u.eligible),
      prominent: result.units.map((u) => (u.prominent ? '!' : null)),
      goodQuota: params.goodQuota,
      averageQuota: params.averageQuota,
      tieMode: params.tieMode,
      vetoedMayBeGood: params.vetoedMayBeGood,
      dataSheet: '',
    });
    for (let k = 0; k < n; k++) {
      if (grades[k] === result.units[k].grade) kept[k]++;
      best[k] = Math.min(best[k], ranking.rank[k]);
      worst[k] = Math.max(worst[k], ranking.rank[k]);
    }
  }
  return kept.map((count, k) => ({ stability: count / runs, ranks: [best[k], worst[k]] }));
}

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
  const input = { indicators, units: [{ name: 'A村' }, { name: 'B村' }], values: tableOf([values, values]) } as unknown as AssessmentInput;
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

describe('the fast path against the reference', () => {
  it('agrees on the demo workbook and every tie variant (1,000 runs)', () => {
    const outcomes: [string, ReturnType<typeof demoOutcome>][] = [['demo', demoOutcome()], ...variantOutcomes()];
    for (const [label, outcome] of outcomes) {
      const { input, result } = outcome;
      expect([label, robustness(input!, result!).units]).toEqual([label, referenceRobustness(input!, result!)]);
    }
  });

  const field = syntheticInput(400, 12, 7);
  const cases: [string, Partial<Params>][] = [
    ['defaults', {}],
    ['分类排名, 并列就低', { rankByType: true, tieMode: 'low', goodQuota: 20, averageQuota: 30 }],
    ['中国式 ranks, 否决单位可评好', { rankStyle: 'dense', vetoedMayBeGood: true, goodQuota: 15 }],
    ['one tie-break dimension, wide spread', { tieBreak: ['精准帮扶'], robustness: { spread: 0.6, runs: 60 } }],
    ['no tie-break', { tieBreak: [] }],
  ];
  it.each(cases)('agrees on 400 units × 12 mixed indicators: %s', (_, params) => {
    const input = { ...field, params: { ...field.params, robustness: { spread: 0.2, runs: 100 }, ...params } };
    const result = compute(input);
    const r = robustness(input, result);
    expect(r.runs).toBe(input.params.robustness.runs);
    expect(r.units).toEqual(referenceRobustness(input, result));
    // Not a field where nothing moves.
    expect(r.units.some((u) => u.stability < 1 && u.ranks[0] < u.ranks[1])).toBe(true);
  });

  it('agrees when 扣分 and 加分 numbers sit on the edges where the clamp may or may not bite', () => {
    // Spread 0.2: a stored k·v at or within 1e-9·P of (1 − 0.2)·P or (1 + 0.2)·P, at P itself,
    // 0, negative, or missing (扣分: Infinity) — the cases that settle into one form for every
    // run and the ones that must stay with the clamp. The first clamped indicator gets only
    // numbers that settle (its column is summed without the clamp), the others all of them.
    const field = syntheticInput(240, 12, 5);
    const spread = 0.2;
    const clamped = field.indicators.map((ind, i) => (ind.method === 'deduction' || ind.method === 'bonus' ? i : -1)).filter((i) => i >= 0);
    expect(clamped.length).toBeGreaterThanOrEqual(2);
    const values = field.values;
    const n = field.units.length;
    for (const i of clamped) {
      const ind = field.indicators[i];
      const k = ind.perItem ?? 1;
      const P = ind.points;
      const settling = [0, -1, (1 - spread) * P * (1 - 2e-9), (1 + spread) * P * (1 + 2e-9), 3 * P];
      const edges = i === clamped[0] ? settling : [0, -1, (1 - spread) * P, (1 - spread) * P * (1 - 1e-9), (1 - spread) * P * (1 - 2e-9), (1 - spread) * P * (1 + 1e-12), P, (1 + spread) * P, (1 + spread) * P * (1 + 1e-9), (1 + spread) * P * (1 + 2e-9), (1 + spread) * P * (1 - 1e-12), 3 * P];
      for (let u = 0; u < n; u++) {
        const at = i * n + u;
        if (u % 13 === 12) {
          values.value[at] = NaN;
          values.missing[at] = 1;
        } else values.value[at] = edges[u % edges.length] / k;
      }
    }
    const input = { ...field, params: { ...field.params, robustness: { spread, runs: 80 } } };
    const result = compute(input);
    const r = robustness(input, result);
    expect(r.units).toEqual(referenceRobustness(input, result));
    expect(r.units.some((u) => u.stability < 1)).toBe(true);
  });

  it('agrees where totals are too far apart for the counting sort (the reference path runs)', () => {
    const small = syntheticInput(40, 6, 3);
    const input = { ...small, indicators: small.indicators.map((ind) => ({ ...ind, points: ind.points * 2000 })), params: { ...small.params, robustness: { spread: 0.2, runs: 50 } } };
    const result = compute(input);
    const totals = result.units.map((u) => u.total);
    // Over 65,536 hundredths between the lowest and the highest total (the ranker's floor of buckets).
    expect((Math.max(...totals) - Math.min(...totals)) * 100).toBeGreaterThan(2 ** 16);
    expect(robustness(input, result).units).toEqual(referenceRobustness(input, result));
  });
});
