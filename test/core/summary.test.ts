import { summarizeReport } from '../../src/core/summary';
import type { JsonReport } from '../../src/core/types';

const unit = (name: string, rank: number, grade: JsonReport['units'][number]['grade']): JsonReport['units'][number] => ({
  name, type: '村', rank, total: 100 - rank, converted: null, grade, eligible: true, interview: false, vetoes: [], dimensions: {},
});

const REPORT: JsonReport = {
  year: 2018,
  units: [unit('龙源村', 1, '好'), unit('大前村', 2, '较好'), unit('梅池村', 3, '好'), unit('梧桐社区', 4, '一般'), unit('五爱村', 5, '较差')],
  interviews: [{ unit: '大前村', person: null, reasons: ['未完成年度减贫计划任务：减贫计划完成率 87.5%，低于否决阈值 100%（依据：考核数据!E7）'], deadline: '2019-01-30' }],
  assistance: [
    { name: '财政局', village: '龙源村', passed: true, items: [{ item: '正职现场办公', passed: true, fact: '3 次 ≥ 2 次' }] },
    {
      name: '交通局',
      village: '梅池村',
      passed: false,
      items: [
        { item: '帮扶资金物资', passed: false, fact: '4.5 万元 < 5 万元' },
        { item: '资金整合任务', passed: null, fact: '不适用' },
        { item: '工作规划', passed: true, fact: '是' },
      ],
    },
  ],
  warnings: [{ sheet: '考核数据', cell: 'B9', message: '考核数据!B9：…' }],
  errors: [],
};

describe('summarizeReport: the one summary of pane, CLI and ribbon', () => {
  test('names per grade in rank order, interviews, failed items only (不适用 is not a failure)', () => {
    expect(summarizeReport(REPORT, true)).toEqual({
      units: 5,
      byGrade: { 好: ['龙源村', '梅池村'], 较好: ['大前村'], 一般: ['梧桐社区'], 较差: ['五爱村'] },
      interviews: [{ unit: '大前村', person: null, deadline: '2019-01-30', reasons: ['未完成年度减贫计划任务：减贫计划完成率 87.5%，低于否决阈值 100%（依据：考核数据!E7）'] }],
      failedAssistance: [{ name: '交通局', village: '梅池村', items: [{ item: '帮扶资金物资', fact: '4.5 万元 < 5 万元' }] }],
      warnings: 1,
      errors: 0,
    });
  });

  test('without a 帮扶单位 sheet the assistance part is null, not an empty list', () => {
    expect(summarizeReport({ ...REPORT, assistance: [] }, false).failedAssistance).toBeNull();
    expect(summarizeReport({ ...REPORT, assistance: [] }, true).failedAssistance).toEqual([]);
  });
});
