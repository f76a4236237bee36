/**
 * The 考核结果 sheet: one row per unit in result order — rank, unit, type, dimension
 * scores, total, converted (when set), grade (coloured), award eligibility, interview,
 * and 说明 (notes and every veto with its evidence, the fallback when notes are not
 * supported). Vetoed units carry a cell note on 评先资格.
 */
import { t } from '../messages';
import type { AssessmentResult, Msg, OutCell, OutputSheet, UnitResult } from '../types';
import { GRADE_FILLS, numberCell, resultTitle, scoreCell, tableSheet, textCell } from './layout';
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
 * Builds 考核结果. Cost: O(units × dimensions).
 * @example resultsSheet(result).rows[1][0].v // => '排名'
 */
export function resultsSheet(result: AssessmentResult): OutputSheet {
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
  return tableSheet({
    name: RESULTS_SHEET,
    title: resultTitle(result.params),
    headers,
    rows: result.units.map((unit, position) => unitRow(unit, result, position)),
    freezeCols: 2,
  });
}
