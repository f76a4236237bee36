/**
 * Step 2 of compute: the veto conditions of the measures 六 (RULEBOOK §3) each unit
 * triggers — computed ones from indicators' 否决阈值, then one per problem-list row.
 */
import type { Indicator, Msg, Problem, UnitRow, Veto } from '../types';
import type { ValueTable } from '../valueTable';
import { formatValue } from '../numbers';

/**
 * The first cell of a reference: `考核数据!D7/E7` → `考核数据!D7` (an `A/B` column's
 * numerator); a single cell comes back unchanged. Cost: O(length).
 * @example firstCell('考核数据!D7/E7') // => '考核数据!D7'
 */
export function firstCell(reference: string): string {
  const slash = reference.indexOf('/');
  return slash < 0 ? reference : reference.slice(0, slash);
}

/**
 * Whether a value triggers an indicator's veto: below the threshold (正向) or above it
 * (逆向); equal never triggers; a missing value never triggers (a blank is no evidence,
 * and the missing-value warning already names the cell). Cost: O(1).
 * @example triggersVeto(0.97, 0.98, 'up') // => true
 * @example triggersVeto(0.98, 0.98, 'up') // => false
 */
export function triggersVeto(value: number | null, threshold: number, direction: Indicator['direction']): boolean {
  if (value === null) return false;
  return direction === 'down' ? value > threshold : value < threshold;
}

/**
 * The veto an indicator's value triggers, or null. Cost: O(1). Never throws.
 * @example indicatorVeto(planIndicator, { value: 0.95, cell: '考核数据!E5/F5', … })
 * // => { category: 1, from: 'indicator', evidence: '考核数据!E5',
 * //      text: { code: 'compute.veto.below', params: { indicator: '减贫计划完成率', value: '95%', threshold: '100%' } } }
 */
export function indicatorVeto(indicator: Indicator, value: number | null, cell: string): Veto | null {
  const threshold = indicator.vetoThreshold;
  const category = indicator.vetoCategory;
  if (threshold === null || category === null) return null;
  if (!triggersVeto(value, threshold, indicator.direction)) return null;
  const text: Msg = {
    code: indicator.direction === 'down' ? 'compute.veto.above' : 'compute.veto.below',
    params: {
      indicator: indicator.name,
      value: formatValue(value as number, indicator.kind),
      threshold: formatValue(threshold, indicator.kind),
    },
  };
  return { category, text, evidence: firstCell(cell), from: 'indicator' };
}

/**
 * The veto of one problem-list row: its description, with source and date when given.
 * Cost: O(1). Never throws.
 * @example problemVeto({ category: 2, description: '挪用资金 2 万元', source: '审计', date: '2018-06-01', ref: '问题清单!A3', … })
 * // => { category: 2, from: 'problem', evidence: '问题清单!A3',
 * //      text: { code: 'compute.veto.problemSourceDate', params: { description: '挪用资金 2 万元', source: '审计', date: '2018-06-01' } } }
 */
export function problemVeto(problem: Problem): Veto {
  const description = problem.description;
  const source = problem.source.trim();
  const date = problem.date.trim();
  let text: Msg;
  if (source && date) text = { code: 'compute.veto.problemSourceDate', params: { description, source, date } };
  else if (source || date) text = { code: 'compute.veto.problemDetail', params: { description, detail: source || date } };
  else text = { code: 'compute.veto.problem', params: { description } };
  return { category: problem.category, text, evidence: problem.ref, from: 'problem' };
}

/** The vetoes of a unit that has none: one shared, frozen list (most units have none). */
const NONE: Veto[] = Object.freeze([]) as unknown as Veto[];

/**
 * Step 2 of compute: every unit's vetoes, by input position — computed ones in indicator
 * order, then the unit's problem-list rows in row order. Problems naming no known unit are
 * ignored (the reader reports them as errors). Reads only the columns of the indicators
 * with a 否决阈值; a unit without vetoes gets a shared frozen empty list.
 * Cost: O(units × vetoing indicators + problems). Never throws.
 * @example unitVetoes(indicators, units, values, problems)[4] // => [{ category: 1, from: 'indicator', evidence: '考核数据!E9', … }]
 */
export function unitVetoes(indicators: Indicator[], units: UnitRow[], values: ValueTable, problems: Problem[]): Veto[][] {
  const result: Veto[][] = new Array<Veto[]>(units.length).fill(NONE);
  for (const position of vetoingIndicators(indicators)) {
    const indicator = indicators[position];
    const threshold = indicator.vetoThreshold as number;
    const column = values.column(position);
    for (let u = 0; u < column.length; u++) {
      const v = column[u];
      if (v !== v || !triggersVeto(v, threshold, indicator.direction)) continue;
      const veto = indicatorVeto(indicator, v, values.cell(u, position));
      if (veto) (result[u] === NONE ? (result[u] = []) : result[u]).push(veto);
    }
  }
  return withProblemVetoes(result, units, problems);
}

/** Positions of the indicators with a veto threshold and category. Cost: O(indicators). */
function vetoingIndicators(indicators: Indicator[]): number[] {
  const vetoing: number[] = [];
  for (let i = 0; i < indicators.length; i++) {
    if (indicators[i].vetoThreshold !== null && indicators[i].vetoCategory !== null) vetoing.push(i);
  }
  return vetoing;
}

/**
 * Appends each problem-list row's veto to its unit, in row order (mutates and returns
 * `result`). Cost: O(units + problems · log problems) when there are problems.
 */
function withProblemVetoes(result: Veto[][], units: UnitRow[], problems: Problem[]): Veto[][] {
  if (problems.length === 0) return result;
  const byName = unitIndex(units);
  const ordered = [...problems].sort((a, b) => a.row - b.row);
  for (const problem of ordered) {
    const u = byName.get(problem.unit);
    if (u !== undefined) (result[u] === NONE ? (result[u] = []) : result[u]).push(problemVeto(problem));
  }
  return result;
}

/**
 * Unit name → input position (the last unit of that name, as names are unique once
 * validated). Cost: O(units).
 */
function unitIndex(units: UnitRow[]): Map<string, number> {
  const byName = new Map<string, number>();
  for (let u = 0; u < units.length; u++) byName.set(units[u].name, u);
  return byName;
}

/**
 * Which units have a prominent problem (突出问题), by input position, with the first
 * such row's reference. Cost: O(units + problems).
 */
export function prominentProblems(units: UnitRow[], problems: Problem[]): (string | null)[] {
  const result: (string | null)[] = new Array(units.length).fill(null);
  if (!problems.some((problem) => problem.prominent)) return result;
  const byName = unitIndex(units);
  const ordered = [...problems].sort((a, b) => a.row - b.row);
  for (const problem of ordered) {
    if (!problem.prominent) continue;
    const u = byName.get(problem.unit);
    if (u !== undefined && result[u] === null) result[u] = problem.ref;
  }
  return result;
}
