/**
 * Hand-made AssessmentInput / AssessmentResult objects for the report tests, so the
 * builders can be tested without the read and compute steps.
 */
import type {
  AssessmentInput,
  AssessmentResult,
  Indicator,
  IndicatorScore,
  Msg,
  Params,
  UnitResult,
  Veto,
} from '../../src/core/types';
import { makeIndicator, makeParams as makeInputParams } from './input';
import { ValueTable } from '../../src/core/valueTable';

/** The RULEBOOK defaults (test/helpers/input.ts), with a tie-break chain and two given parameters. */
export function makeParams(over: Partial<Params> = {}): Params {
  return makeInputParams({ tieBreak: ['减贫成效', '精准识别'], given: ['镇名', '考核年度'], ...over });
}

/** Two rate indicators (the one `makeIndicator`, test/helpers/input.ts). */
export const INDICATORS: Indicator[] = [
  makeIndicator({ dimension: '减贫成效', name: '减贫计划完成率', points: 20, method: 'ratio', target: 1, kind: 'proportion', vetoThreshold: 1, vetoCategory: 1, clause: '四(一)1' }, 0),
  makeIndicator({ dimension: '精准识别', name: '识别准确率', points: 10, method: 'range', target: 1, floor: 0.9, kind: 'proportion', clause: '四(一)1' }, 1),
];

/** The two indicator scores every hand-made unit shows in 计算明细. */
const SCORES: IndicatorScore[] = [
  { indicatorId: 0, value: 1, display: '10/10', cell: '考核数据!E3/F3', score: 20, rounded: 20, formula: '20 × min(1, 100% ÷ 100%)' },
  { indicatorId: 1, value: 0.95, display: '95%', cell: '考核数据!G3', score: 5, rounded: 5, formula: '10 × (95% − 90%) ÷ (100% − 90%)' },
];

export function veto(over: Partial<Veto> = {}): Veto {
  return {
    category: 1,
    text: { code: 'generic.text', params: { text: '减贫计划完成率 87.5%' } },
    evidence: '考核数据!E5',
    from: 'indicator',
    ...over,
  };
}

const DEFAULT_NOTES: Record<string, Msg[]> = { '=HYPERLINK("x")': [{ code: 'generic.text', params: { text: '已取消评先资格，名额顺延' } }] };

export function makeUnit(over: Partial<UnitResult> & Pick<UnitResult, 'name' | 'rank' | 'total'>): UnitResult {
  const dims = over.dimensions ?? { 减贫成效: over.total / 2, 精准识别: over.total / 2 };
  return {
    type: '村',
    person: '张三',
    row: 3,
    nameCell: '考核数据!A3',
    totalExact: over.total,
    converted: null,
    dimensions: dims,
    grade: '较好',
    eligible: true,
    interview: false,
    prominent: false,
    vetoes: [],
    ...over,
  };
}

/**
 * Three units: a good one, a vetoed one whose name starts with '=', a weak one. `notes`
 * gives the notes of units by name (the vetoed one has one by default).
 */
export function makeResult(over: Partial<AssessmentResult> = {}, notes: Record<string, Msg[]> = DEFAULT_NOTES): AssessmentResult {
  const units = over.units ?? [
    makeUnit({ name: '龙源村', rank: 1, total: 25, grade: '好' }),
    makeUnit({
      name: '=HYPERLINK("x")',
      rank: 2,
      total: 24.5,
      grade: '较好',
      eligible: false,
      interview: true,
      person: null,
      vetoes: [veto()],
    }),
    makeUnit({ name: '梧桐社区', type: '社区', rank: 3, total: 10, grade: '一般' }),
  ];
  return {
    params: makeParams(),
    indicators: INDICATORS,
    dimensions: ['减贫成效', '精准识别'],
    units,
    scoresOf: () => SCORES.map((score) => ({ ...score })),
    notesOf: (position) => notes[units[position].name] ?? [],
    interviews: units.filter((u) => u.interview).map((u) => ({ unit: u.name, person: u.person, vetoes: u.vetoes, deadline: '2019-01-30' })),
    assistance: null,
    warnings: [],
    ...over,
  };
}

export function makeInput(over: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    params: makeParams(),
    indicators: INDICATORS,
    indicatorSource: 'builtin',
    units: [],
    values: new ValueTable(0, INDICATORS.length),
    problems: [],
    assistance: null,
    roles: { data: '考核数据', indicators: '指标设置', problems: '问题清单', assistance: '帮扶单位', params: '考核参数' },
    fingerprint: 'ab'.repeat(32),
    warnings: [],
    ...over,
  };
}
