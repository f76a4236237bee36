/**
 * The 约谈名单 sheet (measures 五(二)): every vetoed unit, its principal responsible
 * person, the reasons with their evidence, the interviewer (镇主要领导), the
 * rectification deadline (text `YYYY-MM-DD`) and an empty column for follow-up.
 */
import { t } from '../messages';
import type { AssessmentResult, OutCell, OutputSheet } from '../types';
import { numberCell, resultTitle, rowMerge, tableSheet, textCell } from './layout';
import { vetoLine } from './words';

export const INTERVIEWS_SHEET = '约谈名单';

const HEADERS = ['序号', '单位', '主要负责人', '约谈事由', '约谈人', '整改期限', '整改情况'];

/**
 * Builds 约谈名单; with no interviews, the header and one merged line 无需约谈的单位.
 * Cost: O(interviews × vetoes), one pass over the list.
 */
export function interviewsSheet(result: AssessmentResult): OutputSheet {
  const rows: OutCell[][] = result.interviews.map((interview, i) => [
    numberCell(i + 1),
    textCell(interview.unit),
    textCell(interview.person ?? ''),
    textCell(interview.vetoes.map((veto) => vetoLine(veto, 'zh')).join('\n'), { wrap: true }),
    textCell(t({ code: 'report.interviewer' }, 'zh'), { align: 'center' }),
    textCell(interview.deadline, { align: 'center' }),
    textCell(''),
  ]);
  const empty = rows.length === 0;
  if (empty) rows.push([textCell(t({ code: 'report.noInterviews' }, 'zh'))]);
  return tableSheet({
    name: INTERVIEWS_SHEET,
    title: resultTitle(result.params, '约谈名单'),
    headers: HEADERS,
    rows,
    merges: empty ? [rowMerge(3, HEADERS.length)] : [],
  });
}
