/**
 * Text for the XML Kaohe writes: escaping for content and attributes, and the characters
 * XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/FFFF)
 * removed, so no cell text can make a part unreadable.
 */

const FORBIDDEN = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
const SPECIAL = /[&<>"]/;

/**
 * Removes the characters XML 1.0 cannot hold. Cost: O(length).
 * @example xmlSafe('a\u0001b') // => 'ab'
 */
export function xmlSafe(text: string): string {
  if (!MAYBE_FORBIDDEN.test(text)) return text;
  // A surrogate pair is kept whole; a lone surrogate or a forbidden control goes.
  return text.replace(FORBIDDEN, (match) => (match.length === 2 ? match : ''));
}

/**
 * Escapes text for element content and double-quoted attributes (after xmlSafe). Cost: O(length).
 * @example xmlEscape('a<b & "c"') // => 'a&lt;b &amp; &quot;c&quot;'
 */
export function xmlEscape(text: string): string {
  const safe = xmlSafe(text);
  if (!SPECIAL.test(safe)) return safe;
  return safe.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Escapes text where line breaks must survive an attribute (they would be normalised to spaces).
 * @example xmlAttr('a\nb') // => 'a&#10;b'
 */
export function xmlAttr(text: string): string {
  return xmlEscape(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
  drawing: `${NS.rel}/drawing`,
  officeDocument: `${NS.rel}/officeDocument`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;
