/**
 * DrawingML for a ChartSpec: the chart part (`xl/charts/chartN.xml`) and the drawing part
 * that anchors it on its sheet (`xl/drawings/drawingN.xml`, with its relationships).
 * Pure strings; the package writer places the parts and adds their content types and
 * relationships.
 *
 * The chart: one clustered column series (the totals) with one data point colour per bar
 * (`c:dPt`), and one line series per reference line (a constant value over every category,
 * written as a literal `c:numLit`), both on the same category and value axes. Read by
 * Excel, LibreOffice and WPS.
 */
import type { ChartSpec } from '../../core/types';

export interface ChartParts {
  /** `xl/charts/chartN.xml` content. */
  chart: string;
  /** `xl/drawings/drawingN.xml` content; it refers to the chart as relationship `rId1`. */
  drawing: string;
  /** `xl/drawings/_rels/drawingN.xml.rels` content (rId1 → `../charts/chartN.xml`). */
  drawingRels: string;
}

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const CAT_AXIS = 111;
const VAL_AXIS = 222;
/** Most categories a chart part takes (one `c:dPt` and one literal point per category). */
const MAX_POINTS = 5000;

/** XML text escape (element text and attribute values). */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `B3:B21` on `图表` → `'图表'!$B$3:$B$21`; null when the range is not a plain A1 range. */
export function absoluteRef(sheetName: string, range: string): string | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(range.trim().toUpperCase());
  if (!m) return null;
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const start = `$${m[1]}$${m[2]}`;
  return m[3] ? `${quoted}!${start}:$${m[3]}$${m[4]}` : `${quoted}!${start}`;
}

/** Number of cells in a one-column or one-row A1 range (`B3:B21` → 19). */
function rangeLength(range: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(range.trim().toUpperCase());
  if (!m) return 0;
  if (!m[3]) return 1;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return Math.max(Math.abs(Number(m[4]) - Number(m[2])), Math.abs(col(m[3]) - col(m[1]))) + 1;
}

/** `FF2E7D32` (ARGB) → `2E7D32` (the RGB DrawingML wants). */
function rgb(argb: string): string {
  const hex = argb.replace(/[^0-9A-Fa-f]/g, '').toUpperCase();
  return (hex.length === 8 ? hex.slice(2) : hex.padStart(6, '0')).slice(0, 6);
}

const solid = (color: string): string => `<a:solidFill><a:srgbClr val="${rgb(color)}"/></a:solidFill>`;

/** A chart title or series name as rich text. */
function richTitle(text: string, size: number): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}" b="1"/><a:t>${xmlEscape(text)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>`
  );
}

/**
 * A series name: a reference to the header cell just above the series' range (with the
 * name cached) when there is one — LibreOffice shows only referenced names — else literal.
 */
function seriesText(name: string, sheetName: string, range: string | undefined): string {
  const m = range ? /^\$?([A-Z]{1,3})\$?(\d+)/.exec(range.trim().toUpperCase()) : null;
  if (!m || Number(m[2]) < 2) return `<c:tx><c:v>${xmlEscape(name)}</c:v></c:tx>`;
  const ref = absoluteRef(sheetName, `${m[1]}${Number(m[2]) - 1}`)!;
  return `<c:tx><c:strRef><c:f>${xmlEscape(ref)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlEscape(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

/**
 * The chart part. Cost: O(categories + lines × categories).
 * @example chartXml(spec, '图表') // => '<?xml … <c:barChart> …'
 */
function chartXml(spec: ChartSpec, sheetName: string, categories: string, values: string, count: number): string {
  const points = spec.colors
    .slice(0, count)
    .map((color, i) => `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(color)}</c:spPr></c:dPt>`)
    .join('');
  const bar =
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>${seriesText(spec.seriesName, sheetName, spec.values)}` +
    `<c:spPr>${solid(spec.colors[0] ?? 'FF1F77B4')}</c:spPr><c:invertIfNegative val="0"/>${points}` +
    `<c:cat><c:strRef><c:f>${xmlEscape(categories)}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlEscape(values)}</c:f></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="40"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>`;
  const lineSeries = spec.lines
    .map((line, j) => {
      const literal = Array.from({ length: count }, (_, i) => `<c:pt idx="${i}"><c:v>${line.value}</c:v></c:pt>`).join('');
      const cache = `<c:formatCode>0.00</c:formatCode><c:ptCount val="${count}"/>${literal}`;
      const ref = line.range ? absoluteRef(sheetName, line.range) : null;
      const val = ref ? `<c:numRef><c:f>${xmlEscape(ref)}</c:f><c:numCache>${cache}</c:numCache></c:numRef>` : `<c:numLit>${cache}</c:numLit>`;
      return (
        `<c:ser><c:idx val="${j + 1}"/><c:order val="${j + 1}"/>${seriesText(line.label, sheetName, line.range)}` +
        `<c:spPr><a:ln w="22225">${solid(line.color)}<a:prstDash val="dash"/></a:ln></c:spPr>` +
        `<c:marker><c:symbol val="none"/></c:marker>` +
        `<c:cat><c:strRef><c:f>${xmlEscape(categories)}</c:f></c:strRef></c:cat>` +
        `<c:val>${val}</c:val>` +
        `<c:smooth val="0"/></c:ser>`
      );
    })
    .join('');
  const line = spec.lines.length > 0 ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineSeries}<c:marker val="1"/><c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:lineChart>` : '';
  const axisText = `<c:txPr><a:bodyPr rot="-2700000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(spec.title, 1400)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${bar}${line}` +
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}` +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:tickLblSkip val="1"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** The drawing part anchoring chart rId1 between two cells. */
function drawingXml(spec: ChartSpec, title: string): string {
  const { fromRow, fromCol, toRow, toCol } = spec.anchor;
  const marker = (tag: string, col: number, row: number) =>
    `<xdr:${tag}><xdr:col>${Math.max(0, Math.floor(col))}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${Math.max(0, Math.floor(row))}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">` +
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', fromCol, fromRow)}${marker('to', Math.max(toCol, fromCol + 1), Math.max(toRow, fromRow + 1))}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${xmlEscape(title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/**
 * The parts for one chart on sheet `sheetName`, the chart stored as `xl/charts/chart{n}.xml`.
 * Null when the spec's ranges are not plain A1 ranges or it has no or too many categories.
 * Cost: O(categories × (1 + lines)). Throws: never.
 * @example chartParts(spec, '图表', 1)?.drawingRels // => '…Target="../charts/chart1.xml"…'
 */
export function chartParts(spec: ChartSpec, sheetName: string, n: number): ChartParts | null {
  const categories = absoluteRef(sheetName, spec.categories);
  const values = absoluteRef(sheetName, spec.values);
  const count = rangeLength(spec.values);
  if (!categories || !values || count === 0 || count > MAX_POINTS || !Number.isInteger(n) || n < 1) return null;
  return {
    chart: chartXml(spec, sheetName, categories, values, count),
    drawing: drawingXml(spec, spec.title),
    drawingRels:
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/></Relationships>`,
  };
}
