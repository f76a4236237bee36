/**
 * 差距分析 verified by construction: raising a unit's total by toBetter (everyone else and its
 * own dimension scores unchanged) gives it the better grade with the real rank and grade
 * functions on the whole field, and toBetter − 0.01 does not; lowering it by toWorse keeps
 * the grade and 0.01 more loses it.
 */
import { gradeUnits, rankUnits } from '../../../src/core/compute';
import { round2 } from '../../../src/core/numbers';
import { gaps, GRADE_ORDER, rankContext, type RankContext } from '../../../src/core/analysis';
import type { AssessOutcome } from '../../../src/core/index';
import type { Grade } from '../../../src/core/types';
import { compute } from '../../../src/core/compute';
import { syntheticInput } from '../../helpers/generate';
import { demoOutcome, variantOutcomes } from './support';

/** Unit k's grade with its total set to `total`, everything else as computed (whole field). */
function gradeWith(ctx: RankContext, k: number, total: number): Grade {
  const p = ctx.result.params;
  const totals = Float64Array.from(ctx.total);
  totals[k] = total;
  const ranking = rankUnits({
    names: ctx.names,
    types: ctx.types,
    total: totals,
    dimensionRounded: ctx.dimensionRounded,
    dimensions: ctx.dimensions,
    tieBreak: p.tieBreak,
    rankByType: p.rankByType,
  });
  return gradeUnits(ranking, {
    names: ctx.names,
    nameCells: ctx.names,
    eligible: ctx.result.units.map((u) => u.eligible),
    prominent: ctx.result.units.map((u) => (u.prominent ? 'x' : null)),
    goodQuota: p.goodQuota,
    averageQuota: p.averageQuota,
    tieMode: p.tieMode,
    dataSheet: '考核数据',
  }).grades[k];
}

const rankOf = (g: Grade) => GRADE_ORDER.indexOf(g);

function checkByConstruction(outcome: AssessOutcome): number {
  const ctx = rankContext(outcome.result!);
  const list = gaps(ctx);
  let checked = 0;
  list.forEach((gap, k) => {
    const t = ctx.total[k];
    const grade = ctx.grades[k];
    // The unchanged total gives the computed grade (the construction is faithful).
    expect(gradeWith(ctx, k, t)).toBe(grade);
    if (gap.toBetter !== null) {
      expect(rankOf(gradeWith(ctx, k, round2(t + gap.toBetter)))).toBeLessThan(rankOf(grade));
      expect(gradeWith(ctx, k, round2(t + gap.toBetter - 0.01))).toBe(grade);
      checked++;
    }
    if (gap.toWorse !== null) {
      expect(gradeWith(ctx, k, round2(t - gap.toWorse))).toBe(grade);
      if (gap.toWorse < t) expect(rankOf(gradeWith(ctx, k, round2(t - gap.toWorse - 0.01)))).toBeGreaterThan(rankOf(grade));
      checked++;
    }
    if (grade === '好') expect(gap.toBetter).toBeNull();
    if (grade === '一般' || grade === '较差') expect(gap.toWorse).toBeNull();
  });
  return checked;
}

describe('gaps on the demo workbook', () => {
  const outcome = demoOutcome();
  it('holds by construction for every unit', () => {
    expect(checkByConstruction(outcome)).toBeGreaterThan(20);
  });

  it('gives the hand-worked figures', () => {
    const byName = (name: string) => outcome.json.units.find((u) => u.name === name)!;
    // 幸福村 93.72 needs 95.35 + 0.01 to pass 黄金村 (the third 好 place): 95.36 − 93.72 = 1.64.
    expect(byName('幸福村').toBetter).toBe(1.64);
    // 文白社区 is vetoed: never 好.
    expect(byName('文白社区').toBetter).toBeNull();
    // 五爱村 has a 突出问题 (较差): neither figure.
    expect(byName('五爱村')).toMatchObject({ toBetter: null, toWorse: null });
    // 梧桐社区 73.82 (一般) must leave the last two ungraded places (五爱村 is 较差, so they are
    // 七里冲村 and itself): passing 黄沙村 (78.22) at 78.23 puts 黄沙村 there instead. 78.23 − 73.82 = 4.41.
    expect(byName('梧桐社区').toBetter).toBe(4.41);
  });
});

describe.each(variantOutcomes())('gaps — acceptance variant %s', (_label, outcome) => {
  it('holds by construction for every unit', () => {
    expect(outcome.ok).toBe(true);
    checkByConstruction(outcome);
  });
});

describe('gaps on generated fields', () => {
  it.each([
    ['together, 并列就高', {}],
    ['分类排名, 并列就低, quotas 5 and 4', { rankByType: true, tieMode: 'low', goodQuota: 5, averageQuota: 4 }],
  ] as const)('hold by construction (%s)', (_label, over) => {
    const input = syntheticInput(240, 10, 7);
    input.params = { ...input.params, ...over };
    const result = compute(input);
    const outcome = { result } as AssessOutcome;
    expect(checkByConstruction(outcome)).toBeGreaterThan(200);
  });
});
