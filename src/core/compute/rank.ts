/**
 * Step 3 of compute: ranking (RULEBOOK §4.1, §4.8). Units are ordered by rounded total,
 * then by the tie-break dimensions (rounded), all descending; units still equal share a
 * rank — competition ranking 1, 2, 2, 4 (default) or, with 排名方式 = 中国式, dense
 * ranking 1, 2, 2, 3 — and are listed by name (zh-Hans-CN collation), so
 * the order of the input rows never changes any result. With 分类排名 each 类型 is ranked
 * on its own (村 first, then 社区, then other types by name); ranks restart at 1.
 */
import type { RankStyle } from '../types';

/** A tie on total that a tie-break dimension decided, seen from one unit. */
export interface BrokenTie {
  /** Order positions [start, end) of the neighbouring rank group with the same total. */
  start: number;
  end: number;
  /** The dimension that decided. */
  dimension: string;
}

export interface Ranking {
  /** Unit indices (input positions) in result order. */
  order: number[];
  /** By unit index: its position in `order`. */
  position: Int32Array;
  /** By unit index: the rank within its type group (or overall), in the chosen style. */
  rank: Int32Array;
  /** By order position: [start, end) of the positions sharing this rank. */
  groupStart: Int32Array;
  groupEnd: Int32Array;
  /** Type groups as order positions [start, end), in result order (one group without 分类排名). */
  typeGroups: { type: string | null; start: number; end: number }[];
  /**
   * By unit index: the rank group just below it with the same total, when a dimension put
   * this unit ahead; else null. Builds a new object per call. Cost: O(1).
   */
  ahead(unit: number): BrokenTie | null;
  /**
   * By unit index: the rank group just above it with the same total, when a dimension put
   * this unit behind; else null. Builds a new object per call. Cost: O(1).
   */
  behind(unit: number): BrokenTie | null;
}

export interface RankInput {
  names: string[];
  types: string[];
  /** Rounded totals, by unit index. */
  total: Float64Array;
  /** Rounded dimension scores, unit-major `[unit * dimensionCount + d]`. */
  dimensionRounded: Float64Array;
  dimensions: string[];
  /** Tie-break dimension names in order; names that are not dimensions are skipped. */
  tieBreak: string[];
  rankByType: boolean;
  /** 排名方式: 'competition' (1, 2, 2, 4; the default) or 'dense' (中国式, 1, 2, 2, 3). */
  rankStyle?: RankStyle;
}

const collator = new Intl.Collator('zh-Hans-CN');

/**
 * The sign of a difference as a sort comparator reads it: 1, -1, or 0 (also for NaN, which
 * `Array.prototype.sort` treats as 0). Cost: O(1).
 * @example signOf(-0.25) // => -1
 */
function signOf(difference: number): number {
  return difference > 0 ? 1 : difference < 0 ? -1 : 0;
}

/**
 * Unit indices by type ordinal, then total descending, then (when `first` is given and the
 * keys fit) the first tie-break dimension descending, then input position — through one
 * native numeric sort of packed keys `(type, −hundredths of total, −hundredths of first,
 * index)`, which is much faster than a comparator sort. `byFirst` says whether `first` made
 * it into the keys. Also, read off the sorted keys (no unit's data is read again, so no
 * cache misses): by order position, whether the unit has the type and total of the one
 * before it (`sameTotal`), and — when `byFirst` — the same first tie-break too
 * (`sameFirst`). Null when a total is not a whole number of hundredths (as `round2`
 * makes them) or the keys would not fit in 53 bits even without `first`: sort with a
 * comparator then. Cost: O(n log n). Never throws.
 * @example sortedByTypeAndTotal(Int32Array.of(0, 0, 0), Float64Array.of(90, 95.5, 90), null) // => { order: [1, 0, 2], byFirst: false, sameTotal: [0, 0, 1], sameFirst: null }
 */
export function sortedByTypeAndTotal(typeOrdinal: Int32Array, total: Float64Array, first: Float64Array | null): SortedUnits | null {
  const n = total.length;
  if (n === 0) return { order: [], byFirst: false, sameTotal: new Uint8Array(0), sameFirst: null };
  const totals = hundredthsRange(total);
  if (totals === null) return null;
  let types = 1;
  for (let u = 0; u < n; u++) if (typeOrdinal[u] + 1 > types) types = typeOrdinal[u] + 1;
  const span = totals.high - totals.low + 1;
  if (types * span * n > 2 ** 53) return null;
  const firsts = first === null ? null : hundredthsRange(first);
  const firstSpan = firsts === null ? 1 : firsts.high - firsts.low + 1;
  const byFirst = firsts !== null && types * span * firstSpan * n <= 2 ** 53;
  const keys = new Float64Array(n);
  const high = totals.high;
  if (byFirst) {
    const fHigh = firsts.high;
    for (let u = 0; u < n; u++) keys[u] = ((typeOrdinal[u] * span + (high - Math.round(total[u] * 100))) * firstSpan + (fHigh - Math.round(first![u] * 100))) * n + u;
  } else {
    for (let u = 0; u < n; u++) keys[u] = (typeOrdinal[u] * span + (high - Math.round(total[u] * 100))) * n + u;
  }
  keys.sort();
  const order: number[] = new Array(n);
  const sameTotal = new Uint8Array(n);
  const sameFirst = byFirst ? new Uint8Array(n) : null;
  // A key is group · n + unit, exactly (below 2^53): the group is (key − unit) / n, exactly;
  // with the first tie-break in it, group = (type, total) · firstSpan + first.
  let previousGroup = -1;
  let previousTotal = -1;
  for (let p = 0; p < n; p++) {
    const unit = keys[p] % n;
    order[p] = unit;
    const group = (keys[p] - unit) / n;
    const totalGroup = byFirst ? (group - (group % firstSpan)) / firstSpan : group;
    sameTotal[p] = totalGroup === previousTotal ? 1 : 0;
    if (sameFirst !== null) sameFirst[p] = group === previousGroup ? 1 : 0;
    previousGroup = group;
    previousTotal = totalGroup;
  }
  return { order, byFirst, sameTotal, sameFirst };
}

/** What sortedByTypeAndTotal returns: the order and, by order position, which neighbours are equal. */
export interface SortedUnits {
  order: number[];
  byFirst: boolean;
  /** 1 where the unit at this position has the type and total of the one before it. */
  sameTotal: Uint8Array;
  /** When `byFirst`: 1 where it also has the same first tie-break score; else null. */
  sameFirst: Uint8Array | null;
}

/**
 * The lowest and highest of the numbers as whole counts of hundredths, or null when one is
 * not a whole number of hundredths (equal hundredths ⟺ equal numbers, same order). The
 * counts themselves are `Math.round(x * 100)` again where needed: an array of them was one
 * more fresh allocation per computation. Cost: O(n).
 */
function hundredthsRange(numbers: Float64Array): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (let u = 0; u < numbers.length; u++) {
    const whole = Math.round(numbers[u] * 100);
    if (whole / 100 !== numbers[u]) return null;
    if (whole < low) low = whole;
    if (whole > high) high = whole;
  }
  return { low, high };
}

/**
 * Sorts, in place, every run of neighbours in `order` that `joins` says belong together
 * (`joins(p)`: position p belongs with p − 1), with `compare`. Cost: O(n + Σ run · log run).
 * @example sortRuns(order = [5, 1, 2, 9], (p) => p === 2, (a, b) => b - a) // order => [5, 2, 1, 9]
 */
function sortRuns(order: number[], joins: (p: number) => boolean, compare: (a: number, b: number) => number): void {
  const n = order.length;
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && joins(end)) end++;
    if (end - start > 1) {
      const run = order.slice(start, end).sort(compare);
      for (let q = 0; q < run.length; q++) order[start + q] = run[q];
    }
    start = end;
  }
}

/**
 * By order position: 1 where the unit has the type, total and first tie-break score of the
 * one before it (`first` null: no tie-break, every position 1). Cost: O(n).
 */
function sameFirstOf(order: number[], sameTotal: Uint8Array, first: Float64Array | null): Uint8Array {
  const same = new Uint8Array(order.length).fill(1);
  if (first !== null) for (let p = 1; p < order.length; p++) same[p] = sameTotal[p] === 1 && first[order[p]] === first[order[p - 1]] ? 1 : 0;
  return same;
}

/**
 * Position of a type in 分类排名 order: 村, 社区, then the others by collation.
 * Cost: O(types · log types).
 */
function typeOrdinals(types: string[]): Map<string, number> {
  const fixed = ['村', '社区'];
  const others = [...new Set(types)].filter((type) => !fixed.includes(type)).sort(collator.compare);
  return new Map([...fixed, ...others].map((type, i) => [type, i]));
}

/**
 * Ranks the units. Sorts once; numbers are compared first and the collator is used only to
 * order exact ties. Cost: O(n log n · tie-break dimensions). Never throws.
 * @example rankUnits({ names: ['A', 'B'], types: ['村', '村'], total: Float64Array.of(90, 95), … }).order // => [1, 0]
 */
export function rankUnits(input: RankInput): Ranking {
  const { names, types, total, dimensionRounded, dimensions, rankByType } = input;
  const n = names.length;
  const dimensionCount = dimensions.length;
  const tieDims = Int32Array.from(input.tieBreak.map((name) => dimensions.indexOf(name)).filter((d) => d >= 0));
  const typeOrdinal = new Int32Array(n);
  if (rankByType) {
    const ordinals = typeOrdinals(types);
    for (let u = 0; u < n; u++) typeOrdinal[u] = ordinals.get(types[u]) ?? 0;
  }

  const tieCount = tieDims.length;
  /** First tie-break dimension (index into tieDims) from `from` on which a and b differ, or -1. */
  const firstDifference = (a: number, b: number, from: number): number => {
    const baseA = a * dimensionCount;
    const baseB = b * dimensionCount;
    for (let k = from; k < tieCount; k++) {
      const d = tieDims[k];
      if (dimensionRounded[baseA + d] !== dimensionRounded[baseB + d]) return k;
    }
    return -1;
  };

  // The comparators return small integers (the sign of each difference): returning the
  // difference itself would box a number per comparison.
  /** Order of two units with the same type and total: tie-break dimensions, then name, then input position. */
  const compareTied = (a: number, b: number): number => {
    const baseA = a * dimensionCount;
    const baseB = b * dimensionCount;
    for (let k = 0; k < tieCount; k++) {
      const d = tieDims[k];
      const x = dimensionRounded[baseA + d];
      const y = dimensionRounded[baseB + d];
      if (x !== y) return signOf(y - x);
    }
    return collator.compare(names[a], names[b]) || a - b;
  };
  let first: Float64Array | null = null;
  if (tieCount > 0) {
    first = new Float64Array(n);
    for (let u = 0; u < n; u++) first[u] = dimensionRounded[u * dimensionCount + tieDims[0]];
  }
  const sorted = sortedByTypeAndTotal(typeOrdinal, total, first);
  let order: number[];
  // By order position: the unit has the type and total of the one before it; and also the
  // same first tie-break score (1 without tie-breaks). Read off the sorted keys when they
  // hold them: comparing neighbours' data in sorted order misses the cache at every step.
  let sameTotal: Uint8Array;
  if (sorted) {
    order = sorted.order;
    sameTotal = sorted.sameTotal;
    const keyed = sorted.sameFirst;
    // Runs left to order: the same type and total (and first tie-break when it was keyed).
    sortRuns(order, (p) => sameTotal[p] === 1 && (keyed === null || keyed[p] === 1), compareTied);
  } else {
    order = new Array(n);
    for (let u = 0; u < n; u++) order[u] = u;
    order.sort((a, b) => {
      if (typeOrdinal[a] !== typeOrdinal[b]) return typeOrdinal[a] - typeOrdinal[b];
      if (total[a] !== total[b]) return signOf(total[b] - total[a]);
      return compareTied(a, b);
    });
    sameTotal = new Uint8Array(n);
    for (let p = 1; p < n; p++) sameTotal[p] = typeOrdinal[order[p]] === typeOrdinal[order[p - 1]] && total[order[p]] === total[order[p - 1]] ? 1 : 0;
  }
  const sameFirst = sorted?.sameFirst ?? sameFirstOf(order, sameTotal, first);
  /** First tie-break (index into tieDims) on which the units at positions p − 1 and p differ, or -1; they have the same type and total. */
  const differenceAt = (p: number): number => (sameFirst[p] === 0 ? 0 : firstDifference(order[p], order[p - 1], 1));

  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]] = p;
  const rank = new Int32Array(n);
  const groupStart = new Int32Array(n);
  const groupEnd = new Int32Array(n);
  const typeGroups: Ranking['typeGroups'] = [];
  const dense = input.rankStyle === 'dense';
  let typeStart = 0;
  let groups = 0; // rank groups so far in this type group (the dense rank)
  for (let p = 0; p < n; p++) {
    const u = order[p];
    const prev = p > 0 ? order[p - 1] : -1;
    const newType = p === 0 || typeOrdinal[u] !== typeOrdinal[prev];
    if (newType) {
      if (p > 0) typeGroups.push({ type: rankByType ? types[prev] : null, start: typeStart, end: p });
      typeStart = p;
      groups = 0;
    }
    const tied = !newType && sameTotal[p] === 1 && differenceAt(p) < 0;
    if (tied) {
      rank[u] = rank[prev];
      groupStart[p] = groupStart[p - 1];
    } else {
      groups++;
      rank[u] = dense ? groups : p - typeStart + 1;
      groupStart[p] = p;
    }
  }
  if (n > 0) typeGroups.push({ type: rankByType ? types[order[n - 1]] : null, start: typeStart, end: n });
  for (let p = n - 1; p >= 0; p--) {
    groupEnd[p] = p + 1 < n && groupStart[p + 1] === groupStart[p] ? groupEnd[p + 1] : p + 1;
  }

  // Ties on total that a dimension decided: between neighbouring rank groups with the same
  // total. By unit index: the index in `dimensions` of the deciding dimension, or -1.
  const aheadOn = new Int32Array(n).fill(-1);
  const behindOn = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p = groupEnd[p]) {
    const next = groupEnd[p];
    if (next >= n) break;
    if (sameTotal[next] === 0) continue;
    const k = differenceAt(next);
    if (k < 0) continue;
    for (let q = p; q < next; q++) aheadOn[order[q]] = tieDims[k];
    for (let q = next; q < groupEnd[next]; q++) behindOn[order[q]] = tieDims[k];
  }
  const ahead = (unit: number): BrokenTie | null => {
    if (aheadOn[unit] < 0) return null;
    const lower = groupEnd[position[unit]];
    return { start: lower, end: groupEnd[lower], dimension: dimensions[aheadOn[unit]] };
  };
  const behind = (unit: number): BrokenTie | null => {
    if (behindOn[unit] < 0) return null;
    const upper = groupStart[groupStart[position[unit]] - 1];
    return { start: upper, end: groupStart[position[unit]], dimension: dimensions[behindOn[unit]] };
  };

  return { order, position, rank, groupStart, groupEnd, typeGroups, ahead, behind };
}
