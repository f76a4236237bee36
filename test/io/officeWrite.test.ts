import type { OutCell, OutputSheet } from '../../src/core/types';
import { blockAddress, columnWidthPoints, cssColour, detectFeatures, formatBlocks, numberFormatFor, tableBlocks } from '../../src/io/officeWrite';
import { bandAddress, mergedAddresses, nextReadSync, toCellValue, type SheetProgress } from '../../src/io/officeRead';

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

describe('nextReadSync', () => {
  const progress = (sheet: string, rowIndex: number, columnIndex: number, rowCount: number, columnCount: number): SheetProgress => ({
    size: { sheet, rowIndex, columnIndex, rowCount, columnCount },
    queued: 0,
    emptyRun: 0,
    done: false,
  });
  it('cuts large ranges into row bands and packs small ones into one sync', () => {
    const sheets = [progress('big', 2, 1, 10, 2), progress('small', 0, 0, 1, 2)];
    const syncs: string[][] = [];
    for (let bands = nextReadSync(sheets, 8); bands.length > 0; bands = nextReadSync(sheets, 8)) {
      syncs.push(bands.map((band) => `${band.sheet}!${bandAddress(band)}`));
    }
    expect(syncs).toEqual([['big!B3:C6'], ['big!B7:C10'], ['big!B11:C12', 'small!A1:B1']]);
  });
  it('queues nothing more for a sheet that is done', () => {
    const sheets = [progress('a', 0, 0, 100, 1)];
    expect(nextReadSync(sheets, 10)).toHaveLength(1);
    sheets[0].done = true;
    expect(nextReadSync(sheets, 10)).toEqual([]);
  });
  it('reads merged areas from an Office address list', () => {
    expect(mergedAddresses("'考核数据'!$A$1:$C$1,'考核数据'!E5")).toEqual(['A1:C1', 'E5:E5']);
    expect(mergedAddresses('')).toEqual([]);
  });
});
