/**
 * SpreadsheetML for one OutputSheet, written piece by piece in the element order Excel
 * checks (sheetPr, dimension, sheetViews, cols, sheetData, mergeCells, pageMargins,
 * pageSetup, drawing, legacyDrawing). Every string is an inline string (`t="inlineStr"`):
 * the workbook's shared-strings part is never touched, and no text can become a formula.
 * Cell notes go to a comments part with the legacy VML drawing Excel uses to show them.
 */
import { columnLetter } from '../../core/a1';
import { BAND_ROWS, rowCount as totalRows, sheetBands, sheetColumns, sheetNotesIn } from '../../core/report/rows';
import type { OutCell, OutputSheet } from '../../core/types';
import type { StyleBook } from './styleBook';
import { NS, XML_DECL, xmlEscape } from './xmlText';
import type { PartWriter } from './zipWrite';

/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;
/** Excel's longest cell text, in UTF-16 units. */
export const MAX_CELL_TEXT = 32767;
/** Excel's last row. */
export const MAX_ROWS = 1_048_576;

/** A note on one cell, 0-based. */
export interface CellNote {
  row: number;
  col: number;
  text: string;
}

/** Relationship ids the sheet part refers to (set when the part exists). */
export interface SheetLinks {
  drawing?: string;
  legacyDrawing?: string;
}

/**
 * The border rule, fed the rows in order (0-based `r`): how many leading columns of row r
 * carry a thin border — each header row and the rows below it down to the first empty row,
 * across the header's width. Cost: O(1) a row, so it runs on rows streamed band by band.
 * @example const border = borderTracker([2]); [[a], [h, h], [c], []].map(border) // => [0, 2, 2, 0]
 */
export function borderTracker(headerRows: readonly number[]): (cells: readonly unknown[], r: number) => number {
  const headers = new Set(headerRows.map((row) => row - 1));
  let width = 0;
  return (cells, r) => {
    if (cells.length === 0) return (width = 0);
    if (headers.has(r)) width = Math.max(width, cells.length);
    return width;
  };
}

/**
 * For each 0-based row of a held sheet, how many leading columns carry a thin border
 * (borderTracker's rule). Cost: O(rows).
 * @example borderedColumns({ rows: [[a], [h, h], [c, c], []], headerRows: [2] } as OutputSheet) // => [0, 2, 2, 0]
 */
export function borderedColumns(sheet: Pick<OutputSheet, 'rows' | 'headerRows'>): number[] {
  const border = borderTracker(sheet.headerRows);
  return sheet.rows.map((cells, r) => border(cells, r));
}

/** Cuts text to Excel's cell limit without splitting a surrogate pair. */
function cellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CELL_TEXT - 1]) ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT;
  return text.slice(0, end);
}

const needsPreserve = (text: string): boolean => /^\s|\s$/.test(text);

/** `<t>` with xml:space when edge spaces must survive. */
export function textElement(text: string): string {
  const safe = xmlEscape(cellText(text));
  return needsPreserve(safe) ? `<t xml:space="preserve">${safe}</t>` : `<t>${safe}</t>`;
}

/**
 * `1:2` (print-title rows) → `$1:$2`; null when it is not a row range.
 * @example printRows('1:2') // => '$1:$2'
 */
export function printRows(rows: string): string | null {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
  return m ? `$${m[1]}:$${m[2]}` : null;
}

function sheetViews(sheet: OutputSheet, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const rows = Math.max(0, sheet.freezeRows);
  const cols = Math.max(0, sheet.freezeCols);
  if (rows === 0 && cols === 0) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const pane = rows > 0 && cols > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${cols > 0 ? ` xSplit="${cols}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  const topLeft = `${columnLetter(cols)}${rows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}>` +
    `<pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    '</sheetView></sheetViews>'
  );
}

function cols(widths: number[]): string {
  const parts: string[] = [];
  widths.forEach((width, i) => {
    if (Number.isFinite(width) && width > 0) {
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${Math.min(255, width)}" customWidth="1"/>`);
    }
  });
  return parts.length > 0 ? `<cols>${parts.join('')}</cols>` : '';
}

function numberText(v: number): string | null {
  return Number.isFinite(v) ? String(v) : null;
}

/**
 * Writes the worksheet part of `sheet`, its cells styled through `styles`; returns the
 * notes found on its cells (for the comments part): the held rows', and the lazy rows'
 * when they say they have some (`lazy.notes`, as sheetNotes counts). Lazy rows are built
 * and written band by band. Cost: O(cells), memory O(one band of rows + the notes) beyond
 * the held ones.
 */
export function writeSheetXml(
  write: PartWriter,
  sheet: OutputSheet,
  styles: StyleBook,
  options: { selected: boolean; links: SheetLinks },
): CellNote[] {
  const notes: CellNote[] = [];
  const width = sheetColumns(sheet);
  const rowCount = Math.min(totalRows(sheet), MAX_ROWS);
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetter(c));
  const lazyFrom = sheet.lazy ? sheet.lazy.at : rowCount;
  const lazyTo = sheet.lazy ? sheet.lazy.at + sheet.lazy.count : rowCount;
  const lazyNotes = sheet.lazy?.notes !== undefined;

  write(`${XML_DECL}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`);
  if (sheet.print.fitToWidth) write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  write(`<dimension ref="${width > 0 && rowCount > 0 ? `A1:${letters[width - 1]}${rowCount}` : 'A1'}"/>`);
  write(sheetViews(sheet, options.selected));
  write('<sheetFormatPr defaultRowHeight="15"/>');
  write(cols(sheet.widths));
  write('<sheetData>');
  const heights = sheet.heights ?? [];
  const border = borderTracker(sheet.headerRows);
  for (const band of sheetBands(sheet, BAND_ROWS, 0, rowCount)) {
    for (let i = 0; i < band.rows.length; i++) {
      const r = band.start + i;
      const cells = band.rows[i];
      const bordered = border(cells, r);
      const noted = lazyNotes || r < lazyFrom || r >= lazyTo;
      const rowWidth = Math.max(cells.length, bordered);
      const height = heights[r];
      const hasHeight = typeof height === 'number' && Number.isFinite(height) && height > 0;
      if (rowWidth === 0 && !hasHeight) continue;
      const rowNumber = r + 1;
      let xml = hasHeight ? `<row r="${rowNumber}" ht="${Math.min(MAX_ROW_HEIGHT, height)}" customHeight="1">` : `<row r="${rowNumber}">`;
      for (let c = 0; c < rowWidth; c++) {
        const out = cells[c] as OutCell | undefined;
        const s = styles.xf(out, c < bordered);
        const style = s === 0 ? '' : ` s="${s}"`;
        const ref = `${letters[c]}${rowNumber}`;
        const v = out?.v;
        if (noted && out?.note) notes.push({ row: r, col: c, text: out.note });
        if (v === null || v === undefined || (out?.text && v === '')) {
          if (style) xml += `<c r="${ref}"${style}/>`;
        } else if (typeof v === 'number' && !out?.text) {
          const text = numberText(v);
          xml += text === null ? (style ? `<c r="${ref}"${style}/>` : '') : `<c r="${ref}"${style}><v>${text}</v></c>`;
        } else {
          xml += `<c r="${ref}"${style} t="inlineStr"><is>${textElement(String(v))}</is></c>`;
        }
      }
      write(`${xml}</row>`);
    }
  }
  write('</sheetData>');
  if (sheet.merges.length > 0) {
    write(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${xmlEscape(m)}"/>`).join('')}</mergeCells>`);
  }
  write('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  const fit = sheet.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  write(`<pageSetup paperSize="9" orientation="${sheet.print.landscape ? 'landscape' : 'portrait'}"${fit}/>`);
  if (options.links.drawing) write(`<drawing r:id="${options.links.drawing}"/>`);
  if (options.links.legacyDrawing && notes.length > 0) write(`<legacyDrawing r:id="${options.links.legacyDrawing}"/>`);
  write('</worksheet>');
  return notes;
}

/**
 * The notes a sheet will carry (known before its part is written, for its relationships):
 * its held rows', and its lazy rows' as `lazy.notes` counts them. Cost: O(held cells).
 */
export function sheetNotes(sheet: OutputSheet): number {
  return sheetNotesIn(sheet, 0, totalRows(sheet));
}

/**
 * The comments part for a sheet's notes, authored "Kaohe". Cost: O(notes).
 */
export function writeCommentsXml(write: PartWriter, notes: CellNote[]): void {
  write(`${XML_DECL}<comments xmlns="${NS.main}"><authors><author>Kaohe</author></authors><commentList>`);
  for (const note of notes) {
    // One run with its font, as Excel writes notes (some readers ignore a bare <t>).
    write(`<comment ref="${columnLetter(note.col)}${note.row + 1}" authorId="0"><text><r><rPr><sz val="9"/><rFont val="宋体"/><charset val="134"/></rPr>${textElement(note.text)}</r></text></comment>`);
  }
  write('</commentList></comments>');
}

/** Shapes per VML id block (o:idmap). */
const SHAPES_PER_BLOCK = 1024;

/**
 * The legacy VML drawing that shows the notes (hidden until hovered), as Excel writes it.
 * `block` is the first o:idmap block, unique in the workbook. Cost: O(notes).
 */
export function writeVmlXml(write: PartWriter, notes: CellNote[], block: number): void {
  const blocks = Math.max(1, Math.ceil(notes.length / (SHAPES_PER_BLOCK - 1)));
  const ids = Array.from({ length: blocks }, (_, i) => block + i).join(',');
  write(
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
      '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>',
  );
  notes.forEach((note, i) => {
    const id = (block + Math.floor(i / (SHAPES_PER_BLOCK - 1))) * SHAPES_PER_BLOCK + (i % (SHAPES_PER_BLOCK - 1)) + 1;
    const anchor = `${note.col + 1}, 15, ${Math.max(0, note.row - 1)}, 10, ${note.col + 4}, 15, ${note.row + 4}, 4`;
    write(
      `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor>` +
        `<x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`,
    );
  });
  write('</xml>');
}
