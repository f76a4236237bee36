/**
 * The sheets Kaohe writes, read back by ExcelJS (an independent reader): values (text is
 * never a formula), formats, notes, merges, widths, heights, frozen panes, print setup,
 * the very hidden registry; and the pieces of the package edit on their own — styles
 * appended without renumbering, the workbook part's sheet indices renumbered, XML escaping.
 */
import ExcelJS from 'exceljs';
import { REGISTRY_SHEET } from '../../../src/core/defaults';
import { planWrite } from '../../../src/core/report';
import type { OutCell, OutputSheet } from '../../../src/core/types';
import { newWorkbook, openWorkbook } from '../../../src/io/xlsx/index';
import { borderedColumns, MAX_ROW_HEIGHT, printRows, textElement } from '../../../src/io/xlsx/sheetXml';
import { StyleBook } from '../../../src/io/xlsx/styleBook';
import { editWorkbook, workbookSheets } from '../../../src/io/xlsx/workbookXml';
import { xmlEscape, xmlSafe } from '../../../src/io/xlsx/xmlText';
import { partsOf } from './support';

const RESULT: OutputSheet = {
  name: '考核结果',
  rows: [
    [{ v: '羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果', text: true, fmt: '@', bold: true }],
    [{ v: '单位', text: true, bold: true }, { v: '总分', text: true, bold: true }, { v: '等次', text: true, bold: true }],
    [{ v: '=1+1', text: true, fmt: '@' }, { v: 98.775, fmt: '0.00' }, { v: '好', text: true, fill: 'FFC6EFCE', note: '说明：示例' }],
    [{ v: '+86 电话', text: true }, { v: 70, fmt: '0.00' }, { v: '-较差', text: true, wrap: true }],
    [{ v: '@张三 <b>&"', text: true }, { v: 0, fmt: '0.0000' }, { v: ' 前后空格 ', text: true }],
  ],
  merges: ['A1:C1'],
  widths: [12, 8, 10],
  heights: [null, null, 30, null, 2000],
  freezeRows: 2,
  freezeCols: 1,
  headerRows: [2],
  print: { landscape: true, fitToWidth: true, repeatRows: '1:2' },
};

async function roundTrip(sheets: OutputSheet[]): Promise<{ back: ExcelJS.Workbook; bytes: Uint8Array }> {
  const book = newWorkbook();
  await book.apply(planWrite({ sheetNames: [], sheets: {} }, sheets));
  const bytes = await book.toBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { back, bytes };
}

describe('sheets written by the package writer, read back with ExcelJS', () => {
  let back: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    ({ back, bytes } = await roundTrip([RESULT]));
  });

  it('writes values; text starting with = + - @ stays text, never a formula', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('A3').value).toBe('=1+1');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A4').value).toBe('+86 电话');
    expect(ws.getCell('C4').value).toBe('-较差');
    expect(ws.getCell('A5').value).toBe('@张三 <b>&"');
    expect(ws.getCell('C5').value).toBe(' 前后空格 ');
    expect(ws.getCell('B3').value).toBe(98.775);
    expect(ws.getCell('B5').value).toBe(0);
    expect(partsOf(bytes).get('xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('writes formats: numFmt (built-in and custom), text @, fill, bold, wrap, borders, note', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('B3').numFmt).toBe('0.00');
    expect(ws.getCell('B5').numFmt).toBe('0.0000');
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

  it('writes the merged title, widths, heights (capped at 409 pt), frozen panes and print setup', () => {
    const ws = back.getWorksheet('考核结果')!;
    expect(ws.getCell('B1').isMerged).toBe(true);
    expect(ws.getCell('B1').master.address).toBe('A1');
    expect(ws.getColumn(1).width).toBe(12);
    expect(ws.getRow(3).height).toBe(30);
    expect(ws.getRow(5).height).toBe(MAX_ROW_HEIGHT);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(partsOf(bytes).get('xl/workbook.xml')).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'考核结果'!$1:$2</definedName>`);
  });

  it('writes the registry very hidden', () => {
    const registry = back.getWorksheet(REGISTRY_SHEET)!;
    expect(registry.state).toBe('veryHidden');
    expect(registry.getCell('A2').value).toBe('考核结果');
  });

  it('writes the SpreadsheetML elements in the order Excel checks', () => {
    const xml = partsOf(bytes).get('xl/worksheets/sheet1.xml')!;
    const order = ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'mergeCells', 'pageMargins', 'pageSetup', 'legacyDrawing'];
    const at = order.map((name) => xml.indexOf(`<${name}`));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(xml).toContain('<dimension ref="A1:C7"/>'); // rows 1–5, then the blank row and the marker row (plan.ts)
  });

  it('writes a large table with a handful of cell formats, borders on blank cells of the table too', async () => {
    const rows: OutputSheet['rows'] = [[{ v: '标题', text: true, bold: true }], [{ v: '单位', text: true, bold: true }, { v: '得分', text: true, bold: true }, { v: '备注', text: true, bold: true }]];
    for (let i = 0; i < 3000; i++) rows.push([{ v: `村${i}`, text: true, fmt: '@' }, { v: i / 7, fmt: '0.00', align: 'right' }]);
    const sheet: OutputSheet = { ...RESULT, name: '计算明细', rows, merges: [], heights: undefined };
    const book = newWorkbook();
    await book.apply({ remove: [], add: [sheet], renamed: [] });
    const out = await book.toBuffer();
    const stylesXml = partsOf(out).get('xl/styles.xml')!;
    // default, bold title, bold bordered header, text bordered, score bordered, blank bordered
    expect(Number(/<cellXfs count="(\d+)"/.exec(stylesXml)?.[1])).toBe(6);
    const ws = new ExcelJS.Workbook();
    await ws.xlsx.load(out as unknown as ArrayBuffer);
    const detail = ws.getWorksheet('计算明细')!;
    expect(detail.getCell('B3002').numFmt).toBe('0.00');
    expect(detail.getCell('B3002').value).toBeCloseTo(2999 / 7, 10);
    expect(detail.getCell('A3002').numFmt).toBe('@');
    expect(detail.getCell('C3002').border?.right?.style).toBe('thin');
    expect(detail.getCell('C3002').value).toBeNull();
    expect(detail.getCell('D3002').border?.top).toBeUndefined();
  });

  it('apply twice on an opened workbook: the last plan wins, one set of result sheets beside the user sheets', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('考核数据').getCell('A1').value = '单位';
    const book = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const read = () => book.read((names) => names);
    await book.apply(planWrite(await read(), [RESULT]));
    await book.apply(planWrite(await read(), [RESULT]));
    const reopened = await openWorkbook(await book.toBuffer());
    expect((await reopened.read(() => [])).sheetNames).toEqual(['考核数据', '考核结果', REGISTRY_SHEET]);
  });
});

describe('borderedColumns', () => {
  it.each<[string, { rows: OutputSheet['rows']; headerRows: number[] }, number[]]>([
    ['header down to the first empty row', { rows: [[{ v: 't' }], [{ v: 'a' }, { v: 'b' }], [{ v: 1 }], [], [{ v: 2 }]], headerRows: [2] }, [0, 2, 2, 0, 0]],
    ['two tables', { rows: [[{ v: 'a' }], [{ v: 1 }], [], [{ v: 'b' }, { v: 'c' }, { v: 'd' }], [{ v: 2 }]], headerRows: [1, 4] }, [1, 1, 0, 3, 3]],
    ['no header rows', { rows: [[{ v: 't' }]], headerRows: [] }, [0]],
  ])('%s', (_label, sheet, expected) => expect(borderedColumns(sheet)).toEqual(expected));
});

describe('XML text', () => {
  it('escapes markup and strips what XML 1.0 forbids, keeping surrogate pairs whole', () => {
    expect(xmlEscape('a<b & "c">')).toBe('a&lt;b &amp; &quot;c&quot;&gt;');
    expect(xmlSafe('a\u0001b\u000Bc\uFFFEd\tx\ny')).toBe('abcd\tx\ny');
    expect(xmlSafe('\uD83D\uDE00 lone \uD83D and \uDE00')).toBe('\uD83D\uDE00 lone  and ');
    expect(textElement(' x')).toBe('<t xml:space="preserve"> x</t>');
    expect(textElement('x'.repeat(40_000))).toBe(`<t>${'x'.repeat(32_767)}</t>`);
  });

  it.each([
    ['1:2', '$1:$2'],
    ['$3:$4', '$3:$4'],
    ['A1:B2', null],
  ])('printRows(%s) = %s', (rows, expected) => expect(printRows(rows)).toBe(expected));
});

describe('styles appended to a workbook\'s own', () => {
  const EXISTING =
    '<?xml version="1.0"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<x:numFmts count="9"><x:numFmt numFmtId="164" formatCode="0.0%"/><x:numFmt numFmtId="200" formatCode="0.00"/></x:numFmts>' +
    '<x:fonts count="1"><x:font><x:sz val="12"/><x:name val="宋体"/></x:font></x:fonts>' +
    '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
    '<x:borders count="1"><x:border/></x:borders>' +
    '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs>' +
    '<x:cellXfs count="3"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs>' +
    '<x:dxfs count="1"><x:dxf><x:font><x:b/></x:font><x:fill><x:patternFill/></x:fill></x:dxf></x:dxfs>' +
    '</x:styleSheet>';

  it('keeps every existing index, fixes the counts, gives custom formats ids above the highest in use', () => {
    const book = new StyleBook(EXISTING);
    const bold = book.xf({ v: 'a', text: true, bold: true }, true);
    const custom = book.xf({ v: 1, fmt: '0.000' }, false);
    const filled = book.xf({ v: 'g', text: true, fill: 'FFC6EFCE' }, false);
    expect([bold, custom, filled]).toEqual([3, 4, 5]);
    expect(book.xf({ v: 'b', text: true, bold: true }, true)).toBe(3);
    const xml = book.render();
    // The workbook's own entries come first, unchanged.
    expect(xml).toContain('<x:numFmts count="3"><x:numFmt numFmtId="164" formatCode="0.0%"/><x:numFmt numFmtId="200" formatCode="0.00"/><x:numFmt numFmtId="201" formatCode="0.000"/></x:numFmts>');
    expect(xml).toContain('<x:fonts count="2"><x:font><x:sz val="12"/><x:name val="宋体"/></x:font><x:font><x:b/><x:sz val="12"/><x:name val="宋体"/></x:font></x:fonts>');
    expect(xml).toMatch(/<x:fills count="3">.*patternType="solid"><x:fgColor rgb="FFC6EFCE"\/>/);
    expect(xml).toMatch(/<x:borders count="2"><x:border\/><x:border><x:left style="thin">/);
    expect(xml).toContain('<x:cellXfs count="6"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><x:xf numFmtId="164"');
    expect(xml).toContain('<x:xf numFmtId="49" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>');
    expect(xml).toContain('<x:xf numFmtId="201" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
    // dxfs (with their own font and fill) untouched.
    expect(xml).toContain('<x:dxfs count="1"><x:dxf><x:font><x:b/></x:font><x:fill><x:patternFill/></x:fill></x:dxf></x:dxfs>');
  });

  it('gives each distinct look one cell format, found again for every later cell that looks the same', () => {
    const book = new StyleBook(EXISTING);
    const looks: [OutCell | undefined, boolean][] = [
      [undefined, false], // blank, unbordered: the default
      [{ v: 1 }, false], // nothing to apply: the default too
      [undefined, true], // blank, bordered
      [{ v: 'a', text: true }, false],
      [{ v: 'a', fmt: '@' }, false], // the same look as text
      [{ v: 'a', text: true, bold: true }, false],
      [{ v: 'a', text: true, wrap: true }, false],
      [{ v: 'a', text: true }, true],
      [{ v: 'a', text: true, align: 'left' }, false],
      [{ v: 'a', text: true, align: 'center' }, false],
      [{ v: 'a', text: true, align: 'right' }, false],
      [{ v: 'a', text: true, fill: 'FFC6EFCE' }, false],
      [{ v: 'a', text: true, fill: 'FFFFC7CE' }, false],
      [{ v: 1, fmt: '0.00' }, false], // built-in format 2
      [{ v: 1, fmt: '0.00', bold: true, wrap: true, align: 'right', fill: 'FFC6EFCE' }, true],
    ];
    const first = looks.map(([out, bordered]) => book.xf(out, bordered));
    expect(first).toEqual([0, 0, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    // In reverse, every look is found again, nothing new appended.
    expect([...looks].reverse().map(([out, bordered]) => book.xf(out, bordered))).toEqual([...first].reverse());
    expect(book.render()).toContain('<x:cellXfs count="15">');
    expect(book.render()).toContain(
      '<x:xf numFmtId="2" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><x:alignment horizontal="right" vertical="top" wrapText="1"/></x:xf></x:cellXfs>',
    );
  });

  it('adds a numFmts list where the workbook had none, as the first child', () => {
    const book = new StyleBook(EXISTING.replace(/<x:numFmts.*<\/x:numFmts>/, ''));
    book.xf({ v: 1, fmt: '0.000' }, false);
    expect(book.render()).toContain('<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="0.000"/></x:numFmts><x:fonts');
  });
});

describe('the workbook part edit', () => {
  const WORKBOOK =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<bookViews><workbookView firstSheet="3" activeTab="4"/></bookViews><sheets>' +
    '<sheet name="考核数据" sheetId="1" r:id="rId1"/><sheet name="考核结果" sheetId="7" r:id="rId2"/><sheet name="计算明细" sheetId="8" r:id="rId3"/>' +
    '<sheet name="用户表" sheetId="2" r:id="rId4"/><sheet name="A&amp;B" sheetId="3" r:id="rId5"/></sheets>' +
    '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'考核结果\'!$1:$2</definedName>' +
    '<definedName name="本表" localSheetId="3">用户表!$A$1</definedName><definedName name="全局">1</definedName></definedNames>' +
    '<calcPr calcId="1"/></workbook>';

  it('lists the sheets with their relationship ids, names decoded', () => {
    expect(workbookSheets(WORKBOOK).map((s) => [s.name, s.sheetId, s.rid])).toEqual([
      ['考核数据', 1, 'rId1'], ['考核结果', 7, 'rId2'], ['计算明细', 8, 'rId3'], ['用户表', 2, 'rId4'], ['A&B', 3, 'rId5'],
    ]);
  });

  it('removes Kaohe\'s sheets and their scoped names, renumbers localSheetId/activeTab/firstSheet, appends the new sheets', () => {
    const { xml, activated } = editWorkbook(WORKBOOK, {
      remove: [1, 2],
      add: [
        { name: '考核结果', sheetId: 9, rid: 'rId6', hidden: false, printTitles: '$1:$2' },
        { name: REGISTRY_SHEET, sheetId: 10, rid: 'rId7', hidden: true, printTitles: null },
      ],
    });
    expect(activated).toBeNull();
    expect(xml).toContain('<workbookView firstSheet="1" activeTab="2"/>');
    expect(xml).toContain(
      '<sheets><sheet name="考核数据" sheetId="1" r:id="rId1"/><sheet name="用户表" sheetId="2" r:id="rId4"/><sheet name="A&amp;B" sheetId="3" r:id="rId5"/>' +
        `<sheet name="考核结果" sheetId="9" r:id="rId6"/><sheet name="${REGISTRY_SHEET}" sheetId="10" state="veryHidden" r:id="rId7"/></sheets>`,
    );
    expect(xml).toContain('<definedNames><definedName name="本表" localSheetId="1">用户表!$A$1</definedName><definedName name="全局">1</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="3">\'考核结果\'!$1:$2</definedName></definedNames><calcPr calcId="1"/>');
  });

  it('moves the active tab to the first new visible sheet when the active one was Kaohe\'s', () => {
    const { xml, activated } = editWorkbook(WORKBOOK.replace('activeTab="4"', 'activeTab="1"'), {
      remove: [1, 2],
      add: [{ name: '考核结果', sheetId: 9, rid: 'rId6', hidden: false, printTitles: null }],
    });
    expect(activated).toBe(0);
    expect(xml).toContain('activeTab="3"');
  });
});

describe('sheets longer than Excel allows', () => {
  it('are split into parts of at most the row limit, each repeating the title and header, all in the registry', async () => {
    const { expandLongSheets } = await import('../../../src/io/xlsx/longSheets');
    const { registrySheet, registeredSheets, isKaoheSheetName } = await import('../../../src/core/report/plan');
    const rows: OutputSheet['rows'] = [[{ v: '标题', text: true }], [{ v: '单位', text: true }]];
    for (let i = 0; i < 25; i++) rows.push([{ v: i }]);
    const detail: OutputSheet = { ...RESULT, name: '计算明细', rows, merges: ['A1:C1'], heights: undefined, freezeRows: 2, headerRows: [2] };
    const parts = expandLongSheets([detail, registrySheet(['计算明细'])], [], 12);
    expect(parts.map((s) => [s.name, s.rows.length])).toEqual([['计算明细', 12], ['计算明细(续2)', 12], ['计算明细(续3)', 7], [REGISTRY_SHEET, 4]]);
    expect(parts[1].rows.slice(0, 3).map((r) => r[0].v)).toEqual(['标题', '单位', 10]);
    expect(parts[2].rows[6][0].v).toBe(24);
    expect(parts[2].merges).toEqual(['A1:C1']);
    const registry = parts[3];
    const grid = { name: REGISTRY_SHEET, values: registry.rows.map((r) => r.map((c) => c.v)), originRow: 0, originCol: 0 };
    expect(registeredSheets(grid)).toEqual(['计算明细', '计算明细(续2)', '计算明细(续3)']);
    expect(isKaoheSheetName('计算明细(续2)')).toBe(true);
    expect(isKaoheSheetName('我的表(续2)')).toBe(false);
  });
});
