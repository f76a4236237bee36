/**
 * The package model of an .xlsx: parts found through relationships (ECMA-376 Part 2),
 * never by file name. Opening reads only small parts: `[Content_Types].xml`, `_rels/.rels`,
 * the workbook part and its relationships. Shared strings, styles and sheets are read
 * later, by readSnapshot, and only for the sheets picked.
 *
 * API (stable; only additions):
 * - `openPackage(bytes, limits?)` → `XlsxPackage`: the zip, content types, root and
 *   workbook relationships, the sheets in tab order (`SheetInfo`: name, sheetId, rId, part,
 *   kind, state), shared-strings and styles parts, `date1904`, defined names (raw).
 *   Detects the file type first: encrypted (OLE with EncryptedPackage), .xls/.et (other
 *   OLE), .ods, not a zip, a zip that is no workbook. Throws XlsxError (one Msg).
 * - `detectFileType(bytes)` → 'zip' | 'encrypted' | 'legacy' | 'unknown' (cheap, no parse).
 * - `relsPartOf(part)` → the relationships part of a part (`xl/workbook.xml` →
 *   `xl/_rels/workbook.xml.rels`; the package root '' → `_rels/.rels`).
 * - `resolveTarget(sourcePart, target)` → the part name a relative or absolute target
 *   points to (`xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`).
 * - `readRels(pkg|zip, part, limit?)` → the relationships of any part ([] if it has none).
 * - `contentTypeOf(pkg, part)` → the content type (override, else default by extension).
 * - `relType(type)` → the last segment of a relationship type URI (`worksheet`,
 *   `officeDocument`, …), so transitional and strict URIs match alike.
 * Part names are zip entry names: no leading `/`.
 */
import { corrupt, XlsxError } from './errors';
import { attr, attrNs, isContentTypesNs, isMainNs, isPackageRelNs, isRelNs, parsePart, type XmlTag } from './xml';
import { looksLikeZip, readZip, type ZipArchive } from './zip';

export interface Relationship {
  id: string;
  /** Full type URI. */
  type: string;
  /** Target as written. */
  target: string;
  /** True for TargetMode="External" (then `part` is null). */
  external: boolean;
  /** The part name the target resolves to (null for external targets). */
  part: string | null;
}

export interface ContentTypes {
  /** Extension (lower case, no dot) → content type. */
  defaults: Map<string, string>;
  /** Part name (lower case, no leading /) → content type. */
  overrides: Map<string, string>;
}

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'unknown';
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  sheetId: number;
  /** Relationship id in the workbook part (`r:id`). */
  rId: string;
  /** Part name (null when the relationship is missing or external). */
  part: string | null;
  kind: SheetKind;
  state: SheetState;
}

export interface DefinedNameInfo {
  name: string;
  /** Formula text as written. */
  text: string;
  /** 0-based sheet index for a sheet-scoped name. */
  localSheetId?: number;
  hidden: boolean;
}

export interface PackageLimits {
  /** Largest uncompressed size of a small structural part (content types, rels, workbook, styles). */
  smallPart: number;
  /** Largest uncompressed size of a worksheet (streamed). */
  largePart: number;
  /** Most cells read from one sheet (placeholder slots of a ragged row count too). */
  cellsPerSheet: number;
  /** Largest uncompressed size of the shared strings (held in memory as strings). */
  stringsPart: number;
}

/**
 * Defaults: a worksheet may unpack to 1 GiB (it is streamed, so this bounds time, not
 * memory); the shared strings to 256 MiB (they are kept); structural parts to 64 MiB;
 * 12 million cells a sheet (200,000 units × 41 columns is 8.2 million).
 */
export const DEFAULT_LIMITS: PackageLimits = {
  smallPart: 64 * 1024 * 1024,
  largePart: 1024 * 1024 * 1024,
  cellsPerSheet: 12_000_000,
  stringsPart: 256 * 1024 * 1024,
};

export interface XlsxPackage {
  zip: ZipArchive;
  limits: PackageLimits;
  contentTypes: ContentTypes;
  rootRels: Relationship[];
  /** The officeDocument part, e.g. `xl/workbook.xml`. */
  workbookPart: string;
  workbookRels: Relationship[];
  /** Every sheet in tab order, hidden ones included. */
  sheets: SheetInfo[];
  sharedStringsPart: string | null;
  stylesPart: string | null;
  /** `<workbookPr date1904="1">`. */
  date1904: boolean;
  definedNames: DefinedNameInfo[];
  /** True for a macro-enabled workbook (workbook content type `…macroEnabled…`). */
  macroEnabled: boolean;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** The last segment of a relationship type URI. @example relType('http://…/relationships/worksheet') // => 'worksheet' */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** @example relsPartOf('xl/workbook.xml') // => 'xl/_rels/workbook.xml.rels' */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/**
 * The part a relationship target names, relative to the source part's folder, or from the
 * package root when it begins with `/`. `..` and `.` segments are resolved; percent-escapes
 * decoded. Returns null when the target leaves the package.
 * @example resolveTarget('xl/workbook.xml', '../customXml/item1.xml') // => 'customXml/item1.xml'
 */
export function resolveTarget(sourcePart: string, target: string): string | null {
  let path = target.split('#')[0];
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the target as written
  }
  path = path.replace(/\\/g, '/');
  const base = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (base.length === 0) return null;
      base.pop();
    } else {
      base.push(segment);
    }
  }
  return base.length ? base.join('/') : null;
}

/** Content type of a part: its override, else the default of its extension, else null. */
export function contentTypeOf(pkg: Pick<XlsxPackage, 'contentTypes'>, part: string): string | null {
  const override = pkg.contentTypes.overrides.get(part.toLowerCase().replace(/^\//, ''));
  if (override) return override;
  const dot = part.lastIndexOf('.');
  return dot >= 0 ? (pkg.contentTypes.defaults.get(part.slice(dot + 1).toLowerCase()) ?? null) : null;
}

/**
 * The relationships of `part` ('' for the package root). [] when the part has no rels part.
 * Throws XlsxError for a damaged rels part. Cost: O(rels part size).
 */
export function readRels(source: XlsxPackage | ZipArchive, part: string, limit = DEFAULT_LIMITS.smallPart): Relationship[] {
  const zip = 'zip' in source ? source.zip : source;
  const relsPart = part === '' ? '_rels/.rels' : relsPartOf(part);
  const entry = zip.get(relsPart);
  if (!entry) return [];
  const rels: Relationship[] = [];
  parsePart(zip, entry, limit, {
    open(tag) {
      if (tag.local !== 'Relationship' || !isPackageRelNs(tag.uri)) return;
      const id = attr(tag, 'Id') ?? '';
      const type = attr(tag, 'Type') ?? '';
      const target = attr(tag, 'Target') ?? '';
      const external = attr(tag, 'TargetMode') === 'External';
      rels.push({ id, type, target, external, part: external ? null : resolveTarget(part, target) });
    },
  });
  return rels;
}

function readContentTypes(zip: ZipArchive, limit: number): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  const entry = zip.get('[Content_Types].xml');
  if (!entry) return types;
  parsePart(zip, entry, limit, {
    open(tag) {
      if (!isContentTypesNs(tag.uri)) return;
      const type = attr(tag, 'ContentType');
      if (type === undefined) return;
      if (tag.local === 'Default') {
        const ext = attr(tag, 'Extension');
        if (ext !== undefined) types.defaults.set(ext.toLowerCase(), type);
      } else if (tag.local === 'Override') {
        const name = attr(tag, 'PartName');
        if (name !== undefined) types.overrides.set(name.toLowerCase().replace(/^\//, ''), type);
      }
    },
  });
  return types;
}

/** Whether the OLE compound file holds a directory entry named EncryptedPackage. */
function oleHoldsEncryptedPackage(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  const u32 = (o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  const sectorShift = b[0x1e] | (b[0x1f] << 8);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  const sectorSize = 1 << sectorShift;
  const sectorAt = (n: number): number => (n + 1) * sectorSize;
  // The FAT sectors: the first 109 are listed in the header; the rest via DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + i * 4);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  let difat = u32(0x44);
  for (let guard = 0; difat < 0xfffffffa && guard < 10_000; guard++) {
    const at = sectorAt(difat);
    if (at + sectorSize > b.length) break;
    for (let i = 0; i < sectorSize / 4 - 1; i++) {
      const s = u32(at + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = u32(at + sectorSize - 4);
  }
  const next = (sector: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(sector / perSector)];
    if (fat === undefined) return 0xfffffffe;
    const at = sectorAt(fat) + (sector % perSector) * 4;
    return at + 4 <= b.length ? u32(at) : 0xfffffffe;
  };
  const wanted = 'EncryptedPackage';
  let sector = u32(0x30);
  for (let guard = 0; sector < 0xfffffffa && guard < 100_000; guard++) {
    const at = sectorAt(sector);
    if (at + sectorSize > b.length) break;
    for (let e = at; e < at + sectorSize; e += 128) {
      const nameLength = b[e + 0x40] | (b[e + 0x41] << 8);
      if (nameLength !== (wanted.length + 1) * 2) continue;
      let name = '';
      for (let i = 0; i < wanted.length; i++) name += String.fromCharCode(b[e + i * 2] | (b[e + i * 2 + 1] << 8));
      if (name === wanted) return true;
    }
    sector = next(sector);
  }
  return false;
}

/**
 * What the bytes are, from their first bytes (and an OLE file's directory). Cost: O(1) for
 * zips; O(directory) for OLE files.
 */
export function detectFileType(bytes: Uint8Array): 'zip' | 'encrypted' | 'legacy' | 'unknown' {
  if (OLE_MAGIC.every((v, i) => bytes[i] === v)) return oleHoldsEncryptedPackage(bytes) ? 'encrypted' : 'legacy';
  if (looksLikeZip(bytes)) return 'zip';
  return 'unknown';
}

function isOds(zip: ZipArchive): boolean {
  const entry = zip.get('mimetype');
  if (!entry || entry.method !== 0 || entry.compressedSize > 200) return false;
  const text = new TextDecoder().decode(zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize));
  return text.trim().startsWith(ODS_MIME);
}

interface WorkbookXml {
  sheets: { name: string; sheetId: number; rId: string; state: SheetState }[];
  date1904: boolean;
  definedNames: DefinedNameInfo[];
}

function readWorkbookXml(zip: ZipArchive, part: string, limit: number): WorkbookXml {
  const entry = zip.get(part);
  if (!entry) throw new XlsxError({ code: 'xlsx.notWorkbook', params: { part: ` ${part}` } });
  const out: WorkbookXml = { sheets: [], date1904: false, definedNames: [] };
  let name: DefinedNameInfo | null = null;
  let sawWorkbook = false;
  parsePart(zip, entry, limit, {
    open(tag: XmlTag) {
      if (!isMainNs(tag.uri)) return;
      switch (tag.local) {
        case 'workbook':
          sawWorkbook = true;
          break;
        case 'workbookPr': {
          const v = attr(tag, 'date1904');
          out.date1904 = v === '1' || v === 'true';
          break;
        }
        case 'sheet': {
          const state = attr(tag, 'state');
          out.sheets.push({
            name: attr(tag, 'name') ?? '',
            sheetId: Number(attr(tag, 'sheetId') ?? 0),
            rId: attrNs(tag, 'id', isRelNs) ?? '',
            state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          });
          break;
        }
        case 'definedName': {
          const local = attr(tag, 'localSheetId');
          const hidden = attr(tag, 'hidden');
          name = { name: attr(tag, 'name') ?? '', text: '', hidden: hidden === '1' || hidden === 'true' };
          if (local !== undefined) name.localSheetId = Number(local);
          break;
        }
      }
    },
    text(text) {
      if (name && name.text.length < 100_000) name.text += text;
    },
    close(tag) {
      if (tag.local === 'definedName' && name) {
        out.definedNames.push(name);
        name = null;
      }
    },
  });
  if (!sawWorkbook) throw new XlsxError({ code: 'xlsx.notWorkbook', params: { part: ` ${part}` } });
  return out;
}

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  xlMacrosheet: 'macrosheet',
  xlIntlMacrosheet: 'macrosheet',
};

/**
 * Opens an .xlsx/.xlsm package: file-type detection, zip directory, content types, root
 * and workbook relationships, sheet list. Cost: O(entries + small parts).
 * Throws XlsxError: `xlsx.notZip`, `xlsx.encrypted`, `xlsx.legacy`, `xlsx.ods`,
 * `xlsx.notWorkbook`, `xlsx.corrupt`, `xlsx.badXml`, `xlsx.doctype`, …
 * @example openPackage(bytes).sheets.map((s) => s.name) // => ['考核数据', '指标设置', …]
 */
export function openPackage(data: Uint8Array | ArrayBuffer, limits: Partial<PackageLimits> = {}): XlsxPackage {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const all: PackageLimits = { ...DEFAULT_LIMITS, ...limits };
  const kind = detectFileType(bytes);
  if (kind === 'encrypted') throw new XlsxError({ code: 'xlsx.encrypted' });
  if (kind === 'legacy') throw new XlsxError({ code: 'xlsx.legacy' });
  if (kind === 'unknown') throw new XlsxError({ code: 'xlsx.notZip' });
  const zip = readZip(bytes);
  if (isOds(zip)) throw new XlsxError({ code: 'xlsx.ods' });
  const contentTypes = readContentTypes(zip, all.smallPart);
  const rootRels = readRels(zip, '', all.smallPart);
  const office = rootRels.find((r) => relType(r.type) === 'officeDocument' && r.part);
  if (!office || !office.part) throw new XlsxError({ code: 'xlsx.notWorkbook', params: { part: '' } });
  const workbookPart = office.part;
  const workbookType = contentTypeOf({ contentTypes }, workbookPart) ?? '';
  if (contentTypes.overrides.size > 0 && workbookType !== '' && !/spreadsheetml|ms-excel/.test(workbookType)) {
    throw new XlsxError({ code: 'xlsx.notWorkbook', params: { part: ` ${workbookPart}` } });
  }
  const workbook = readWorkbookXml(zip, workbookPart, all.smallPart);
  const workbookRels = readRels(zip, workbookPart, all.smallPart);
  const byId = new Map(workbookRels.map((r) => [r.id, r]));
  const names = new Set<string>();
  const sheets: SheetInfo[] = workbook.sheets.map((s) => {
    if (names.has(s.name)) corrupt(`sheet name ${s.name} used twice`);
    names.add(s.name);
    const rel = byId.get(s.rId);
    return {
      ...s,
      part: rel && !rel.external ? rel.part : null,
      kind: rel ? (SHEET_KINDS[relType(rel.type)] ?? 'unknown') : 'unknown',
    };
  });
  const partOf = (type: string): string | null => workbookRels.find((r) => relType(r.type) === type && r.part)?.part ?? null;
  return {
    zip,
    limits: all,
    contentTypes,
    rootRels,
    workbookPart,
    workbookRels,
    sheets,
    sharedStringsPart: partOf('sharedStrings'),
    stylesPart: partOf('styles'),
    date1904: workbook.date1904,
    definedNames: workbook.definedNames,
    macroEnabled: /macroEnabled/i.test(workbookType),
  };
}
