import { round2 } from '../../../src/core/numbers';
import { toJson } from '../../../src/core/report/json';
import type { Issue } from '../../../src/core/types';
import { makeParams, makeResult, makeUnit, veto } from '../../helpers/result';

const WARNING: Issue = { code: 'generic.text', params: { text: '超过 100%' }, severity: 'warning', sheet: '考核数据', cell: 'E7' };
const ERROR: Issue = { code: 'generic.text', params: { text: '应为数字' }, severity: 'error', sheet: '考核数据', cell: 'F7' };

describe('round2', () => {
  it.each([
    [2.675, 2.68],
    [1.005, 1.01],
    [-1.005, -1.01],
    [91.249999, 91.25],
    [0, 0],
  ])('%f → %f', (value, expected) => expect(round2(value)).toBe(expected));
});

describe('toJson', () => {
  it('follows WORKBOOK "Command line" field for field, in order', () => {
    const result = makeResult({
      params: makeParams({ conversion: 20 }),
      units: [
        makeUnit({ name: '龙源村', rank: 1, total: 91.25, converted: 18.2500001, grade: '好', dimensions: { 减贫成效: 30, 精准识别: 61.254 } }),
        makeUnit({ name: '大前村', rank: 2, total: 80, grade: '较好', eligible: false, interview: true, person: null, vetoes: [veto()] }),
      ],
      assistance: [
        {
          name: '临湘市财政局',
          village: '龙源村',
          passed: false,
          items: [
            { item: '帮扶资金物资', passed: false, fact: { code: 'generic.text', params: { text: '4.5 万元 < 5 万元' } }, cell: 'J3' },
            { item: '资金整合任务', passed: null, fact: { code: 'generic.text', params: { text: '不适用' } }, cell: 'AB3' },
          ],
        },
      ],
    });
    const json = toJson(result, [WARNING], 'zh');
    expect(Object.keys(json)).toEqual(['year', 'units', 'interviews', 'assistance', 'warnings', 'errors']);
    expect(json.year).toBe(2018);
    expect(Object.keys(json.units[0])).toEqual(['name', 'type', 'rank', 'total', 'converted', 'grade', 'eligible', 'interview', 'vetoes', 'dimensions']);
    expect(json.units[0]).toEqual({
      name: '龙源村',
      type: '村',
      rank: 1,
      total: 91.25,
      converted: 18.25,
      grade: '好',
      eligible: true,
      interview: false,
      vetoes: [],
      dimensions: { 减贫成效: 30, 精准识别: 61.25 },
    });
    expect(json.units[1].vetoes).toEqual([{ category: 1, text: '减贫计划完成率 87.5%', evidence: '考核数据!E5' }]);
    expect(json.interviews).toEqual([
      { unit: '大前村', person: null, reasons: ['未完成年度减贫计划任务：减贫计划完成率 87.5%（依据：考核数据!E5）'], deadline: '2019-01-30' },
    ]);
    expect(json.assistance).toEqual([
      {
        name: '临湘市财政局',
        village: '龙源村',
        passed: false,
        items: [
          { item: '帮扶资金物资', passed: false, fact: '4.5 万元 < 5 万元' },
          { item: '资金整合任务', passed: null, fact: '不适用' },
        ],
      },
    ]);
    expect(json.warnings).toEqual([{ sheet: '考核数据', cell: 'E7', message: '考核数据!E7：超过 100%' }]);
    expect(json.errors).toEqual([]);
  });

  it('renders reasons and messages in English', () => {
    const json = toJson(makeResult(), [WARNING], 'en');
    expect(json.interviews[0].reasons).toEqual(['annual poverty-reduction plan not completed: 减贫计划完成率 87.5% (evidence: 考核数据!E5)']);
    expect(json.warnings[0].message).toBe('考核数据!E7: 超过 100%');
  });

  it('with errors: empty units, interviews and assistance, year null without a result', () => {
    const json = toJson(null, [ERROR, WARNING], 'zh');
    expect(json).toEqual({
      year: null,
      units: [],
      interviews: [],
      assistance: [],
      warnings: [{ sheet: '考核数据', cell: 'E7', message: '考核数据!E7：超过 100%' }],
      errors: [{ sheet: '考核数据', cell: 'F7', message: '考核数据!F7：应为数字' }],
      previous: null,
    });
  });
});
