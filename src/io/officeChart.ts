/**
 * The 图表 sheet's chart in Excel through the Office.js chart API (issue 13 §4): a
 * clustered column chart of the totals over the sheet's own cells, one fill per bar by
 * grade (ExcelApi 1.1: charts.add, setPosition, title, point fills); the 好 and 一般 lines
 * as line series over their cell columns where ExcelApi 1.7 allows (series.add,
 * chartType), else left out (the sheet's table still holds them). Queues commands only:
 * the caller's sync sends them.
 */
import type { ChartSpec, OutputSheet } from '../core/types';
import { cssColour } from './officeWrite';

/** Whether ExcelApi 1.7 (series.add, per-series chartType) is there. */
export function lineSeriesSupported(): boolean {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  try {
    return requirements ? requirements.isSetSupported('ExcelApi', '1.7') : false;
  } catch {
    return false;
  }
}

/** `C3:C21` → `C2:C21` (the series name sits in the header cell above). */
function withHeader(range: string): string {
  return range.replace(/^([A-Z]+)(\d+)/, (_whole, col: string, row: string) => `${col}${Math.max(1, Number(row) - 1)}`);
}

/** The A1 cell at 0-based (row, col). */
function cell(row: number, col: number): string {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row + 1}`;
}

/**
 * Queues the chart of `sheet.chart` on `worksheet`. Cost: O(bars) queued commands (one
 * fill per bar); nothing synced here. Never throws for a sheet without a chart.
 * @example addOfficeChart(worksheet, chartSheet(result)) // queues charts.add('ColumnClustered', …)
 */
export function addOfficeChart(worksheet: Excel.Worksheet, sheet: OutputSheet, lines: boolean = lineSeriesSupported()): void {
  const spec: ChartSpec | undefined = sheet.chart;
  // A host without the chart API (a shim, a simulator) gets the sheet's table only.
  if (!spec || !(worksheet as Partial<Excel.Worksheet>).charts) return;
  const categories = spec.categories;
  const values = spec.values;
  const first = categories.split(':')[0];
  const last = values.split(':')[1] ?? values;
  const chart = worksheet.charts.add('ColumnClustered', worksheet.getRange(`${withHeader(first)}:${last}`), 'Columns');
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  chart.setPosition(cell(spec.anchor.fromRow, spec.anchor.fromCol), cell(spec.anchor.toRow, spec.anchor.toCol));
  const bars = chart.series.getItemAt(0);
  spec.colors.forEach((color, i) => bars.points.getItemAt(i).format.fill.setSolidColor(cssColour(color)));
  if (!lines) return;
  for (const line of spec.lines) {
    if (!line.range) continue;
    const series = chart.series.add(line.label);
    series.setValues(worksheet.getRange(line.range));
    series.chartType = 'Line';
    series.format.line.color = cssColour(line.color);
    series.format.line.lineStyle = 'Dash';
  }
}
