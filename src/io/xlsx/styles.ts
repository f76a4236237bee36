/**
 * What the reader needs from the styles and shared-strings parts: the number format of
 * each cell format (`s` index), and the shared strings as plain text.
 *
 * API (stable; only additions):
 * - `readNumberFormats(pkg)` → `CellFormats` { codes[s] (format code or null = General),
 *   dates[s] (true when numbers in that format are dates, the rule ExcelJS used) }.
 * - `builtInFormat(id)` → the format code of a built-in numFmtId (Chinese locale for the
 *   locale-dependent ids 27–36 and 50–58), or undefined.
 * - `readSharedStrings(pkg)` → string[] (rich-text runs joined, phonetic `rPh` ignored,
 *   `_xHHHH_` escapes decoded).
 * - `isDateFormat(code)` → whether a format code shows a date or time.
 * - `unescapeXstring(text)` → text with OOXML `_xHHHH_` escapes decoded.
 */
import type { XlsxPackage } from './package';
import { attr, isMainNs, parsePart } from './xml';

const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** @example builtInFormat(10) // => '0.00%' */
export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

/**
 * Whether numbers in this format are dates: after removing `[…]` and `"…"`, any of
 * y m d h s b remains (the rule of the ExcelJS adapter, kept so the core sees the same).
 * @example isDateFormat('yyyy"年"m"月"d"日"') // => true
 * @example isDateFormat('0.00"分"') // => false
 */
export function isDateFormat(code: string | null): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** @example unescapeXstring('a_x000D_b') // => 'a\rb' */
export function unescapeXstring(text: string): string {
  return text.indexOf('_x') < 0 ? text : text.replace(XSTRING_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface CellFormats {
  /** Format code by cell-format index `s`; null = General (numFmtId 0). */
  codes: (string | null)[];
  /** Whether a number in cell format `s` is a date. */
  dates: boolean[];
}

/**
 * The number formats of the cell formats (`cellXfs`), custom codes first, then built-ins.
 * Custom codes lose their backslash escapes (`0.0\%` → `0.0%`), as the ExcelJS adapter did,
 * so fingerprints of inputs stay the same. Throws XlsxError for a damaged styles part.
 * Cost: O(styles part).
 */
export function readNumberFormats(pkg: XlsxPackage): CellFormats {
  const formats: CellFormats = { codes: [], dates: [] };
  const entry = pkg.stylesPart ? pkg.zip.get(pkg.stylesPart) : undefined;
  if (!entry) return formats;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  let inCellXfs = false;
  parsePart(pkg.zip, entry, pkg.limits.smallPart, {
    open(tag) {
      if (!isMainNs(tag.uri)) return;
      if (tag.local === 'numFmt') {
        const id = Number(attr(tag, 'numFmtId'));
        const code = attr(tag, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
      } else if (tag.local === 'cellXfs') {
        inCellXfs = true;
      } else if (tag.local === 'xf' && inCellXfs) {
        ids.push(Number(attr(tag, 'numFmtId') ?? 0) || 0);
      }
    },
    close(tag) {
      if (tag.local === 'cellXfs' && isMainNs(tag.uri)) inCellXfs = false;
    },
  });
  for (const id of ids) {
    const code = id === 0 ? (custom.get(0) ?? null) : (custom.get(id) ?? BUILT_IN[id] ?? null);
    formats.codes.push(code === 'General' && id === 0 ? null : code);
    formats.dates.push(isDateFormat(code));
  }
  return formats;
}

/**
 * The shared strings, in order. Throws XlsxError (`xlsx.partTooLarge` beyond
 * `limits.stringsPart`, damaged XML). Cost: O(part size); memory O(text).
 */
export function readSharedStrings(pkg: XlsxPackage): string[] {
  const entry = pkg.sharedStringsPart ? pkg.zip.get(pkg.sharedStringsPart) : undefined;
  if (!entry) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parsePart(pkg.zip, entry, pkg.limits.stringsPart, {
    open(tag) {
      if (!isMainNs(tag.uri)) return;
      if (tag.local === 't') inText = phonetic === 0 && current !== null;
      else if (tag.local === 'si') current = [];
      else if (tag.local === 'rPh') phonetic++;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(tag) {
      if (!isMainNs(tag.uri)) return;
      if (tag.local === 't') inText = false;
      else if (tag.local === 'rPh') phonetic--;
      else if (tag.local === 'si' && current) {
        strings.push(unescapeXstring(current.length === 1 ? current[0] : current.join('')));
        current = null;
      }
    },
  });
  return strings;
}

