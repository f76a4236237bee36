import { t } from '../../../src/core/messages';
import type { SheetGrid } from '../../../src/core/types';
import { openPackage } from '../../../src/io/xlsx/package';
import { readSnapshot, readXlsx } from '../../../src/io/xlsx/reader';
import { excelToDate } from '../../../src/io/xlsx/readSheet';
import { isDateFormat, unescapeXstring } from '../../../src/io/xlsx/styles';
import { buildXlsx, MAIN, REL, type HandBook } from '../../helpers/xlsxBuild';

function grid(book: HandBook, limits = {}): SheetGrid {
  const snapshot = readXlsx(buildXlsx(book), (names) => names, limits);
  return snapshot.sheets[book.sheets[0].name];
}

const one = (xml: string, extra: Partial<HandBook> = {}): SheetGrid => grid({ sheets: [{ name: '考核数据', xml }], ...extra });

describe('reader: every cell type', () => {
  const strings = ['普通', '<r><rPr><b/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh>', '换_x000D_行'];
  const xfs: [number, string?][] = [[0], [14], [10], [164, '0.0\\%'], [165, 'yyyy"年"m"月"d"日"'], [166, '0.00"分"'], [31]];
  const cells =
    '<row r="1">' +
    '<c r="A1"><v>12.5</v></c>' + // number
    '<c r="B1" t="s"><v>0</v></c>' + // shared string
    '<c r="C1" t="s"><v>1</v></c>' + // rich text, phonetic ignored
    '<c r="D1" t="inlineStr"><is><t>内联</t></is></c>' +
    '<c r="E1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' + // formula, cached string
    '<c r="F1" t="b"><v>1</v></c>' +
    '<c r="G1" t="b"><f>1=2</f><v>0</v></c>' + // formula, cached FALSE
    '<c r="H1" t="e"><v>#N/A</v></c>' +
    '<c r="I1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
    '<c r="J1"><f>B2-B2</f><v>0</v></c>' + // cached 0 (ExcelJS lost it)
    '<c r="K1"><f>SUM(A1:A3)</f></c>' + // uncached
    '<c r="L1" t="d"><v>2018-12-31T00:00:00</v></c>' +
    '<c r="M1" s="1"><v>43465</v></c>' + // date format
    '<c r="N1" s="1"><f>DATE(2018,12,31)</f><v>43465</v></c>' + // date format, cached
    '<c r="O1" s="2"><v>0.95</v></c>' +
    '<c r="P1" s="3"><v>95</v></c>' +
    '<c r="Q1" s="4"><v>43465.5</v></c>' +
    '<c r="R1" s="5"><v>18.5</v></c>' +
    '<c r="S1" s="6"><v>43465</v></c>' +
    '<c r="T1" t="s"><v>2</v></c>' +
    '<c r="U1" t="s"><v>99</v></c>' + // index out of range: blank
    '<c r="V1" s="2"/>' + // styled, empty
    '</row>';
  let g: SheetGrid;
  beforeAll(() => {
    g = one(cells, { strings, xfs });
  });

  it('values as the core expects them', () => {
    expect(g.originRow).toBe(0);
    expect(g.originCol).toBe(0);
    expect(g.values).toEqual([
      [
        12.5,
        '普通',
        '富文本 ',
        '内联',
        'ab',
        true,
        false,
        { error: '#N/A' },
        { error: '#DIV/0!' },
        0,
        { error: 'SUM(A1:A3)', uncached: true },
        new Date(Date.UTC(2018, 11, 31)),
        new Date(Date.UTC(2018, 11, 31)),
        new Date(Date.UTC(2018, 11, 31)),
        0.95,
        95,
        new Date(Date.UTC(2018, 11, 31, 12)),
        18.5,
        new Date(Date.UTC(2018, 11, 31)),
        '换\r行',
      ],
    ]);
  });

  it('formats beside them: built-ins, custom codes (backslash escapes dropped, as before), General = null', () => {
    expect(g.formats?.[0]).toEqual([
      null, null, null, null, null, null, null, null, null, null, null, null,
      'mm-dd-yy', 'mm-dd-yy', '0.00%', '0.0%', 'yyyy"年"m"月"d"日"', '0.00"分"', 'yyyy"年"m"月"d"日"', null,
    ]);
  });

  it('1904 dates', () => {
    const g1904 = one('<row r="1"><c r="A1" s="1"><v>41\u0030\u0030</v></c></row>', { xfs: [[0], [14]], date1904: true });
    expect(g1904.values[0][0]).toEqual(excelToDate(4100, true));
    expect((g1904.values[0][0] as Date).toISOString()).toBe('1915-03-24T00:00:00.000Z');
  });

  it("openpyxl's empty <v> after a formula is no cached value; a cached empty string stays ''", () => {
    const g2 = one('<row r="1"><c r="A1"><f>SUM(B1:B4)</f><v></v></c><c r="B1" t="str"><f>""</f><v></v></c><c r="C1" t="n"><f>1+1</f><v/></c></row>');
    expect(g2.values).toEqual([[{ error: 'SUM(B1:B4)', uncached: true }, '', { error: '1+1', uncached: true }]]);
  });

  it('shared formulas without a cached value name the master formula', () => {
    const g2 = one('<row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row>');
    expect(g2.values).toEqual([[{ error: 'B1*2', uncached: true }], [{ error: 'B1*2', uncached: true }]]);
  });

  it('cells without r attributes follow one another; rows without r too', () => {
    const g3 = one('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>');
    expect(g3.values).toEqual([[1, 2], [null, null, 3, 4]]);
  });

  it('helpers', () => {
    expect(isDateFormat('[Red]0.00')).toBe(false);
    expect(isDateFormat('[h]:mm:ss')).toBe(true);
    expect(isDateFormat('0"天"')).toBe(false);
    expect(unescapeXstring('a_x0009_b')).toBe('a\tb');
  });
});

describe('reader: sparse, ragged, bounded', () => {
  it('origin at the top-left value; ragged rows; empty rows share one frozen array', () => {
    const g = one('<row r="3"><c r="C3"><v>1</v></c><c r="E3"><v>2</v></c></row><row r="7"><c r="D7"><v>3</v></c></row><row r="9"/>');
    expect(g.originRow).toBe(2);
    expect(g.originCol).toBe(2);
    expect(g.values).toEqual([[1, null, 2], [], [], [], [null, 3]]);
    expect(g.values[1]).toBe(g.values[2]);
    expect(Object.isFrozen(g.values[1])).toBe(true);
  });

  it('a stray cell at XFD1048576 costs one padded row, not the bounding box', () => {
    const g = one('<row r="1"><c r="XFC1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>');
    expect(g.originCol).toBe(16382);
    expect(g.values.length).toBe(1_048_576);
    expect(g.values[0]).toEqual([1]);
    expect(g.values[1_048_575]).toEqual([null, 2]);
    expect(g.values[500_000]).toBe(g.values[1]);
  });

  it('A1048576 = 合计 below the table', () => {
    const g = one('<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>合计</t></is></c></row>');
    expect(g.values.length).toBe(1_048_576);
    expect(g.values[1_048_575]).toEqual(['合计']);
  });

  it('rows beyond 1,048,576 and columns beyond XFD: unreadable, naming the sheet', () => {
    const rows = one('<row r="1048577"><c r="A1048577"><v>1</v></c></row>');
    expect(rows.unreadable).toEqual({ code: 'xlsx.tooManyRows', params: { sheet: '考核数据' } });
    expect(rows.values).toEqual([]);
    expect(t(rows.unreadable!, 'zh')).toBe('工作表"考核数据"超过 1,048,576 行（文件有误），未读取。');
    const cols = one('<row r="1"><c r="XFE1"><v>1</v></c></row>');
    expect(cols.unreadable).toEqual({ code: 'xlsx.tooManyCols', params: { sheet: '考核数据' } });
  });

  it('too many cells: unreadable with the limit in the message', () => {
    const xml = Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="B${r + 1}"><v>2</v></c></row>`).join('');
    const g = one(xml, {});
    expect(g.values.length).toBe(30);
    const limited = grid({ sheets: [{ name: '考核数据', xml }] }, { cellsPerSheet: 50 });
    expect(limited.unreadable).toEqual({ code: 'xlsx.tooManyCells', params: { sheet: '考核数据', limit: '50' } });
    expect(t(limited.unreadable!, 'en')).toBe('Sheet "考核数据" holds more than 50 cells (too much data); it was not read. Remove what is not needed and try again.');
  });

  it('a part over the size limit: unreadable naming the sheet', () => {
    const xml = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(1);
    const g = grid({ sheets: [{ name: '大表', xml: xml + `<!--${'x'.repeat(3_000_000)}-->` }] }, { largePart: 1024 * 1024 });
    expect(g.unreadable).toEqual({ code: 'xlsx.sheetTooLarge', params: { sheet: '大表', limit: 1 } });
  });

  it('bad XML in a sheet: unreadable, the other sheets still read', () => {
    const snapshot = readXlsx(buildXlsx({ sheets: [{ name: '坏', xml: '<row><c><v>1</v></row>' }, { name: '好', xml: '<row><c><v>1</v></c></row>' }] }), (n) => n);
    expect(snapshot.sheets['坏'].unreadable?.code).toBe('xlsx.sheetBadXml');
    expect(snapshot.sheets['好'].values).toEqual([[1]]);
  });

  it('a sheet whose part is missing: unreadable', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'A', xml: '' }] });
    const pkg = openPackage(bytes);
    pkg.sheets[0].part = 'xl/worksheets/gone.xml';
    expect(readSnapshot(pkg, (n) => n).sheets.A.unreadable).toEqual({ code: 'xlsx.sheetPartMissing', params: { sheet: 'A', part: 'xl/worksheets/gone.xml' } });
  });
});

describe('reader: merges, hidden rows and columns', () => {
  it('merged ranges listed; only the top-left cell keeps its value', () => {
    const merged = grid({
      sheets: [
        {
          name: 'M',
          xml: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c><c r="C1"><v>3</v></c></row><row r="2"><c r="A2"><v>9</v></c><c r="C2"><v>4</v></c></row>',
          after: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
        },
      ],
    });
    expect(merged.merges).toEqual(['A1:B2']);
    expect(merged.values).toEqual([[1, null, 3], [null, null, 4]]);
  });

  it('hidden rows and hidden column ranges, 1-based', () => {
    const g = grid({
      sheets: [
        {
          name: 'H',
          before: '<cols><col min="2" max="3" width="0" hidden="1" customWidth="1"/><col min="5" max="5" width="9"/></cols>',
          xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="5" hidden="true"/>',
        },
      ],
    });
    expect(g.hiddenRows).toEqual([2, 5]);
    expect(g.hiddenCols).toEqual([2, 3]);
    expect(g.merges).toEqual([]);
  });

  it('zeroHeight sheets: rows not listed as visible are hidden', () => {
    const g = grid({
      sheets: [{ name: 'Z', before: '<sheetFormatPr defaultRowHeight="15" zeroHeight="1"/>', xml: '<row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>' }],
    });
    expect(g.hiddenRows).toEqual([2, 3]);
  });
});

describe('reader: namespaces and part names', () => {
  const rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.5</v></c></row>';
  it('x:-prefixed parts read the same as unprefixed ones', () => {
    const plain = one(rows, { strings: ['单位'], xfs: [[0], [9]] });
    const prefixedGrid = one(rows, { strings: ['单位'], xfs: [[0], [9]], prefix: true });
    expect(prefixedGrid).toEqual(plain);
    expect(plain.values).toEqual([['单位', 0.5]]);
    expect(plain.formats).toEqual([[null, '0%']]);
  });

  it('a worksheet stored as xl/sheet.xml (ClosedXML style) is found through relationships', () => {
    const g = grid({ sheets: [{ name: '考核数据', xml: rows, part: 'xl/sheet.xml' }], strings: ['单位'] });
    expect(g.values[0][0]).toBe('单位');
  });

  it('elements of other namespaces inside a cell are ignored', () => {
    const whole = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:o="urn:o"><sheetData><row r="1"><c r="A1"><o:v>7</o:v><v>1</v></c></row></sheetData></worksheet>`;
    expect(grid({ sheets: [{ name: 'A', xml: whole, whole: true }] }).values).toEqual([[1]]);
  });

  it('only picked sheets are read; every name is listed', () => {
    const snapshot = readXlsx(buildXlsx({ sheets: [{ name: 'A', xml: rows }, { name: 'B', xml: '<row><c><v>bad' }] }), () => ['A']);
    expect(snapshot.sheetNames).toEqual(['A', 'B']);
    expect(Object.keys(snapshot.sheets)).toEqual(['A']);
  });
});
