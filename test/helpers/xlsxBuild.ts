/**
 * Hand-made .xlsx packages for tests and the corpus builder: the few parts a workbook needs,
 * with knobs for part names, namespace prefixes and extra parts.
 */
import { buildZip, type BuildEntry } from './zipBuild';

export interface HandSheet {
  name: string;
  /** The `<sheetData>` content (rows), or a whole worksheet document when `whole`. */
  xml: string;
  whole?: boolean;
  /** Part name (default `xl/worksheets/sheetN.xml`). */
  part?: string;
  state?: 'hidden' | 'veryHidden';
  /** Extra XML after `</sheetData>` (mergeCells, …) and before it (cols). */
  after?: string;
  before?: string;
}

export interface HandBook {
  sheets: HandSheet[];
  /** Shared strings, plain or as raw `<si>` XML (when it starts with `<`). */
  strings?: string[];
  /** `<numFmts>` and `<cellXfs>` content: [numFmtId, formatCode?] per xf. */
  xfs?: [number, string?][];
  date1904?: boolean;
  /** Workbook part name (default `xl/workbook.xml`). */
  workbookPart?: string;
  /** Prefix every SpreadsheetML element with `x:` (Open XML SDK style). */
  prefix?: boolean;
  definedNames?: string;
  extra?: BuildEntry[];
}

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Adds `x:` to every element name of SpreadsheetML markup written without a prefix. */
export function prefixed(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2');
}

function relative(from: string, to: string): string {
  const fromDir = from.split('/').slice(0, -1);
  const parts = to.split('/');
  let i = 0;
  while (i < fromDir.length && i < parts.length - 1 && fromDir[i] === parts[i]) i++;
  return [...fromDir.slice(i).map(() => '..'), ...parts.slice(i)].join('/');
}

/** The entries of a hand-made workbook package. */
export function handEntries(book: HandBook): BuildEntry[] {
  const wb = book.workbookPart ?? 'xl/workbook.xml';
  const wbDir = wb.split('/').slice(0, -1).join('/');
  const inDir = (name: string): string => (wbDir ? `${wbDir}/${name}` : name);
  const ns = (xml: string): string => (book.prefix ? prefixed(xml) : xml);
  const rootAttr = book.prefix ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const entries: BuildEntry[] = [];
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetTags: string[] = [];
  book.sheets.forEach((sheet, i) => {
    const part = sheet.part ?? inDir(`worksheets/sheet${i + 1}.xml`);
    const body = sheet.whole
      ? sheet.xml
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${rootAttr} xmlns:r="${REL}">${ns(
          `${sheet.before ?? ''}<sheetData>${sheet.xml}</sheetData>${sheet.after ?? ''}`,
        )}</worksheet>`.replace('<worksheet', book.prefix ? '<x:worksheet' : '<worksheet').replace('</worksheet>', book.prefix ? '</x:worksheet>' : '</worksheet>');
    entries.push({ name: part, data: body });
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${relative(wb, part)}"/>`);
    sheetTags.push(`<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`);
  });
  let n = book.sheets.length;
  if (book.strings) {
    const items = book.strings.map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`));
    const part = inDir('sharedStrings.xml');
    entries.push({ name: part, data: `<?xml version="1.0" encoding="UTF-8"?>\n<sst ${rootAttr} count="${items.length}" uniqueCount="${items.length}">${ns(items.join(''))}</sst>`.replace(/<sst|<\/sst>/g, (m) => (book.prefix ? m.replace('sst', 'x:sst') : m)) });
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
    wbRels.push(`<Relationship Id="rId${++n}" Type="${REL}/sharedStrings" Target="${relative(wb, part)}"/>`);
  }
  if (book.xfs) {
    const custom = book.xfs.filter(([, code]) => code !== undefined);
    const numFmts = custom.length
      ? `<numFmts count="${custom.length}">${custom.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code ?? '')}"/>`).join('')}</numFmts>`
      : '';
    const xfs = `<cellXfs count="${book.xfs.length}">${book.xfs.map(([id]) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('')}</cellXfs>`;
    const part = inDir('styles.xml');
    const inner = `${numFmts}<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${xfs}<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>`;
    entries.push({ name: part, data: `<?xml version="1.0" encoding="UTF-8"?>\n${book.prefix ? `<x:styleSheet ${rootAttr}>${prefixed(inner)}</x:styleSheet>` : `<styleSheet ${rootAttr}>${inner}</styleSheet>`}` });
    overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    wbRels.push(`<Relationship Id="rId${++n}" Type="${REL}/styles" Target="${relative(wb, part)}"/>`);
  }
  const wbInner = `${book.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheetTags.join('')}</sheets>${book.definedNames ?? ''}`;
  entries.unshift(
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${wb}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join('')}</Types>`,
    },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/${wb}"/></Relationships>` },
    {
      name: wb,
      data: `<?xml version="1.0" encoding="UTF-8"?>\n${book.prefix ? `<x:workbook ${rootAttr} xmlns:r="${REL}">${prefixed(wbInner).replace(/<x:sheet /g, '<x:sheet ')}</x:workbook>` : `<workbook ${rootAttr} xmlns:r="${REL}">${wbInner}</workbook>`}`,
    },
    { name: `${wb.split('/').slice(0, -1).concat('_rels').join('/')}/${wb.split('/').pop()}.rels`, data: `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}">${wbRels.join('')}</Relationships>` },
  );
  return [...entries, ...(book.extra ?? [])];
}

/** A hand-made workbook package as bytes. */
export function buildXlsx(book: HandBook): Uint8Array {
  return buildZip(handEntries(book));
}
