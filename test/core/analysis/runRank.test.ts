/**
 * The robustness run ranker gives what rankUnits + gradeUnits give (ranks, grades) on every
 * rule: vetoes, 突出问题, quotas, tie-breaks by dimension, 并列就高/就低, 分类排名,
 * competition and dense ranks, 否决单位可评好 — by hand on small cases, then as a property
 * over random small fields full of ties. hundredthsOf is round2 in hundredths.
 */
import fc from 'fast-check';
import { GRADE_ORDER } from '../../../src/core/analysis';
import { gradeCode, hundredthsOf, runRanker, type RunUnits } from '../../../src/core/analysis/runRank';
import { gradeUnits, rankUnits } from '../../../src/core/compute';
import { round2 } from '../../../src/core/numbers';
import type { Grade, RankStyle, TieMode } from '../../../src/core/types';
import { runs } from '../../property/arbitraries';

interface Case {
  names: string[];
  types: string[];
  /** Rounded totals. */
  total: number[];
  /** Rounded dimension scores, unit-major, `dimensions.length` per unit. */
  dims: number[];
  dimensions: string[];
  tieBreak: string[];
  mayBeGood: boolean[];
  prominent: boolean[];
  goodQuota: number;
  averageQuota: number;
  tieMode: TieMode;
  rankStyle: RankStyle;
  rankByType: boolean;
  /** Give units with equal scores one row class (the ranker may then skip their tie-breaks). */
  classes: boolean;
}

/** rankUnits then gradeUnits, the real rules. */
function reference(c: Case): { rank: number[]; grades: Grade[] } {
  const ranking = rankUnits({
    names: c.names,
    types: c.types,
    total: Float64Array.from(c.total),
    dimensionRounded: Float64Array.from(c.dims),
    dimensions: c.dimensions,
    tieBreak: c.tieBreak,
    rankByType: c.rankByType,
    rankStyle: c.rankStyle,
  });
  const grading = gradeUnits(ranking, {
    names: c.names,
    nameCells: c.names,
    eligible: c.mayBeGood,
    prominent: c.prominent.map((p) => (p ? '!' : null)),
    goodQuota: c.goodQuota,
    averageQuota: c.averageQuota,
    tieMode: c.tieMode,
    dataSheet: '',
  });
  return { rank: [...ranking.rank], grades: grading.grades };
}

/** The ranker's units for a case, with `base` as the grades counted against. */
function runUnits(c: Case, base: Grade[]): RunUnits {
  const n = c.names.length;
  const D = c.dimensions.length;
  const typeIds = new Map<string, number>();
  const typeId = Int32Array.from(c.types, (type) => {
    if (!c.rankByType) return 0;
    if (!typeIds.has(type)) typeIds.set(type, typeIds.size);
    return typeIds.get(type)!;
  });
  const signature = (u: number) => JSON.stringify([c.total[u], c.dims.slice(u * D, (u + 1) * D)]);
  const firstOf = new Map<string, number>();
  for (let u = 0; u < n; u++) if (!firstOf.has(signature(u))) firstOf.set(signature(u), u);
  const rowClass = Int32Array.from({ length: n }, (_, u) => (c.classes ? firstOf.get(signature(u))! : -1));
  return {
    typeId,
    typeCount: Math.max(1, typeIds.size),
    mayBeGood: Uint8Array.from(c.mayBeGood, Number),
    prominent: Uint8Array.from(c.prominent, Number),
    rowClass,
    tieLevels: c.tieBreak.filter((name) => c.dimensions.includes(name)).length,
    goodQuota: c.goodQuota,
    averageQuota: c.averageQuota,
    tieMode: c.tieMode,
    rankStyle: c.rankStyle,
    baseGrade: Uint8Array.from(base, gradeCode),
  };
}

/** One run of the ranker on a case: ranks (best = worst after one run), grades, misses against `base`. */
function fast(c: Case, base: Grade[]): { rank: number[]; grades: Grade[]; missed: number[] } | null {
  const ranker = runRanker(runUnits(c, base));
  const D = c.dimensions.length;
  const tieDims = c.tieBreak.map((name) => c.dimensions.indexOf(name)).filter((d) => d >= 0);
  const keys = Float64Array.from(c.total, hundredthsOf);
  const ties = { value: (u: number, level: number) => hundredthsOf(c.dims[u * D + tieDims[level]]) };
  if (!ranker.run(keys, ties)) return null;
  const { best, worst, missed } = ranker.tally;
  expect([...best]).toEqual([...worst]);
  const outcome = { rank: [...best], grades: c.names.map((_, u) => GRADE_ORDER[ranker.gradeOf(u)]), missed: [...missed] };
  // With every unit's first tie-break score handed over (two counting sorts, the callback
  // asked from level 1 on only): the same outcome, and never a level-0 read.
  if (tieDims.length > 0) {
    const sorted = runRanker(runUnits(c, base));
    const lead = Float64Array.from(c.names, (_, u) => hundredthsOf(c.dims[u * D + tieDims[0]]));
    const deeper = { value: (u: number, level: number) => (level === 0 ? NaN : ties.value(u, level)) };
    expect(sorted.run(keys, deeper, lead)).toBe(true);
    expect({ rank: [...sorted.tally.best], grades: c.names.map((_, u) => GRADE_ORDER[sorted.gradeOf(u)]), missed: [...sorted.tally.missed] }).toEqual(outcome);
  }
  return outcome;
}

const base: Omit<Case, 'names' | 'types' | 'total' | 'dims' | 'mayBeGood' | 'prominent'> = {
  dimensions: ['甲', '乙'],
  tieBreak: ['甲', '乙'],
  goodQuota: 2,
  averageQuota: 1,
  tieMode: 'high',
  rankStyle: 'competition',
  rankByType: false,
  classes: false,
};

describe('runRanker by hand', () => {
  // A 90 | B, C, D 85 (甲 40, 40, 30: D behind; 乙 equal: B and C tied) | E 70, vetoed.
  const field: Case = {
    ...base,
    names: ['A', 'B', 'C', 'D', 'E'],
    types: ['村', '村', '村', '村', '村'],
    total: [90, 85, 85, 85, 70],
    dims: [50, 40, 40, 45, 40, 45, 30, 55, 35, 35],
    mayBeGood: [true, true, true, true, false],
    prominent: [false, false, false, false, false],
  };
  const none = field.names.map((): Grade => '较好');

  it('breaks ties by dimension and shares the rest; 并列就高 gives a split group 好', () => {
    // 好 quota 2: A, then B and C tied for 2nd take one place between them → both 好 (就高).
    expect(fast(field, none)).toEqual({ rank: [1, 2, 2, 4, 5], grades: ['好', '好', '好', '较好', '一般'], missed: [1, 1, 1, 0, 1] });
  });

  it('并列就低 gives the split group 较好; dense ranks count groups', () => {
    const low = { ...field, tieMode: 'low' as const, rankStyle: 'dense' as const };
    expect(fast(low, none)?.grades).toEqual(['好', '较好', '较好', '较好', '一般']);
    expect(fast(low, none)?.rank).toEqual([1, 2, 2, 3, 4]);
  });

  it('passes a vetoed unit over for 好 unless 否决单位可评好; a 突出问题 is 较差', () => {
    const vetoedTop = { ...field, mayBeGood: [false, true, true, true, true], prominent: [false, false, false, true, false], goodQuota: 1 };
    // A vetoed: 好 goes to B and C (tied, 就高); D has a 突出问题; 一般 is the last ungraded, E.
    expect(fast(vetoedTop, none)?.grades).toEqual(['较好', '好', '好', '较差', '一般']);
    const mayBeGood = { ...vetoedTop, mayBeGood: [true, true, true, true, true] };
    expect(fast(mayBeGood, none)?.grades).toEqual(['好', '较好', '较好', '较差', '一般']);
  });

  it('ranks and grades each type on its own with 分类排名', () => {
    const byType = { ...field, types: ['村', '社区', '村', '社区', '村'], rankByType: true, goodQuota: 1 };
    // 村: A 90, C 85, E 70 → 1, 2, 3; 社区: B 85 (甲 40), D 85 (甲 30) → 1, 2.
    expect(fast(byType, none)).toEqual({ rank: [1, 1, 2, 2, 3], grades: ['好', '好', '较好', '一般', '一般'], missed: [1, 1, 0, 1, 1] });
  });

  it('gives up on NaN and on totals too far apart for a counting sort', () => {
    const ranker = runRanker(runUnits(field, none));
    const ties = { value: () => 0 };
    expect(ranker.run(Float64Array.of(9000, NaN, 8500, 8500, 7000), ties)).toBe(false);
    expect(ranker.run(Float64Array.of(9000, 8500, 8500, 8500, 1e7), ties)).toBe(false);
    expect([...ranker.tally.worst]).toEqual([0, 0, 0, 0, 0]);
  });

  it('tallies runs: best and worst ranks, runs with another grade', () => {
    const ranker = runRanker(runUnits(field, ['好', '好', '好', '较好', '一般']));
    ranker.run(Float64Array.of(9000, 8500, 8500, 8500, 7000), { value: () => 0 }); // 1, 2, 2, 2, 5; all kept but D (好 now)
    ranker.add(Int32Array.of(5, 4, 3, 2, 1), Uint8Array.of(2, 2, 1, 0, 0));
    expect([...ranker.tally.best]).toEqual([1, 2, 2, 2, 1]);
    expect([...ranker.tally.worst]).toEqual([5, 4, 3, 2, 5]);
    expect([...ranker.tally.missed]).toEqual([1, 1, 1, 2, 1]);
  });
});

describe('hundredthsOf', () => {
  it('is round2 in whole hundredths, halves away from zero as the decimal reads', () => {
    expect([1.005, 0.1 + 0.2, 2.675, 0.125, 99.995, 0, -1.005, 1e6 + 0.005].map(hundredthsOf)).toEqual([101, 30, 268, 13, 10000, 0, -101, 100000001]);
    expect(hundredthsOf(Infinity)).toBeNaN();
    expect(hundredthsOf(NaN)).toBeNaN();
  });

  it('agrees with round2 everywhere, near halves included', () => {
    const near = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: -3, max: 3 })).map(([h, ulps]) => {
      let x = (h + 0.5) / 100;
      for (let s = 0; s < Math.abs(ulps); s++) x = ulps > 0 ? x + Number.EPSILON * x : x - Number.EPSILON * x;
      return x;
    });
    fc.assert(
      fc.property(fc.oneof(near, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 1000)), (x) => {
        expect(hundredthsOf(x)).toBe(Math.round(round2(x) * 100));
      }),
      runs(2000),
    );
  });
});

describe('runRanker against rankUnits + gradeUnits', () => {
  // Small fields with few distinct scores, so that totals, dimensions and quota boundaries
  // tie often; or (wide) many distinct dimension scores under two totals, so that groups of
  // equal totals up to 40 units are ordered by counting pair by pair (up to 16) or sorted.
  const fieldOf = (wide: boolean) => fc.integer({ min: 1, max: wide ? 40 : 24 }).chain((n) =>
    fc.record({
      names: fc.constant(Array.from({ length: n }, (_, u) => `单位${u}`)),
      types: fc.array(fc.constantFrom<string>('村', '社区', '街道'), { minLength: n, maxLength: n }),
      total: fc.array(fc.integer({ min: 0, max: wide ? 1 : 6 }).map((h) => 80 + h / 100), { minLength: n, maxLength: n }),
      dims: wide
        ? fc.array(fc.integer({ min: 0, max: 3000 }).map((h) => h / 100), { minLength: 2 * n, maxLength: 2 * n })
        : fc.array(fc.constantFrom<number>(10, 10.5, 11, 30.25), { minLength: 2 * n, maxLength: 2 * n }),
      dimensions: fc.constant<string[]>(['甲', '乙']),
      tieBreak: fc.constantFrom<string[]>([], ['甲'], ['乙', '甲'], ['甲', '乙'], ['丙', '乙'], ['乙', '乙']),
      mayBeGood: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      prominent: fc.array(fc.integer({ min: 0, max: 4 }).map((x) => x === 0), { minLength: n, maxLength: n }),
      goodQuota: fc.integer({ min: 0, max: 6 }),
      averageQuota: fc.integer({ min: 0, max: 6 }),
      tieMode: fc.constantFrom<TieMode>('high', 'low'),
      rankStyle: fc.constantFrom<RankStyle>('competition', 'dense'),
      rankByType: fc.boolean(),
      classes: fc.boolean(),
      base: fc.array(fc.constantFrom<Grade>(...GRADE_ORDER), { minLength: n, maxLength: n }),
    }),
  );
  const field = fc.boolean().chain(fieldOf);

  it('gives the same ranks and grades, and counts the grades that differ from the computation', () => {
    fc.assert(
      fc.property(field, ({ base: computed, ...c }) => {
        const want = reference(c);
        const got = fast(c, computed);
        expect(got).toEqual({ rank: want.rank, grades: want.grades, missed: want.grades.map((g, u) => (g === computed[u] ? 0 : 1)) });
      }),
      runs(1500),
    );
  });
});
