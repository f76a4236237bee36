/**
 * Messy cell values (WORKBOOK "Tolerance"): numbers written as text, percentages, money in
 * 元 or 万元, yes/no words, dates, and the "no value" marks. Every input problem comes back
 * as data (`ParseFail`: a message code of the `values` section and its parameters), never
 * as an exception.
 *
 * Hot path: `parseNumberCell` runs for every data cell of a county (100,000 units × 40
 * indicators), so plain finite numbers take a fast path and every regular expression is
 * compiled once, at module load.
 *
 * Pure: no Node, DOM or Office.
 */
import type { MessageCode } from '../messages';
import type { CellValue, ColumnKind, MsgParams } from '../types';
import { formatNumber, formatPercent, numberText } from '../numbers';
import { normalizeText } from './normalize';

export type ParseFail = { ok: false; code: MessageCode; params: MsgParams };
export type Parsed<T> = { ok: true; value: T } | ParseFail;

/** The longest `found` a message shows; longer text is cut and ends in `…`. */
const FOUND_MAX = 40;

/** `YYYY-MM-DD` from UTC year/month/day (adapters hand dates over as UTC midnight). */
function isoDate(year: number, month: number, day: number): string {
  const yyyy = String(year).padStart(4, '0');
  const mm = month < 10 ? `0${month}` : String(month);
  const dd = day < 10 ? `0${day}` : String(day);
  return `${yyyy}-${mm}-${dd}`;
}

function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * What a person sees in the cell: numbers as written (no float noise), dates as
 * `YYYY-MM-DD` (read in UTC), booleans `TRUE`/`FALSE`, error values as `#N/A`, blank as ''.
 * Text is returned unchanged. Cost: O(1) except for text (returned as is).
 * @example cellText(0.1 + 0.2) // => '0.3'
 * @example cellText(new Date(Date.UTC(2018, 11, 31))) // => '2018-12-31'
 */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  return v.uncached ? `=${v.error}` : String(v.error);
}

/** Cuts `text` to FOUND_MAX characters plus `…`, never splitting a surrogate pair. */
function truncate(text: string): string {
  if (text.length <= FOUND_MAX) return text;
  let end = FOUND_MAX;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The cell as a message shows it: `%`-formatted numbers as percent, long text cut. */
function foundText(v: CellValue, fmt: string | null): string {
  if (typeof v === 'number' && Number.isFinite(v) && fmt !== null && fmt.includes('%')) return formatPercent(v);
  return truncate(cellText(v));
}

function fail(code: MessageCode, v: CellValue, fmt: string | null = null): ParseFail {
  return { ok: false, code, params: { found: foundText(v, fmt) } };
}

/** The "no value" marks, after normalizeText (full-width `－`, `／` fold to `-`, `/`). */
const NO_VALUE_MARKS = new Set(['-', '--', '---', '—', '——', '―', '――', '–', '/', '//']);
/** Longest mark, so long strings skip normalisation. */
const LONGEST_MARK = 6;

/**
 * True for "no value": null, '' or whitespace only, and the marks —, -, /, －, ―, ／
 * (also doubled, as in `——`). Numbers, booleans, dates and error values are never blank.
 * Cost: O(1) for anything but short text.
 * @example isBlank(' — ') // => true
 * @example isBlank(0) // => false
 */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const trimmed = v.trim();
  if (trimmed === '') return true;
  if (trimmed.length > LONGEST_MARK) return false;
  const text = normalizeText(trimmed);
  return text === '' || NO_VALUE_MARKS.has(text);
}

const GROWTH_WORDS = /增长|增幅|增速/;
const PROPORTION_WORDS = /率|%|满意度|比例|占比|比重|认可度/;

/**
 * How a data column's numbers are read, from its header (unit in brackets included):
 * 'growth' if it says 增长/增幅/增速; 'proportion' if it says 率 or % (also in its unit) or
 * 满意度/比例/占比/比重/认可度/覆盖率; else 'number'. Cost: O(length).
 * @example columnKind('群众满意度（％）') // => 'proportion'
 * @example columnKind('人均可支配收入增长率（%）') // => 'growth'
 * @example columnKind('产业扶贫项目数') // => 'number'
 */
export function columnKind(header: string): ColumnKind {
  const text = normalizeText(header);
  if (GROWTH_WORDS.test(text)) return 'growth';
  if (PROPORTION_WORDS.test(text)) return 'proportion';
  return 'number';
}

export interface NumberOptions {
  kind: ColumnKind;
  /** The header's bracketed unit (`万元`, `元`, `%`, `次` …), from splitHeader. */
  headerUnit?: string | null;
  /** Money: the result is in 万元. */
  money?: boolean;
  /** Allow negative values in a 'number' column (counts and amounts are ≥ 0 by default). */
  allowNegative?: boolean;
}

/** A plain decimal number: optional sign, digits, optional fraction and exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const COMMAS = /,/g;
/** Characters that need NFKC (full-width digits, `％`, `，`, ideographic space …). */
const NEEDS_FOLDING = /[^\x00-\x7f]/;
const INNER_SPACE = /[\s\u200b\ufeff]+/g;

/** Removes 15-digit float noise left by scaling (1.1 × 10000 → 11000). */
function clean(n: number): number {
  return Number(n.toPrecision(15));
}

/**
 * `n / divisor` without float noise (98.76 / 100 → 0.9876). An integer divided by a power
 * of ten is already the double nearest the true quotient (IEEE division rounds correctly),
 * so the hot path skips the string round trip.
 */
function divide(n: number, divisor: number): number {
  return Number.isInteger(n) ? n / divisor : clean(n / divisor);
}

/** Multiplier suffixes a number cell may carry. */
type Suffix = 'percent' | 'wan' | 'wanYuan' | 'yuan' | 'headerUnit' | 'count' | null;

/** Counting words a count may carry in its cell (`2次`, `1个`, `20天`, `3户`), whatever its header says. */
const COUNT_WORDS = new Set(['次', '个', '天', '日', '人', '户', '项', '篇', '处', '名', '家', '件', '条', '所']);

function unitMismatch(kind: ColumnKind, money: boolean): MessageCode {
  if (money) return 'values.notMoney';
  if (kind === 'proportion') return 'values.notRate';
  if (kind === 'growth') return 'values.notGrowth';
  return 'values.notNumber';
}

/** Applies the rate rules to a number that had no `%` of its own. */
function bareRate(value: number, kind: ColumnKind, percentFormatted: boolean): number {
  if (percentFormatted) return value;
  if (kind === 'proportion' && value > 1) return divide(value, 100);
  if (kind === 'growth' && Math.abs(value) > 1) return divide(value, 100);
  return value;
}

/** Money rules for a number without a unit of its own: header unit, else 元. Result in 万元. */
function bareMoney(value: number, headerUnit: string | null | undefined): number {
  if (headerUnit === '万元' || headerUnit === '万') return value;
  return divide(value, 10000);
}

/** Range checks shared by numbers and text; `v`/`fmt` only for the message. */
function checked(value: number, opts: NumberOptions, v: CellValue, fmt: string | null): Parsed<number | null> {
  if (opts.kind === 'proportion') {
    if (value < 0 || value > 1) return fail('values.rateOutOfRange', v, fmt);
  } else if (opts.kind === 'number' && value < 0 && !opts.allowNegative) {
    return fail('values.negative', v, fmt);
  }
  return { ok: true, value };
}

/**
 * A number cell. Returns value null for blank and the "no value" marks (the caller applies
 * the missing-data policy).
 *
 * Text is accepted: `95`, `95%`, `９５％`, `1,234`, `5万`, `5万元`, `50,000元`, ` 12 `, and a
 * number followed by the header's own unit (`2次` under `正职现场办公（次）`).
 * - Money (`opts.money`, kind 'number'): the result is in 万元. A unit in the cell wins
 *   (`5万`/`5万元` → 5, `50000元` → 5), then `opts.headerUnit` (`万元`: the bare number is
 *   万元; `元`: ÷ 10000); a bare number with neither is 元 (50000 → 5).
 * - Rates ('proportion'/'growth'): a `%`-formatted cell (fmt contains `%`) is already a
 *   fraction; text with `%` is divided by 100; a bare number above 1 (growth: |x| > 1) is
 *   percent points (95 → 0.95). A proportion outside [0, 1] after that is an error; a
 *   growth rate may be anything. `万`/`元` in a rate cell is an error.
 * - 'number': text with `%` is a fraction (as Excel reads `95%`); `5万` is 50000; negative
 *   is an error unless `opts.allowNegative`.
 * - Errors: Excel error values, a Date or a boolean where a number belongs, NaN/Infinity,
 *   text that is not a number (`九十`); `found` is cut to 40 characters.
 *
 * Cost: O(1) for numbers (no allocation on success beyond the result), O(length) for text.
 * Throws: never.
 * @example parseNumberCell('９５％', null, { kind: 'proportion' }) // => { ok: true, value: 0.95 }
 * @example parseNumberCell(50000, null, { kind: 'number', money: true }) // => { ok: true, value: 5 }
 */
export function parseNumberCell(v: CellValue, fmt: string | null, opts: NumberOptions): Parsed<number | null> {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('values.notFinite', v);
    const kind = opts.kind;
    if (kind === 'number') {
      const value = opts.money ? bareMoney(v, opts.headerUnit) : v;
      if (value < 0 && !opts.allowNegative) return fail('values.negative', v, fmt);
      return { ok: true, value };
    }
    const percentFormatted = fmt !== null && fmt !== undefined && fmt.includes('%');
    return checked(bareRate(v, kind, percentFormatted), opts, v, fmt);
  }
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'string') return parseNumberText(v, opts);
  if (typeof v === 'boolean') return fail('values.boolNotNumber', v);
  if (v instanceof Date) return fail('values.dateNotNumber', v);
  return fail(v.uncached ? 'values.uncachedFormula' : 'values.excelError', v);
}

/** Strips one known suffix from `text`; returns which one, or null. */
function splitSuffix(text: string, headerUnit: string | null | undefined): { body: string; suffix: Suffix } {
  if (text.endsWith('%')) return { body: text.slice(0, -1), suffix: 'percent' };
  if (text.endsWith('万元')) return { body: text.slice(0, -2), suffix: 'wanYuan' };
  if (text.endsWith('万')) return { body: text.slice(0, -1), suffix: 'wan' };
  if (text.endsWith('元')) return { body: text.slice(0, -1), suffix: 'yuan' };
  if (headerUnit && headerUnit !== '%' && text.length > headerUnit.length && text.endsWith(headerUnit)) {
    return { body: text.slice(0, -headerUnit.length), suffix: 'headerUnit' };
  }
  if (text.length > 1 && COUNT_WORDS.has(text[text.length - 1])) return { body: text.slice(0, -1), suffix: 'count' };
  return { body: text, suffix: null };
}

function parseNumberText(raw: string, opts: NumberOptions): Parsed<number | null> {
  if (isBlank(raw)) return { ok: true, value: null };
  const money = opts.money === true && opts.kind === 'number';
  const notANumber = unitMismatch(opts.kind, money);
  // A 40,000-character string cannot be a number: don't normalise it.
  if (raw.length > 200) return fail(notANumber, raw);
  let text = NEEDS_FOLDING.test(raw) ? raw.normalize('NFKC') : raw;
  text = text.replace(INNER_SPACE, '').replace(COMMAS, '');
  const { body, suffix } = splitSuffix(text, opts.headerUnit);
  if (!PLAIN_NUMBER.test(body)) return fail(notANumber, raw);
  const n = Number(body);
  if (!Number.isFinite(n)) return fail('values.notFinite', raw);

  if (suffix === 'count' && (opts.kind !== 'number' || money)) return fail(notANumber, raw);
  if (opts.kind !== 'number') {
    if (suffix === 'wan' || suffix === 'wanYuan' || suffix === 'yuan') return fail(notANumber, raw);
    const value = suffix === 'percent' ? divide(n, 100) : bareRate(n, opts.kind, false);
    return checked(value, opts, raw, null);
  }
  let value: number;
  if (suffix === 'percent') value = divide(n, 100);
  else if (money) {
    if (suffix === 'wan' || suffix === 'wanYuan') value = n;
    else if (suffix === 'yuan') value = divide(n, 10000);
    else value = bareMoney(n, opts.headerUnit);
  } else if (suffix === 'wan' || suffix === 'wanYuan') value = clean(n * 10000);
  else value = n;
  return checked(value, opts, raw, null);
}

/** Yes/no words after normalizeText and lower-casing. */
const YES_NO = new Map<string, boolean>([
  ['是', true], ['否', false],
  ['有', true], ['无', false], ['没有', false],
  ['完成', true], ['已完成', true], ['未完成', false], ['没完成', false],
  ['达标', true], ['未达标', false], ['不达标', false],
  ['√', true], ['×', false], ['✓', true], ['✗', false], ['✔', true], ['✘', false], ['✕', false], ['✖', false],
  ['true', true], ['false', false],
  ['1', true], ['0', false],
  ['y', true], ['n', false], ['yes', true], ['no', false],
]);

/**
 * Yes/no: 是/否, 有/无, 完成/未完成, 已完成, √/×, ✓/✗, ✔/✘, TRUE/FALSE (text or boolean),
 * 1/0, Y/N, yes/no (any case), 达标/未达标. Blank → null. Anything else is an error.
 * Cost: O(length) for text. Throws: never.
 * @example parseYesNo(' 是 ') // => { ok: true, value: true }
 * @example parseYesNo('√') // => { ok: true, value: true }
 */
export function parseYesNo(v: CellValue): Parsed<boolean | null> {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') {
    if (v === 1) return { ok: true, value: true };
    if (v === 0) return { ok: true, value: false };
    return fail('values.notYesNo', v);
  }
  if (typeof v === 'string') {
    if (isBlank(v)) return { ok: true, value: null };
    if (v.length > 40) return fail('values.notYesNo', v);
    const answer = YES_NO.get(normalizeText(v).toLowerCase());
    if (answer === undefined) return fail('values.notYesNo', v);
    return { ok: true, value: answer };
  }
  if (v instanceof Date) return fail('values.notYesNo', v);
  return fail(v.uncached ? 'values.uncachedFormula' : 'values.excelError', v);
}

/** Days between 1899-12-30 and 1970-01-01 (Excel's 1900 system, after its 1900-02-29 bug). */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86400000;
/** Excel serial of 9999-12-31. */
const EXCEL_MAX_SERIAL = 2958465;
const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s*(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO date if year/month/day form a real calendar date (years 1900–9999), else null. */
function validDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return isoDate(year, month, day);
}

function serialToIso(serial: number): string | null {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > EXCEL_MAX_SERIAL || whole === 60) return null; // 60 = the fictitious 1900-02-29
  const days = whole < 60 ? whole + 1 : whole; // before the bug, serial 1 = 1900-01-01
  return dateText(new Date((days - EXCEL_EPOCH_OFFSET) * MS_PER_DAY));
}

function compactToIso(n: number): string | null {
  const match = COMPACT_DATE.exec(String(n));
  return match ? validDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * A date → ISO `YYYY-MM-DD`. Accepts a Date (read in UTC), an Excel serial number (1900
 * system; the time of day is dropped), an 8-digit number or text `20181231`, and text
 * `2018-12-31`, `2018/12/31`, `2018.12.31`, `2018年12月31日` (a time after it is ignored).
 * Impossible dates (`2018-02-30`) are errors. Blank → null. Cost: O(length). Throws: never.
 * @example parseDateCell('2018年12月31日') // => { ok: true, value: '2018-12-31' }
 * @example parseDateCell(43465) // => { ok: true, value: '2018-12-31' }
 */
export function parseDateCell(v: CellValue): Parsed<string | null> {
  if (v === null || v === undefined) return { ok: true, value: null };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('values.notDate', v);
    return { ok: true, value: dateText(v) };
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v <= 0) return fail('values.notDate', v);
    const iso = v > EXCEL_MAX_SERIAL ? compactToIso(v) : serialToIso(v);
    return iso === null ? fail('values.notDate', v) : { ok: true, value: iso };
  }
  if (typeof v === 'string') {
    if (isBlank(v)) return { ok: true, value: null };
    if (v.length > 60) return fail('values.notDate', v);
    const text = (NEEDS_FOLDING.test(v) ? v.normalize('NFKC') : v).trim();
    const match = DATE_TEXT.exec(text);
    let iso: string | null = null;
    if (match) iso = validDate(Number(match[1]), Number(match[2]), Number(match[3]));
    else if (COMPACT_DATE.test(text)) iso = compactToIso(Number(text));
    return iso === null ? fail('values.notDate', v) : { ok: true, value: iso };
  }
  if (typeof v === 'boolean') return fail('values.notDate', v);
  return fail(v.uncached ? 'values.uncachedFormula' : 'values.excelError', v);
}

/** The number texts live with the rounding rule in the bottom module (../numbers). */
export { formatNumber, formatPercent };
