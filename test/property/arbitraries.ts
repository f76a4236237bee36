/**
 * fast-check arbitraries for the property tests: messy cell values of every kind a ledger
 * holds, and valid ledgers (indicator table, units, quotas, tie mode) that assess cleanly.
 *
 * Seeds and run counts live here too, so the whole property suite is reproducible and its
 * size is known: `PROPERTY_SEED`, `RUNS`.
 */
import fc from 'fast-check';
import type { CellValue, Method, SheetGrid, VetoCategory } from '../../src/core/types';
import { DIMENSIONS, indicatorName, type LedgerIndicator, type LedgerSpec, unitName } from '../helpers/generate';

/** Every property runs with this seed (change it to explore; keep it fixed in CI). */
export const PROPERTY_SEED = 20181231;

/** Cases per property (sum them for the suite's total; see each test file). */
export const RUNS = { parse: 600, inject: 800, invariance: 200, monotonic: 400, quotas: 800 } as const;

/** fast-check parameters for one property. */
export const runs = (numRuns: number): fc.Parameters<unknown> => ({ seed: PROPERTY_SEED, numRuns, endOnFailure: true });

// ───────────────────────── messy cells ─────────────────────────

const CJK = '龙源梅池黄金幸福明星大前小港高丰三港新和双山油铺黄沙七里冲五爱文白金鸡中洲梧桐是否有无完成达标率满意度覆盖元万';
const cjkChar = fc.constantFrom(...CJK.split(''));

/** Text a ledger may hold: CJK words, full-width digits, %, 万, yes/no words, formula-looking text, marks. */
export const messyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: cjkChar, minLength: 1, maxLength: 8 }),
  fc.constantFrom(
    '95', '95%', '９５％', '1,234', '5万', '5万元', '50,000元', '—', '-', '/', '－', '——', '', ' ', '\t\n',
    '是', '否', '有', '无', '完成', '未完成', '√', '×', '✓', '✗', 'TRUE', 'FALSE', '九十', '百分之九十',
    '=1+1', '+86', '-5', '@SUM(A1)', '=HYPERLINK("http://evil","x")', '#N/A', '#DIV/0!', '１２３', '1e308', '-0',
    '合计', '总计', '单位', '村(社区)', '指标', '维度', '比例', '区间', '逆向', '参数', '值', '好等次名额', '并列处理',
    '430682198801011234', '13812345678', '{count}', '{{x}}', '\u0000', '\ud83d\ude00村', '\ud800',
  ),
  fc.integer({ min: 0, max: 200 }).map((n) => `${n}%`),
  fc.integer({ min: 0, max: 99 }).map((n) => String.fromCharCode(...String(n).split('').map((d) => 0xff10 + Number(d)))),
  fc.integer({ min: 0, max: 99 }).map((n) => `${n}万`),
);

/** Numbers including the awkward ones: NaN, ±Infinity, -0, huge, tiny, negative. */
export const messyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 0.1 + 0.2),
);

/** Every CellValue variant an adapter may hand over. */
export const messyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: messyText },
  { weight: 4, arbitrary: messyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!').map((error) => ({ error })) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** A ragged grid of messy cells (rows may differ in length, as adapters may hand them over). */
export const messyRows = (maxRows: number, maxCols: number): fc.Arbitrary<CellValue[][]> =>
  fc.array(fc.array(messyCell, { maxLength: maxCols }), { maxLength: maxRows });

/** A grid at a random origin (used ranges need not start at A1). */
export const messyGrid = (name: string, header: CellValue[] | null): fc.Arbitrary<SheetGrid> =>
  fc.record({ rows: messyRows(12, header ? header.length + 2 : 10), originRow: fc.integer({ min: 0, max: 3 }), originCol: fc.integer({ min: 0, max: 3 }) }).map(({ rows, originRow, originCol }) => ({
    name,
    values: header ? [header, ...rows] : rows,
    originRow,
    originCol,
  }));

// ───────────────────────── valid ledgers ─────────────────────────

const METHODS: Method[] = ['ratio', 'range', 'pass', 'deduction', 'bonus', 'direct', 'relative'];

/** One method's valid row of 指标设置 (targets etc. fixed; values are whole numbers 0–100). */
function shape(method: Method, direction: 'up' | 'down', points: number): Omit<LedgerIndicator, 'dimension' | 'name' | 'vetoThreshold' | 'vetoCategory'> {
  const oneWay = method === 'deduction' || method === 'bonus' || method === 'direct';
  const dir = oneWay ? 'up' : direction;
  switch (method) {
    case 'ratio':
      return { method, direction: dir, points, target: 50, floor: null, perItem: null };
    case 'range':
      return { method, direction: dir, points, target: dir === 'up' ? 80 : 20, floor: dir === 'up' ? 20 : 80, perItem: null };
    case 'pass':
      return { method, direction: dir, points, target: 50, floor: null, perItem: null };
    case 'deduction':
    case 'bonus':
      return { method, direction: dir, points, target: null, floor: null, perItem: 1 };
    default:
      return { method, direction: dir, points, target: null, floor: null, perItem: null };
  }
}

const indicatorArb = fc.record({
  method: fc.constantFrom(...METHODS),
  direction: fc.constantFrom<'up' | 'down'>('up', 'down'),
  points: fc.integer({ min: 1, max: 20 }),
  dimension: fc.integer({ min: 0, max: 3 }),
  veto: fc.option(fc.record({ threshold: fc.integer({ min: 1, max: 60 }), category: fc.constantFrom<VetoCategory>(1, 4) }), { freq: 4 }),
});

export interface GeneratedLedger {
  spec: LedgerSpec;
  goodQuota: number;
  averageQuota: number;
  tieMode: '就高' | '就低';
  /** Dimensions present, in the order given as 同分排序依据. */
  tieBreak: string[];
}

/** A value for one indicator: coarse steps so that ties are common. */
const valueFor = (ind: LedgerIndicator): fc.Arbitrary<number> =>
  ind.method === 'direct' ? fc.integer({ min: 0, max: ind.points }) : fc.integer({ min: 0, max: 10 }).map((step) => step * 10);

/**
 * A valid ledger: 1–6 indicators over up to 4 dimensions (every method, both directions,
 * some veto thresholds), 1–`maxUnits` units with coarse values, quotas 0–5, tie mode,
 * and an explicit 同分排序依据 so that the indicator table's row order does not matter.
 */
export const ledgerArb = (maxUnits = 20): fc.Arbitrary<GeneratedLedger> =>
  fc
    .array(indicatorArb, { minLength: 1, maxLength: 6 })
    .chain((raw) => {
      const indicators: LedgerIndicator[] = raw.map((r, i) => ({
        ...shape(r.method, r.direction, r.points),
        dimension: DIMENSIONS[r.dimension],
        name: indicatorName(i),
        vetoThreshold: r.veto ? r.veto.threshold : null,
        vetoCategory: r.veto ? r.veto.category : null,
      }));
      const unitArb = fc.tuple(...indicators.map(valueFor));
      return fc.record({
        indicators: fc.constant(indicators),
        values: fc.array(unitArb, { minLength: 1, maxLength: maxUnits }),
        types: fc.array(fc.constantFrom('村', '社区'), { minLength: maxUnits, maxLength: maxUnits }),
        goodQuota: fc.integer({ min: 0, max: 5 }),
        averageQuota: fc.integer({ min: 0, max: 5 }),
        tieMode: fc.constantFrom<'就高' | '就低'>('就高', '就低'),
        tieBreak: fc.shuffledSubarray([...new Set(indicators.map((ind) => ind.dimension))], { minLength: 0 }),
      });
    })
    .map(({ indicators, values, types, goodQuota, averageQuota, tieMode, tieBreak }) => {
      const dims = [...new Set(indicators.map((ind) => ind.dimension))];
      const order = [...tieBreak, ...dims.filter((d) => !tieBreak.includes(d))];
      const spec: LedgerSpec = {
        indicators,
        units: values.map((row, u) => ({ name: unitName(u + 1), type: types[u], person: `负责人${u + 1}`, values: [...row] })),
        params: [
          ['好等次名额', goodQuota],
          ['一般等次名额', averageQuota],
          ['并列处理', tieMode],
          ['同分排序依据', order.join('、')],
        ],
      };
      return { spec, goodQuota, averageQuota, tieMode, tieBreak: order };
    });

/** Three-character CJK village names + 村, distinct (no name is another's prefix + suffix). */
export const freshNames = (count: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.split('')), minLength: 3, maxLength: 3 }), { minLength: count, maxLength: count }).map((names) => names.map((n) => `${n}村`));
