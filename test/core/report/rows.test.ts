/**
 * Lazy rows (LazyRows): a sheet's rows read the same whether held or built on demand —
 * bands across held and lazy rows, the eager copy the Office.js and WPS writers take, the
 * marker row after the lazy rows, and 计算明细 built lazily equal to its held form.
 */
import { detailsSheet } from '../../../src/core/report/details';
import { SHEET_MARKER, withMarker } from '../../../src/core/report/plan';
import { eagerSheet, rowCount, sheetBand, sheetBands, sheetColumns } from '../../../src/core/report/rows';
import type { OutCell, OutputSheet } from '../../../src/core/types';
import { makeResult } from '../../helpers/result';

const text = (v: string): OutCell => ({ v, text: true, fmt: '@' });
const values = (rows: OutCell[][]) => rows.map((row) => row.map((cell) => cell.v));

/** Title, header, three lazy rows L0…L2 (two cells each), then a blank row and M. */
function sheet(calls: [number, number][] = []): OutputSheet {
  return {
    name: '计算明细',
    rows: [[text('T')], [text('H1'), text('H2')], [], [text('M')]],
    lazy: {
      at: 2,
      count: 3,
      columns: 2,
      band: (start, end) => {
        calls.push([start, end]);
        return Array.from({ length: end - start }, (_, i) => [text(`L${start + i}`), { v: start + i }]);
      },
    },
    merges: [],
    widths: [8, 8],
    freezeRows: 2,
    freezeCols: 0,
    headerRows: [2],
    print: { landscape: true, fitToWidth: true },
  };
}

describe('rows of a sheet with lazy rows', () => {
  it('counts held and lazy rows, and the widest row', () => {
    expect(rowCount(sheet())).toBe(7);
    expect(sheetColumns(sheet())).toBe(2);
    expect(sheetColumns({ rows: [[text('a')]], lazy: { ...sheet().lazy!, count: 0 } })).toBe(1);
  });

  it('reads a band across held, lazy and held rows, building only the lazy rows it covers', () => {
    const calls: [number, number][] = [];
    expect(values(sheetBand(sheet(calls), 1, 6))).toEqual([['H1', 'H2'], ['L0', 0], ['L1', 1], ['L2', 2], []]);
    expect(calls).toEqual([[0, 3]]);
    expect(values(sheetBand(sheet(calls), 5, 99))).toEqual([[], ['M']]);
    expect(calls).toEqual([[0, 3]]);
  });

  it('streams bands of at most the size asked, each with its first row', () => {
    const calls: [number, number][] = [];
    const bands = [...sheetBands(sheet(calls), 3)];
    expect(bands.map((band) => [band.start, values(band.rows)])).toEqual([
      [0, [['T'], ['H1', 'H2'], ['L0', 0]]],
      [3, [['L1', 1], ['L2', 2], []]],
      [6, [['M']]],
    ]);
    expect(calls).toEqual([[0, 1], [1, 3]]);
  });

  it('gives an eager copy with every row held, and no lazy rows', () => {
    const eager = eagerSheet(sheet());
    expect(values(eager.rows)).toEqual([['T'], ['H1', 'H2'], ['L0', 0], ['L1', 1], ['L2', 2], [], ['M']]);
    expect(eager.lazy).toBeUndefined();
    const held = eagerSheet(sheet());
    expect(eagerSheet(held)).toBe(held);
  });

  it('puts the marker row after the lazy rows, once', () => {
    const lazyOnly: OutputSheet = { ...sheet(), rows: [[text('T')], [text('H1'), text('H2')]] };
    const marked = withMarker(lazyOnly);
    expect(values(eagerSheet(marked).rows)).toEqual([['T'], ['H1', 'H2'], ['L0', 0], ['L1', 1], ['L2', 2], [], [SHEET_MARKER]]);
    expect(withMarker(marked)).toBe(marked);
  });
});

describe('计算明细 with lazy rows', () => {
  const result = makeResult();

  it('holds its rows below the threshold and builds them on demand from it', () => {
    expect(detailsSheet(result).lazy).toBeUndefined();
    const lazy = detailsSheet(result, { lazyFrom: 6 });
    expect(lazy.rows).toHaveLength(2);
    expect(lazy.lazy).toMatchObject({ at: 2, count: 6, columns: 9 });
    expect(detailsSheet(result, { lazyFrom: 7 }).lazy).toBeUndefined();
  });

  it('has the same rows, widths and heights either way', () => {
    const held = detailsSheet(result);
    const lazy = detailsSheet(result, { lazyFrom: 0 });
    expect({ ...eagerSheet(lazy), heights: undefined }).toEqual({ ...held, heights: undefined, lazy: undefined });
    expect(lazy.widths).toEqual(held.widths);
    // e.g. 计算过程 '10 × (95% − 90%) ÷ (100% − 90%)': 31 narrow characters + 2; 得分 '10.00': 5 + 2.
    expect(lazy.widths).toEqual([17, 10, 16, 8, 16, 14, 33, 7, 7]);
    // Heights only for the held rows: the lazy rows keep the default, as every body row of the held form does.
    expect(lazy.heights).toEqual([null, null]);
    expect(held.heights).toEqual([null, null, null, null, null, null, null, null]);
    expect(values(sheetBand(lazy, 3, 4))).toEqual([['龙源村', '精准识别', '识别准确率', '95%', '考核数据!G3', '区间（正向）', '10 × (95% − 90%) ÷ (100% − 90%)', 5, 10]]);
  });
});
