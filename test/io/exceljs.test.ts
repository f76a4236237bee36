import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { REGISTRY_SHEET } from '../../src/core/defaults';
import { planWrite } from '../../src/core/report';
import type { OutputSheet } from '../../src/core/types';
import { borderedColumns, newWorkbook, openWorkbook, plainValue, SharedStyles } from '../../src/io/exceljs';
import { findUncarriable, kindsOfParts } from '../../src/io/uncarriable';

const RESULT: OutputSheet = {
  name: '考核结果',
  rows: [
    [{ v: '羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果', text: true, fmt: '@', bold: true }],
    [{ v: '单位', text: true, bold: true }, { v: '总分', text: true, bold: true }, { v: '等次', text: true, bold: true }],
    [{ v: '=1+1', text: true, fmt: '@' }, { v: 98.775, fmt: '0.00' }, { v: '好', text: true, fill: 'FFC6EFCE', note: '说明：示例' }],
    [{ v: '+86 电话', text: true }, { v: 70, fmt: '0.00' }, { v: '-较差', text: true, wrap: true }],
  ],
  merges: ['A1:C1'],
  widths: [12, 8, 10],
  freezeRows: 2,
  freezeCols: 1,
  headerRows: [2],
  print: { landscape: true, fitToWidth: true, repeatRows: '1:2' },
};

async function roundTrip(sheets: OutputSheet[]): Promise<ExcelJS.Workbook> {
  const book = newWorkbook();
  await book.apply(planWrite({ sheetNames: [], sheets: {} }, sheets));
  const bytes = await book.toBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return back;
}

describe('ExcelJS adapter: writing', () => {
  let back: ExcelJS.Workbook;
  beforeAll(async () => {
    back = await roundTrip([RESULT]);
  });

  it('writes values; text starting with = + - stays text, never a formula', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').value).toBe('+86 电话');
    expect(ws.getCell('C4').value).toBe('-较差');
    expect(ws.getCell('B3').value).toBe(98.775);
  });

  it('writes formats: numFmt, text @, fill, bold, wrap, borders, note', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect(ws.getCell('A3').numFmt).toBe('@');
    expect(ws.getCell('C3').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(ws.getCell('A2').font?.bold).toBe(true);
    expect(ws.getCell('C4').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B4').border?.top?.style).toBe('thin');
    expect(ws.getCell('A1').border?.top).toBeUndefined();
    const note = ws.getCell('C3').note;
    const noteText = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
    expect(noteText).toBe('说明：示例');
  });

  it('writes the merged title, widths, frozen panes and print setup', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getColumn(1).width).toBe(12);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
  });

  it('writes the registry very hidden', () => {
    const registry = back.getWorksheet(REGISTRY_SHEET)!;
    expect(registry.state).toBe('veryHidden');
    expect(registry.getCell('A2').value).toBe('考核结果');
  });
});

describe('ExcelJS adapter: shared styles', () => {
  it('hands out one style object per look', () => {
    const styles = new SharedStyles();
    const a = styles.get({ v: 1, fmt: '0.00', align: 'right' }, true);
    expect(styles.get({ v: 2, fmt: '0.00', align: 'right' }, true)).toBe(a);
    expect(styles.get({ v: 2, fmt: '0.00', align: 'right' }, false)).not.toBe(a);
    expect(styles.get({ v: 'x', text: true }, false)).toEqual({ numFmt: '@' });
    expect(styles.get(undefined, true)).toEqual({ border: expect.objectContaining({ top: { style: 'thin' } }) });
    expect(styles.get({ v: 'g', fill: 'FFC6EFCE', bold: true, wrap: true }, false)).toEqual({
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } },
      font: { bold: true },
      alignment: { wrapText: true, horizontal: undefined, vertical: 'top' },
    });
    expect(styles.size).toBe(5);
  });

  it.each<[string, { rows: OutputSheet['rows']; headerRows: number[] }, number[]]>([
    ['header down to the first empty row', { rows: [[{ v: 't' }], [{ v: 'a' }, { v: 'b' }], [{ v: 1 }], [], [{ v: 2 }]], headerRows: [2] }, [0, 2, 2, 0, 0]],
    ['two tables', { rows: [[{ v: 'a' }], [{ v: 1 }], [], [{ v: 'b' }, { v: 'c' }, { v: 'd' }], [{ v: 2 }]], headerRows: [1, 4] }, [1, 1, 0, 3, 3]],
    ['no header rows', { rows: [[{ v: 't' }]], headerRows: [] }, [0]],
  ])('borderedColumns: %s', (_label, sheet, expected) => expect(borderedColumns(sheet)).toEqual(expected));

  it('writes a large table with a handful of cell styles, borders on blank cells of the table too', async () => {
    const rows: OutputSheet['rows'] = [[{ v: '标题', text: true, bold: true }], [{ v: '单位', text: true, bold: true }, { v: '得分', text: true, bold: true }, { v: '备注', text: true, bold: true }]];
    for (let i = 0; i < 3000; i++) rows.push([{ v: `村${i}`, text: true, fmt: '@' }, { v: i / 7, fmt: '0.00', align: 'right' }]);
    const sheet: OutputSheet = { ...RESULT, name: '计算明细', rows, merges: [], heights: undefined };
    const book = newWorkbook();
    await book.apply({ remove: [], add: [sheet], renamed: [] });
    const written = book.workbook.getWorksheet('计算明细')!;
    expect(written.getCell('B3').style).toBe(written.getCell('B3002').style);
    expect(written.getCell('A3').style).not.toBe(written.getCell('B3').style);
    const bytes = await book.toBuffer();
    const stylesXml = await (await JSZip.loadAsync(bytes)).file('xl/styles.xml')!.async('string');
    const cellXfs = Number(/<cellXfs count="(\d+)"/.exec(stylesXml)?.[1]);
    expect(cellXfs).toBeGreaterThanOrEqual(4);
    expect(cellXfs).toBeLessThanOrEqual(6);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = back.getWorksheet('计算明细')!;
    expect(ws.getCell('B3002').numFmt).toBe('0.00');
    expect(ws.getCell('B3002').value).toBeCloseTo(2999 / 7, 10);
    expect(ws.getCell('A3002').numFmt).toBe('@');
    expect(ws.getCell('C3002').border?.right?.style).toBe('thin');
    expect(ws.getCell('C3002').value).toBeNull();
    expect(ws.getCell('D3002').border?.top).toBeUndefined();
    expect(ws.getCell('A1').border?.top).toBeUndefined();
  });
});

describe('ExcelJS adapter: reading', () => {
  async function bookWith(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('考核数据'), wb);
    return openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  }

  it.each([
    ['formula → result', { formula: 'B1*2', result: 4 }, 4],
    ['formula without result → null', { formula: 'B1*2' }, null],
    ['rich text → plain text', { richText: [{ text: '龙源' }, { text: '村', font: { bold: true } }] }, '龙源村'],
    ['hyperlink → text', { text: '链接', hyperlink: 'https://example.invalid' }, '链接'],
    ['error', { error: '#DIV/0!' }, { error: '#DIV/0!' }],
    ['string', '九十', '九十'],
    ['boolean', true, true],
  ])('plainValue: %s', (_label, value, expected) => {
    expect(plainValue(value as ExcelJS.CellValue)).toEqual(expected);
  });

  it('reads the used range with its origin, formats, dates and merged cells', async () => {
    const book = await bookWith((ws, wb) => {
      ws.getCell('B2').value = '标题';
      ws.mergeCells('B2:D2');
      ws.getCell('B3').value = '单位';
      ws.getCell('C3').value = 0.95;
      ws.getCell('C3').numFmt = '0%';
      ws.getCell('D3').value = new Date(Date.UTC(2018, 11, 31));
      ws.getCell('D4').value = { formula: 'C3*2', result: 1.9 };
      wb.addWorksheet('隐藏').state = 'hidden';
    });
    const snapshot = await book.read((names) => names.filter((n) => n === '考核数据'));
    expect(snapshot.sheetNames).toEqual(['考核数据', '隐藏']);
    expect(Object.keys(snapshot.sheets)).toEqual(['考核数据']);
    const grid = snapshot.sheets['考核数据'];
    expect([grid.originRow, grid.originCol]).toEqual([1, 1]);
    expect(grid.values).toEqual([
      ['标题', null, null],
      ['单位', 0.95, new Date(Date.UTC(2018, 11, 31))],
      [null, null, 1.9],
    ]);
    expect(grid.formats?.[1][1]).toBe('0%');
    expect(book.uncarriable).toEqual([]);
  });

  it('round-trips: apply twice on a loaded workbook keeps one set of result sheets and the user sheets', async () => {
    const book = await bookWith((ws) => {
      ws.getCell('A1').value = '单位';
    });
    const read = () => book.read((names) => names);
    await book.apply(planWrite(await read(), [RESULT]));
    await book.apply(planWrite(await read(), [RESULT]));
    const reopened = await openWorkbook(await book.toBuffer());
    expect((await reopened.read(() => [])).sheetNames).toEqual(['考核数据', '考核结果', REGISTRY_SHEET]);
  });
});

describe('uncarriable parts', () => {
  it.each([
    [['xl/charts/chart1.xml'], ['charts']],
    [['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml'], ['pivotTables']],
    [['xl/drawings/drawing1.xml', 'xl/media/image1.png'], ['drawings']],
    [['xl/drawings/vmlDrawing1.vml', 'xl/comments1.xml'], []],
    [['xl/vbaProject.bin'], ['macros']],
    [['xl/slicers/slicer1.xml'], ['slicers']],
    [['xl/workbook.xml', 'xl/worksheets/sheet1.xml'], []],
  ])('%j → %j', (parts, kinds) => expect(kindsOfParts(parts)).toEqual(kinds));

  it('finds a chart part inside a real zip', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('考核数据').getCell('A1').value = '单位';
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    zip.file('xl/charts/chart1.xml', '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await findUncarriable(bytes)).toEqual(['charts']);
    expect((await openWorkbook(bytes)).uncarriable).toEqual(['charts']);
  });

  it('rejects bytes that are not a zip', async () => {
    await expect(openWorkbook(new TextEncoder().encode('not a workbook'))).rejects.toBeDefined();
  });
});
