/**
 * Additive edits to `xl/workbook.xml`: Kaohe's old `<sheet>` elements out and its new
 * ones in, print titles as sheet-scoped `_xlnm.Print_Titles` defined names, and the sheet
 * indices that removing sheets shifts (definedName/@localSheetId, workbookView/@activeTab
 * and @firstSheet) renumbered. Every other byte of the part stays as it was.
 */
import { attributes, elements, withPrefix } from './partsXml';
import { NS, xmlAttr, xmlEscape } from './xmlText';

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** The relationship id of its part. */
  rid: string;
  start: number;
  end: number;
}

const REL_NAMESPACES = [NS.rel, 'http://purl.oclc.org/ooxml/officeDocument/relationships'];

/** The prefix bound to the relationships namespace on the root start tag (`r` usually), or null. */
function relPrefix(xml: string): string | null {
  const root = /<([\w.-]+:)?workbook[\s>][^>]*>/.exec(xml)?.[0] ?? '';
  const re = /xmlns:([\w.-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(root)) !== null) if (REL_NAMESPACES.includes(m[2])) return m[1];
  return null;
}

/**
 * The sheets listed in a workbook part, in tab order. Cost: O(part size).
 * @example workbookSheets(xml).map((s) => s.name) // => ['考核数据', '指标设置']
 */
export function workbookSheets(xml: string): WorkbookSheet[] {
  return elements(xml, 'sheet').map(({ tag, start, end }) => {
    const a = attributes(tag);
    // The relationship id is the one prefixed `id` attribute (its prefix may be declared on the element).
    const rid = Object.keys(a).find((key) => /^[\w.-]+:id$/.test(key));
    return { name: a.name ?? '', sheetId: Number(a.sheetId ?? 0), rid: rid ? a[rid] : '', start, end };
  });
}

export interface AddedSheet {
  name: string;
  sheetId: number;
  rid: string;
  hidden: boolean;
  /** `$1:$2`, or null. */
  printTitles: string | null;
}

/** `考核结果` → `'考核结果'` (quotes doubled) for a reference in a defined name. */
function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const shift = (index: number, removed: number[]): number => index - removed.filter((r) => r < index).length;

/**
 * The workbook part with the sheets at `remove` (0-based tab indices) taken out and `add`
 * appended. Returns the new part and whether the active tab had to move to the first
 * added visible sheet (because it was removed). Cost: O(part size).
 */
export function editWorkbook(xml: string, edit: { remove: number[]; add: AddedSheet[] }): { xml: string; activated: number | null } {
  const sheets = workbookSheets(xml);
  const removed = [...new Set(edit.remove)].sort((a, b) => a - b);
  const removedSet = new Set(removed);
  const remaining = sheets.length - removed.length;
  const firstVisibleAdded = edit.add.findIndex((s) => !s.hidden);
  let activated: number | null = null;

  const spans: { start: number; end: number; text: string }[] = [];
  sheets.forEach((sheet, i) => {
    if (removedSet.has(i)) spans.push({ start: sheet.start, end: sheet.end, text: '' });
  });

  // Defined names scoped to a removed sheet go; the others are renumbered.
  const names = elements(xml, 'definedName');
  for (const name of names) {
    const m = /\blocalSheetId\s*=\s*"(\d+)"/.exec(name.tag);
    if (!m) continue;
    const index = Number(m[1]);
    if (removedSet.has(index)) spans.push({ start: name.start, end: name.end, text: '' });
    else if (shift(index, removed) !== index) {
      const tag = name.tag.replace(m[0], `localSheetId="${shift(index, removed)}"`);
      spans.push({ start: name.start, end: name.start + name.tag.length, text: tag });
    }
  }

  for (const view of elements(xml, 'workbookView')) {
    let tag = view.tag;
    const active = /\bactiveTab\s*=\s*"(\d+)"/.exec(tag);
    if (active) {
      const index = Number(active[1]);
      let next = shift(index, removed);
      if (removedSet.has(index) || index >= sheets.length) {
        next = firstVisibleAdded >= 0 ? remaining + firstVisibleAdded : 0;
        activated = firstVisibleAdded >= 0 ? firstVisibleAdded : null;
      }
      tag = tag.replace(active[0], `activeTab="${next}"`);
    } else if (removedSet.has(0)) {
      activated = firstVisibleAdded >= 0 ? firstVisibleAdded : null;
      tag = tag.replace(/\s*\/?>$/, (end) => ` activeTab="${remaining + Math.max(0, firstVisibleAdded)}"${end.trim()}`);
    }
    const first = /\bfirstSheet\s*=\s*"(\d+)"/.exec(tag);
    if (first) tag = tag.replace(first[0], `firstSheet="${Math.min(shift(Number(first[1]), removed), Math.max(0, remaining - 1))}"`);
    if (tag !== view.tag) spans.push({ start: view.start, end: view.start + view.tag.length, text: tag });
  }

  let out = xml;
  for (const span of spans.sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + span.text + out.slice(span.end);

  const rp = relPrefix(out);
  const relAttr = rp ? `${rp}:id` : 'r:id';
  const relDecl = rp ? '' : ` xmlns:r="${NS.rel}"`;
  const sheetsClose = /<\/([\w.-]+:)?sheets\s*>/.exec(out);
  const sheetsOpen = /<([\w.-]+:)?sheets(\s[^>]*)?\/>/.exec(out);
  const prefix = (sheetsClose ?? sheetsOpen)?.[1] ?? '';
  const added = edit.add
    .map((s) => `<sheet name="${xmlAttr(s.name)}" sheetId="${s.sheetId}"${s.hidden ? ' state="veryHidden"' : ''} ${relAttr}="${xmlAttr(s.rid)}"${relDecl}/>`)
    .join('');
  if (sheetsClose) out = out.slice(0, sheetsClose.index) + withPrefix(added, prefix) + out.slice(sheetsClose.index);
  else if (sheetsOpen) out = `${out.slice(0, sheetsOpen.index)}<${prefix}sheets>${withPrefix(added, prefix)}</${prefix}sheets>${out.slice(sheetsOpen.index + sheetsOpen[0].length)}`;
  else throw new Error('workbook part without <sheets>');

  const titles = edit.add
    .map((s, i) => ({ s, index: remaining + i }))
    .filter(({ s }) => s.printTitles !== null)
    .map(({ s, index }) => `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlEscape(`${quotedSheet(s.name)}!${s.printTitles}`)}</definedName>`)
    .join('');
  if (titles !== '') out = insertDefinedNames(out, withPrefix(titles, prefix));
  return { xml: out, activated };
}

/** Appends defined names inside `<definedNames>`, creating it where the schema wants it. */
function insertDefinedNames(xml: string, names: string): string {
  const close = /<\/([\w.-]+:)?definedNames\s*>/.exec(xml);
  if (close) return xml.slice(0, close.index) + names + xml.slice(close.index);
  const empty = /<([\w.-]+:)?definedNames(\s[^>]*)?\/>/.exec(xml);
  if (empty) return `${xml.slice(0, empty.index)}<${empty[1] ?? ''}definedNames>${names}</${empty[1] ?? ''}definedNames>${xml.slice(empty.index + empty[0].length)}`;
  // CT_Workbook order: … sheets, functionGroups, externalReferences, definedNames, calcPr …
  let at = -1;
  let prefix = '';
  for (const local of ['sheets', 'functionGroups', 'externalReferences']) {
    const found = elements(xml, local);
    const last = found[found.length - 1];
    if (last && last.end > at) {
      at = last.end;
      prefix = last.prefix;
    }
  }
  if (at < 0) throw new Error('workbook part without <sheets>');
  return `${xml.slice(0, at)}<${prefix}definedNames>${names}</${prefix}definedNames>${xml.slice(at)}`;
}
