/**
 * The result sheets of the analyses (issue 13): 稳健性分析 (robustness and gaps), 同比分析
 * (year over year), 图表 (a bar chart of the totals), the 上年 columns added to 考核结果, and
 * the lines of 考核说明 that explain them. Always in Chinese, like every result sheet.
 */
import { columnLetter } from '../a1';
import { changeText, STABILITY_WARN, type Analysis } from '../analysis';
import type { UnitGap } from '../analysis/gaps';
import { formatNumber } from '../numbers';
import { t } from '../messages';
import type { AssessmentResult, ChartSpec, Grade, OutCell, OutputSheet } from '../types';
import { FAIL_FILL, GRADE_FILLS, numberCell, resultTitle, rowHeights, scoreCell, tableSheet, textCell, type TableSheetSpec } from './layout';
import { LAZY_UNIT_ROWS } from './results';
import { bandOf } from './rows';

export const ROBUSTNESS_SHEET = '稳健性分析';
export const YEARS_SHEET = '同比分析';
export const CHART_SHEET = '图表';
/** Most bars one chart shows; with more units the 图表 sheet is left out. */
export const MAX_CHART_UNITS = 500;
/** Bar colours by grade (stronger than the cell fills). */
export const GRADE_COLORS: Record<Grade, string> = { 好: 'FF2E7D32', 较好: 'FF1F77B4', 一般: 'FFF2A900', 较差: 'FFC62828' };
const PERCENT = '0.0%';

/** A share as a percentage with one decimal, e.g. `87.3%`. */
export function percentText(share: number): string {
  return `${formatNumber(Math.round(share * 1000) / 10)}%`;
}

/**
 * 距上一等次 in words. @example betterText(gap) // => '距"好"差 1.35 分'
 */
export function betterText(gap: UnitGap): string {
  if (gap.toBetter !== null && gap.better) return t({ code: 'analysis.gap.toBetter', params: { grade: gap.better, points: gap.toBetter.toFixed(2) } }, 'zh');
  return gap.betterWhy ? t(gap.betterWhy, 'zh') : '';
}

/** 保持等次 in words; '' for 一般 and 较差. */
export function worseText(gap: UnitGap, grade: Grade, total: number): string {
  if (gap.toWorse === null) return '';
  if (gap.toWorse >= total) return t({ code: 'analysis.gap.keepsAll', params: { grade } }, 'zh');
  return t({ code: 'analysis.gap.toWorse', params: { grade, points: gap.toWorse.toFixed(2) } }, 'zh');
}

/**
 * The table spec's rows for per-unit rows `band` followed by held `after` rows: held when
 * there are fewer than `lazyFrom` units (LAZY_UNIT_ROWS unless told), else lazy.
 */
function unitRows(
  count: number,
  columns: number,
  band: (start: number, end: number) => OutCell[][],
  after: OutCell[][],
  lazyFrom = LAZY_UNIT_ROWS,
): Pick<TableSheetSpec, 'rows' | 'lazy'> {
  if (count < lazyFrom) return { rows: [...band(0, count), ...after] };
  return { rows: [], lazy: { count, columns, band, after } };
}

/**
 * 稳健性分析: rank order, stability (below 90% highlighted), the ranks reached, and the
 * gaps in words; the unit rows lazy from `lazyFrom` units on. Cost: O(units).
 */
export function robustnessSheet(result: AssessmentResult, analysis: Analysis, options: { lazyFrom?: number } = {}): OutputSheet {
  const r = analysis.robustness;
  const band = bandOf((k) => {
    const unit = result.units[k];
    const rob = r.units[k];
    const low = r.runs > 0 && rob.stability < STABILITY_WARN;
    const gap = analysis.gaps[k];
    return [
      numberCell(unit.rank),
      textCell(unit.name, low ? { fill: FAIL_FILL } : {}),
      textCell(unit.grade, { fill: GRADE_FILLS[unit.grade], align: 'center', bold: true }),
      scoreCell(unit.total),
      r.runs > 0 ? { v: rob.stability, fmt: PERCENT, align: 'right', ...(low ? { fill: FAIL_FILL, bold: true } : {}) } : textCell('—', { align: 'center' }),
      textCell(rob.ranks[0] === rob.ranks[1] ? String(rob.ranks[0]) : `${rob.ranks[0]}–${rob.ranks[1]}`, { align: 'center' }),
      scoreCell(gap.toBetter),
      textCell(betterText(gap)),
      scoreCell(gap.toWorse),
      textCell(worseText(gap, unit.grade, unit.total)),
    ];
  });
  const lead = [
    t({ code: 'report.analysis.robustnessLead', params: { spread: percentText(r.spread), runs: r.runs, seed: r.seed } }, 'zh'),
    ...(r.note ? [t(r.note, 'zh')] : []),
  ];
  const headers = ['排名', '单位', '等次', '总分', '稳定性', '名次范围', '距上一等次（分）', '距上一等次', '保持等次的余量（分）', '保持等次'];
  return tableSheet({
    name: ROBUSTNESS_SHEET,
    title: resultTitle(result.params, ROBUSTNESS_SHEET),
    headers,
    ...unitRows(result.units.length, headers.length, band, [[], ...lead.map((line) => [textCell(line)])], options.lazyFrom),
    freezeCols: 2,
  });
}

/**
 * 同比分析: every unit of this year with last year's rank, total and grade, then the summary
 * (Spearman, new and gone units, the units that moved most). Cost: O(units).
 */
export function yearsSheet(result: AssessmentResult, analysis: Analysis, options: { lazyFrom?: number } = {}): OutputSheet | null {
  const years = analysis.years;
  if (!years) return null;
  const band = bandOf((k) => {
    const unit = result.units[k];
    const last = years.units[k];
    const gradeChange = last ? (last.grade === unit.grade ? '不变' : `${last.grade} → ${unit.grade}`) : '';
    return [
      numberCell(unit.rank),
      textCell(unit.name),
      scoreCell(unit.total),
      textCell(unit.grade, { fill: GRADE_FILLS[unit.grade], align: 'center' }),
      numberCell(last ? last.rank : null),
      scoreCell(last ? last.total : null),
      last ? textCell(last.grade, { fill: GRADE_FILLS[last.grade], align: 'center' }) : textCell(''),
      textCell(changeText(last), { align: 'center' }),
      textCell(gradeChange, { align: 'center' }),
    ];
  });
  const movers = years.movers.map((k) => `${result.units[k].name}（${changeText(years.units[k])}）`).join('、');
  const lines = [
    `上年结果：${years.source}`,
    years.spearman === null
      ? `名次相关系数（斯皮尔曼）：共同单位不足 2 个，无法计算`
      : `名次相关系数（斯皮尔曼）ρ = ${years.spearman.toFixed(2)}（两年都参加考核的 ${years.common} 个单位，在其中重新排名，并列取平均名次；1 表示名次完全一致，0 表示没有关系，−1 表示完全颠倒）`,
    `新增单位：${years.new.length > 0 ? years.new.join('、') : '无'}`,
    `不再出现的单位：${years.gone.length > 0 ? years.gone.join('、') : '无'}`,
    `等次变化：${years.gradeChanged.length} 个单位`,
    `名次变化最大：${movers || '无'}`,
  ];
  const headers = ['排名', '单位', '总分', '等次', '上年排名', '上年总分', '上年等次', '名次变化', '等次变化'];
  return tableSheet({
    name: YEARS_SHEET,
    title: resultTitle(result.params, YEARS_SHEET),
    headers,
    ...unitRows(result.units.length, headers.length, band, [[], ...lines.map((line) => [textCell(line)])], options.lazyFrom),
    freezeCols: 2,
  });
}

/** The 好 and 一般 boundary lines: the lowest total graded 好, the highest graded 一般. */
export function boundaryLines(result: AssessmentResult): ChartSpec['lines'] {
  const good = result.units.filter((u) => u.grade === '好').map((u) => u.total);
  const average = result.units.filter((u) => u.grade === '一般').map((u) => u.total);
  const lines: ChartSpec['lines'] = [];
  if (good.length > 0) lines.push({ label: `"好"线 ${Math.min(...good).toFixed(2)}`, value: Math.min(...good), color: GRADE_COLORS.好 });
  if (average.length > 0) lines.push({ label: `"一般"线 ${Math.max(...average).toFixed(2)}`, value: Math.max(...average), color: GRADE_COLORS.一般 });
  return lines;
}

/**
 * 图表: the totals in rank order (the chart's data) and a bar chart coloured by grade with
 * the 好 and 一般 lines; null with more than MAX_CHART_UNITS units. Cost: O(units).
 */
export function chartSheet(result: AssessmentResult): OutputSheet | null {
  const n = result.units.length;
  if (n === 0 || n > MAX_CHART_UNITS) return null;
  const lines = boundaryLines(result);
  const rows: OutCell[][] = result.units.map((unit) => [
    numberCell(unit.rank),
    textCell(unit.name),
    scoreCell(unit.total),
    textCell(unit.grade, { fill: GRADE_FILLS[unit.grade], align: 'center' }),
    ...lines.map((line) => scoreCell(line.value)),
  ]);
  const title = resultTitle(result.params, CHART_SHEET);
  const headers = ['排名', '单位', '总分', '等次', ...lines.map((line) => line.label)];
  const sheet = tableSheet({ name: CHART_SHEET, title, headers, rows });
  // The title spans the table only; the chart sits to its right.
  sheet.merges = [`A1:${columnLetter(headers.length - 1)}1`];
  sheet.heights = rowHeights(sheet.rows, sheet.widths);
  const last = n + 2;
  lines.forEach((line, j) => {
    const col = columnLetter(4 + j);
    line.range = `${col}3:${col}${last}`;
  });
  sheet.chart = {
    kind: 'bar',
    title: `${result.params.town}${result.params.year}年度各单位总分（按名次）`,
    categories: `B3:B${last}`,
    values: `C3:C${last}`,
    seriesName: '总分',
    colors: result.units.map((u) => GRADE_COLORS[u.grade]),
    lines,
    anchor: { fromRow: 1, fromCol: headers.length + 1, toRow: Math.max(24, Math.min(n + 4, 40)), toCol: headers.length + 1 + Math.max(12, Math.min(40, Math.ceil(n * 0.8))) },
  };
  return sheet;
}

/**
 * 考核结果 with 上年排名, 名次变化, 上年等次 inserted before 说明 (a new sheet object; the
 * given one is not changed). Cost: O(units).
 */
export function withPreviousColumns(sheet: OutputSheet, result: AssessmentResult, analysis: Analysis): OutputSheet {
  const years = analysis.years;
  if (!years) return sheet;
  const header = sheet.rows[1] ?? [];
  let at = header.findIndex((cell) => cell.v === '说明');
  if (at < 0) at = header.length;
  const headerCells = ['上年排名', '名次变化', '上年等次'].map((h) => textCell(h, { bold: true, align: 'center', wrap: true }));
  // Sheet row r holds unit k = r − 2 (title and header above).
  const withYears = (row: OutCell[], r: number): OutCell[] => {
    const k = r - 2;
    if (k >= result.units.length) return row;
    const last = years.units[k];
    const cells: OutCell[] = [
      numberCell(last ? last.rank : null),
      textCell(changeText(last), { align: 'center' }),
      last ? textCell(last.grade, { align: 'center', fill: GRADE_FILLS[last.grade] }) : textCell(''),
    ];
    return [...row.slice(0, at), ...cells, ...row.slice(at)];
  };
  const lazy = sheet.lazy;
  const rows = sheet.rows.map((row, r) => {
    if (r === 0) return row;
    if (r === 1) return [...row.slice(0, at), ...headerCells, ...row.slice(at)];
    return withYears(row, lazy && r >= lazy.at ? r + lazy.count : r);
  });
  const widths = [...sheet.widths.slice(0, at), 10, 10, 10, ...sheet.widths.slice(at)];
  const columns = widths.length;
  const merges = sheet.merges.map((m) => (m.startsWith('A1:') && m.endsWith('1') ? `A1:${columnLetter(columns - 1)}1` : m));
  if (!lazy) return { ...sheet, rows, widths, merges };
  const band = (start: number, end: number): OutCell[][] => lazy.band(start, end).map((row, i) => withYears(row, lazy.at + start + i));
  return { ...sheet, rows, lazy: { ...lazy, columns: lazy.columns + 3, band }, widths, merges };
}

/** The analysis sheets in tab order (after 考核结果): 稳健性分析, 同比分析 (with last year), 图表. */
export function analysisSheets(result: AssessmentResult, analysis: Analysis): OutputSheet[] {
  return [robustnessSheet(result, analysis), yearsSheet(result, analysis), chartSheet(result)].filter((s): s is OutputSheet => s !== null);
}

/** The lines 考核说明 adds for the analyses (a block of its own). */
export function analysisAboutRows(result: AssessmentResult): OutCell[][] {
  const { spread, runs } = result.params.robustness;
  const codes = ['report.about.analysis.robustness', 'report.about.analysis.stability', 'report.about.analysis.whatIf', 'report.about.analysis.gaps', 'report.about.analysis.years'] as const;
  return [
    [],
    [textCell('附：稳健性分析、差距分析与同比', { bold: true })],
    ...codes.map((code) => [textCell(t({ code, params: { spread: percentText(spread), runs } }, 'zh'))]),
  ];
}
