import { interviewList, interviewReason } from '../../../src/core/compute/interviews';
import { t } from '../../../src/core/messages';
import type { UnitResult, Veto } from '../../../src/core/types';

const planVeto: Veto = {
  category: 1,
  from: 'indicator',
  evidence: '考核数据!E5',
  text: { code: 'compute.veto.below', params: { indicator: '减贫计划完成率', value: '95%', threshold: '100%' } },
};
const fundsVeto: Veto = {
  category: 2,
  from: 'problem',
  evidence: '问题清单!A3',
  text: { code: 'compute.veto.problemDetail', params: { description: '挪用扶贫资金 2 万元', detail: '审计' } },
};

const unit = (name: string, vetoes: Veto[], person: string | null = `${name}书记`) =>
  ({ name, person, vetoes }) as unknown as UnitResult;

describe('interviews', () => {
  test('reason = condition of the measures + the veto text, in both languages', () => {
    expect(t(interviewReason(planVeto), 'zh')).toBe('未完成年度减贫计划任务：减贫计划完成率 95%，低于否决阈值 100%');
    expect(t(interviewReason(planVeto), 'en')).toBe(
      'Veto condition 1 (annual poverty-reduction plan not completed): 减贫计划完成率 is 95%, below the veto threshold 100%',
    );
    expect(t(interviewReason(fundsVeto), 'zh')).toBe('违反扶贫资金管理使用规定：挪用扶贫资金 2 万元（审计）');
  });

  test('every vetoed unit in the given (rank) order, evidence kept apart, deadline = date + days', () => {
    const list = interviewList([unit('A', [planVeto, fundsVeto]), unit('B', []), unit('C', [fundsVeto], null)], '2018-12-31', 30);
    expect(list.map((i) => [i.unit, i.person, i.evidence, i.deadline])).toEqual([
      ['A', 'A书记', ['考核数据!E5', '问题清单!A3'], '2019-01-30'],
      ['C', null, ['问题清单!A3'], '2019-01-30'],
    ]);
    expect(list[0].reasons).toHaveLength(2);
  });

  test('no vetoes, no interviews', () => {
    expect(interviewList([unit('A', [])], '2018-12-31', 30)).toEqual([]);
  });

  test('JSON carries the rendered reasons (they are built when first read)', () => {
    const [interview] = interviewList([unit('A', [planVeto])], '2018-12-31', 30);
    const parsed = JSON.parse(JSON.stringify(interview));
    expect(Object.keys(parsed)).toEqual(['unit', 'person', 'reasons', 'evidence', 'deadline']);
    expect(parsed.reasons).toEqual([interviewReason(planVeto)]);
    expect(interview.reasons).toBe(interview.reasons);
  });
});
