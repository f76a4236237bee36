/**
 * Text normalisation for headers and unit names (WORKBOOK "Tolerance"): headers and names
 * are compared after trimming, removing inner spaces and line breaks, folding full-width
 * characters to half-width (NFKC) and dropping a trailing unit in brackets.
 *
 * Pure: no Node, DOM or Office.
 */

/** Any whitespace (`\s` covers `\n`, `\t`, U+3000, NBSP) plus zero-width characters and the BOM. */
const WHITESPACE = /[\s\u200b\u200c\u200d\u2060\ufeff]+/g;
/** Non-ASCII: only such strings need NFKC (full-width forms, ideographic space …). */
const NON_ASCII = /[^\x00-\x7f]/;
/**
 * Text NFKC may change: anything but printable ASCII and the CJK unified ideographs
 * (U+4E00–U+9FFF, which NFKC leaves as they are). Most unit names and headers are plain
 * ideographs, so this test spares them the costly normalize call.
 */
const MAY_FOLD = /[^\x20-\x7e\u4e00-\u9fff]/;

/**
 * Normalises text for comparison: NFKC (full-width → half-width, `（）` → `()`, `％` → `%`),
 * then every whitespace character removed (so also trimmed).
 * Cost: O(length).
 * @example normalizeText(' 群众\n满意度（％） ') // => '群众满意度(%)'
 */
export function normalizeText(s: string): string {
  if (!MAY_FOLD.test(s)) return s.indexOf(' ') < 0 ? s : s.replace(WHITESPACE, '');
  const folded = NON_ASCII.test(s) ? s.normalize('NFKC') : s;
  return folded.replace(WHITESPACE, '');
}

/** Closing bracket → its opening bracket, after NFKC (`（）` and `［］` are already `()` `[]`). */
const OPENING: Record<string, string> = { ')': '(', ']': '[', '】': '【', '〕': '〔', '〉': '〈', '》': '《' };

/**
 * Bracketed words that qualify a name rather than give a unit: `村(社区)`, `村(居)`.
 * A trailing group with one of these stays part of the key.
 */
const NOT_UNITS = new Set(['社区', '居', '村', '村居', '居委会', '村委会', '社区居委会']);

/**
 * Splits a header into its key and its trailing bracketed unit. Only a TRAILING bracket
 * group is a unit; brackets (), （）, [], ［］, 【】, 〔〕 are recognised. The key and unit
 * are normalised (see normalizeText). A group that would leave an empty key, or that holds
 * a 村/社区 qualifier (`村(社区)`), is not a unit.
 * Cost: O(length).
 * @example splitHeader('群众满意度（%）') // => { key: '群众满意度', unit: '%' }
 * @example splitHeader('帮扶资金\n（万元）') // => { key: '帮扶资金', unit: '万元' }
 * @example splitHeader('村（社区）') // => { key: '村(社区)', unit: null }
 */
export function splitHeader(raw: string): { key: string; unit: string | null } {
  const text = normalizeText(raw);
  const last = text.charAt(text.length - 1);
  const opening = OPENING[last];
  if (opening === undefined) return { key: text, unit: null };
  const start = text.lastIndexOf(opening, text.length - 2);
  if (start <= 0) return { key: text, unit: null };
  const unit = text.slice(start + 1, -1);
  if (unit === '' || NOT_UNITS.has(unit)) return { key: text, unit: null };
  return { key: text.slice(0, start), unit };
}

/**
 * The comparable key of a header: normalised, trailing unit dropped.
 * @example headerKey('识别准确率（％）') // => '识别准确率'
 */
export function headerKey(raw: string): string {
  return splitHeader(raw).key;
}

/** Longest first: `社区居委会` before `居委会` before `社区`. */
const UNIT_SUFFIXES = ['社区居委会', '村民委员会', '居民委员会', '村委会', '居委会', '社区', '村'];

/**
 * A unit name without its trailing 社区居委会 / 村委会 / 居委会 / 社区 / 村, normalised. Never returns '' unless the name
 * is blank: a name that is only a suffix (`村`) is kept.
 * @example stripUnitSuffix('文白社区') // => '文白'
 * @example stripUnitSuffix(' 龙源村 ') // => '龙源'
 * @example stripUnitSuffix('村') // => '村'
 */
export function stripUnitSuffix(name: string): string {
  const text = normalizeText(name);
  for (const suffix of UNIT_SUFFIXES) {
    if (text.length > suffix.length && text.endsWith(suffix)) return text.slice(0, -suffix.length);
  }
  return text;
}

export type UnitMatch =
  | { ok: true; name: string }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/**
 * The type a unit name says by its suffix: 村 for …村 / …村委会 / …村民委员会, 社区 for
 * …社区 / …居委会 / …社区居委会 / …居民委员会; null when the name says neither.
 * @example typeFromName('幸福村委会') // => '村'
 * @example typeFromName('文白居委会') // => '社区'
 * @example typeFromName('龙源') // => null
 */
export function typeFromName(name: string): '村' | '社区' | null {
  const text = normalizeText(name);
  if (/(社区|居委会|居民委员会)$/.test(text)) return '社区';
  if (/(村|村委会|村民委员会)$/.test(text)) return '村';
  return null;
}

/**
 * Sheet-name lookup after the same normalisation as headers (trim, full-width → half-width,
 * inner spaces): `考核数据 ` and `考核 数据` find 考核数据. An exact name wins; else the
 * only sheet whose normalised name matches; null when none or several match.
 * Cost: O(sheets) per lookup.
 * @example findSheetName(['考核数据 ', 'Sheet1'], '考核数据') // => '考核数据 '
 */
export function findSheetName(sheetNames: string[], wanted: string): string | null {
  if (sheetNames.includes(wanted)) return wanted;
  const key = normalizeText(wanted);
  let found: string | null = null;
  for (const name of sheetNames) {
    if (normalizeText(name) !== key) continue;
    if (found !== null) return null;
    found = name;
  }
  return found;
}

/** At most this many suggestions for an unknown name. */
const MAX_SUGGESTIONS = 5;

/**
 * Finds a unit by name: exact normalised match first; else a match with/without the
 * 村/社区 suffix (`文白` = `文白社区`, also `文白村` = `文白社区` when only the latter exists)
 * when exactly one candidate fits. Returns the name as given in `names`.
 * For `unknown`, `candidates` holds up to 5 names whose stem contains (or is contained in)
 * the stem asked for, as suggestions; for `ambiguous`, every name that fits.
 * Cost: building O(total length of names); each lookup O(length) when found, O(units) when unknown.
 * @example createUnitMatcher(['文白社区', '龙源村'])('文白') // => { ok: true, name: '文白社区' }
 */
export function createUnitMatcher(names: string[]): (name: string) => UnitMatch {
  const exact = new Map<string, string>();
  const byStem = new Map<string, string[]>();
  for (const name of names) {
    const normalized = normalizeText(name);
    if (normalized === '') continue;
    if (exact.has(normalized)) continue;
    exact.set(normalized, name);
    const stem = stripUnitSuffix(normalized);
    const list = byStem.get(stem);
    if (list) list.push(name);
    else byStem.set(stem, [name]);
  }
  return (name: string): UnitMatch => {
    const normalized = normalizeText(name);
    const hit = exact.get(normalized);
    if (hit !== undefined) return { ok: true, name: hit };
    if (normalized === '') return { ok: false, reason: 'unknown', candidates: [] };
    const stem = stripUnitSuffix(normalized);
    const fits = byStem.get(stem);
    if (fits && fits.length === 1) return { ok: true, name: fits[0] };
    if (fits && fits.length > 1) return { ok: false, reason: 'ambiguous', candidates: [...fits] };
    const suggestions: string[] = [];
    for (const [otherStem, list] of byStem) {
      if (otherStem.includes(stem) || stem.includes(otherStem)) {
        for (const candidate of list) if (suggestions.length < MAX_SUGGESTIONS) suggestions.push(candidate);
      }
      if (suggestions.length >= MAX_SUGGESTIONS) break;
    }
    return { ok: false, reason: 'unknown', candidates: suggestions };
  };
}
