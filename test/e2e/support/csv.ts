/**
 * A small RFC 4180 CSV reader for what LibreOffice writes: comma-separated, double-quoted
 * fields that may hold commas, doubled quotes and line breaks.
 */

/**
 * Parses CSV text into rows of fields. Cost: O(length). Never throws: an unterminated
 * quote runs to the end of the text.
 * @example parseCsv('a,"b,""c"""\n1,2') // => [['a', 'b,"c"'], ['1', '2']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
