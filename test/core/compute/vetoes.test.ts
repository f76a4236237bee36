import { t } from '../../../src/core/messages';
import { firstCell, indicatorVeto, problemVeto, prominentProblems, triggersVeto, unitVetoes } from '../../../src/core/compute/vetoes';
import { makeIndicator, makeInput, makeProblem } from '../../helpers/input';

describe('computed vetoes', () => {
  test.each([
    [0.97, 0.98, 'up', true],
    [0.98, 0.98, 'up', false], // equal does not trigger
    [0.99, 0.98, 'up', false],
    [3, 2, 'down', true],
    [2, 2, 'down', false],
    [1, 2, 'down', false],
    [null, 0.98, 'up', false], // a blank is no evidence
  ] as const)('value %p, threshold %p, %s → %p', (value, threshold, direction, expected) => {
    expect(triggersVeto(value, threshold, direction)).toBe(expected);
  });

  const plan = makeIndicator({
    name: '减贫计划完成率',
    method: 'ratio',
    points: 20,
    target: 1,
    kind: 'proportion',
    vetoThreshold: 1,
    vetoCategory: 1,
    columns: ['实际减贫人数', '计划减贫人数'],
  });

  test('text and evidence (first cell of an A/B pair)', () => {
    const veto = indicatorVeto(plan, 0.95, '考核数据!D7/E7');
    expect(veto).toEqual({
      category: 1,
      from: 'indicator',
      evidence: '考核数据!D7',
      text: { code: 'compute.veto.below', params: { indicator: '减贫计划完成率', value: '95%', threshold: '100%' } },
    });
    expect(t(veto!.text, 'zh')).toBe('减贫计划完成率 95%，低于否决阈值 100%');
    expect(t(veto!.text, 'en')).toBe('减贫计划完成率 is 95%, below the veto threshold 100%');
    expect(indicatorVeto(plan, 1, '考核数据!D7/E7')).toBeNull();
  });

  test('a lower-is-better indicator vetoes above its threshold', () => {
    const errors = makeIndicator({ name: '错退户数', method: 'pass', target: 0, direction: 'down', vetoThreshold: 2, vetoCategory: 4 });
    const veto = indicatorVeto(errors, 3, '考核数据!H9');
    expect(t(veto!.text, 'zh')).toBe('错退户数 3，高于否决阈值 2');
    expect(t(veto!.text, 'en')).toBe('错退户数 is 3, above the veto threshold 2');
  });

  test('firstCell', () => {
    expect(firstCell('考核数据!D7/E7')).toBe('考核数据!D7');
    expect(firstCell('考核数据!F7')).toBe('考核数据!F7');
  });
});

describe('problem-list vetoes', () => {
  test.each([
    [{ source: '', date: '' }, '挪用资金', 'compute.veto.problem'],
    [{ source: '审计', date: '' }, '挪用资金（审计）', 'compute.veto.problemDetail'],
    [{ source: '', date: '2018-06-01' }, '挪用资金（2018-06-01）', 'compute.veto.problemDetail'],
    [{ source: '审计', date: '2018-06-01' }, '挪用资金（审计，2018-06-01）', 'compute.veto.problemSourceDate'],
  ])('%o → %s', (extra, zh, code) => {
    const veto = problemVeto(makeProblem({ unit: 'A', category: 2, description: '挪用资金', ...extra }, 5));
    expect(veto.text.code).toBe(code);
    expect(t(veto.text, 'zh')).toBe(zh);
    expect(veto).toMatchObject({ category: 2, evidence: '问题清单!A5', from: 'problem' });
  });

  test('English keeps the description and joins source and date', () => {
    const veto = problemVeto(makeProblem({ unit: 'A', category: 5, description: 'x', source: 'audit', date: '2018-06-01' }, 5));
    expect(t(veto.text, 'en')).toBe('x (audit, 2018-06-01)');
  });
});

describe('unitVetoes', () => {
  const input = makeInput({
    indicators: [
      { name: '识别准确率', kind: 'proportion', vetoThreshold: 0.98, vetoCategory: 4 },
      { name: '完成率', kind: 'proportion', vetoThreshold: 1, vetoCategory: 1 },
    ],
    units: [
      { name: 'A', values: [0.97, 0.9] },
      { name: 'B', values: [0.98, 1] },
      { name: 'C', values: [null, 1] },
    ],
    problems: [
      { unit: 'A', category: 3, description: '虚报', row: 7 },
      { unit: 'A', category: 2, description: '挪用', row: 4 },
      { unit: 'C', category: 5, description: '违纪', prominent: true, row: 5 },
      { unit: 'C', category: 5, description: '违纪2', prominent: true, row: 6 },
    ],
  });

  test('computed in indicator order, then problems in row order', () => {
    const vetoes = unitVetoes(input.indicators, input.units, input.values, input.problems);
    expect(vetoes[0].map((v) => [v.category, v.from, v.evidence])).toEqual([
      [4, 'indicator', '考核数据!C3'],
      [1, 'indicator', '考核数据!D3'],
      [2, 'problem', '问题清单!A4'],
      [3, 'problem', '问题清单!A7'],
    ]);
    expect(vetoes[1]).toEqual([]);
    expect(vetoes[2].map((v) => v.evidence)).toEqual(['问题清单!A5', '问题清单!A6']);
  });

  test('prominent problems: the first such row per unit', () => {
    expect(prominentProblems(input.units, input.problems)).toEqual([null, null, '问题清单!A5']);
  });
});
