/**
 * The 考核说明 sheet, so that the city office can audit the workbook it receives:
 * parameters used (value and whether it came from 考核参数), the indicator table used,
 * the rules applied, time of computation, Kaohe's version and the inputs' fingerprint.
 */
import { t } from '../messages';
import type { AssessmentInput, AssessmentResult, Indicator, OutCell, OutputSheet } from '../types';
import { fitWidths, resultTitle, rowMerge, textCell } from './layout';
import { looksLikeDemo } from './demo';
import { analysisAboutRows } from './analysis';
import { PARAM_LINES } from './params';
import { addDays } from '../compute/dates';
import { boundText, formatNumber } from '../numbers';
import { conditionText, methodName } from './words';

export const ABOUT_SHEET = '考核说明';

const INDICATOR_COLUMNS = ['维度', '指标', '分值', '计分方法', '目标值', '下限', '每项分值', '方向', '数据列', '否决阈值', '否决类别'];

/**
 * A date as local ISO 8601 with its offset.
 * @example localIso(new Date('2018-12-31T02:00:00Z')) // => '2018-12-31T10:00:00+08:00' (in UTC+8)
 */
export function localIso(date: Date): string {
  const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

const section = (title: string): OutCell[] => [textCell(title, { bold: true })];
const sentence = (text: string): OutCell[] => [textCell(text)];
const header = (cells: string[]): OutCell[] => cells.map((c) => textCell(c, { bold: true, align: 'center' }));

function indicatorRow(ind: Indicator, builtin: boolean): OutCell[] {
  return [
    textCell(ind.dimension),
    textCell(ind.name),
    { v: ind.points, align: 'right' },
    textCell(methodName(ind.method)),
    textCell(boundText(ind.target, ind.kind)),
    textCell(boundText(ind.floor, ind.kind)),
    textCell(ind.perItem === null ? '' : formatNumber(ind.perItem, 6)),
    textCell(ind.direction === 'down' ? '逆向' : '正向'),
    textCell(ind.column),
    textCell(boundText(ind.vetoThreshold, ind.kind)),
    textCell(ind.vetoCategory === null ? '' : `${ind.vetoCategory} ${conditionText(ind.vetoCategory, 'zh')}`),
    textCell(builtin ? ind.clause ?? '' : ind.source ?? ''),
    textCell(ind.note),
  ];
}

function ruleSentences(result: AssessmentResult): string[] {
  const p = result.params;
  const points = result.indicators.reduce((sum, ind) => sum + ind.points, 0);
  const zh = (code: Parameters<typeof t>[0]['code'], params?: Record<string, string | number>) => t({ code, params }, 'zh');
  return [
    zh(p.vetoedMayBeGood ? 'report.about.rule.gradeVetoedGood' : 'report.about.rule.grade', { good: p.goodQuota, average: p.averageQuota }),
    zh('report.about.rule.fewUnits'),
    zh('report.about.rule.rankStyle', { style: zh(p.rankStyle === 'dense' ? 'report.about.rankStyle.dense' : 'report.about.rankStyle.competition') }),
    zh('report.about.rule.ties', {
      dims: (p.tieBreak.length > 0 ? p.tieBreak : result.dimensions).join('、'),
      mode: zh(p.tieMode === 'high' ? 'report.about.tie.high' : 'report.about.tie.low'),
    }),
    zh('report.about.rule.byType', { scope: zh(p.rankByType ? 'report.about.scope.byType' : 'report.about.scope.together') }),
    zh('report.about.rule.veto1'),
    zh('report.about.rule.veto2'),
    zh('report.about.rule.veto3'),
    zh('report.about.rule.veto4'),
    zh('report.about.rule.veto5'),
    zh('report.about.rule.vetoEffect', { days: p.deadlineDays, deadline: addDays(p.date, p.deadlineDays) }),
    zh(p.missing === 'zero' ? 'report.about.rule.missing.zero' : 'report.about.rule.missing.error'),
    zh('report.about.rule.rounding'),
    zh('report.about.rule.money'),
    ...(p.conversion !== null ? [zh('report.about.rule.conversion', { value: p.conversion, points })] : []),
  ];
}

/** Label of a per-sheet fingerprint row: `输入指纹：考核数据`, or `输入指纹：台账（考核数据）` for a sheet chosen for a role. */
export const SHEET_FINGERPRINT_LABEL = '输入指纹：';

/** One row per input sheet read (issue 14: the city office's verify tells which sheet changed). */
function sheetFingerprintRows(input: AssessmentInput): OutCell[][] {
  return (input.sheetFingerprints ?? []).map(({ role, sheet, fingerprint }) => [
    textCell(`${SHEET_FINGERPRINT_LABEL}${sheet}${sheet === role ? '' : `（${role}）`}`),
    textCell(fingerprint),
  ]);
}

/**
 * Builds 考核说明. Long sentences sit unmerged in column A and overflow to the right,
 * so they stay readable without row heights. Cost: O(parameters + indicators).
 */
export function aboutSheet(result: AssessmentResult, input: AssessmentInput, meta: { now: Date; version: string }): OutputSheet {
  const builtin = input.indicatorSource === 'builtin';
  const params = result.params;
  const paramRows = PARAM_LINES.map((line) => [
    textCell(line.label),
    textCell(String(line.value(params))),
    textCell(t({ code: params.given.includes(line.name) ? 'report.about.given' : 'report.about.default' }, 'zh')),
    textCell(t({ code: line.description }, 'zh')),
  ]);
  const indicatorHeader = header([...INDICATOR_COLUMNS, builtin ? '条款' : '来源', '说明']);
  const indicatorRows = result.indicators.map((ind) => indicatorRow(ind, builtin));
  const infoRows: OutCell[][] = [
    [textCell('计算时间'), textCell(localIso(meta.now))],
    [textCell('Kaohe 版本'), textCell(meta.version)],
    [textCell('输入指纹（SHA-256）'), textCell(input.fingerprint)],
    ...sheetFingerprintRows(input),
  ];
  const demoRows = looksLikeDemo(input) ? [sentence(t({ code: 'report.demoNotice' }, 'zh'))] : [];

  const title = [textCell(resultTitle(params, '考核说明'), { bold: true, align: 'center' })];
  const rows: OutCell[][] = [
    title,
    ...demoRows,
    section('一、考核参数'),
    header(['参数', '值', '来源', '说明']),
    ...paramRows,
    [],
    section('二、指标设置'),
    sentence(t({ code: builtin ? 'report.about.builtinSet' : 'report.about.sheetSet' }, 'zh')),
    ...(builtin ? [sentence(t({ code: 'report.pointsExample' }, 'zh'))] : []),
    indicatorHeader,
    ...indicatorRows,
    [],
    section('三、计分与评定规则'),
    ...ruleSentences(result).map(sentence),
    ...analysisAboutRows(result),
    [],
    section('四、计算信息'),
    ...infoRows,
  ];
  const columns = indicatorHeader.length;
  const headerRows = rows.flatMap((row, i) => (row === indicatorHeader || row[0]?.v === '参数' ? [i + 1] : []));
  const tableRows = [...paramRows, indicatorHeader, ...indicatorRows, ...infoRows];
  return {
    name: ABOUT_SHEET,
    rows,
    merges: [rowMerge(1, columns)],
    widths: fitWidths(tableRows, columns, 0).map((w, col) => (col === 3 ? Math.min(w, 40) : w)),
    freezeRows: 1,
    freezeCols: 0,
    headerRows,
    print: { landscape: true, fitToWidth: true, repeatRows: '1:1' },
  };
}
