import { rankUnits, sortedByTypeAndTotal, type RankInput } from '../../../src/core/compute/rank';

/** Units with [name, total, dim0, dim1]; dimensions d0, d1. */
function rankInput(rows: [string, number, number, number][], extra: Partial<RankInput> = {}): RankInput {
  return {
    names: rows.map((r) => r[0]),
    types: rows.map(() => '村'),
    total: Float64Array.from(rows.map((r) => r[1])),
    dimensionRounded: Float64Array.from(rows.flatMap((r) => [r[2], r[3]])),
    dimensions: ['d0', 'd1'],
    tieBreak: ['d0', 'd1'],
    rankByType: false,
    ...extra,
  };
}

const ordered = (input: RankInput) => {
  const ranking = rankUnits(input);
  return ranking.order.map((u) => [input.names[u], ranking.rank[u]]);
};

describe('rankUnits', () => {
  test('competition ranking 1, 2, 2, 4; ties listed by name', () => {
    const input = rankInput([
      ['梅池', 80, 10, 10],
      ['龙源', 90, 10, 10],
      ['大前', 80, 10, 10],
      ['黄金', 70, 10, 10],
    ]);
    // zh-Hans-CN collation orders by pinyin: 大前 (da) before 梅池 (mei)
    expect(ordered(input)).toEqual([
      ['龙源', 1],
      ['大前', 2],
      ['梅池', 2],
      ['黄金', 4],
    ]);
    // the rank group of 梅池 (order positions 1–2) holds 大前 and 梅池
    const ranking = rankUnits(input);
    const at = ranking.position[0];
    expect([ranking.groupStart[at], ranking.groupEnd[at]]).toEqual([1, 3]);
  });

  test('排名方式 中国式 (dense): 1, 2, 2, 3 — hand-worked', () => {
    // totals 95, 90, 90, 85, 85, 85, 80 → competition 1, 2, 2, 4, 4, 4, 7; dense 1, 2, 2, 3, 3, 3, 4
    const rows: [string, number, number, number][] = [
      ['A', 95, 0, 0],
      ['B', 90, 0, 0],
      ['C', 90, 0, 0],
      ['D', 85, 0, 0],
      ['E', 85, 0, 0],
      ['F', 85, 0, 0],
      ['G', 80, 0, 0],
    ];
    const ranks = (extra: Partial<RankInput>) => ordered(rankInput(rows, extra)).map(([, rank]) => rank);
    expect(ranks({})).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(ranks({ rankStyle: 'competition' })).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(ranks({ rankStyle: 'dense' })).toEqual([1, 2, 2, 3, 3, 3, 4]);
  });

  test('dense ranks restart in each type group with 分类排名', () => {
    const input = rankInput(
      [
        ['村1', 90, 0, 0],
        ['村2', 90, 0, 0],
        ['村3', 80, 0, 0],
        ['社区1', 85, 0, 0],
        ['社区2', 70, 0, 0],
      ],
      { rankStyle: 'dense', rankByType: true },
    );
    input.types = ['村', '村', '村', '社区', '社区'];
    expect(ordered(input)).toEqual([
      ['村1', 1],
      ['村2', 1],
      ['村3', 2],
      ['社区1', 1],
      ['社区2', 2],
    ]);
  });

  test('tie-break dimensions in the order given', () => {
    const rows: [string, number, number, number][] = [
      ['A', 80, 30, 50],
      ['B', 80, 29, 51],
      ['C', 80, 30, 49],
    ];
    expect(ordered(rankInput(rows))).toEqual([
      ['A', 1],
      ['C', 2],
      ['B', 3],
    ]);
    expect(ordered(rankInput(rows, { tieBreak: ['d1', 'd0'] }))).toEqual([
      ['B', 1],
      ['A', 2],
      ['C', 3],
    ]);
    expect(ordered(rankInput(rows, { tieBreak: [] }))).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
    ]);
    // an unknown name is skipped
    expect(ordered(rankInput(rows, { tieBreak: ['无此维度', 'd1'] }))[0]).toEqual(['B', 1]);
  });

  test('which dimension broke a tie, between neighbouring rank groups with the same total', () => {
    const input = rankInput([
      ['D', 88, 30, 58],
      ['E', 88, 28, 60],
      ['E2', 88, 28, 60],
      ['X', 70, 30, 40],
    ]);
    const ranking = rankUnits(input);
    expect(ranking.ahead(0)).toEqual({ start: 1, end: 3, dimension: 'd0' });
    expect(ranking.behind(1)).toEqual({ start: 0, end: 1, dimension: 'd0' });
    expect(ranking.behind(2)).toEqual({ start: 0, end: 1, dimension: 'd0' });
    expect(ranking.ahead(1)).toBeNull();
    expect(ranking.ahead(2)).toBeNull(); // X has another total
    expect([...ranking.groupStart]).toEqual([0, 1, 1, 3]);
    expect([...ranking.groupEnd]).toEqual([1, 3, 3, 4]);
  });

  test('rankByType: 村, 社区, then others by collation; ranks restart', () => {
    const input = rankInput(
      [
        ['a', 50, 0, 0],
        ['b', 60, 0, 0],
        ['c', 70, 0, 0],
        ['d', 80, 0, 0],
        ['e', 90, 0, 0],
      ],
      { types: ['站所', '社区', '村', '社区', '工作队'], rankByType: true },
    );
    const ranking = rankUnits(input);
    expect(ordered(input)).toEqual([
      ['c', 1],
      ['d', 1],
      ['b', 2],
      ['e', 1], // 工作队 (gong) before 站所 (zhan)
      ['a', 1],
    ]);
    expect(ranking.typeGroups).toEqual([
      { type: '村', start: 0, end: 1 },
      { type: '社区', start: 1, end: 3 },
      { type: '工作队', start: 3, end: 4 },
      { type: '站所', start: 4, end: 5 },
    ]);
  });

  test('empty input', () => {
    expect(rankUnits(rankInput([])).order).toEqual([]);
    expect(rankUnits(rankInput([])).typeGroups).toEqual([]);
  });
});

describe('sortedByTypeAndTotal: the fast first sort', () => {
  test.each([
    ['totals descending, ties in input order', [0, 0, 0, 0], [90, 95.5, 90, 100], [3, 1, 0, 2]],
    ['type first', [1, 0, 1, 0], [99, 50, 10, 60], [3, 1, 0, 2]],
    ['negative and zero totals', [0, 0, 0], [-1.25, 0, -0.01], [1, 2, 0]],
    ['no units', [], [], []],
  ] as const)('%s', (_, types, totals, expected) => {
    expect(sortedByTypeAndTotal(Int32Array.from(types), Float64Array.from(totals), null)).toMatchObject({ order: expected, byFirst: false });
  });

  test('with the first tie-break dimension in the keys: ties on total ordered by it, higher first', () => {
    // totals 90, 95, 90, 90 with first dimension 3, 1, 7, 3 → 95 (1); then 90s by dimension: 2 (7), 0 (3), 3 (3, later row)
    expect(sortedByTypeAndTotal(new Int32Array(4), Float64Array.of(90, 95, 90, 90), Float64Array.of(3, 1, 7, 3))).toMatchObject({ order: [1, 2, 0, 3], byFirst: true });
    // …and which neighbours are equal, read off the sorted keys: 95 | 90 (7) | 90 (3) = 90 (3).
    const sorted = sortedByTypeAndTotal(new Int32Array(4), Float64Array.of(90, 95, 90, 90), Float64Array.of(3, 1, 7, 3))!;
    expect([...sorted.sameTotal]).toEqual([0, 0, 1, 1]);
    expect([...sorted.sameFirst!]).toEqual([0, 0, 0, 1]);
    // By type first: 村 95 | 村 90 || 社区 90 — a new type is never the same total.
    const typed = sortedByTypeAndTotal(Int32Array.of(0, 1, 0), Float64Array.of(90, 90, 95), null)!;
    expect(typed.order).toEqual([2, 0, 1]);
    expect([...typed.sameTotal]).toEqual([0, 0, 0]);
    expect(typed.sameFirst).toBeNull();
  });

  test('leaves the first tie-break out when it would not fit in 53 bits, or is not in hundredths', () => {
    expect(sortedByTypeAndTotal(new Int32Array(2), Float64Array.of(90, 95), Float64Array.of(3e13, -3e13))).toMatchObject({ order: [1, 0], byFirst: false });
    expect(sortedByTypeAndTotal(new Int32Array(2), Float64Array.of(90, 90), Float64Array.of(0.001, 0.002))).toMatchObject({ order: [0, 1], byFirst: false });
  });

  test.each([
    ['a total with more than 2 decimals', [90.125, 3]],
    ['a non-finite total', [Number.NaN, 3]],
    ['keys beyond 53 bits', [3e13, -3e13]],
  ])('declines %s (a comparator sort takes over)', (_, totals) => {
    expect(sortedByTypeAndTotal(new Int32Array(totals.length), Float64Array.from(totals), null)).toBeNull();
  });

  test('orders as the rule says, with narrow and with wide totals', () => {
    // 40 units, two types, totals among 0, 0.25, 0.5 and `top` (300 or 1000), first dimension
    // among 1, 2, 3: many ties on total, broken by the first dimension, then input position.
    const types = Int32Array.from({ length: 40 }, (_, u) => (u * 7) % 2);
    const firsts = Float64Array.from({ length: 40 }, (_, u) => 1 + ((u * 5) % 3));
    for (const top of [300, 1000]) {
      const totals = Float64Array.from({ length: 40 }, (_, u) => [0, 0.25, 0.5, top][(u * 3) % 4]);
      // The rule: type ascending, total descending, first dimension descending, input position.
      const expected = Array.from({ length: 40 }, (_, u) => u).sort((a, b) => types[a] - types[b] || totals[b] - totals[a] || firsts[b] - firsts[a] || a - b);
      expect(sortedByTypeAndTotal(types, totals, firsts)).toMatchObject({ order: expected, byFirst: true });
    }
  });

  test('rankUnits orders the same with or without it', () => {
    // Rows that the fast sort accepts, and the same rows with every total nudged off the
    // hundredths grid (so a comparator sort is used): the orders must agree.
    const rows: [string, number, number, number][] = [];
    for (let i = 0; i < 60; i++) rows.push([`村${(i * 37) % 60}`, 80 + (i % 7) * 0.25, (i * 13) % 5, (i * 7) % 3]);
    const types = rows.map((_, i) => (i % 4 === 0 ? '社区' : '村'));
    const fast = rankUnits(rankInput(rows, { types, rankByType: true }));
    const nudged = rankUnits(rankInput(rows.map(([name, total, a, b]) => [name, total + 1e-9, a, b]), { types, rankByType: true }));
    expect(sortedByTypeAndTotal(new Int32Array(60), Float64Array.from(rows.map((r) => r[1] + 1e-9)), null)).toBeNull();
    expect(fast.order).toEqual(nudged.order);
    expect([...fast.rank]).toEqual([...nudged.rank]);
  });
});
