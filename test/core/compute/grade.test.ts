import { compute } from '../../../src/core/compute';
import { issueText, t } from '../../../src/core/messages';
import type { AssessmentInput, AssessmentResult } from '../../../src/core/types';
import { directInput, shuffled, type ProblemSpec } from '../../helpers/input';

const DIMS = ['减贫成效', '其他'];

const byName = (result: AssessmentResult, pick: (u: AssessmentResult['units'][number]) => unknown) =>
  Object.fromEntries(result.units.map((u) => [u.name, pick(u)]));
const grades = (input: AssessmentInput) => byName(compute(input), (u) => u.grade);
const notesZh = (result: AssessmentResult, name: string) =>
  result.notesOf(result.units.findIndex((u) => u.name === name)).map((m) => t(m, 'zh'));

/** RULEBOOK §4 worked example: total = 减贫成效 + 其他. */
const WORKED: [string, number, number][] = [
  ['A', 30, 65],
  ['B', 28, 64.5],
  ['C', 27, 63],
  ['D', 30, 58],
  ['E', 28, 60],
  ['F', 29, 56],
  ['G', 30, 50],
  ['H', 25, 50],
];
const WORKED_PROBLEMS: ProblemSpec[] = [
  { unit: 'A', category: 3, description: '虚报脱贫人数', row: 2 },
  { unit: 'F', category: 5, description: '审计发现挪用扶贫资金', prominent: true, row: 3 },
  { unit: 'G', category: 4, description: '群众满意度调查低', row: 4 },
];

describe('RULEBOOK §4 worked example', () => {
  const result = compute(directInput(DIMS, WORKED, { problems: WORKED_PROBLEMS }));

  test('ranks, totals, grades and interviews exactly', () => {
    expect(result.units.map((u) => [u.name, u.total, u.rank, u.grade, u.eligible, u.interview])).toEqual([
      ['A', 95, 1, '较好', false, true],
      ['B', 92.5, 2, '好', true, false],
      ['C', 90, 3, '好', true, false],
      ['D', 88, 4, '好', true, false],
      ['E', 88, 5, '较好', true, false],
      ['F', 85, 6, '较差', false, true],
      ['G', 80, 7, '一般', false, true],
      ['H', 75, 8, '一般', true, false],
    ]);
    expect(result.interviews.map((i) => i.unit)).toEqual(['A', 'F', 'G']);
    expect(result.warnings).toEqual([]);
  });

  test('notes explain the non-obvious outcomes', () => {
    expect(notesZh(result, 'A')).toEqual(['排名第 1，在"好"等次的 3 个名额内，但已取消评先资格，不评为"好"，名额顺延']);
    expect(notesZh(result, 'D')).toEqual(['与E同分，按减贫成效排在前']);
    expect(notesZh(result, 'E')).toEqual(['与D同分，按减贫成效排在后']);
    expect(notesZh(result, 'F')).toEqual(['扶贫领域发生突出问题（问题清单!A3），评为"较差"']);
    expect(notesZh(result, 'G')).toEqual([]); // vetoed but outside the 好 places: nothing surprising
    expect(t(result.notesOf(3)[0], 'en')).toBe('Same total as E; placed ahead on 减贫成效');
  });

  test('shuffling the rows never changes any result', () => {
    const key = (r: AssessmentResult) =>
      r.units.map((u, p) => [u.name, u.rank, u.total, u.grade, r.notesOf(p), u.vetoes.map((v) => v.text)]);
    const expected = key(result);
    for (let seed = 1; seed <= 20; seed++) {
      const again = compute(directInput(DIMS, shuffled(WORKED, seed), { problems: shuffled(WORKED_PROBLEMS, seed + 99) }));
      expect(key(again)).toEqual(expected);
    }
  });
});

describe('a quota boundary inside a tied group', () => {
  // R and S are equal on every tie-break: rank 3, with one 好 place left.
  const top: [string, number, number][] = [
    ['P', 30, 60],
    ['Q', 30, 55],
    ['R', 30, 50],
    ['S', 30, 50],
    ['T', 30, 40],
    ['U', 30, 30],
    ['V', 30, 20],
  ];
  // T and U tied at rank 5, with one 一般 place left after W.
  const bottom: [string, number, number][] = [
    ['P', 30, 60],
    ['Q', 30, 55],
    ['R', 30, 50],
    ['S', 30, 40],
    ['T', 30, 30],
    ['U', 30, 30],
    ['W', 30, 20],
  ];

  test.each([
    ['high', top, { P: '好', Q: '好', R: '好', S: '好', T: '较好', U: '一般', V: '一般' }],
    ['low', top, { P: '好', Q: '好', R: '较好', S: '较好', T: '较好', U: '一般', V: '一般' }],
    ['high', bottom, { P: '好', Q: '好', R: '好', S: '较好', T: '较好', U: '较好', W: '一般' }],
    ['low', bottom, { P: '好', Q: '好', R: '好', S: '较好', T: '一般', U: '一般', W: '一般' }],
  ] as const)('tieMode %s', (tieMode, rows, expected) => {
    expect(grades(directInput(DIMS, [...rows], { params: { tieMode } }))).toEqual(expected);
  });

  test('the warning names the tied units and the decision, at the first tied unit', () => {
    const high = compute(directInput(DIMS, top, { params: { tieMode: 'high' } }));
    expect(high.units.filter((u) => u.rank === 3).map((u) => u.name)).toEqual(['R', 'S']);
    expect(high.warnings).toHaveLength(1);
    expect(high.warnings[0]).toMatchObject({ severity: 'warning', sheet: '考核数据', cell: 'B5' });
    expect(issueText(high.warnings[0], 'zh')).toBe(
      '考核数据!B5：R、S 并列第 3 名，"好"与"较好"的名额界线落在其中：按并列就高，均评为"好"，"好"等次因此为 4 个（名额 3 个），请人工决定',
    );
    expect(t(high.warnings[0], 'en')).toBe(
      'R、S are tied at rank 3 across the quota boundary between 好 and 较好: ties take the better grade, so all are graded 好 and 4 units are 好 (quota 3) — a person should decide',
    );
    expect(notesZh(high, 'R')).toEqual(['与S并列第 3 名，等次名额界线落在并列之中，按并列就高评为"好"，请人工确认']);

    const low = compute(directInput(DIMS, bottom, { params: { tieMode: 'low' } }));
    expect(low.warnings.map((w) => t(w, 'zh'))).toEqual([
      'T、U 并列第 5 名，"较好"与"一般"的名额界线落在其中：按并列就低，均评为"一般"，"一般"等次因此为 3 个（名额 2 个），请人工决定',
    ]);
    expect(low.warnings[0].cell).toBe('B7');
  });

  test('no warning when the tied group fits the places', () => {
    const fits = compute(directInput(DIMS, top, { params: { goodQuota: 4 } }));
    expect(byName(fits, (u) => u.grade)).toMatchObject({ R: '好', S: '好', T: '较好' });
    expect(fits.warnings).toEqual([]);
  });

  test('reading warnings come first, tie warnings after', () => {
    const input = directInput(DIMS, top);
    input.warnings = [{ code: 'generic.text', params: { text: 'x' }, severity: 'warning', sheet: '考核数据', cell: 'C3' }];
    expect(compute(input).warnings.map((w) => w.code)).toEqual(['generic.text', 'compute.tie.high']);
  });
});

describe('few units, quotas and vetoes', () => {
  const rows = (n: number): [string, number, number][] =>
    ['A', 'B', 'C', 'D', 'E'].slice(0, n).map((name, i) => [name, 30, 60 - i] as [string, number, number]);

  test.each([
    [1, ['好']],
    [2, ['好', '好']],
    [3, ['好', '好', '好']],
    [4, ['好', '好', '好', '一般']],
    [5, ['好', '好', '好', '一般', '一般']],
  ])('%p units: 好 first, then 一般 from what is left', (n, expected) => {
    expect(compute(directInput(DIMS, rows(n))).units.map((u) => u.grade)).toEqual(expected);
  });

  test('quotas of 0', () => {
    const input = directInput(DIMS, rows(5), {
      params: { goodQuota: 0, averageQuota: 0 },
      problems: [{ unit: 'E', category: 5, prominent: true }],
    });
    expect(compute(input).units.map((u) => u.grade)).toEqual(['较好', '较好', '较好', '较好', '较差']);
  });

  test('all units vetoed: nobody is 好, the last two are 一般', () => {
    const problems: ProblemSpec[] = ['A', 'B', 'C', 'D', 'E'].map((unit) => ({ unit, category: 2 }));
    const result = compute(directInput(DIMS, rows(5), { problems }));
    expect(result.units.map((u) => u.grade)).toEqual(['较好', '较好', '较好', '一般', '一般']);
    expect(result.units.map((_, p) => result.notesOf(p).length)).toEqual([1, 1, 1, 1, 1]);
    expect(result.interviews).toHaveLength(5);
  });

  test('a vetoed unit passes its place down, and stays in line for 一般', () => {
    const result = compute(directInput(DIMS, rows(5), { problems: [{ unit: 'B', category: 2 }] }));
    expect(result.units.map((u) => [u.name, u.grade])).toEqual([
      ['A', '好'],
      ['B', '一般'],
      ['C', '好'],
      ['D', '好'],
      ['E', '一般'],
    ]);
  });

  test('并列就低 with few units: the tied units get the grade the warning names (较好), not 一般', () => {
    // 4 units, quotas 3 and 2: B, C, D tie for the last two 好 places (rank 2).
    const tied: [string, number, number][] = [
      ['A', 30, 60],
      ['B', 30, 50],
      ['C', 30, 50],
      ['D', 30, 50],
    ];
    const low = compute(directInput(DIMS, tied, { params: { tieMode: 'low' } }));
    expect(low.units.map((u) => [u.name, u.rank, u.grade])).toEqual([
      ['A', 1, '好'],
      ['B', 2, '较好'],
      ['C', 2, '较好'],
      ['D', 2, '较好'],
    ]);
    expect(low.warnings.map((w) => t(w, 'zh'))).toEqual([
      'B、C、D 并列第 2 名，"好"与"较好"的名额界线落在其中：按并列就低，均评为"较好"，"好"等次因此为 1 个（名额 3 个），请人工决定',
    ]);
    // 就高: all three 好, and nobody is left for 一般
    const high = compute(directInput(DIMS, tied, { params: { tieMode: 'high' } }));
    expect(high.units.map((u) => u.grade)).toEqual(['好', '好', '好', '好']);
  });

  test('否决单位可评好: a vetoed unit keeps its 好 place (still not eligible, still interviewed)', () => {
    const problems: ProblemSpec[] = [{ unit: 'A', category: 2 }];
    const never = compute(directInput(DIMS, rows(5), { problems }));
    // default: A passes its place down to D; A and E are the two ungraded left → 一般
    expect(never.units.map((u) => u.grade)).toEqual(['一般', '好', '好', '好', '一般']);
    const may = compute(directInput(DIMS, rows(5), { problems, params: { vetoedMayBeGood: true } }));
    expect(may.units.map((u) => u.grade)).toEqual(['好', '好', '好', '一般', '一般']);
    expect([may.units[0].eligible, may.units[0].interview]).toEqual([false, true]);
    expect(may.notesOf(0)).toEqual([]);
    expect(may.interviews.map((i) => i.unit)).toEqual(['A']);
  });

  test('a prominent problem makes 较差 even at the top', () => {
    const result = compute(directInput(DIMS, rows(5), { problems: [{ unit: 'A', category: 5, prominent: true }] }));
    expect(result.units.map((u) => u.grade)).toEqual(['较差', '好', '好', '好', '一般']);
  });
});

describe('分类排名 (rankByType)', () => {
  const rows: [string, number, number][] = [
    ['文白社区', 30, 70],
    ['龙源村', 30, 60],
    ['金鸡社区', 30, 50],
    ['梅池村', 30, 40],
    ['农技站', 30, 65],
    ['黄金村', 30, 30],
  ];
  const types = { 文白社区: '社区', 金鸡社区: '社区', 农技站: '站所' };

  test('村 first, then 社区, then other types; ranks restart; each type graded on its own', () => {
    const result = compute(directInput(DIMS, rows, { types, params: { rankByType: true, goodQuota: 1, averageQuota: 1 } }));
    expect(result.units.map((u) => [u.name, u.type, u.rank, u.grade])).toEqual([
      ['龙源村', '村', 1, '好'],
      ['梅池村', '村', 2, '较好'],
      ['黄金村', '村', 3, '一般'],
      ['文白社区', '社区', 1, '好'],
      ['金鸡社区', '社区', 2, '一般'],
      ['农技站', '站所', 1, '好'],
    ]);
  });

  test('without it, one list', () => {
    const result = compute(directInput(DIMS, rows, { types }));
    expect(result.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.units[0].name).toBe('文白社区');
  });
});
