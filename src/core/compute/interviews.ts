/**
 * Step 5 of compute: the interview list (约谈名单, measures 五(二)): every unit with a veto,
 * in rank order, with its vetoes (each with its evidence) and the rectification deadline.
 * The vetoes are rendered into sentences in one place, `vetoLine` (report/words.ts).
 */
import type { Interview, UnitResult } from '../types';
import { addDays } from './dates';

/**
 * The interview list from units already in rank order. `deadline` = `date` + `deadlineDays`.
 * Plain objects; the vetoes are the units' own arrays. Cost: O(units). Never throws.
 * @example interviewList(units, '2018-12-31', 30)[0] // => { unit: '大前村', person: '陈志强', vetoes: [ … ], deadline: '2019-01-30' }
 */
export function interviewList(units: UnitResult[], date: string, deadlineDays: number): Interview[] {
  const deadline = addDays(date, deadlineDays);
  const list: Interview[] = [];
  for (let p = 0; p < units.length; p++) {
    const unit = units[p];
    if (unit.vetoes.length > 0) list.push({ unit: unit.name, person: unit.person, vetoes: unit.vetoes, deadline });
  }
  return list;
}
