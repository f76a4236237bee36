/**
 * The 考核结果 sheet: one row per unit in result order — rank, unit, type, dimension
 * scores, total, converted (when set), grade (coloured), award eligibility, interview,
 * and 说明 (notes and every veto with its evidence, the fallback when notes are not
 * supported). Vetoed units carry a cell note on 评先资格.
 */
import { t } from '../messages';
import type { AssessmentResult, Msg, OutCell, OutputSheet, UnitResult } from '../types';
import { GRADE_FILLS, numberCell, resultTitle, scoreCell, tableSheet, textCell } from './layout';
import { bandOf } from './rows';
import { vetoLine } from './words';

export const RESULTS_SHEET = '考核结果';

/** The 说明 text of a unit: its notes (`result.notesOf`), then its vetoes, one per line (Chinese). */
export function unitExplanation(unit: UnitResult, notes: Msg[]): string {
  const lines = notes.map((note) => t(note, 'zh'));
  for (const veto of unit.vetoes) lines.push(vetoLine(veto, 'zh'));
  return lines.join('\n');
}

/** The cell note on 评先资格 of a vetoed unit; undefined when it keeps eligibility. */
export function vetoNote(unit: UnitResult): string | undefined {
  if (unit.vetoes.length === 0) return undefined;
  const lines = unit.vetoes.map((veto, i) => `${i + 1}. ${vetoLine(veto, 'zh')}`).join('\n');
  return t({ code: 'report.vetoNote', params: { lines } }, 'zh');
}

function unitRow(unit: UnitResult, result: AssessmentResult, position: number): OutCell[] {
  const conversion = result.params.conversion !== null;
  const explanation = unitExplanation(unit, result.notesOf(position));
  return [
    numberCell(unit.rank),
    textCell(unit.name),
    textCell(unit.type, { align: 'center' }),
    ...result.dimensions.map((dim) => scoreCell(unit.dimensions[dim] ?? 0)),
    scoreCell(unit.total, { bold: true }),
    ...(conversion ? [scoreCell(unit.converted)] : []),
    textCell(unit.grade, { fill: GRADE_FILLS[unit.grade], align: 'center', bold: true }),
    textCell(t({ code: unit.eligible ? 'report.eligible.kept' : 'report.eligible.cancelled' }, 'zh'), {
      align: 'center',
      note: vetoNote(unit),
    }),
    textCell(unit.interview ? '是' : '否', { align: 'center' }),
    textCell(explanation, { wrap: true }),
  ];
}

/**
 * From this many units on, the unit rows of 考核结果 and 稳健性分析 (and 同比分析) are built
 * on demand (LazyRows) instead of held: at 200,000 units they are 3 million cells, an
 * object each, live until the workbook is written.
 */
export const LAZY_UNIT_ROWS = 20_000;

/**
 * Builds 考核结果; its unit rows are lazy from `lazyFrom` units on (LAZY_UNIT_ROWS unless
 * told), the same cells, widths, heights and notes either way. Cost: O(units × dimensions);
 * lazy: three passes (widths, heights, writing), memory O(one band).
 * @example resultsSheet(result).rows[1][0].v // => '排名'
 * @example resultsSheet(result, { lazyFrom: 0 }).lazy?.count // => result.units.length
 */
export function resultsSheet(result: AssessmentResult, options: { lazyFrom?: number } = {}): OutputSheet {
  const headers = [
    '排名',
    '单位',
    '类型',
    ...result.dimensions,
    '总分',
    ...(result.params.conversion !== null ? ['折算分'] : []),
    '等次',
    '评先资格',
    '需约谈',
    '说明',
  ];
  const count = result.units.length;
  const band = bandOf((p) => unitRow(result.units[p], result, p));
  // A vetoed unit's 评先资格 carries a note (vetoNote).
  const notes = (start: number, end: number): number => {
    let n = 0;
    for (let p = start; p < end; p++) if (result.units[p].vetoes.length > 0) n++;
    return n;
  };
  const lazy = count >= (options.lazyFrom ?? LAZY_UNIT_ROWS);
  return tableSheet({
    name: RESULTS_SHEET,
    title: resultTitle(result.params),
    headers,
    rows: lazy ? [] : band(0, count),
    ...(lazy ? { lazy: { count, columns: headers.length, band, notes, wrap: true } } : {}),
    freezeCols: 2,
  });
}
