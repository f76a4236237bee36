/**
 * What the ExcelJS writer cannot carry over from a workbook it loaded: charts, pivot
 * tables, images and drawings, macros, slicers, embedded objects, external links,
 * threaded comments. Found by listing the parts of the .xlsx zip. Works in Node and in
 * the browser (jszip only).
 */
import JSZip from 'jszip';

/** Kinds of content the writer would drop; each has a message `report.part.<kind>`. */
export type UncarriableKind =
  | 'charts'
  | 'pivotTables'
  | 'drawings'
  | 'macros'
  | 'slicers'
  | 'embeddings'
  | 'externalLinks'
  | 'threadedComments';

/**
 * Part-name patterns per kind. Legacy cell notes live in `xl/drawings/vmlDrawing*.vml`
 * and ExcelJS keeps them, so only DrawingML parts (`drawing*.xml`) and media count.
 */
const PATTERNS: [UncarriableKind, RegExp][] = [
  ['charts', /^xl\/(charts|chartsheets)\//i],
  ['pivotTables', /^xl\/(pivotTables|pivotCache)\//i],
  ['drawings', /^xl\/(drawings\/drawing\d*\.xml|media\/)/i],
  ['macros', /^xl\/vbaProject\.bin$|^xl\/macrosheets\//i],
  ['slicers', /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\//i],
  ['embeddings', /^xl\/(embeddings|activeX|ctrlProps)\//i],
  ['externalLinks', /^xl\/(externalLinks\/|connections\.xml$|queryTables\/)/i],
  ['threadedComments', /^xl\/(threadedComments|persons)\//i],
];

/**
 * The kinds found among zip part names, in a fixed order, each once. Cost: O(parts).
 * @example kindsOfParts(['xl/charts/chart1.xml', 'xl/workbook.xml']) // => ['charts']
 */
export function kindsOfParts(partNames: string[]): UncarriableKind[] {
  return PATTERNS.filter(([, pattern]) => partNames.some((name) => pattern.test(name))).map(([kind]) => kind);
}

/**
 * Lists the zip parts of an .xlsx and returns what the writer cannot carry over.
 * Throws when the data is not a zip (the caller reports it as an unreadable file).
 * @example await findUncarriable(xlsxWithChart) // => ['charts']
 */
export async function findUncarriable(data: ArrayBuffer | Uint8Array): Promise<UncarriableKind[]> {
  const zip = await JSZip.loadAsync(data);
  return kindsOfParts(Object.keys(zip.files));
}
