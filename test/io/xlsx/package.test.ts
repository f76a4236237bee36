import { t } from '../../../src/core/messages';
import { XlsxError } from '../../../src/io/xlsx/errors';
import { contentTypeOf, detectFileType, openPackage, readRels, relsPartOf, relType, resolveTarget } from '../../../src/io/xlsx/package';
import { parseText } from '../../../src/io/xlsx/xml';
import { buildXlsx, handEntries, MAIN, REL } from '../../helpers/xlsxBuild';
import { buildOle } from '../../helpers/oleBuild';
import { buildZip } from '../../helpers/zipBuild';

const ole = buildOle;

function thrown(fn: () => unknown): XlsxError {
  try {
    fn();
  } catch (err) {
    if (err instanceof XlsxError) return err;
    throw err;
  }
  throw new Error('no error');
}

const twoSheets = {
  sheets: [
    { name: '考核数据', xml: '' },
    { name: '隐藏', xml: '', state: 'hidden' as const },
    { name: '很隐藏', xml: '', state: 'veryHidden' as const },
  ],
  strings: ['a'],
  xfs: [[0]] as [number, string?][],
};

describe('package: paths', () => {
  it.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '../customXml/item1.xml', 'customXml/item1.xml'],
    ['xl/worksheets/sheet1.xml', '../drawings/./drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/workbook.xml', 'sheet%20one.xml', 'xl/sheet one.xml'],
    ['xl/workbook.xml', '../../../etc/passwd', null],
  ])('resolveTarget(%s, %s) = %s', (from, target, expected) => {
    expect(resolveTarget(from, target)).toBe(expected);
  });

  it('relsPartOf and relType', () => {
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('workbook.xml')).toBe('_rels/workbook.xml.rels');
    expect(relType(`${REL}/worksheet`)).toBe('worksheet');
    expect(relType('http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument')).toBe('officeDocument');
  });
});

describe('package: the model, by relationships', () => {
  it('lists sheets in tab order with state, ids, parts and kind; finds strings and styles', () => {
    const pkg = openPackage(buildXlsx(twoSheets));
    expect(pkg.workbookPart).toBe('xl/workbook.xml');
    expect(pkg.sheets).toEqual([
      { name: '考核数据', sheetId: 1, rId: 'rId1', state: 'visible', part: 'xl/worksheets/sheet1.xml', kind: 'worksheet' },
      { name: '隐藏', sheetId: 2, rId: 'rId2', state: 'hidden', part: 'xl/worksheets/sheet2.xml', kind: 'worksheet' },
      { name: '很隐藏', sheetId: 3, rId: 'rId3', state: 'veryHidden', part: 'xl/worksheets/sheet3.xml', kind: 'worksheet' },
    ]);
    expect(pkg.sharedStringsPart).toBe('xl/sharedStrings.xml');
    expect(pkg.stylesPart).toBe('xl/styles.xml');
    expect(pkg.date1904).toBe(false);
    expect(pkg.macroEnabled).toBe(false);
    expect(contentTypeOf(pkg, 'xl/worksheets/sheet1.xml')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    expect(contentTypeOf(pkg, '/XL/Worksheets/Sheet1.xml')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    expect(contentTypeOf(pkg, 'xl/other.rels')).toBe('application/vnd.openxmlformats-package.relationships+xml');
    expect(contentTypeOf(pkg, 'xl/media/image1.png')).toBeNull();
    expect(readRels(pkg, pkg.workbookPart).map((r) => [r.id, relType(r.type), r.part])).toEqual([
      ['rId1', 'worksheet', 'xl/worksheets/sheet1.xml'],
      ['rId2', 'worksheet', 'xl/worksheets/sheet2.xml'],
      ['rId3', 'worksheet', 'xl/worksheets/sheet3.xml'],
      ['rId4', 'sharedStrings', 'xl/sharedStrings.xml'],
      ['rId5', 'styles', 'xl/styles.xml'],
    ]);
    expect(readRels(pkg, 'xl/worksheets/sheet1.xml')).toEqual([]);
  });

  it('finds a workbook stored under other part names (sheet.xml, ClosedXML style; workbook not in xl/)', () => {
    const pkg = openPackage(
      buildXlsx({ workbookPart: 'book/main.xml', sheets: [{ name: '考核数据', xml: '', part: 'book/sheet.xml' }], date1904: true }),
    );
    expect(pkg.workbookPart).toBe('book/main.xml');
    expect(pkg.sheets[0].part).toBe('book/sheet.xml');
    expect(pkg.date1904).toBe(true);
  });

  it('reads x:-prefixed SpreadsheetML (Open XML SDK) like unprefixed', () => {
    const pkg = openPackage(buildXlsx({ ...twoSheets, prefix: true, date1904: true }));
    expect(pkg.sheets.map((s) => [s.name, s.state, s.part])).toEqual([
      ['考核数据', 'visible', 'xl/worksheets/sheet1.xml'],
      ['隐藏', 'hidden', 'xl/worksheets/sheet2.xml'],
      ['很隐藏', 'veryHidden', 'xl/worksheets/sheet3.xml'],
    ]);
    expect(pkg.date1904).toBe(true);
  });

  it('keeps defined names raw: scope, hidden flag, text', () => {
    const pkg = openPackage(
      buildXlsx({
        ...twoSheets,
        definedNames:
          '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">考核数据!$A$1:$B$2,考核数据!$D$1:$E$2</definedName><definedName name="税率" hidden="1">0.17</definedName></definedNames>',
      }),
    );
    expect(pkg.definedNames).toEqual([
      { name: '_xlnm.Print_Area', text: '考核数据!$A$1:$B$2,考核数据!$D$1:$E$2', localSheetId: 0, hidden: false },
      { name: '税率', text: '0.17', hidden: true },
    ]);
  });

  it('ignores elements in foreign namespaces that share a local name', () => {
    const entries = handEntries({ sheets: [{ name: 'A', xml: '' }] });
    const wb = entries.find((e) => e.name === 'xl/workbook.xml')!;
    wb.data = `<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:o="urn:other"><sheets><o:sheet name="fake" r:id="rId1"/><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    expect(openPackage(buildZip(entries)).sheets.map((s) => s.name)).toEqual(['A']);
  });
});

describe('package: file types and damaged packages, each with its message', () => {
  const cases: [string, Uint8Array, string][] = [
    ['encrypted (OLE with EncryptedPackage)', ole(['EncryptionInfo', 'EncryptedPackage']), 'xlsx.encrypted'],
    ['.xls (OLE with Workbook)', ole(['Workbook', 'SummaryInformation']), 'xlsx.legacy'],
    ['.ods', buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<x/>' }]), 'xlsx.ods'],
    ['text', new TextEncoder().encode('单位,得分\n'), 'xlsx.notZip'],
    ['a zip without a workbook', buildZip([{ name: 'readme.txt', data: 'hi' }]), 'xlsx.notWorkbook'],
    [
      'a Word document (.docx)',
      buildZip([
        { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>' },
        { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>` },
        { name: 'word/document.xml', data: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' },
      ]),
      'xlsx.notWorkbook',
    ],
  ];
  it.each(cases)('%s', (_label, bytes, expected) => {
    expect(thrown(() => openPackage(bytes)).msg.code).toBe(expected);
  });

  it('detectFileType tells them apart cheaply', () => {
    expect(detectFileType(ole(['EncryptedPackage']))).toBe('encrypted');
    expect(detectFileType(ole(['Book']))).toBe('legacy');
    expect(detectFileType(buildXlsx(twoSheets))).toBe('zip');
    expect(detectFileType(new Uint8Array([1, 2, 3]))).toBe('unknown');
  });

  it('the messages say what to do, in both languages', () => {
    expect(t({ code: 'xlsx.encrypted' }, 'zh')).toContain('删除密码');
    expect(t({ code: 'xlsx.encrypted' }, 'en')).toContain('remove the password');
    expect(t({ code: 'xlsx.legacy' }, 'zh')).toContain('另存为 .xlsx');
    expect(t({ code: 'xlsx.ods' }, 'en')).toContain('save it as .xlsx');
  });

  it('a DOCTYPE is refused before any entity is expanded (billion laughs, XXE)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><workbook xmlns="${MAIN}"><sheets><sheet name="&lol9;" sheetId="1"/></sheets></workbook>`;
    const xxe = `<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns="${MAIN}"><sheets><sheet name="&xxe;" sheetId="1"/></sheets></workbook>`;
    for (const xml of [laughs, xxe]) {
      const entries = handEntries({ sheets: [{ name: 'A', xml: '' }] });
      entries.find((e) => e.name === 'xl/workbook.xml')!.data = xml;
      expect(thrown(() => openPackage(buildZip(entries))).msg).toEqual({ code: 'xlsx.doctype', params: { part: 'xl/workbook.xml' } });
    }
  });

  it('an undeclared entity without DOCTYPE is bad XML, never expanded', () => {
    expect(thrown(() => parseText(`<a>&lol;</a>`, 'p.xml', {})).msg.code).toBe('xlsx.badXml');
    let text = '';
    parseText('<a>&amp;&#x4e2d;</a>', 'p.xml', { text: (s) => (text += s) });
    expect(text).toBe('&中');
  });

  it('malformed workbook XML names the part', () => {
    const entries = handEntries({ sheets: [{ name: 'A', xml: '' }] });
    entries.find((e) => e.name === 'xl/workbook.xml')!.data = `<workbook xmlns="${MAIN}"><sheets>`;
    const err = thrown(() => openPackage(buildZip(entries)));
    expect(err.msg.code).toBe('xlsx.badXml');
    expect(err.msg.params?.part).toBe('xl/workbook.xml');
  });
});
