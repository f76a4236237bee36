/**
 * Sheets whose rows are built on demand (LazyRows), through the package writer: written
 * exactly as their held form and read back by ExcelJS, split at the row limit into lazy
 * parts whose rows are not built before they are written.
 */
import ExcelJS from 'exceljs';
import { REGISTRY_SHEET } from '../../../src/core/defaults';
import { planWrite } from '../../../src/core/report';
import { registrySheet, SHEET_MARKER } from '../../../src/core/report/plan';
import { eagerSheet, rowCount } from '../../../src/core/report/rows';
import type { OutCell, OutputSheet } from '../../../src/core/types';
import { newWorkbook } from '../../../src/io/xlsx/index';
import { expandLongSheets } from '../../../src/io/xlsx/longSheets';
import { sheetNotes, writeSheetXml } from '../../../src/io/xlsx/sheetXml';
import { StyleBook } from '../../../src/io/xlsx/styleBook';

const text = (v: string): OutCell => ({ v, text: true, fmt: '@' });

/** A title, a bold header, `count` lazy rows (`单位i`, i), then `after` held rows. */
function lazySheet(count: number, calls: [number, number][] = [], after: OutCell[][] = []): OutputSheet {
  return {
    name: '计算明细',
    rows: [[{ ...text('标题'), bold: true }], [{ ...text('单位'), bold: true }, { ...text('得分'), bold: true }], ...after],
    lazy: {
      at: 2,
      count,
      columns: 2,
      band: (start, end) => {
        calls.push([start, end]);
        return Array.from({ length: end - start }, (_, i) => [text(`单位${start + i}`), { v: start + i, fmt: '0.00' }]);
      },
    },
    merges: ['A1:B1'],
    widths: [10, 8],
    freezeRows: 2,
    freezeCols: 1,
    headerRows: [2],
    print: { landscape: true, fitToWidth: true, repeatRows: '1:2' },
  };
}

function sheetXml(sheet: OutputSheet): string {
  return written(sheet).xml;
}

function written(sheet: OutputSheet): { xml: string; notes: ReturnType<typeof writeSheetXml> } {
  let xml = '';
  const notes = writeSheetXml((piece) => (xml += piece), sheet, new StyleBook(null), { selected: false, links: { legacyDrawing: 'rId2' } });
  return { xml, notes };
}

/** lazySheet with a note on every third lazy row's 得分, counted by `notes`. */
function notedSheet(count: number, calls: [number, number][] = []): OutputSheet {
  const sheet = lazySheet(count, calls);
  const lazy = sheet.lazy!;
  const noted = (i: number) => i % 3 === 0;
  return {
    ...sheet,
    lazy: {
      ...lazy,
      band: (start, end) => lazy.band(start, end).map((row, i) => (noted(start + i) ? [row[0], { ...row[1], note: `第${start + i}行` }] : row)),
      notes: (start, end) => Array.from({ length: end - start }, (_, i) => start + i).filter(noted).length,
    },
  };
}

describe('a sheet with lazy rows, written', () => {
  it('goes through the package writer: ExcelJS reads its rows, then the marker row', async () => {
    const book = newWorkbook();
    await book.apply(planWrite({ sheetNames: [], sheets: {} }, [lazySheet(30)]));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const ws = back.getWorksheet('计算明细')!;
    expect(ws.rowCount).toBe(34);
    expect([ws.getCell('A3').value, ws.getCell('B3').value, ws.getCell('A32').value, ws.getCell('B32').value]).toEqual(['单位0', 0, '单位29', 29]);
    expect(ws.getCell('A34').value).toBe(SHEET_MARKER);
  });

  it('is the same XML as its held form (rows, borders, styles, the rows after the lazy ones)', () => {
    const sheet = lazySheet(3, [], [[], [text('本表由 Kaohe 生成')]]);
    const xml = sheetXml(sheet);
    expect(xml).toBe(sheetXml(eagerSheet(sheet)));
    expect(xml).toContain('<dimension ref="A1:B7"/>');
    expect([...xml.matchAll(/<c r="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(['A1', 'A2', 'B2', 'A3', 'B3', 'A4', 'B4', 'A5', 'B5', 'A7']);
    // Lazy rows bordered below the header (styles 3, 4); the marker after the blank row is not (5).
    expect(xml).toContain('<row r="5"><c r="A5" s="3" t="inlineStr"><is><t>单位2</t></is></c><c r="B5" s="4"><v>2</v></c></row>');
    expect(xml).toContain('<row r="7"><c r="A7" s="5" t="inlineStr"><is><t>本表由 Kaohe 生成</t></is></c></row>');
  });

  it('builds its lazy rows band by band while writing, not before', () => {
    const calls: [number, number][] = [];
    sheetXml(lazySheet(600, calls));
    // Bands of 256 sheet rows, the first holding the title and header.
    expect(calls).toEqual([[0, 254], [254, 510], [510, 600]]);
  });
});

describe('a sheet whose lazy rows carry notes', () => {
  it('writes them as its held form does, counted before the part is written without building a row', () => {
    const calls: [number, number][] = [];
    const sheet = notedSheet(10, calls);
    expect(sheetNotes(sheet)).toBe(4);
    expect(calls).toEqual([]);
    const lazy = written(sheet);
    const eager = written(eagerSheet(sheet));
    expect(lazy).toEqual(eager);
    expect(lazy.notes.map((n) => [n.row, n.col, n.text])).toEqual([[2, 1, '第0行'], [5, 1, '第3行'], [8, 1, '第6行'], [11, 1, '第9行']]);
    expect(lazy.xml).toContain('<legacyDrawing r:id="rId2"/>');
  });

  it('without a count, its lazy rows’ notes are not written (the writer could not list them)', () => {
    const sheet = notedSheet(10);
    const uncounted: OutputSheet = { ...sheet, lazy: { ...sheet.lazy!, notes: undefined } };
    expect(sheetNotes(uncounted)).toBe(0);
    expect(written(uncounted).notes).toEqual([]);
  });

  it('goes through the package writer with its comments part; ExcelJS reads the notes back', async () => {
    const book = newWorkbook();
    await book.apply(planWrite({ sheetNames: [], sheets: {} }, [notedSheet(7)]));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const ws = back.getWorksheet('计算明细')!;
    const note = (ref: string) => {
      const n = ws.getCell(ref).note;
      return typeof n === 'string' ? n : n?.texts?.map((t) => t.text).join('');
    };
    expect([note('B3'), note('B4'), note('B6'), note('B9')]).toEqual(['第0行', undefined, '第3行', '第6行']);
  });

  it('split at the row limit, each part counts and writes its own notes', () => {
    const sheet = notedSheet(25);
    const parts = expandLongSheets([sheet], [], 12);
    expect(parts.map(sheetNotes)).toEqual([4, 3, 2]);
    for (const part of parts) expect(written(part)).toEqual(written(eagerSheet(part)));
    expect(parts.map((part) => written(part).notes.length)).toEqual([4, 3, 2]);
  });
});

describe('a lazy sheet longer than the row limit', () => {
  it('is split into lazy parts, each repeating the title and header, all in the registry; no row is built to split it', () => {
    const calls: [number, number][] = [];
    const parts = expandLongSheets([lazySheet(25, calls), registrySheet(['计算明细'])], [], 12);
    expect(calls).toEqual([]);
    expect(parts.map((s) => [s.name, rowCount(s)])).toEqual([['计算明细', 12], ['计算明细(续2)', 12], ['计算明细(续3)', 7], [REGISTRY_SHEET, 4]]);
    expect(parts[3].rows.map((r) => r[0].v)).toEqual(['kaohe-registry', '计算明细', '计算明细(续2)', '计算明细(续3)']);
    const eager = parts.slice(0, 3).map((part) => eagerSheet(part).rows.map((r) => r.map((c) => c.v)));
    expect(eager[0].slice(0, 3)).toEqual([['标题'], ['单位', '得分'], ['单位0', 0]]);
    expect(eager[1].slice(0, 3)).toEqual([['标题'], ['单位', '得分'], ['单位10', 10]]);
    expect(eager[2]).toEqual([['标题'], ['单位', '得分'], ['单位20', 20], ['单位21', 21], ['单位22', 22], ['单位23', 23], ['单位24', 24]]);
    expect(parts[2].merges).toEqual(['A1:B1']);
  });
});
