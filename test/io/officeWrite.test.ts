import type { OutCell, OutputSheet } from '../../src/core/types';
import { blockAddress, columnWidthPoints, cssColour, detectFeatures, formatBlocks, numberFormatFor, tableBlocks } from '../../src/io/officeWrite';
import { bandAddress, planReadBands, toCellValue } from '../../src/io/officeRead';

describe('numberFormatFor: text before values', () => {
  it.each<[OutCell | undefined, string]>([
    [{ v: '=HYPERLINK("http://x","y")', text: true }, '@'],
    [{ v: '+86 123' }, '@'],
    [{ v: '9/8' }, '@'],
    [{ v: '龙源村', fmt: '0.00' }, '@'],
    [{ v: 91.25, fmt: '0.00' }, '0.00'],
    [{ v: 3 }, 'General'],
    [{ v: null }, 'General'],
    [undefined, 'General'],
  ])('%j → %s', (cell, format) => expect(numberFormatFor(cell)).toBe(format));
});

describe('formatBlocks', () => {
  const c = (fill?: string): OutCell => ({ v: 1, fill });
  it('stacks equal runs of consecutive rows into one rectangle', () => {
    const rows = [
      [c('A'), c('A'), c()],
      [c('A'), c('A'), c('B')],
      [c(), c('A'), c('B')],
    ];
    const blocks = formatBlocks(rows, (cell) => cell.fill).map((b) => `${blockAddress(b)}=${b.value}`).sort();
    expect(blocks).toEqual(['A1:B2=A', 'B3:B3=A', 'C2:C3=B']);
  });
  it('makes one call for a formatted column of 20,000 rows', () => {
    const rows = Array.from({ length: 20_000 }, () => [{ v: 'x' }, { v: 1, align: 'center' as const }]);
    expect(formatBlocks(rows, (cell) => cell.align)).toEqual([{ r0: 0, c0: 1, r1: 19_999, c1: 1, value: 'center' }]);
  });
});

describe('small conversions', () => {
  it('converts widths, colours and features', () => {
    expect(columnWidthPoints(10)).toBe(56.25);
    expect(cssColour('FFC6EFCE')).toBe('#C6EFCE');
    expect(detectFeatures((_set, version) => ['1.1', '1.2'].includes(version))).toEqual({ mergeWidthHide: true, freeze: false, pageLayout: false, notes: null });
    expect(detectFeatures(() => true)).toEqual({ mergeWidthHide: true, freeze: true, pageLayout: true, notes: 'notes' });
    expect(detectFeatures((_set, version) => Number(version.split('.')[1]) <= 12).notes).toBe('comments');
  });
  it('reads Office cells into the snapshot model', () => {
    expect(toCellValue('', 'Empty')).toBeNull();
    expect(toCellValue('#DIV/0!', 'Error')).toEqual({ error: '#DIV/0!' });
    expect(toCellValue('95%', 'String')).toBe('95%');
    expect(toCellValue(0.95, 'Double')).toBe(0.95);
  });
});

describe('tableBlocks', () => {
  it('borders each header row down to the last non-blank row before the next table', () => {
    const row = (...values: (string | null)[]): OutCell[] => values.map((v) => ({ v }));
    const sheet: OutputSheet = {
      name: 's', merges: [], widths: [], freezeRows: 0, freezeCols: 0, print: { landscape: true, fitToWidth: true },
      headerRows: [2, 6],
      rows: [row('title'), row('a', 'b', 'c'), row('1', '2', '3'), row('4', '5', '6'), row(null), row('x', 'y'), row('7', '8')],
    };
    expect(tableBlocks(sheet).map(blockAddress)).toEqual(['A2:C4', 'A6:B7']);
  });
});

describe('planReadBands', () => {
  it('cuts large ranges into row bands and packs small ones into one sync', () => {
    const plan = planReadBands(
      [
        { sheet: 'big', rowIndex: 2, columnIndex: 1, rowCount: 10, columnCount: 2 },
        { sheet: 'small', rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 2 },
      ],
      8,
    );
    expect(plan.map((sync) => sync.map((band) => `${band.sheet}!${bandAddress(band)}`))).toEqual([
      ['big!B3:C6'],
      ['big!B7:C10'],
      ['big!B11:C12', 'small!A1:B1'],
    ]);
  });
});
