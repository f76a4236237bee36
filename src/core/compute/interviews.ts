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

/**
 * The interview list from units already in rank order. `deadline` = `date` + `deadlineDays`.
 * Cost: O(units + vetoes). Never throws.
 * @example interviewList(units, '2018-12-31', 30)[0].deadline // => '2019-01-30'
 */
export function interviewList(units: UnitResult[], date: string, deadlineDays: number): Interview[] {
  const deadline = addDays(date, deadlineDays);
  const list: Interview[] = [];
  for (const unit of units) {
    if (unit.vetoes.length === 0) continue;
    list.push({
      unit: unit.name,
      person: unit.person,
      reasons: unit.vetoes.map(interviewReason),
      evidence: unit.vetoes.map((veto) => veto.evidence),
      deadline,
    });
  }
  return list;
}
