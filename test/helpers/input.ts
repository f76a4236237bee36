/**
 * Builds AssessmentInput objects by hand for compute tests (and property tests): compact
 * specs in, a complete validated input out, with plausible cells (`考核数据!B3` …).
 */
import { columnLetter } from '../../src/core/a1';
import type {
  AssessmentInput,
  AssistanceRow,
  Indicator,
  IndicatorValue,
  Params,
  Problem,
  UnitRow,
  VetoCategory,
} from '../../src/core/types';
import type { ValueTable } from '../../src/core/valueTable';
import { tableOf, valueAt } from './values';

export const DATA_SHEET = '考核数据';
/** Row of the first unit (title row 1, header row 2). */
export const FIRST_ROW = 3;

/** Parameters with the RULEBOOK defaults; `tieBreak` defaults to the indicators' dimensions. */
export function makeParams(overrides: Partial<Params> = {}): Params {
  return {
    town: '羊楼司镇',
    year: 2018,
    date: '2018-12-31',
    deadlineDays: 30,
    goodQuota: 3,
    averageQuota: 2,
    tieMode: 'high',
    tieBreak: [],
    rankByType: false,
    missing: 'error',
    conversion: null,
    assistance: { visits: 2, fundsPoor: 5, fundsOther: 3, bases: 1, daysPerMonth: 20 },
    hiddenRows: 'count',
    aggregate: 'mean',
    rankStyle: 'competition',
    vetoedMayBeGood: false,
    robustness: { spread: 0.1, runs: 1000 },
    given: [],
    ...overrides,
  };
}

export type IndicatorSpec = Partial<Indicator> & { name: string };

/** An indicator with defaults: 直接, 10 points, 正向, number kind, dimension `维度`. */
export function makeIndicator(spec: IndicatorSpec, id = 0): Indicator {
  return {
    id,
    dimension: '维度',
    points: 10,
    method: 'direct',
    target: null,
    floor: null,
    perItem: null,
    direction: 'up',
    column: spec.name,
    columns: [spec.name],
    kind: 'number',
    vetoThreshold: null,
    vetoCategory: null,
    note: '',
    source: null,
    ...spec,
  };
}

export interface UnitSpec {
  name: string;
  type?: string;
  person?: string | null;
  poor?: boolean | null;
  /** One per indicator; null = missing (scored 0 under 缺失数据=按0分). */
  values: (number | null)[];
}

/** A unit row at sheet row `row`, name in column B (its values: `unitValues`). */
export function makeUnit(spec: UnitSpec, row: number): UnitRow {
  return {
    name: spec.name,
    type: spec.type ?? '村',
    person: spec.person === undefined ? `${spec.name}负责人` : spec.person,
    poor: spec.poor ?? null,
    row,
    nameCell: `${DATA_SHEET}!B${row}`,
  };
}

/** The plain values of a unit at sheet row `row`, from column C on. */
export function unitValues(spec: UnitSpec, row: number): IndicatorValue[] {
  return spec.values.map((value, i) => ({
    value,
    display: value === null ? '' : String(value),
    cell: `${DATA_SHEET}!${columnLetter(i + 2)}${row}`,
    missing: value === null,
  }));
}

/** The value table of units laid out from sheet row FIRST_ROW (see `unitValues`). */
export function makeValues(units: UnitSpec[], indicators: number): ValueTable {
  return tableOf(units.map((unit, i) => unitValues(unit, FIRST_ROW + i)), indicators);
}

export type ProblemSpec = Partial<Problem> & { unit: string; category: VetoCategory };

/** A problem-list row (`问题清单!A{row}`). */
export function makeProblem(spec: ProblemSpec, row: number): Problem {
  return {
    description: `${spec.unit}的问题`,
    source: '',
    date: '',
    prominent: false,
    row,
    ref: `问题清单!A${spec.row ?? row}`,
    ...spec,
  };
}

export interface InputSpec {
  indicators: IndicatorSpec[];
  units: UnitSpec[];
  problems?: ProblemSpec[];
  params?: Partial<Params>;
  assistance?: AssistanceRow[] | null;
}

/**
 * A validated input from compact specs.
 * @example makeInput({ indicators: [{ name: '得分', points: 100 }], units: [{ name: 'A', values: [90] }] })
 */
export function makeInput(spec: InputSpec): AssessmentInput {
  const indicators = spec.indicators.map((indicator, i) => makeIndicator(indicator, i));
  const dimensions = [...new Set(indicators.map((indicator) => indicator.dimension))];
  return {
    params: makeParams({ tieBreak: dimensions, ...spec.params }),
    indicators,
    indicatorSource: 'sheet',
    units: spec.units.map((unit, i) => makeUnit(unit, FIRST_ROW + i)),
    values: makeValues(spec.units, indicators.length),
    problems: (spec.problems ?? []).map((problem, i) => makeProblem(problem, 2 + i)),
    assistance: spec.assistance ?? null,
    roles: { data: DATA_SHEET, indicators: '指标设置', problems: '问题清单', assistance: '帮扶单位', params: '考核参数' },
    fingerprint: '0'.repeat(64),
    warnings: [],
  };
}

/**
 * Units scored directly: one 直接 indicator per dimension with ample points, so a unit's
 * dimension scores are exactly the numbers given.
 * @example directInput(['减贫成效', '其他'], [['A', 30, 65]]) // A: 减贫成效 30, total 95
 */
export function directInput(
  dimensions: string[],
  rows: [name: string, ...scores: number[]][],
  extra: Omit<InputSpec, 'indicators' | 'units'> & { types?: Record<string, string> } = {},
): AssessmentInput {
  return makeInput({
    ...extra,
    indicators: dimensions.map((dimension) => ({ name: `${dimension}得分`, dimension, points: 1000 })),
    units: rows.map(([name, ...scores]) => ({ name, type: extra.types?.[name], values: scores })),
  });
}

/** Shuffles a copy of an array with a seeded generator (deterministic). */
export function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The units of an input with their values as plain objects (`values[i]` for indicator i),
 * for assertions on what was read. Cost: O(units × indicators).
 * @example unitsWithValues(input)[0].values[0] // => { value: 0.95, display: '95%', cell: '考核数据!H5', missing: false }
 */
export function unitsWithValues(input: Pick<AssessmentInput, 'units' | 'values'>): (UnitRow & { values: IndicatorValue[] })[] {
  return input.units.map((unit, u) => ({ ...unit, values: Array.from({ length: input.values.indicators }, (_, i) => valueAt(input.values, u, i)) }));
}
