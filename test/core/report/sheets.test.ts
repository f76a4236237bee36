import { buildResultSheets } from '../../../src/core/report';
import { displayWidth, fitWidths, GRADE_FILLS, resultTitle, textCell } from '../../../src/core/report/layout';
import { localIso } from '../../../src/core/report/about';
import { addDays } from '../../../src/core/compute/dates';
import type { OutputSheet } from '../../../src/core/types';
import { makeInput, makeParams, makeResult, makeUnit } from '../../helpers/result';

const META = { now: new Date(2019, 0, 5, 9, 30, 0), version: '9.9.9' };
const byName = (sheets: OutputSheet[], name: string) => {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};
const column = (sheet: OutputSheet, header: string) => sheet.rows[1].findIndex((c) => c.v === header);

describe('layout helpers', () => {
  it.each([
    ['abc', 3],
    ['考核', 4],
    ['龙源村a1', 8],
    ['９５％', 6],
    ['', 0],
  ])('displayWidth(%s) = %i', (text, width) => expect(displayWidth(text)).toBe(width));

  it('fits widths to the widest line, CJK counted double, title row excluded', () => {
    const rows = [[textCell('一个很长很长很长很长很长很长很长的标题')], [textCell('单位'), { v: 98.5, fmt: '0.00' }], [textCell('七里冲村\n短')]];
    expect(fitWidths(rows, 2)).toEqual([10, 7]);
  });

  it('builds the shared title', () => {
    expect(resultTitle({ town: '羊楼司镇', year: 2018 })).toBe('羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果');
    expect(resultTitle({ town: '羊楼司镇', year: 2018 }, '约谈名单')).toBe('羊楼司镇2018年度村(社区)脱贫攻坚工作考核结果——约谈名单');
  });

  it('formats dates', () => {
    expect(addDays('2018-12-31', 30)).toBe('2019-01-30');
    expect(localIso(new Date(2019, 0, 5, 9, 30, 0))).toMatch(/^2019-01-05T09:30:00[+-]\d\d:\d\d$/);
  });
});

describe('buildResultSheets', () => {
  const result = makeResult();
  const sheets = buildResultSheets(result, makeInput(), META);

  it('writes the sheets in order, optional ones only when needed', () => {
    expect(sheets.map((s) => s.name)).toEqual(['考核结果', '计算明细', '约谈名单', '考核说明']);
    const more = buildResultSheets(
      makeResult({
        warnings: [{ code: 'generic.text', params: { text: '超过 100%' }, severity: 'warning', sheet: '考核数据', cell: 'E7' }],
        assistance: [],
      }),
      makeInput(),
      META,
    );
    expect(more.map((s) => s.name)).toEqual(['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明']);
  });

  it.each(['考核结果', '计算明细', '约谈名单'])('%s: title row merged across, header row, frozen, printed A4 landscape', (name) => {
    const sheet = byName(sheets, name);
    expect(String(sheet.rows[0][0].v)).toMatch(/^羊楼司镇2018年度村\(社区\)脱贫攻坚工作考核结果/);
    const lastColumn = String.fromCharCode(64 + sheet.rows[1].length);
    expect(sheet.merges).toContain(`A1:${lastColumn}1`);
    expect(sheet.freezeRows).toBe(2);
    expect(sheet.headerRows).toEqual([2]);
    expect(sheet.print).toEqual({ landscape: true, fitToWidth: true, repeatRows: '1:2' });
    expect(sheet.widths).toHaveLength(sheet.rows[1].length);
  });

  it('考核结果: headers, grade fills, eligibility, note on every vetoed unit', () => {
    const sheet = byName(sheets, '考核结果');
    expect(sheet.rows[1].map((c) => c.v)).toEqual(['排名', '单位', '类型', '减贫成效', '精准识别', '总分', '等次', '评先资格', '需约谈', '说明']);
    const grade = column(sheet, '等次');
    expect(sheet.rows.slice(2).map((r) => [r[grade].v, r[grade].fill])).toEqual([
      ['好', GRADE_FILLS['好']],
      ['较好', GRADE_FILLS['较好']],
      ['一般', GRADE_FILLS['一般']],
    ]);
    const eligible = column(sheet, '评先资格');
    expect(sheet.rows[2][eligible]).toMatchObject({ v: '保留', note: undefined });
    expect(sheet.rows[3][eligible].v).toBe('取消');
    expect(sheet.rows[3][eligible].note).toBe('取消年终评先资格：\n1. 未完成年度减贫计划任务：减贫计划完成率 87.5%（依据：考核数据!E5）');
    expect(sheet.rows[3][column(sheet, '说明')].v).toBe('已取消评先资格，名额顺延\n未完成年度减贫计划任务：减贫计划完成率 87.5%（依据：考核数据!E5）');
    expect(sheet.rows[3][column(sheet, '需约谈')].v).toBe('是');
    expect(sheet.rows[2][column(sheet, '总分')]).toMatchObject({ v: 25, fmt: '0.00' });
  });

  it('keeps a unit name starting with = as text', () => {
    const cell = byName(sheets, '考核结果').rows[3][1];
    expect(cell).toMatchObject({ v: '=HYPERLINK("x")', text: true, fmt: '@' });
    const interviewCell = byName(sheets, '约谈名单').rows[2][1];
    expect(interviewCell).toMatchObject({ v: '=HYPERLINK("x")', text: true, fmt: '@' });
  });

  it('考核结果: a 折算分 column only when conversion is set', () => {
    const units = [makeUnit({ name: '龙源村', rank: 1, total: 90, converted: 18, grade: '好' })];
    const withConversion = buildResultSheets(makeResult({ units, params: makeParams({ conversion: 20 }) }), makeInput(), META);
    const sheet = byName(withConversion, '考核结果');
    const col = column(sheet, '折算分');
    expect(col).toBe(column(sheet, '总分') + 1);
    expect(sheet.rows[2][col]).toMatchObject({ v: 18, fmt: '0.00' });
  });

  it('计算明细: one row per unit × indicator, enough to recompute', () => {
    const sheet = byName(sheets, '计算明细');
    expect(sheet.rows[1].map((c) => c.v)).toEqual(['单位', '维度', '指标', '原始值', '来源单元格', '计分方法', '计算过程', '得分', '分值']);
    expect(sheet.rows).toHaveLength(2 + 3 * 2);
    expect(sheet.rows[3].map((c) => c.v)).toEqual(['龙源村', '精准识别', '识别准确率', '95%', '考核数据!G3', '区间（正向）', '10 × (95% − 90%) ÷ (100% − 90%)', 5, 10]);
    expect(sheet.rows[3][3]).toMatchObject({ text: true, fmt: '@' });
  });

  it('约谈名单: reasons with evidence, interviewer, deadline, empty follow-up', () => {
    const sheet = byName(sheets, '约谈名单');
    expect(sheet.rows[1].map((c) => c.v)).toEqual(['序号', '单位', '主要负责人', '约谈事由', '约谈人', '整改期限', '整改情况']);
    expect(sheet.rows[2].map((c) => c.v)).toEqual([
      1,
      '=HYPERLINK("x")',
      '',
      '未完成年度减贫计划任务：减贫计划完成率 87.5%（依据：考核数据!E5）',
      '镇主要领导',
      '2019-01-30',
      '',
    ]);
  });

  it('约谈名单: a single line when nobody is interviewed', () => {
    const units = [makeUnit({ name: '龙源村', rank: 1, total: 90, grade: '好' })];
    const sheet = byName(buildResultSheets(makeResult({ units }), makeInput(), META), '约谈名单');
    expect(sheet.rows).toHaveLength(3);
    expect(sheet.rows[2][0].v).toBe('无需约谈的单位');
    expect(sheet.merges).toContain('A3:G3');
  });

  it('帮扶单位考核: item columns, red failing cells, conclusion and failing items', () => {
    const result = makeResult({
      assistance: [
        {
          name: '临湘市财政局',
          village: '龙源村',
          passed: false,
          items: [
            { item: '帮扶资金物资', passed: false, fact: { code: 'generic.text', params: { text: '4.5 万元 < 5 万元' } }, cell: 'J3' },
            { item: '纳入议事日程', passed: true, fact: { code: 'generic.text', params: { text: '是' } }, cell: 'D3' },
            { item: '资金整合任务', passed: null, fact: { code: 'generic.text', params: { text: '' } }, cell: 'AB3' },
          ],
        },
      ],
    });
    const sheet = byName(buildResultSheets(result, makeInput(), META), '帮扶单位考核');
    expect(sheet.rows[0][0].v).toBe('羊楼司镇2018年度帮扶单位脱贫攻坚工作考核结果——报市扶贫办');
    expect(sheet.rows[1].map((c) => c.v)).toEqual(['序号', '帮扶单位', '联点村', '纳入议事日程', '帮扶资金物资', '资金整合任务', '综合结论', '未达标事项']);
    const row = sheet.rows[2];
    expect(row.map((c) => c.v)).toEqual([1, '临湘市财政局', '龙源村', '达标：是', '未达标：4.5 万元 < 5 万元', '不适用', '未达标', '帮扶资金物资：4.5 万元 < 5 万元']);
    expect(row[4].fill).toBe('FFFFC7CE');
    expect(row[3].fill).toBeUndefined();
    expect(row[6].fill).toBe('FFFFC7CE');
  });

  it('数据核验: every warning with its location, in Chinese', () => {
    const result = makeResult({
      warnings: [{ code: 'generic.text', params: { text: '比率超过 100%' }, severity: 'warning', sheet: '考核数据', cell: 'E7' }],
    });
    const sheet = byName(buildResultSheets(result, makeInput(), META), '数据核验');
    expect(sheet.rows[2].map((c) => c.v)).toEqual([1, '考核数据', 'E7', '考核数据!E7：比率超过 100%']);
  });

  it('考核说明: parameters with their source, indicators, rules, time, version, fingerprint', () => {
    const sheet = byName(sheets, '考核说明');
    const text = sheet.rows.map((r) => r.map((c) => c.v ?? '').join('|')).join('\n');
    expect(text).toContain('镇名|羊楼司镇|考核参数|');
    expect(text).toContain('整改期限天数|30|默认值|');
    expect(text).toContain('减贫成效|减贫计划完成率|20|比例|100%|||正向|减贫计划完成率|100%|1 未完成年度减贫计划任务|四(一)1|');
    expect(text).toContain('分值仅为示例');
    expect(text).toContain('前 3 名为"好"');
    expect(text).toContain('依次比较 减贫成效、精准识别 的得分');
    expect(text).toContain('否决条件5');
    expect(text).toContain('缺失数据：报错');
    expect(text).toContain('（2019-01-30）');
    expect(text).toContain(`计算时间|${localIso(META.now)}`);
    expect(text).toContain('Kaohe 版本|9.9.9');
    expect(text).toContain(`输入指纹（SHA-256）|${'ab'.repeat(32)}`);
    expect(text).not.toContain('示例数据');
    expect(text).toContain('排名方式|美式|默认值|');
    expect(text).toContain('否决单位可评好|否|默认值|');
    expect(text).toContain('名次：美式排名，并列单位占用后面的名次（1、2、2、4）。');
    expect(text).toContain('就低均为"较好"），不再参加"一般"的评定');
  });

  it('考核说明 says which ranking style and 好 rule were used', () => {
    const result = makeResult({ params: makeParams({ rankStyle: 'dense', vetoedMayBeGood: true, given: ['排名方式', '否决单位可评好'] }) });
    const text = byName(buildResultSheets(result, makeInput(), META), '考核说明').rows.map((r) => r.map((c) => c.v ?? '').join('|')).join('\n');
    expect(text).toContain('排名方式|中国式|考核参数|');
    expect(text).toContain('否决单位可评好|是|考核参数|');
    expect(text).toContain('名次：中国式排名，并列不占用名次（1、2、2、3）。');
    expect(text).toContain('否决单位可评好：被否决的单位仍取消评先资格、列入约谈名单，但可评"好"');
  });
});

describe('rowHeights', () => {
  it('grows a row by the lines its wrapped text needs at the column width, CJK counting double', () => {
    const { rowHeights } = jest.requireActual('../../../src/core/report/layout');
    expect(rowHeights([[{ v: '一二三四五六', wrap: true }]], [5])).toEqual([45]);
    expect(rowHeights([[{ v: '一\n二', wrap: true }], [{ v: '短', wrap: true }], [{ v: '一二三四五六' }]], [10])).toEqual([30, null, null]);
  });
});
