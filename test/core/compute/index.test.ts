import { compute } from '../../../src/core/compute';
import { messageCodes, t } from '../../../src/core/messages';
import { directInput, makeInput } from '../../helpers/input';

describe('compute', () => {
  const input = makeInput({
    indicators: [
      { name: '减贫计划完成率', dimension: '减贫成效', method: 'ratio', points: 20, target: 1, kind: 'proportion', vetoThreshold: 1, vetoCategory: 1 },
      { name: '识别准确率', dimension: '精准识别', method: 'range', points: 6, target: 1, floor: 0.9, kind: 'proportion', vetoThreshold: 0.98, vetoCategory: 4 },
      { name: '资金问题数', dimension: '扶贫资金', method: 'deduction', points: 4, perItem: 2 },
      { name: '报送信息篇数', dimension: '日常管理', method: 'bonus', points: 2, perItem: 0.5 },
    ],
    units: [
      { name: '梅池村', values: [0.95, 0.99, 1, 3] },
      { name: '龙源村', values: [1, 1, 0, 5] },
      { name: '文白社区', type: '社区', values: [1, 0.97, 3, 0] },
    ],
    problems: [{ unit: '文白社区', category: 2, description: '挪用资金', source: '审计', date: '2018-06-01' }],
    params: { conversion: 30 },
  });
  const result = compute(input);

  test('units in rank order with rounded dimension scores in table order', () => {
    expect(result.dimensions).toEqual(['减贫成效', '精准识别', '扶贫资金', '日常管理']);
    expect(result.units.map((u) => [u.name, u.rank, u.total, u.dimensions])).toEqual([
      ['龙源村', 1, 32, { 减贫成效: 20, 精准识别: 6, 扶贫资金: 4, 日常管理: 2 }],
      ['梅池村', 2, 27.9, { 减贫成效: 19, 精准识别: 5.4, 扶贫资金: 2, 日常管理: 1.5 }],
      ['文白社区', 3, 24.2, { 减贫成效: 20, 精准识别: 4.2, 扶贫资金: 0, 日常管理: 0 }],
    ]);
  });

  test('vetoes, eligibility, interviews and deadline', () => {
    const [longyuan, meichi, wenbai] = result.units;
    expect([longyuan.eligible, meichi.eligible, wenbai.eligible]).toEqual([true, false, false]);
    expect(meichi.vetoes.map((v) => t(v.text, 'zh'))).toEqual(['减贫计划完成率 95%，低于否决阈值 100%']);
    expect(wenbai.vetoes.map((v) => [v.from, v.evidence, t(v.text, 'zh')])).toEqual([
      ['indicator', '考核数据!D5', '识别准确率 97%，低于否决阈值 98%'],
      ['problem', '问题清单!A2', '挪用资金（审计，2018-06-01）'],
    ]);
    expect(result.interviews.map((i) => [i.unit, i.person, i.deadline, i.vetoes.length])).toEqual([
      ['梅池村', '梅池村负责人', '2019-01-30', 1],
      ['文白社区', '文白社区负责人', '2019-01-30', 2],
    ]);
    expect(result.units.map((u) => u.grade)).toEqual(['好', '一般', '一般']);
  });

  test('conversion = round2(totalExact × Y ÷ sum of points)', () => {
    // points sum 32; 27.9 × 30 / 32 = 26.15625
    // 24.2 × 30 / 32 = 22.6875 → 22.69
    expect(result.units.map((u) => u.converted)).toEqual([30, 26.16, 22.69]);
    expect(compute({ ...input, params: { ...input.params, conversion: null } }).units[0].converted).toBeNull();
  });

  test('scores keep their inputs and formula', () => {
    expect(result.scoresOf(1)[0]).toMatchObject({ indicatorId: 0, value: 0.95, cell: '考核数据!C3', rounded: 19 });
    expect(result.units[1].totalExact).toBeCloseTo(27.9, 12);
  });

  test('passes params and indicators through; assistance null without the sheet', () => {
    expect(result.params).toBe(input.params);
    expect(result.indicators).toBe(input.indicators);
    expect(result.assistance).toBeNull();
  });

  test('no units: an empty but complete result', () => {
    const empty = compute(directInput(['x'], []));
    expect(empty.units).toEqual([]);
    expect(empty.interviews).toEqual([]);
    expect(empty.warnings).toEqual([]);
  });

  test('every compute and assistance message has both languages', () => {
    const mine = messageCodes.filter((code) => code.startsWith('compute.') || code.startsWith('assistance.'));
    expect(mine.length).toBeGreaterThan(30);
    for (const code of mine) {
      expect(t({ code }, 'zh')).not.toBe('');
      expect(t({ code }, 'en')).not.toBe('');
    }
  });
});
