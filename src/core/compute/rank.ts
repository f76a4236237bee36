/**
 * Step 3 of compute: ranking (RULEBOOK §4.1, §4.8). Units are ordered by rounded total,
 * then by the tie-break dimensions (rounded), all descending; units still equal share a
 * rank (competition ranking 1, 2, 2, 4) and are listed by name (zh-Hans-CN collation), so
 * the order of the input rows never changes any result. With 分类排名 each 类型 is ranked
 * on its own (村 first, then 社区, then other types by name); ranks restart at 1.
 */

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
  /** By unit index: the competition rank within its type group (or overall). */
  rank: Int32Array;
  /** By order position: [start, end) of the positions sharing this rank. */
  groupStart: Int32Array;
  groupEnd: Int32Array;
  /** Type groups as order positions [start, end), in result order (one group without 分类排名). */
  typeGroups: { type: string | null; start: number; end: number }[];
  /** By unit index: the rank group just below it with the same total, when a dimension put this unit ahead. */
  ahead: (BrokenTie | null)[];
  /** By unit index: the rank group just above it with the same total, when a dimension put this unit behind. */
  behind: (BrokenTie | null)[];
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
}

const collator = new Intl.Collator('zh-Hans-CN');

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
  const tieDims = input.tieBreak.map((name) => dimensions.indexOf(name)).filter((d) => d >= 0);
  const typeOrdinal = new Int32Array(n);
  if (rankByType) {
    const ordinals = typeOrdinals(types);
    for (let u = 0; u < n; u++) typeOrdinal[u] = ordinals.get(types[u]) ?? 0;
  }

  /** First tie-break dimension (index into tieDims) on which a and b differ, or -1. */
  const firstDifference = (a: number, b: number): number => {
    for (let k = 0; k < tieDims.length; k++) {
      const d = tieDims[k];
      if (dimensionRounded[a * dimensionCount + d] !== dimensionRounded[b * dimensionCount + d]) return k;
    }
    return -1;
  };

  const order = Array.from({ length: n }, (_, u) => u);
  order.sort((a, b) => {
    if (typeOrdinal[a] !== typeOrdinal[b]) return typeOrdinal[a] - typeOrdinal[b];
    if (total[a] !== total[b]) return total[b] - total[a];
    const k = firstDifference(a, b);
    if (k >= 0) {
      const d = tieDims[k];
      return dimensionRounded[b * dimensionCount + d] - dimensionRounded[a * dimensionCount + d];
    }
    return collator.compare(names[a], names[b]) || a - b;
  });

  const position = new Int32Array(n);
  for (let p = 0; p < n; p++) position[order[p]] = p;
  const rank = new Int32Array(n);
  const groupStart = new Int32Array(n);
  const groupEnd = new Int32Array(n);
  const typeGroups: Ranking['typeGroups'] = [];
  let typeStart = 0;
  for (let p = 0; p < n; p++) {
    const u = order[p];
    const prev = p > 0 ? order[p - 1] : -1;
    const newType = p === 0 || typeOrdinal[u] !== typeOrdinal[prev];
    if (newType) {
      if (p > 0) typeGroups.push({ type: rankByType ? types[prev] : null, start: typeStart, end: p });
      typeStart = p;
    }
    const tied = !newType && total[u] === total[prev] && firstDifference(u, prev) < 0;
    if (tied) {
      rank[u] = rank[prev];
      groupStart[p] = groupStart[p - 1];
    } else {
      rank[u] = p - typeStart + 1;
      groupStart[p] = p;
    }
  }
  if (n > 0) typeGroups.push({ type: rankByType ? types[order[n - 1]] : null, start: typeStart, end: n });
  for (let p = n - 1; p >= 0; p--) {
    groupEnd[p] = p + 1 < n && groupStart[p + 1] === groupStart[p] ? groupEnd[p + 1] : p + 1;
  }

  // Ties on total that a dimension decided: between neighbouring rank groups with the same total.
  const ahead: (BrokenTie | null)[] = new Array(n).fill(null);
  const behind: (BrokenTie | null)[] = new Array(n).fill(null);
  for (let p = 0; p < n; p = groupEnd[p]) {
    const next = groupEnd[p];
    if (next >= n) break;
    const u = order[p];
    const v = order[next];
    if (typeOrdinal[u] !== typeOrdinal[v] || total[u] !== total[v]) continue;
    const k = firstDifference(u, v);
    if (k < 0) continue;
    const dimension = dimensions[tieDims[k]];
    const upper: BrokenTie = { start: p, end: next, dimension };
    const lower: BrokenTie = { start: next, end: groupEnd[next], dimension };
    for (let q = p; q < next; q++) ahead[order[q]] = lower;
    for (let q = next; q < groupEnd[next]; q++) behind[order[q]] = upper;
  }

  return { order, position, rank, groupStart, groupEnd, typeGroups, ahead, behind };
}

/**
 * The units a unit shares its rank with (after tie-breaks), by unit index, itself excluded.
 * Cost: O(group size).
 * @example tiedWith(ranking, ranking.order[3]) // => [5]
 */
export function tiedWith(ranking: Ranking, unit: number): number[] {
  const at = ranking.position[unit];
  const out: number[] = [];
  for (let p = ranking.groupStart[at]; p < ranking.groupEnd[at]; p++) {
    if (ranking.order[p] !== unit) out.push(ranking.order[p]);
  }
  return out;
}
