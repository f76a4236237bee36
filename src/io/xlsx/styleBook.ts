/**
 * `xl/styles.xml`, appended to: the number formats, fonts, fills, borders and cell formats
 * Kaohe's cells need go after the workbook's own, so every existing index keeps its
 * meaning; each list's `count` is set to the number of its children. Custom number
 * formats get ids from 164 up, above every id already used. Everything else in the part
 * stays as it was, byte for byte.
 */
import type { OutCell } from '../../core/types';
import { NS, XML_DECL, xmlEscape } from './xmlText';

/** Built-in number formats Kaohe uses (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

/** The styles part of a new workbook: the reserved fills and one default font, border and cell format. */
export const BASE_STYLES =
  `${XML_DECL}<styleSheet xmlns="${NS.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

interface Block {
  /** Where the whole element starts and ends in the part. */
  start: number;
  end: number;
  inner: string;
  /** Children already there. */
  count: number;
}

const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs'] as const;
type ListName = (typeof LISTS)[number];
const CHILD: Record<ListName, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellStyleXfs: 'xf', cellXfs: 'xf' };

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function findBlock(xml: string, prefix: string, name: ListName): Block | null {
  const tag = escapeRe(prefix + name);
  const open = new RegExp(`<${tag}(\\s[^>]*?)?(/?)>`).exec(xml);
  if (!open) return null;
  const start = open.index;
  if (open[2] === '/') return { start, end: start + open[0].length, inner: '', count: 0 };
  const closeTag = `</${prefix}${name}>`;
  const close = xml.indexOf(closeTag, start);
  if (close < 0) return null;
  const inner = xml.slice(start + open[0].length, close);
  const child = new RegExp(`<${escapeRe(prefix + CHILD[name])}[\\s/>]`, 'g');
  return { start, end: close + closeTag.length, inner, count: (inner.match(child) ?? []).length };
}

/** Alignments as a number (0: none), for lookFlags. */
const ALIGN_CODES: Record<string, number> = { left: 1, center: 2, right: 3 };

/**
 * What one cell looks like beyond its number format and fill, as a number below 32: bold 1,
 * wrap 2, bordered 4, alignment 8 × (left 1, center 2, right 3). Cost: O(1).
 */
function lookFlags(out: OutCell | undefined, bordered: boolean): number {
  const align = out?.align ? (ALIGN_CODES[out.align] ?? 0) : 0;
  return (out?.bold ? 1 : 0) | (out?.wrap ? 2 : 0) | (bordered ? 4 : 0) | (align << 3);
}

const THIN_BORDER = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';

/**
 * The styles of one write: looks are registered while sheets are generated (each distinct
 * look becomes one appended cell format), then `render()` gives the new part.
 * @example const book = new StyleBook(stylesXml); book.xf(textCell('a'), true) // => an index ≥ the old count
 */
export class StyleBook {
  private readonly xml: string;
  private readonly prefix: string;
  private readonly blocks: Partial<Record<ListName, Block>> = {};
  /**
   * Looks seen: number format ('@' for text) → fill → lookFlags → cell-format index + 1
   * (0: not seen). Found without building a string per cell: a key string made and hashed
   * for each of the millions of cells of 计算明细 was a few percent of a whole CLI run.
   */
  private readonly byLook = new Map<string, Map<string, Int32Array>>();
  private readonly newXfs: string[] = [];
  private readonly newFonts: string[] = [];
  private readonly newFills: string[] = [];
  private readonly newBorders: string[] = [];
  private readonly newFormats: string[] = [];
  private readonly formatIds = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private nextFormatId: number;
  private boldFont: number | null = null;
  private thinBorder: number | null = null;
  private readonly base: Record<'fonts' | 'fills' | 'borders' | 'cellXfs', number>;
  private readonly defaultFont: string;
  private readonly hasStyleXf: boolean;

  constructor(existing: string | null) {
    this.xml = existing ?? BASE_STYLES;
    const root = /<([A-Za-z_][\w.-]*:)?styleSheet[\s>]/.exec(this.xml);
    this.prefix = root?.[1] ?? '';
    for (const name of LISTS) {
      const block = findBlock(this.xml, this.prefix, name);
      if (block) this.blocks[name] = block;
    }
    let maxId = 163;
    const fmtRe = /<(?:[\w.-]+:)?numFmt\s[^>]*>/g;
    for (const tag of this.blocks.numFmts?.inner.match(fmtRe) ?? []) {
      const id = Number(/numFmtId="(\d+)"/.exec(tag)?.[1] ?? NaN);
      const code = /formatCode="([^"]*)"/.exec(tag)?.[1];
      if (Number.isFinite(id)) maxId = Math.max(maxId, id);
      if (code !== undefined && Number.isFinite(id)) {
        const decoded = code.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
        if (!this.formatIds.has(decoded)) this.formatIds.set(decoded, id);
      }
    }
    this.nextFormatId = maxId + 1;
    const fills = this.blocks.fills?.count ?? 0;
    this.base = {
      fonts: this.blocks.fonts?.count ?? 0,
      // Fills 0 and 1 are reserved (none, gray125); a part without them gets them first.
      fills: Math.max(fills, 2),
      borders: this.blocks.borders?.count ?? 0,
      cellXfs: this.blocks.cellXfs?.count ?? 0,
    };
    if (fills < 2) {
      const reserved = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
      this.newFills.push(...reserved.slice(fills));
    }
    const fontRe = new RegExp(`<${escapeRe(this.prefix)}font(\\s[^>]*)?>([\\s\\S]*?)</${escapeRe(this.prefix)}font>`);
    this.defaultFont = fontRe.exec(this.blocks.fonts?.inner ?? '')?.[2] ?? '<sz val="11"/><name val="等线"/>';
    if (this.base.fonts === 0) this.newFonts.push(`<font>${this.defaultFont}</font>`);
    if (this.base.borders === 0) this.newBorders.push('<border><left/><right/><top/><bottom/><diagonal/></border>');
    if (this.base.cellXfs === 0) this.newXfs.push('<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
    this.hasStyleXf = (this.blocks.cellStyleXfs?.count ?? 0) > 0;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formatIds.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.formatIds.set(code, id);
      this.newFormats.push(`<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    }
    return id;
  }

  private fillId(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      id = this.base.fills + this.newFills.length;
      this.fillIds.set(argb, id);
      this.newFills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${xmlEscape(argb)}"/><bgColor indexed="64"/></patternFill></fill>`);
    }
    return id;
  }

  private fontId(bold: boolean): number {
    if (!bold) return 0;
    if (this.boldFont === null) {
      this.boldFont = this.base.fonts + this.newFonts.length;
      this.newFonts.push(`<font><b/>${this.defaultFont.replace(/<(?:[\w.-]+:)?b(\s+val="[^"]*")?\s*\/>/g, '')}</font>`);
    }
    return this.boldFont;
  }

  private borderId(bordered: boolean): number {
    if (!bordered) return 0;
    if (this.thinBorder === null) {
      this.thinBorder = this.base.borders + this.newBorders.length;
      this.newBorders.push(THIN_BORDER);
    }
    return this.thinBorder;
  }

  /**
   * The cell-format index for a cell's look; 0 (the workbook's default) for a blank,
   * unbordered cell. Cost: O(1) once the look has been seen.
   */
  xf(out: OutCell | undefined, bordered: boolean): number {
    if (!out && !bordered) return 0;
    const formatKey = out ? (out.text ? '@' : (out.fmt ?? '')) : '';
    let byFill = this.byLook.get(formatKey);
    if (!byFill) {
      byFill = new Map();
      this.byLook.set(formatKey, byFill);
    }
    const fillKey = out?.fill ?? '';
    let byFlags = byFill.get(fillKey);
    if (!byFlags) {
      byFlags = new Int32Array(32);
      byFill.set(fillKey, byFlags);
    }
    const flags = lookFlags(out, bordered);
    if (byFlags[flags] > 0) return byFlags[flags] - 1;
    const index = this.newXf(out, bordered);
    byFlags[flags] = index + 1;
    return index;
  }

  /** Registers a look not seen before: its cell-format index (0 when it needs none). */
  private newXf(out: OutCell | undefined, bordered: boolean): number {
    const fmt = out ? (out.text ? '@' : (out.fmt ?? 'General')) : 'General';
    const numFmtId = this.formatId(fmt);
    const fontId = this.fontId(out?.bold === true);
    const fillId = out?.fill ? this.fillId(out.fill) : 0;
    const borderId = this.borderId(bordered);
    const wrap = out?.wrap === true;
    const align = out?.align;
    const alignment =
      wrap || align
        ? `<alignment${align ? ` horizontal="${align}"` : ''} vertical="${wrap ? 'top' : 'center'}"${wrap ? ' wrapText="1"' : ''}/>`
        : '';
    const applied =
      `${numFmtId !== 0 ? ' applyNumberFormat="1"' : ''}${fontId !== 0 ? ' applyFont="1"' : ''}` +
      `${fillId !== 0 ? ' applyFill="1"' : ''}${borderId !== 0 ? ' applyBorder="1"' : ''}${alignment ? ' applyAlignment="1"' : ''}`;
    if (numFmtId === 0 && fontId === 0 && fillId === 0 && borderId === 0 && !alignment) return 0;
    const xfId = this.hasStyleXf ? ' xfId="0"' : '';
    const index = this.base.cellXfs + this.newXfs.length;
    this.newXfs.push(
      alignment
        ? `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${xfId}${applied}>${alignment}</xf>`
        : `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}"${xfId}${applied}/>`,
    );
    return index;
  }

  /** True when nothing was appended (the part can be copied as it was). */
  get unchanged(): boolean {
    return this.newXfs.length + this.newFonts.length + this.newFills.length + this.newBorders.length + this.newFormats.length === 0;
  }

  /**
   * The styles part with Kaohe's entries appended to each list. Cost: O(part size).
   */
  render(): string {
    const additions: Record<ListName, string[]> = {
      numFmts: this.newFormats,
      fonts: this.newFonts,
      fills: this.newFills,
      borders: this.newBorders,
      cellStyleXfs: [],
      cellXfs: this.newXfs,
    };
    const p = this.prefix;
    const prefixed = (xml: string): string => (p === '' ? xml : xml.replace(/<(\/?)(?![\w.-]+:)([A-Za-z])/g, `<$1${p}$2`));
    // Edits from the end of the part backwards, so earlier offsets stay valid.
    const edits: { at: number; end: number; text: string; seq: number }[] = [];
    let insertAfter = this.rootEnd();
    for (const name of LISTS) {
      const block = this.blocks[name];
      const added = additions[name];
      if (block) insertAfter = block.end;
      if (added.length === 0) continue;
      const children = prefixed(added.join(''));
      if (block) {
        const count = block.count + added.length;
        const openTag = new RegExp(`^<${escapeRe(p + name)}(\\s[^>]*?)?/?>`).exec(this.xml.slice(block.start, block.end))?.[0] ?? '';
        const attrs = (openTag.slice(p.length + name.length + 1).replace(/\/?>$/, '') || '').replace(/\s+count="[^"]*"/, '');
        edits.push({ at: block.start, end: block.end, text: `<${p}${name} count="${count}"${attrs}>${block.inner}${children}</${p}${name}>`, seq: edits.length });
      } else {
        edits.push({ at: insertAfter, end: insertAfter, text: `<${p}${name} count="${added.length}">${children}</${p}${name}>`, seq: edits.length });
      }
    }
    let out = this.xml;
    for (const edit of edits.sort((a, b) => b.at - a.at || b.seq - a.seq)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
    return out;
  }

  /** Offset just after the root's start tag. */
  private rootEnd(): number {
    const root = new RegExp(`<${escapeRe(this.prefix)}styleSheet(\\s[^>]*)?>`).exec(this.xml);
    return root ? root.index + root[0].length : 0;
  }
}
