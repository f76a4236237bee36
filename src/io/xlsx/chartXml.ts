/**
 * DrawingML for a ChartSpec: the chart part (`xl/charts/chartN.xml`) and the drawing part
 * that anchors it on its sheet (`xl/drawings/drawingN.xml`, with its relationships).
 * Pure strings; the package writer places the parts and adds their content types and
 * relationships.
 *
 * STUB: the analysis work (issue 13) replaces the body; the signature is the contract the
 * package writer calls.
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

/**
 * The parts for one chart on sheet `sheetName`, the chart stored as `xl/charts/chart{n}.xml`.
 * Throws: never.
 */
export function chartParts(spec: ChartSpec, sheetName: string, n: number): ChartParts | null {
  void spec;
  void sheetName;
  void n;
  return null;
}
