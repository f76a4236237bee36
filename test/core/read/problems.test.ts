import { issueText } from '../../../src/core/messages';
import { IssueList } from '../../../src/core/read/issues';
import { createUnitMatcher } from '../../../src/core/read/normalize';
import { readProblems } from '../../../src/core/read/problems';
import type { CellValue } from '../../../src/core/types';
import { grid } from '../../helpers/grid';

const UNITS = ['龙源村', '文白社区', '梅池村', '梅池社区'];
const HEADER: CellValue[] = ['序号', '单位', '问题类别', '情况说明', '发现来源', '发现日期', '突出问题'];

function read(rows: CellValue[][]) {
  const issues = new IssueList();
  const problems = readProblems(grid('问题清单', [['2018年问题清单'], HEADER, ...rows]), '问题清单', createUnitMatcher(UNITS), issues);
  return { problems, issues: issues.items, texts: issues.items.map((i) => `${i.severity} ${issueText(i, 'zh')}`) };
}

describe('readProblems', () => {
  it('reads rows: unit with or without suffix, category by number or words, dates, 突出问题', () => {
    const { problems, issues } = read([
      [1, '文白', '弄虚作假', '虚报脱贫户', '县审计', new Date(Date.UTC(2018, 9, 1)), '是'],
      [2, '龙源村', 2, '挪用资金', '巡察', '2018年11月5日', null],
      [3, '龙源村', '违纪违规', '=HYPERLINK("x")', null, '年底', '否'],
    ]);
    expect(issues).toEqual([]);
    expect(problems).toEqual([
      { unit: '文白社区', category: 3, description: '虚报脱贫户', source: '县审计', date: '2018-10-01', prominent: true, row: 3, ref: '问题清单!C3' },
      { unit: '龙源村', category: 2, description: '挪用资金', source: '巡察', date: '2018-11-05', prominent: false, row: 4, ref: '问题清单!C4' },
      { unit: '龙源村', category: 5, description: '=HYPERLINK("x")', source: '', date: '年底', prominent: false, row: 5, ref: '问题清单!C5' },
    ]);
  });

  it('unknown and ambiguous units, unknown and blank categories are errors at their cells', () => {
    const { texts, problems } = read([
      [1, '黄金村', 1, null, null, null, null],
      [2, '梅池', 1, null, null, null, null],
      [3, '龙源', '其他问题', null, null, null, null],
      [4, '龙源', null, '说明', null, null, null],
      [5, '龙源', 1, null, null, null, '可能'],
    ]);
    expect(texts.slice(0, 4)).toEqual([
      'error 问题清单!B3：单位"黄金村"不是考核数据中的单位',
      'error 问题清单!B4：单位"梅池"可能是 梅池村、梅池社区，请写全称',
      'error 问题清单!C5：问题类别应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"其他问题"',
      'error 问题清单!C6："问题类别"不能为空',
    ]);
    expect(texts[4]).toMatch(/^error 问题清单!G7：/);
    expect(problems).toHaveLength(1);
  });

  it('renders unit errors in English', () => {
    const { issues } = read([[1, '梅池', 1, null, null, null, null]]);
    expect(issueText(issues[0], 'en')).toBe('问题清单!B3: 单位 "梅池" could be 梅池村、梅池社区: write the full name');
  });

  it('a sheet without a 问题类别 column is an error', () => {
    const issues = new IssueList();
    readProblems(grid('问题清单', [['单位', '说明'], ['龙源村', 'x']]), '问题清单', createUnitMatcher(UNITS), issues);
    expect(issues.items.map((i) => issueText(i, 'zh'))).toEqual(['问题清单：缺少"问题类别"列']);
  });
});
