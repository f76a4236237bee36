/**
 * Synthetic ledgers for the property tests, the hostile-input tests and the bench.
 *
 * A ledger is described once (`LedgerSpec`: indicator rows, unit rows, parameter rows) and
 * can be turned into sheets (`ledgerSnapshot`, `ledgerRows` — what a workbook holds) or,
 * for the bench, straight into a validated `AssessmentInput` (`syntheticInput`) without
 * going through the reading step.
 *
 * Deterministic: every random choice comes from `seededRandom(seed)`. No jest, fast-check
 * or Node imports, so the bench script can use it as is.
 */
import { columnLetter } from '../../src/core/a1';
import { INDICATOR_HEADERS } from '../../src/core/defaults';

/** The seven dimensions of the measures 四(一) 1–7, in order (RULEBOOK §2). */
export const DIMENSIONS = ['减贫成效', '精准识别', '精准帮扶', '重点工作', '扶贫资金', '管理台账', '日常管理'];
import type {
  AssessmentInput,
  CellValue,
  Direction,
  Indicator,
  Method,
  OutCell,
  OutputSheet,
  SheetGrid,
  UnitRow,
  VetoCategory,
  WorkbookSnapshot,
} from '../../src/core/types';
import { ValueTable } from '../../src/core/valueTable';
import { makeParams } from './input';

/** The 计分方法 word of each method, as a user writes it in 指标设置. */
export const METHOD_WORD: Record<Method, string> = {
  ratio: '比例',
  range: '区间',
  pass: '达标',
  deduction: '扣分',
  bonus: '加分',
  direct: '直接',
  relative: '相对',
};

/** One row of a generated 指标设置 sheet (numbers already in the data column's units). */
export interface LedgerIndicator {
  dimension: string;
  name: string;
  points: number;
  method: Method;
  target: number | null;
  floor: number | null;
  perItem: number | null;
  direction: Direction;
  vetoThreshold: number | null;
  vetoCategory: VetoCategory | null;
}

export interface LedgerUnit {
  name: string;
  type: string;
  person: string;
  /** One cell per indicator, in indicator order (the data column is the indicator's name). */
  values: CellValue[];
}

export interface LedgerSpec {
  indicators: LedgerIndicator[];
  units: LedgerUnit[];
  /** 考核参数 rows (参数, 值); none → no 考核参数 sheet. */
  params?: [string, CellValue][];
  /** Extra 考核数据 columns after the indicator columns (e.g. personal data), one value per unit. */
  extraColumns?: { header: string; values: CellValue[] }[];
}

/** Sheet names of the generated ledgers (the default roles). */
export const SHEETS = { data: '考核数据', indicators: '指标设置', params: '考核参数', problems: '问题清单' } as const;

/** The title row written above the 考核数据 header (so the header is row 2, units from row 3). */
export const DATA_TITLE = '羊楼司镇2018年度村(社区)脱贫攻坚考核数据（测试数据）';
/** Columns of 考核数据 before the indicator columns: 单位, 类型, 主要负责人. */
export const DATA_LEAD_COLUMNS = ['单位', '类型', '主要负责人'] as const;
/** 1-based sheet row of the first unit in a generated 考核数据 sheet. */
export const FIRST_UNIT_ROW = 3;

/** The core's seeded generator (mulberry32), the same numbers as before it moved there. */
export { seededRandom } from '../../src/core/analysis/prng';
import { seededRandom } from '../../src/core/analysis/prng';

/** A whole number in [0, max] from a generator. */
export function randomInt(random: () => number, max: number): number {
  return Math.floor(random() * (max + 1));
}

/**
 * A unit name: `测试000123村` (zero-padded so names never contain one another).
 * @example unitName(5) // => '测试000005村'
 */
export function unitName(index: number): string {
  return `测试${String(index).padStart(6, '0')}村`;
}

/** Indicator name `指标07` (kind 'number': no 率, %, 增长 in it). */
export function indicatorName(index: number): string {
  return `指标${String(index + 1).padStart(2, '0')}`;
}

/**
 * The mixed indicator set of the bench and the CLI workbook: the seven methods in both
 * directions where they have one, spread over the seven default dimensions, two of them
 * with a veto threshold (categories 1 and 4). Values of every indicator are whole
 * numbers 0–100 (direct scores 0–points), so totals tie often.
 * Cost: O(count).
 * @example mixedIndicators(40).length // => 40
 */
export function mixedIndicators(count: number): LedgerIndicator[] {
  const shapes: Omit<LedgerIndicator, 'dimension' | 'name'>[] = [
    { points: 5, method: 'ratio', target: 100, floor: null, perItem: null, direction: 'up', vetoThreshold: 3, vetoCategory: 1 },
    { points: 3, method: 'range', target: 90, floor: 10, perItem: null, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'pass', target: 60, floor: null, perItem: null, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'deduction', target: null, floor: null, perItem: 0.05, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'bonus', target: null, floor: null, perItem: 0.04, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 3, method: 'direct', target: null, floor: null, perItem: null, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 3, method: 'relative', target: null, floor: null, perItem: null, direction: 'up', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'ratio', target: 20, floor: null, perItem: null, direction: 'down', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'range', target: 10, floor: 90, perItem: null, direction: 'down', vetoThreshold: 98, vetoCategory: 4 },
    { points: 1, method: 'pass', target: 50, floor: null, perItem: null, direction: 'down', vetoThreshold: null, vetoCategory: null },
    { points: 2, method: 'relative', target: null, floor: null, perItem: null, direction: 'down', vetoThreshold: null, vetoCategory: null },
  ];
  return Array.from({ length: count }, (_, i) => {
    const shape = shapes[i % shapes.length];
    const keepVeto = i < shapes.length; // only the first round carries vetoes: "a few thresholds"
    return {
      ...shape,
      vetoThreshold: keepVeto ? shape.vetoThreshold : null,
      vetoCategory: keepVeto ? shape.vetoCategory : null,
      dimension: DIMENSIONS[Math.floor((i * DIMENSIONS.length) / count)],
      name: indicatorName(i),
    };
  });
}

/** A plausible whole-number value for an indicator of `mixedIndicators`. */
function mixedValue(indicator: LedgerIndicator, random: () => number): number {
  if (indicator.method === 'direct') return randomInt(random, indicator.points);
  return randomInt(random, 100);
}

/**
 * Raw numbers of a synthetic ledger, unit-major (`values[u * indicatorCount + i]`): every
 * 20th unit copies the unit before it, so there are exact ties. Cost: O(units × indicators).
 */
export function mixedValues(indicators: LedgerIndicator[], units: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const count = indicators.length;
  const values = new Float64Array(units * count);
  for (let u = 0; u < units; u++) {
    const copy = u % 20 === 19;
    for (let i = 0; i < count; i++) {
      values[u * count + i] = copy ? values[(u - 1) * count + i] : mixedValue(indicators[i], random);
    }
  }
  return values;
}

/**
 * A synthetic ledger spec (`units` units × `indicatorCount` mixed indicators).
 * Cost: O(units × indicators).
 * @example syntheticLedger(19, 40, 1).units[0].name // => '测试000001村'
 */
export function syntheticLedger(units: number, indicatorCount: number, seed: number): LedgerSpec {
  const indicators = mixedIndicators(indicatorCount);
  const values = mixedValues(indicators, units, seed);
  return {
    indicators,
    units: Array.from({ length: units }, (_, u) => ({
      name: unitName(u + 1),
      type: u % 10 === 9 ? '社区' : '村',
      person: `负责人${u + 1}`,
      values: Array.from(values.subarray(u * indicatorCount, (u + 1) * indicatorCount)),
    })),
  };
}

const blankIfNull = (v: number | string | null): CellValue => (v === null ? null : v);

/** The rows of a 指标设置 sheet (header first) for the given indicators. */
export function indicatorRows(indicators: LedgerIndicator[]): CellValue[][] {
  return [
    INDICATOR_HEADERS.slice(),
    ...indicators.map((ind) => [
      ind.dimension,
      ind.name,
      ind.points,
      METHOD_WORD[ind.method],
      blankIfNull(ind.target),
      blankIfNull(ind.floor),
      blankIfNull(ind.perItem),
      ind.direction === 'up' ? '正向' : '逆向',
      ind.name,
      blankIfNull(ind.vetoThreshold),
      blankIfNull(ind.vetoCategory),
      null,
    ]),
  ];
}

/** The rows of a 考核数据 sheet: title row, header row, one row per unit. */
export function dataRows(spec: LedgerSpec): CellValue[][] {
  const extra = spec.extraColumns ?? [];
  const header: CellValue[] = [...DATA_LEAD_COLUMNS, ...spec.indicators.map((ind) => ind.name), ...extra.map((col) => col.header)];
  const rows: CellValue[][] = [[DATA_TITLE], header];
  spec.units.forEach((unit, u) => {
    rows.push([unit.name, unit.type, unit.person, ...unit.values, ...extra.map((col) => col.values[u] ?? null)]);
  });
  return rows;
}

/** The rows of a 考核参数 sheet (参数, 值). */
export function paramRows(params: [string, CellValue][]): CellValue[][] {
  return [['参数', '值'], ...params.map(([name, value]) => [name, value])];
}

/** A sheet grid from A1. */
export function sheetGrid(name: string, values: CellValue[][]): SheetGrid {
  return { name, values, originRow: 0, originCol: 0 };
}

/** Every sheet of a ledger as name → rows, in tab order (for ExcelJS workbooks). */
export function ledgerRows(spec: LedgerSpec): [string, CellValue[][]][] {
  const sheets: [string, CellValue[][]][] = [
    [SHEETS.indicators, indicatorRows(spec.indicators)],
    [SHEETS.data, dataRows(spec)],
  ];
  if (spec.params) sheets.push([SHEETS.params, paramRows(spec.params)]);
  return sheets;
}

/**
 * A workbook snapshot holding the ledger's sheets (plus any extra grids).
 * @example assess(ledgerSnapshot(syntheticLedger(10, 5, 1)), { lang: 'zh', now }).ok // => true
 */
export function ledgerSnapshot(spec: LedgerSpec, extra: SheetGrid[] = []): WorkbookSnapshot {
  const grids = [...ledgerRows(spec).map(([name, rows]) => sheetGrid(name, rows)), ...extra];
  return { sheetNames: grids.map((g) => g.name), sheets: Object.fromEntries(grids.map((g) => [g.name, g])) };
}

/** The Indicator objects reading would produce for `mixedIndicators` (kind 'number', sheet source). */
export function toIndicators(indicators: LedgerIndicator[]): Indicator[] {
  return indicators.map((ind, id) => ({
    id,
    dimension: ind.dimension,
    name: ind.name,
    points: ind.points,
    method: ind.method,
    target: ind.target,
    floor: ind.floor,
    perItem: ind.perItem,
    direction: ind.direction,
    column: ind.name,
    columns: [ind.name],
    kind: 'number',
    vetoThreshold: ind.vetoThreshold,
    vetoCategory: ind.vetoCategory,
    note: '',
    source: `${SHEETS.indicators}!B${id + 2}`,
  }));
}

/**
 * A validated AssessmentInput of `units` × `indicatorCount` mixed indicators, built
 * directly (no sheets, no reading), for the bench's core figure; texts are built on demand.
 * Cost: O(units × indicators) time and memory (9 bytes a value).
 * @example syntheticInput(100_000, 40, 1).units.length // => 100000
 */
export function syntheticInput(units: number, indicatorCount: number, seed: number): AssessmentInput {
  const ledger = mixedIndicators(indicatorCount);
  const indicators = toIndicators(ledger);
  const raw = mixedValues(ledger, units, seed);
  const letters = indicators.map((_, i) => `${SHEETS.data}!${columnLetter(DATA_LEAD_COLUMNS.length + i)}`);
  const rows: UnitRow[] = new Array(units);
  for (let u = 0; u < units; u++) {
    const row = FIRST_UNIT_ROW + u;
    const name = unitName(u + 1);
    rows[u] = { name, type: u % 10 === 9 ? '社区' : '村', person: `负责人${u + 1}`, poor: null, row, nameCell: `${SHEETS.data}!A${row}` };
  }
  const values = new ValueTable(units, indicatorCount, {
    display: (u, i) => String(raw[u * indicatorCount + i]),
    cell: (u, i) => `${letters[i]}${FIRST_UNIT_ROW + u}`,
  });
  for (let u = 0; u < units; u++) for (let i = 0; i < indicatorCount; i++) values.value[i * units + u] = raw[u * indicatorCount + i];
  return {
    params: makeParams({ tieBreak: [...new Set(indicators.map((ind) => ind.dimension))] }),
    indicators,
    indicatorSource: 'sheet',
    units: rows,
    values,
    problems: [],
    assistance: null,
    roles: { data: SHEETS.data, indicators: SHEETS.indicators, problems: '问题清单', assistance: '帮扶单位', params: SHEETS.params },
    fingerprint: '0'.repeat(64),
    warnings: [],
  };
}

/**
 * The 考核数据 grid of a synthetic ledger, built straight into arrays (no LedgerSpec
 * objects), for timing `readInput` on a county-sized sheet. Cost: O(units × indicators).
 */
export function syntheticSnapshot(units: number, indicatorCount: number, seed: number): WorkbookSnapshot {
  const indicators = mixedIndicators(indicatorCount);
  const raw = mixedValues(indicators, units, seed);
  const data: CellValue[][] = new Array(units + 2);
  data[0] = [DATA_TITLE];
  data[1] = [...DATA_LEAD_COLUMNS, ...indicators.map((ind) => ind.name)];
  for (let u = 0; u < units; u++) {
    const row: CellValue[] = new Array(DATA_LEAD_COLUMNS.length + indicatorCount);
    row[0] = unitName(u + 1);
    row[1] = u % 10 === 9 ? '社区' : '村';
    row[2] = `负责人${u + 1}`;
    for (let i = 0; i < indicatorCount; i++) row[DATA_LEAD_COLUMNS.length + i] = raw[u * indicatorCount + i];
    data[u + 2] = row;
  }
  const grids = [sheetGrid(SHEETS.indicators, indicatorRows(indicators)), sheetGrid(SHEETS.data, data)];
  return { sheetNames: grids.map((g) => g.name), sheets: Object.fromEntries(grids.map((g) => [g.name, g])) };
}

/**
 * A result-like sheet of `rows` data rows (title, header, then a name as text, numbers with
 * 2 decimals, a grade), for adapter tests and the bench. Cost: O(rows × columns).
 * @example bigResultSheet(200_000, 8).rows.length // => 200002
 */
export function bigResultSheet(rows: number, columns: number): OutputSheet {
  const header: OutCell[] = Array.from({ length: columns }, (_, c) => ({ v: c === 0 ? '单位' : `列${c + 1}`, bold: true }));
  const body: OutCell[][] = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c): OutCell => (c === 0 ? { v: unitName(r + 1), text: true } : c === columns - 1 ? { v: '较好' } : { v: ((r * 7 + c) % 1000) / 10, fmt: '0.00' })),
  );
  return {
    name: '考核结果',
    rows: [[{ v: '羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果', bold: true }], header, ...body],
    merges: [],
    widths: Array.from({ length: columns }, () => 10),
    freezeRows: 2,
    freezeCols: 0,
    headerRows: [2],
    print: { landscape: true, fitToWidth: true },
  };
}
