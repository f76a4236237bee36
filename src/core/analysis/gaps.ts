/**
 * 差距分析 (issue 13 §2): per unit, how many points of its displayed total (2 decimals)
 * it would take to reach the next better grade, and how many it could lose and keep its
 * grade — every other unit unchanged, its own dimension scores kept for the tie-breaks,
 * quotas, tie-breaks and tie mode applied by the real rank and grade functions.
 *
 * Only the units near the quota boundaries decide a grade: the 好 places are filled from
 * the top, the 一般 places from the bottom, and every unit between is 较好. So a unit's grade
 * at a changed total is read from a reduced problem — the unit itself, the others from the
 * top down to the (好名额 + 1)-th unit that may be 好, and the others from the bottom up to the
 * (一般名额 + 1)-th that are neither 好 nor 较差 (each extended to the end of its equal totals)
 * — whose grades are those of the full problem. The grade only changes where the unit's
 * total meets another's (T − 0.01, T, T + 0.01), and it rises with the total, so a binary
 * search over those candidates finds the answer. Cost per unit: O(log c) rankings of c ≈
 * 2·(quotas + vetoed near the top) units.
 */
import { round2 } from '../numbers';
import type { Grade, Msg } from '../types';
import { GRADE_ORDER, rankAndGrade, type RankContext, type Subset } from './context';

export interface UnitGap {
  /** Smallest increase of the total giving the next better grade, or null (see `betterWhy`). */
  toBetter: number | null;
  /** The grade it would reach. */
  better: Grade | null;
  /** Why toBetter is null. */
  betterWhy: Msg | null;
  /** Largest decrease that keeps the grade (null for 一般 and 较差). */
  toWorse: number | null;
}

/** Positions (result order) of the unit's ranking group: its type with 分类排名, else everyone. */
function groupOf(ctx: RankContext, k: number): number[] {
  const all: number[] = [];
  const byType = ctx.result.params.rankByType;
  for (let j = 0; j < ctx.names.length; j++) if (!byType || ctx.types[j] === ctx.types[k]) all.push(j);
  // Result order is rank order within a group; sort by rank to be safe.
  return all.sort((a, b) => ctx.ranks[a] - ctx.ranks[b] || a - b);
}

/**
 * The others that decide k's grade, as positions (see the file comment): walked from both
 * ends of the group, skipping k, never copying the group (that made gaps quadratic).
 * Cost: O(deciders).
 */
function deciders(ctx: RankContext, group: number[], k: number, at: number): number[] {
  const { goodQuota, averageQuota } = ctx.result.params;
  // The others in group order, through an index that skips k (at its position `at`, or -1).
  const count = group.length - (at >= 0 ? 1 : 0);
  const other = (i: number): number => group[at >= 0 && i >= at ? i + 1 : i];
  const inTop: number[] = [];
  let top = 0;
  let eligible = 0;
  while (top < count && eligible <= goodQuota) {
    const j = other(top);
    if (ctx.mayBeGood[j] && !ctx.prominent[j]) eligible++;
    inTop.push(j);
    top++;
  }
  while (top < count && ctx.total[other(top)] === ctx.total[other(top - 1)]) inTop.push(other(top++));
  let bottom = count - 1;
  let ordinary = 0;
  const inBottom: number[] = [];
  while (bottom >= top && ordinary <= averageQuota) {
    const j = other(bottom);
    if (!ctx.prominent[j]) ordinary++;
    inBottom.push(j);
    bottom--;
  }
  while (bottom >= top && ctx.total[other(bottom)] === ctx.total[other(bottom + 1)]) inBottom.push(other(bottom--));
  return [...inTop, ...inBottom, k];
}

/** The reduced problem's arrays; the unit under study is last. */
function subsetOf(ctx: RankContext, members: number[]): Subset {
  const D = ctx.dimensions.length;
  const dims = new Float64Array(members.length * D);
  members.forEach((j, m) => dims.set(ctx.dimensionRounded.subarray(j * D, j * D + D), m * D));
  return {
    names: members.map((j) => ctx.names[j]),
    types: members.map((j) => ctx.types[j]),
    total: Float64Array.from(members, (j) => ctx.total[j]),
    dimensionRounded: dims,
    mayBeGood: members.map((j) => ctx.mayBeGood[j]),
    prominent: members.map((j) => ctx.prominent[j]),
  };
}

const better = (a: Grade, b: Grade): boolean => GRADE_ORDER.indexOf(a) < GRADE_ORDER.indexOf(b);

/**
 * Every unit's distance to the next better grade and its margin to keep its grade.
 * Cost: O(units · log c · c log c) plus one sort per ranking group. Never throws.
 * @example gaps(rankContext(result))[3] // => { toBetter: 1.35, better: '好', betterWhy: null, toWorse: 2.1 }
 */
export function gaps(ctx: RankContext): UnitGap[] {
  const groups = new Map<string, number[]>();
  // Each unit's position in its group.
  const place = new Int32Array(ctx.names.length).fill(-1);
  return ctx.names.map((_, k) => {
    const key = ctx.result.params.rankByType ? ctx.types[k] : '';
    let group = groups.get(key);
    if (!group) {
      group = groupOf(ctx, k);
      groups.set(key, group);
      group.forEach((j, i) => {
        place[j] = i;
      });
    }
    return unitGap(ctx, group, k, place[k]);
  });
}

function unitGap(ctx: RankContext, group: number[], k: number, at: number): UnitGap {
  const grade = ctx.grades[k];
  const none: UnitGap = { toBetter: null, better: null, betterWhy: null, toWorse: null };
  if (ctx.prominent[k]) return { ...none, betterWhy: { code: 'analysis.gap.prominent' } };
  const members = deciders(ctx, group, k, at);
  const sub = subsetOf(ctx, members);
  const me = members.length - 1;
  const t = ctx.total[k];
  const gradeAt = (total: number): Grade => {
    sub.total[me] = total;
    return rankAndGrade(ctx, sub, sub.total, true).grades[me];
  };
  const candidates = new Set<number>();
  for (let m = 0; m < me; m++) {
    const other = sub.total[m];
    for (const c of [round2(other - 0.01), other, round2(other + 0.01)]) candidates.add(c);
  }
  candidates.add(0);
  const up = [...candidates].filter((c) => c > t).sort((a, b) => a - b);
  const down = [...candidates].filter((c) => c < t && c >= 0).sort((a, b) => b - a);

  const result: UnitGap = { ...none };
  if (grade === '好') result.betterWhy = { code: 'analysis.gap.best' };
  else if (grade === '较好' && !ctx.mayBeGood[k]) result.betterWhy = { code: 'analysis.gap.vetoed' };
  else {
    // First candidate with a better grade (grades rise with the total).
    let lo = 0;
    let hi = up.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(gradeAt(up[mid]), grade)) hi = mid;
      else lo = mid + 1;
    }
    if (lo < up.length) {
      result.toBetter = round2(up[lo] - t);
      result.better = gradeAt(up[lo]);
    } else result.betterWhy = { code: 'analysis.gap.unreachable' };
  }
  if (grade === '好' || grade === '较好') {
    // First candidate going down with a worse grade.
    let lo = 0;
    let hi = down.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(grade, gradeAt(down[mid]))) hi = mid;
      else lo = mid + 1;
    }
    result.toWorse = lo < down.length ? round2(t - down[lo] - 0.01) : t;
  }
  sub.total[me] = t;
  return result;
}
