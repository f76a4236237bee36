import { summarize } from '../../src/taskpane/summary';
import { errorsFirst } from '../../src/taskpane/usePane';
import { ERROR_C9, ERROR_F7, WARNING_E7, demoOutcome, failedOutcome } from './fixtures';

describe('summarize', () => {
  it('names the units per grade in rank order, the interviews, and the failed assistance units', () => {
    const summary = summarize(demoOutcome())!;
    expect(summary.byGrade).toEqual({ 好: ['龙源村', '梅池村', '黄金村'], 一般: ['梧桐社区', '七里冲村'], 较差: ['五爱村'] });
    expect(summary.interviews.map((iv) => `${iv.unit}/${iv.person}/${iv.deadline}`)).toEqual([
      '文白社区/周建华/2019-01-30',
      '大前村/吴海涛/2019-01-30',
      '中洲社区/王志强/2019-01-30',
      '三港村/胡卫东/2019-01-30',
      '五爱村/郑光明/2019-01-30',
    ]);
    expect(summary.failedAssistance).toEqual([
      { name: '临湘市交通运输局', village: '梅池村', items: ['帮扶资金物资'] },
      { name: '临湘市人民医院', village: '大前村', items: ['驻村时间'] },
      { name: '临湘市教育局', village: '小港村', items: ['半年总结'] },
      { name: '临湘市农业农村局', village: '五爱村', items: ['正职现场办公'] },
    ]);
    expect(summary.warnings).toBe(1);
  });

  it('lists the visible sheets of the plan under their final names, and the renames', () => {
    const outcome = demoOutcome();
    const plan = outcome.plan!;
    const renamedPlan = {
      ...plan,
      add: plan.add.map((s) => (s.name === '考核结果' ? { ...s, name: '考核结果(2)' } : s)),
      renamed: [{ wanted: '考核结果', actual: '考核结果(2)' }],
    };
    const summary = summarize({ ...outcome, plan: renamedPlan })!;
    expect(summary.sheets).toEqual(['考核结果(2)', '稳健性分析', '图表', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明']);
    expect(summary.renamed).toEqual([{ wanted: '考核结果', actual: '考核结果(2)' }]);
  });

  it('is null for an outcome with input errors', () => {
    expect(summarize(failedOutcome([ERROR_F7]))).toBeNull();
  });
});

describe('errorsFirst', () => {
  it('puts errors before warnings and keeps the order within each', () => {
    expect(errorsFirst([WARNING_E7, ERROR_F7, ERROR_C9])).toEqual([ERROR_F7, ERROR_C9, WARNING_E7]);
  });
});
