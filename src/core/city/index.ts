/**
 * Consolidating many towns' verified workbooks into one city report (issue 14): 汇总 (one
 * row per town), 全部单位, 约谈汇总 and 帮扶单位汇总, laid out like Kaohe's result sheets.
 *
 * Towns may use different indicator sets and parameters, so nothing is compared across
 * towns: ranks stay "rank in town", there is no city-wide rank, and totals are listed, not
 * ranked. Counts (units per grade, interviews, failing assistance units) are only added up.
 * Pure.
 */
import { t } from '../messages';
import { normalizeText } from '../read/normalize';
import { FAIL_FILL, GRADE_FILLS, numberCell, rowMerge, scoreCell, tableSheet, textCell } from '../report/layout';
import { vetoLine } from '../report/words';
import type { AssessmentResult, Grade, Msg, OutCell, OutputSheet } from '../types';
import type { VerifyReport } from '../verify';

export const CITY_SHEETS = ['汇总', '全部单位', '约谈汇总', '帮扶单位汇总'] as const;

/** One town as given: its file name (as shown to the user) and its verification. */
export interface CityTown {
  file: string;
  report: VerifyReport;
}

export interface TownSummary {
  file: string;
  town: string | null;
  year: number | null;
  consistent: boolean;
  /** Counted in the report (consistent, or inconsistent with --include-inconsistent, and recomputable). */
  included: boolean;
  units: number;
  grades: Record<Grade, number>;
  interviews: number;
  assistanceFailing: number;
  version: string | null;
  computedAt: string | null;
}

export interface CityPlan {
  towns: TownSummary[];
  /** Problems that stop the report (two files of the same town and year): nothing is written. */
  errors: { file: string; message: Msg }[];
  /** Notes per town (left out as inconsistent, included anyway, not recomputable). */
  notes: { file: string; message: Msg }[];
  /** The four sheets, or [] when there are errors or no town is included. */
  sheets: OutputSheet[];
}

const GRADES: Grade[] = ['好', '较好', '一般', '较差'];

function townLabel(town: CityTown): { town: string; year: string | number } {
  return { town: town.report.town ?? '?', year: town.report.year ?? '?' };
}

function summarize(town: CityTown, included: boolean): TownSummary {
  const result = town.report.outcome?.result ?? null;
  const grades: Record<Grade, number> = { 好: 0, 较好: 0, 一般: 0, 较差: 0 };
  for (const unit of result?.units ?? []) grades[unit.grade]++;
  return {
    file: town.file,
    town: town.report.town,
    year: town.report.year,
    consistent: town.report.consistent,
    included,
    units: result?.units.length ?? 0,
    grades,
    interviews: result?.interviews.length ?? 0,
    assistanceFailing: (result?.assistance ?? []).filter((a) => !a.passed).length,
    version: town.report.version,
    computedAt: town.report.computedAt,
  };
}

/**
 * Which towns go in, the notes and errors, and the sheets. Cost: O(units + interviews +
 * assistance units of all towns).
 * @example planCity(towns, { includeInconsistent: false }).sheets.map((s) => s.name) // => ['汇总', '全部单位', '约谈汇总', '帮扶单位汇总']
 */
export function planCity(towns: CityTown[], options: { includeInconsistent: boolean }): CityPlan {
  const errors: CityPlan['errors'] = [];
  const notes: CityPlan['notes'] = [];
  const seen = new Map<string, CityTown>();
  for (const town of towns) {
    if (town.report.town === null || town.report.year === null) continue;
    const key = `${normalizeText(town.report.town)}\u0001${town.report.year}`;
    const first = seen.get(key);
    if (first) {
      errors.push({ file: town.file, message: { code: 'city.sameTown', params: { first: first.file, second: town.file, ...townLabel(town) } } });
    } else seen.set(key, town);
  }
  const summaries = towns.map((town) => {
    const usable = town.report.outcome?.result != null;
    const included = usable && (town.report.consistent || options.includeInconsistent);
    const label = { ...townLabel(town), file: town.file };
    if (!usable) notes.push({ file: town.file, message: { code: 'city.unusable', params: { file: town.file } } });
    else if (!town.report.consistent) notes.push({ file: town.file, message: { code: included ? 'city.includedInconsistent' : 'city.excluded', params: label } });
    return summarize(town, included);
  });
  const includedTowns = towns.filter((_, i) => summaries[i].included);
  const sheets = errors.length > 0 || includedTowns.length === 0 ? [] : citySheets(summaries, includedTowns);
  return { towns: summaries, errors, notes, sheets };
}

/** `2018年度` or `2017、2018年度` for the title. */
function yearsText(towns: TownSummary[]): string {
  const years = [...new Set(towns.filter((s) => s.included && s.year !== null).map((s) => s.year as number))].sort();
  return years.length > 0 ? `${years.join('、')}年度` : '';
}

const yesNo = (b: boolean) => textCell(b ? '是' : '否', { align: 'center' });

function summarySheet(summaries: TownSummary[]): OutputSheet {
  const total = (pick: (s: TownSummary) => number) => summaries.filter((s) => s.included).reduce((sum, s) => sum + pick(s), 0);
  const rows: OutCell[][] = summaries.map((s, i) => {
    const counts = s.included
      ? [numberCell(s.units), ...GRADES.map((g) => numberCell(s.grades[g])), numberCell(s.interviews), numberCell(s.assistanceFailing)]
      : Array.from({ length: 7 }, () => textCell(''));
    return [
      numberCell(i + 1),
      textCell(s.town ?? ''),
      numberCell(s.year),
      ...counts,
      textCell(s.consistent ? '是' : '否', { align: 'center', bold: !s.consistent, fill: s.consistent ? undefined : FAIL_FILL }),
      yesNo(s.included),
      textCell(s.version ?? ''),
      textCell(s.computedAt ?? ''),
      textCell(s.file),
    ];
  });
  rows.push([
    textCell('合计', { bold: true }),
    textCell(''),
    textCell(''),
    numberCell(total((s) => s.units), { bold: true }),
    ...GRADES.map((g) => numberCell(total((s) => s.grades[g]), { bold: true })),
    numberCell(total((s) => s.interviews), { bold: true }),
    numberCell(total((s) => s.assistanceFailing), { bold: true }),
  ]);
  return tableSheet({
    name: '汇总',
    title: `各镇${yearsText(summaries)}村(社区)脱贫攻坚工作考核结果汇总（各镇指标与参数可能不同，分数与排名只在本镇内可比）`,
    headers: ['序号', '镇', '年度', '单位数', '好', '较好', '一般', '较差', '约谈单位数', '未达标帮扶单位数', '一致', '计入汇总', 'Kaohe 版本', '计算时间', '文件'],
    rows,
    freezeCols: 2,
  });
}

function townOf(town: CityTown): { name: string; result: AssessmentResult } {
  const result = town.report.outcome?.result as AssessmentResult;
  return { name: result.params.town, result };
}

function unitsSheet(towns: CityTown[], years: string): OutputSheet {
  const rows: OutCell[][] = [];
  for (const town of towns) {
    const { name, result } = townOf(town);
    for (const unit of result.units) {
      rows.push([
        textCell(name),
        textCell(unit.name),
        textCell(unit.type, { align: 'center' }),
        scoreCell(unit.total),
        numberCell(unit.rank),
        textCell(unit.grade, { fill: GRADE_FILLS[unit.grade], align: 'center', bold: true }),
        textCell(unit.vetoes.map((veto) => vetoLine(veto, 'zh')).join('\n'), { wrap: true }),
      ]);
    }
  }
  return tableSheet({
    name: '全部单位',
    title: `各镇${years}村(社区)考核结果——全部单位（总分按各镇自己的指标计算，只在本镇内排名）`,
    headers: ['镇', '单位', '类型', '总分', '镇内排名', '等次', '否决情况'],
    rows,
    freezeCols: 2,
  });
}

function interviewsSheet(towns: CityTown[], years: string): OutputSheet {
  const rows: OutCell[][] = [];
  for (const town of towns) {
    const { name, result } = townOf(town);
    for (const interview of result.interviews) {
      rows.push([
        numberCell(rows.length + 1),
        textCell(name),
        textCell(interview.unit),
        textCell(interview.person ?? ''),
        textCell(interview.vetoes.map((veto) => vetoLine(veto, 'zh')).join('\n'), { wrap: true }),
        textCell(interview.deadline, { align: 'center' }),
      ]);
    }
  }
  return tableSheet({
    name: '约谈汇总',
    title: `各镇${years}约谈名单汇总`,
    headers: ['序号', '镇', '单位', '主要负责人', '约谈事由', '整改期限'],
    rows: rows.length > 0 ? rows : [[textCell(t({ code: 'report.noInterviews' }, 'zh'))]],
    merges: rows.length > 0 ? [] : [rowMerge(3, 6)],
  });
}

function assistanceSheet(towns: CityTown[], years: string): OutputSheet {
  const rows: OutCell[][] = [];
  for (const town of towns) {
    const { name, result } = townOf(town);
    for (const unit of result.assistance ?? []) {
      const failing = unit.items.filter((item) => item.passed === false).map((item) => `${item.item}：${t(item.fact, 'zh')}`);
      rows.push([
        numberCell(rows.length + 1),
        textCell(name),
        textCell(unit.name),
        textCell(unit.village),
        textCell(unit.passed ? '达标' : '未达标', { bold: true, align: 'center', fill: unit.passed ? undefined : FAIL_FILL }),
        textCell(failing.join('\n'), { wrap: true }),
      ]);
    }
  }
  return tableSheet({
    name: '帮扶单位汇总',
    title: `各镇${years}帮扶单位考核结果汇总`,
    headers: ['序号', '镇', '帮扶单位', '联点村', '综合结论', '未达标事项'],
    rows,
    freezeCols: 3,
  });
}

function citySheets(summaries: TownSummary[], included: CityTown[]): OutputSheet[] {
  const years = yearsText(summaries);
  return [summarySheet(summaries), unitsSheet(included, years), interviewsSheet(included, years), assistanceSheet(included, years)];
}
