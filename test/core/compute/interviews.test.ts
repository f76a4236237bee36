import { interviewList } from '../../../src/core/compute/interviews';
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
  test('every vetoed unit in the given (rank) order, its vetoes as they are, deadline = date + days', () => {
    const list = interviewList([unit('A', [planVeto, fundsVeto]), unit('B', []), unit('C', [fundsVeto], null)], '2018-12-31', 30);
    expect(list).toEqual([
      { unit: 'A', person: 'A书记', vetoes: [planVeto, fundsVeto], deadline: '2019-01-30' },
      { unit: 'C', person: null, vetoes: [fundsVeto], deadline: '2019-01-30' },
    ]);
  });

  test('the deadline crosses a leap day', () => {
    expect(interviewList([unit('A', [planVeto])], '2020-02-15', 30)[0].deadline).toBe('2020-03-16');
  });

  test('no vetoes, no interviews', () => {
    expect(interviewList([unit('A', [])], '2018-12-31', 30)).toEqual([]);
  });

  test('plain data: a spread and JSON keep every field', () => {
    const [interview] = interviewList([unit('A', [planVeto])], '2018-12-31', 30);
    expect({ ...interview }).toEqual(interview);
    expect(Object.keys(JSON.parse(JSON.stringify(interview)))).toEqual(['unit', 'person', 'vetoes', 'deadline']);
  });
});
