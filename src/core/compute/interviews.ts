/**
 * Step 5 of compute: the interview list (约谈名单, measures 五(二)): every unit with a veto,
 * in rank order, with one reason per veto and the rectification deadline.
 */
import { t } from '../messages';
import type { Interview, Msg, UnitResult, Veto } from '../types';
import { addDays } from './dates';

/**
 * One interview reason: the veto condition of the measures 六 and what happened. The veto
 * text is rendered into both languages here, because a message cannot hold a message.
 * Cost: O(1). Never throws.
 * @example t(interviewReason(veto), 'zh') // => '未完成年度减贫计划任务：减贫计划完成率 95%，低于否决阈值 100%'
 */
export function interviewReason(veto: Veto): Msg {
  const condition: Msg = { code: `report.condition.${veto.category}` };
  return {
    code: 'compute.interview.reason',
    params: {
      category: veto.category,
      conditionZh: t(condition, 'zh'),
      conditionEn: t(condition, 'en'),
      textZh: t(veto.text, 'zh'),
      textEn: t(veto.text, 'en'),
    },
  };
}

const VETOES = Symbol('vetoes');
const REASONS = Symbol('reasons');

/**
 * One interview, whose `reasons` are rendered on first read (then kept): each reason
 * renders four sentences, and a county can have thousands of vetoed units whose reasons
 * only the 约谈名单 sheet and the JSON report read. `JSON.stringify` sees every field
 * (`toJSON`); an object spread does not copy `reasons`.
 * Cost: O(1) to make; `reasons` O(vetoes) on first read.
 */
class InterviewOf implements Interview {
  readonly unit: string;
  readonly person: string | null;
  readonly evidence: string[];
  readonly deadline: string;
  private readonly [VETOES]: Veto[];
  private [REASONS]: Msg[] | null;

  constructor(unit: UnitResult, deadline: string) {
    this.unit = unit.name;
    this.person = unit.person;
    this.evidence = unit.vetoes.map((veto) => veto.evidence);
    this.deadline = deadline;
    this[VETOES] = unit.vetoes;
    this[REASONS] = null;
  }

  /** One reason per veto, in veto order. */
  get reasons(): Msg[] {
    return (this[REASONS] ??= this[VETOES].map(interviewReason));
  }

  /** A plain object with every Interview field. */
  toJSON(): Interview {
    return { unit: this.unit, person: this.person, reasons: this.reasons, evidence: this.evidence, deadline: this.deadline };
  }
}

/**
 * The interview list from units already in rank order. `deadline` = `date` + `deadlineDays`.
 * Cost: O(units + vetoes). Never throws.
 * @example interviewList(units, '2018-12-31', 30)[0].deadline // => '2019-01-30'
 */
export function interviewList(units: UnitResult[], date: string, deadlineDays: number): Interview[] {
  const deadline = addDays(date, deadlineDays);
  const list: Interview[] = [];
  for (let p = 0; p < units.length; p++) {
    if (units[p].vetoes.length > 0) list.push(new InterviewOf(units[p], deadline));
  }
  return list;
}
