/**
 * The report step: result sheets (always in Chinese), the write plan, the JSON document,
 * and the input template. Each sheet is one module; this file assembles them.
 */
import type { AssessmentInput, AssessmentResult, OutputSheet } from '../types';
import { aboutSheet } from './about';
import { assistanceSheet } from './assistance';
import { checksSheet } from './checks';
import { detailsSheet } from './details';
import { interviewsSheet } from './interviews';
import { resultsSheet } from './results';
import { analysisSheets, withPreviousColumns } from './analysis';
import type { Analysis } from '../analysis';

export { planWrite, registeredSheets, registrySheet, isKaoheSheetName, REGISTRY_MARKER } from './plan';
export { toJson } from './json';
export { templateSheets } from './template';
export { looksLikeDemo } from './demo';
export { displayWidth } from './layout';
export { eagerSheet, rowCount, sheetBand, sheetBands } from './rows';

/**
 * The result sheets in tab order: 考核结果, 计算明细, 约谈名单, 帮扶单位考核 (when there are
 * assistance units), 数据核验 (when there are warnings), 考核说明. Cost: O(units × indicators).
 * @example buildResultSheets(result, input, { now, version: '0.1.0' }).map((s) => s.name)[0] // => '考核结果'
 */
export function buildResultSheets(
  result: AssessmentResult,
  input: AssessmentInput,
  meta: { now: Date; version: string; analysis?: Analysis | null },
): OutputSheet[] {
  const analysis = meta.analysis ?? null;
  const sheets: (OutputSheet | null)[] = [
    analysis ? withPreviousColumns(resultsSheet(result), result, analysis) : resultsSheet(result),
    ...(analysis ? analysisSheets(result, analysis) : []),
    detailsSheet(result),
    interviewsSheet(result),
    assistanceSheet(result),
    checksSheet(result),
    aboutSheet(result, input, meta),
  ];
  return sheets.filter((sheet): sheet is OutputSheet => sheet !== null);
}
