/**
 * A plain-text table for the terminal, aligned for CJK (a CJK character takes two
 * columns). No colours, no box drawing: it must read well when piped to a file.
 */
import { displayWidth } from '../core/report/layout';

export type Alignment = 'left' | 'right';

function pad(text: string, width: number, align: Alignment): string {
  const space = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? space + text : text + space;
}

/**
 * Formats rows under headers, columns separated by two spaces, trailing spaces trimmed.
 * Cost: O(cells).
 * @example formatTable(['排名', '单位'], [['1', '龙源村']]) // => '排名  单位\n   1  龙源村'
 */
export function formatTable(headers: string[], rows: string[][], align: Alignment[] = []): string {
  const widths = headers.map((h, col) => rows.reduce((widest, row) => Math.max(widest, displayWidth(row[col] ?? '')), displayWidth(h)));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => pad(cell ?? '', widths[col], align[col] ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
}
