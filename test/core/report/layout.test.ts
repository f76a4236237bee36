import { displayWidth, fitWidths, rowHeights, scoreCell, textCell, widestLine } from '../../../src/core/report/layout';
import type { OutCell } from '../../../src/core/types';

describe('widestLine', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['考核', 4],
    ['ab\n考核a', 5],
    ['考核a\nab', 5],
    ['a\n\nbbbb\n', 4],
    ['\n', 0],
  ])('widestLine(%j) = %i', (text, width) => expect(widestLine(text)).toBe(width));

  it('agrees with displayWidth on single lines', () => {
    for (const text of ['龙源村a1', '９５％', '𠀀x']) expect(widestLine(text)).toBe(displayWidth(text));
  });
});

describe('fitWidths', () => {
  it.each<[string, OutCell[][], number, number, number[]]>([
    ['title row skipped by default', [[textCell('一二三四五六七八九十')], [textCell('ab')]], 1, 1, [6]],
    ['title row counted with skipRows 0', [[textCell('一二三四五六七八九十')]], 1, 0, [22]],
    ['widest line of a multi-line cell', [[], [textCell('短\n七里冲村委会')]], 1, 1, [14]],
    ['scores with two decimals', [[], [scoreCell(12345.5)]], 1, 1, [10]],
    ['clamped to 60', [[], [textCell('字'.repeat(100))]], 1, 1, [60]],
    ['cells beyond the column count ignored', [[], [textCell('a'), textCell('一二三四五六七八九十')]], 1, 1, [6]],
    ['short rows leave the other columns at the minimum', [[], [textCell('abcdefgh')]], 2, 1, [10, 6]],
  ])('%s', (_label, rows, columns, skipRows, widths) => expect(fitWidths(rows, columns, skipRows)).toEqual(widths));

  it('handles 200,000 rows with many-line cells (no spread of large arrays)', () => {
    const rows: OutCell[][] = [[textCell('标题')]];
    for (let i = 0; i < 200_000; i++) rows.push([textCell(`单位${i % 10}`), scoreCell(i / 3)]);
    rows.push([textCell(`${'x\n'.repeat(200_000)}七里冲村委会`)]);
    expect(fitWidths(rows, 2)).toEqual([14, 10]);
  });
});

describe('rowHeights', () => {
  it('handles a wrapped cell of 200,000 lines', () => {
    expect(rowHeights([[{ v: 'a\n'.repeat(199_999) + 'a', wrap: true }]], [10])).toEqual([409]);
  });
  it('caps heights at Excel\'s 409 pt: 27 lines (405 pt) stay, 28 lines (420 pt) become 409', () => {
    expect(rowHeights([[{ v: 'a\n'.repeat(26) + 'a', wrap: true }], [{ v: 'a\n'.repeat(27) + 'a', wrap: true }]], [10])).toEqual([405, 409]);
  });
});
