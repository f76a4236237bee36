/**
 * The package edit: the output is every entry of the input copied as it was, minus
 * Kaohe's own parts from an earlier run, plus Kaohe's new parts (result sheets, their
 * notes and drawings, the registry), with additive edits to the parts that list them:
 * the workbook part, its relationships, `[Content_Types].xml` and the styles part.
 * `docProps/app.xml` is left as it was (it is a cache of sheet titles that Excel and
 * WPS rewrite on save; nothing validates it against the sheets).
 */
import type { OutputSheet, WritePlan } from '../../core/types';
import { chartParts } from './chartXml';
import { expandLongSheets } from './longSheets';
import { relsPartOf as relsPath, resolveTarget as resolvePart } from './package';
import {
  editContentTypes,
  freshIds,
  parseRels,
  relativeTarget,
  relsPart,
  relXml,
  type Relationship,
  cut,
  insertBeforeClose,
} from './partsXml';
import { printRows, writeCommentsXml, writeSheetXml, writeVmlXml, sheetNotes } from './sheetXml';
import { StyleBook } from './styleBook';
import { editWorkbook, workbookSheets, type AddedSheet } from './workbookXml';
import { CONTENT_TYPE, REL_TYPE } from './xmlText';
import type { PackageZip } from './zipWrite';

/** What the writer needs of the input package. */
export interface PackageSource {
  /** Entry names in stored order. */
  names(): string[];
  /** An entry's text (UTF-8), or null when there is no such entry. */
  text(name: string): string | null;
  /** Copies an entry into `zip` as it was stored. */
  copyTo(name: string, zip: PackageZip): void;
}

const CONTENT_TYPES = '[Content_Types].xml';

interface NewSheet {
  sheet: OutputSheet;
  part: string;
  rid: string;
  sheetId: number;
  notes: number;
  comments?: string;
  vml?: string;
  chart?: { chart: string; drawing: string; drawingRels: string; chartPart: string; drawingPart: string };
}

/** The part a target names (as written when it leaves the package, so it matches nothing). */
const resolveTarget = (source: string, target: string): string => resolvePart(source, target) ?? target;

/** A name `stem{n}.ext` not in `taken` (case-insensitive), n from 1. */
function freePart(taken: Set<string>, stem: string, ext: string): { part: string; n: number } {
  for (let n = 1; ; n++) {
    const part = `${stem}${n}${ext}`;
    if (!taken.has(part.toLowerCase())) {
      taken.add(part.toLowerCase());
      return { part, n };
    }
  }
}

/** The part the package's officeDocument relationship points to. */
export function workbookPart(source: PackageSource): string {
  const rels = parseRels(source.text('_rels/.rels') ?? '');
  const main = rels.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  return main ? resolveTarget('', main.target) : 'xl/workbook.xml';
}

/**
 * The parts that go with removed sheets: each sheet part, its relationships part, and
 * (transitively) every internal part only they refer to. Cost: O(rels parts).
 */
function partsToRemove(source: PackageSource, sheetParts: string[]): Set<string> {
  const names = source.names();
  const lower = new Map(names.map((n) => [n.toLowerCase(), n]));
  const refs = new Map<string, Set<string>>();
  for (const name of names) {
    if (!name.toLowerCase().endsWith('.rels')) continue;
    const owner = name.replace(/_rels\/([^/]*)\.rels$/i, '$1');
    for (const rel of parseRels(source.text(name) ?? '')) {
      if (rel.external) continue;
      const target = resolveTarget(owner, rel.target).toLowerCase();
      if (!refs.has(target)) refs.set(target, new Set());
      refs.get(target)?.add(owner.toLowerCase());
    }
  }
  const gone = new Set<string>();
  const queue = sheetParts.map((p) => p.toLowerCase());
  while (queue.length > 0) {
    const part = queue.pop() as string;
    if (gone.has(part) || !lower.has(part)) continue;
    gone.add(part);
    const rels = relsPath(lower.get(part) as string);
    if (lower.has(rels.toLowerCase())) {
      gone.add(rels.toLowerCase());
      for (const rel of parseRels(source.text(lower.get(rels.toLowerCase()) as string) ?? '')) {
        if (rel.external) continue;
        const target = resolveTarget(lower.get(part) as string, rel.target).toLowerCase();
        const owners = refs.get(target) ?? new Set();
        if ([...owners].every((o) => gone.has(o))) queue.push(target);
      }
    }
  }
  return gone;
}

/** Bytes per cell of a result sheet's XML, about (计算明细: 63; a cell with a style and inline text). */
const BYTES_PER_CELL = 64;

/**
 * About how many bytes a sheet's XML takes, from its cell count (lazy rows included), for
 * LateZip's budget. Cost: O(held rows).
 */
function sheetSizeHint(sheet: OutputSheet): number {
  let cells = sheet.lazy ? sheet.lazy.count * sheet.lazy.columns : 0;
  for (const row of sheet.rows) cells += row.length;
  return cells * BYTES_PER_CELL;
}

/**
 * Writes the edited package through `zip` (a streaming ZipWriter, or a LateZip for the
 * browser's native compression) and finishes it. Throws when the package has no workbook
 * part. Cost: O(input bytes + cells written); memory O(one row + the small listing parts)
 * beyond what `zip` holds.
 */
export function writePackage(source: PackageSource, plan: WritePlan, zip: PackageZip): void {
  const names = source.names();
  const mainPart = workbookPart(source);
  const mainRelsPart = relsPath(mainPart);
  const workbookXml = source.text(mainPart);
  if (workbookXml === null) throw new Error(`no workbook part ${mainPart}`);
  const mainRelsXml = source.text(mainRelsPart) ?? relsPart([]);
  const rels = parseRels(mainRelsXml);
  const relById = new Map(rels.map((r) => [r.id, r]));
  const sheets = workbookSheets(workbookXml);

  // Kaohe's old sheets.
  const removeNames = new Set(plan.remove);
  const removeIndices: number[] = [];
  const removedRels: Relationship[] = [];
  const removedSheetParts: string[] = [];
  sheets.forEach((sheet, i) => {
    if (!removeNames.has(sheet.name)) return;
    removeIndices.push(i);
    const rel = relById.get(sheet.rid);
    if (rel) {
      removedRels.push(rel);
      if (!rel.external) removedSheetParts.push(resolveTarget(mainPart, rel.target));
    }
  });
  const gone = partsToRemove(source, removedSheetParts);
  const taken = new Set(names.map((n) => n.toLowerCase()).filter((n) => !gone.has(n)));

  // Styles: the workbook's own part, appended to (or a new one).
  const stylesRel = rels.find((r) => r.type === REL_TYPE.styles || r.type.endsWith('/styles'));
  const freeStyles = (): string => (taken.has('xl/styles.xml') ? freePart(taken, 'xl/styles', '.xml').part : 'xl/styles.xml');
  const stylesPart = stylesRel ? resolveTarget(mainPart, stylesRel.target) : freeStyles();
  const stylesExisting = stylesRel ? source.text(stylesPart) : null;
  const styles = new StyleBook(stylesExisting);

  // Names, ids and relationships of the new parts.
  const keptIds = rels.filter((r) => !removedRels.includes(r)).map((r) => r.id);
  let maxSheetId = sheets.reduce((max, s) => Math.max(max, s.sheetId), 0);
  let vmlBlock = 1000;
  const toAdd = expandLongSheets(plan.add, sheets.filter((_, i) => !removeIndices.includes(i)).map((s) => s.name));
  const ids = freshIds([...keptIds, ...removedRels.map((r) => r.id)], toAdd.length + 1);
  const added: NewSheet[] = toAdd.map((sheet, i) => {
    const { part, n } = freePart(taken, 'xl/worksheets/sheet', '.xml');
    void n;
    const entry: NewSheet = { sheet, part, rid: ids[i], sheetId: ++maxSheetId, notes: sheetNotes(sheet) };
    if (entry.notes > 0) {
      entry.comments = freePart(taken, 'xl/comments', '.xml').part;
      entry.vml = freePart(taken, 'xl/drawings/vmlDrawing', '.vml').part;
    }
    if (sheet.chart) {
      const chartName = freePart(taken, 'xl/charts/chart', '.xml');
      const parts = chartParts(sheet.chart, sheet.name, chartName.n);
      if (parts) {
        const drawingPart = freePart(taken, 'xl/drawings/drawing', '.xml').part;
        entry.chart = { ...parts, chartPart: chartName.part, drawingPart };
      } else taken.delete(chartName.part.toLowerCase());
    }
    return entry;
  });

  // The edited listing parts.
  const addedSheets: AddedSheet[] = added.map((a) => ({
    name: a.sheet.name,
    sheetId: a.sheetId,
    rid: a.rid,
    hidden: a.sheet.hidden === true,
    printTitles: a.sheet.print.repeatRows ? printRows(a.sheet.print.repeatRows) : null,
  }));
  const edited = editWorkbook(workbookXml, { remove: removeIndices, add: addedSheets });
  let newMainRels = cut(mainRelsXml, removedRels);
  const relLines = added.map((a) => relXml(a.rid, REL_TYPE.worksheet, relativeTarget(mainPart, a.part)));
  if (!stylesRel) relLines.push(relXml(ids[added.length], REL_TYPE.styles, relativeTarget(mainPart, stylesPart)));
  newMainRels = insertBeforeClose(newMainRels, 'Relationships', relLines.join(''));

  const contentAdded: { part: string; type: string }[] = [];
  for (const a of added) {
    contentAdded.push({ part: a.part, type: CONTENT_TYPE.worksheet });
    if (a.comments) contentAdded.push({ part: a.comments, type: CONTENT_TYPE.comments });
    if (a.chart) {
      contentAdded.push({ part: a.chart.chartPart, type: CONTENT_TYPE.chart });
      contentAdded.push({ part: a.chart.drawingPart, type: CONTENT_TYPE.drawing });
    }
  }
  if (!stylesRel) contentAdded.push({ part: stylesPart, type: CONTENT_TYPE.styles });
  const lowerNames = new Map(names.map((n) => [n.toLowerCase(), n]));
  const contentTypes = editContentTypes(source.text(CONTENT_TYPES) ?? '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>', {
    removed: [...gone].map((p) => lowerNames.get(p) ?? p),
    added: contentAdded,
    defaults: [
      { extension: 'rels', type: CONTENT_TYPE.rels },
      { extension: 'xml', type: 'application/xml' },
      ...(added.some((a) => a.vml) ? [{ extension: 'vml', type: CONTENT_TYPE.vml }] : []),
    ],
  });

  const replaced = new Map<string, string>([
    [CONTENT_TYPES.toLowerCase(), contentTypes],
    [mainPart.toLowerCase(), edited.xml],
    [mainRelsPart.toLowerCase(), newMainRels],
  ]);
  const written = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (gone.has(key) || written.has(key)) continue;
    written.add(key);
    if (key === stylesPart.toLowerCase()) continue; // after the sheets, once their looks are known
    const text = replaced.get(key);
    if (text !== undefined) zip.addText(name, text);
    else source.copyTo(name, zip);
  }
  for (const [key, text] of replaced) {
    if (!written.has(key)) zip.addText(key === CONTENT_TYPES.toLowerCase() ? CONTENT_TYPES : key === mainRelsPart.toLowerCase() ? mainRelsPart : mainPart, text);
  }

  added.forEach((a, i) => {
    const links = { drawing: a.chart ? 'rId1' : undefined, legacyDrawing: a.vml ? 'rId2' : undefined };
    let notes: ReturnType<typeof writeSheetXml> = [];
    zip.add(
      a.part,
      (write) => {
        notes = writeSheetXml(write, a.sheet, styles, { selected: edited.activated === i, links });
      },
      sheetSizeHint(a.sheet),
    );
    const sheetRels: string[] = [];
    if (a.chart) {
      sheetRels.push(relXml('rId1', REL_TYPE.drawing, relativeTarget(a.part, a.chart.drawingPart)));
      zip.addText(a.chart.drawingPart, a.chart.drawing);
      zip.addText(relsPath(a.chart.drawingPart), a.chart.drawingRels);
      zip.addText(a.chart.chartPart, a.chart.chart);
    }
    if (a.vml && a.comments) {
      sheetRels.push(relXml('rId2', REL_TYPE.vmlDrawing, relativeTarget(a.part, a.vml)));
      sheetRels.push(relXml('rId3', REL_TYPE.comments, relativeTarget(a.part, a.comments)));
      const found = notes;
      const blocks = Math.max(1, Math.ceil(found.length / 1023));
      zip.add(a.vml, (write) => writeVmlXml(write, found, vmlBlock));
      vmlBlock += blocks;
      zip.add(a.comments, (write) => writeCommentsXml(write, found));
    }
    if (sheetRels.length > 0) zip.addText(relsPath(a.part), relsPart(sheetRels));
  });

  if (styles.unchanged && stylesExisting !== null) source.copyTo(stylesPart, zip);
  else zip.addText(stylesPart, styles.render());
  zip.finish();
}
