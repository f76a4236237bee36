/**
 * Issue 10: ledgers as town offices keep them, one rule per block, on hand-built grids.
 * Expected values are worked by hand from the grids below.
 */
import { DEFAULT_ROLES, INDICATOR_HEADERS } from '../../../src/core/defaults';
import { sheetsToRead } from '../../../src/core';
import { issueText } from '../../../src/core/messages';
import { readInput } from '../../../src/core/read';
import { unitsWithValues } from '../../helpers/input';
import type { CellValue, Issue, SheetGrid, WorkbookSnapshot } from '../../../src/core/types';
import { grid, snapshot } from '../../helpers/grid';

const NOW = new Date('2019-01-05T00:00:00Z');
type Row = Partial<Record<(typeof INDICATOR_HEADERS)[number], CellValue>>;

/** Three indicators: 完成率 (比例, 30), 满意度 (区间 80–100%, 20), 重点工作评分 (直接, 10). */
const THREE: Row[] = [
  { 维度: '减贫成效', 指标: '完成率', 分值: 30, 计分方法: '比例', 目标值: '100%' },
  { 维度: '精准帮扶', 指标: '满意度', 分值: 20, 计分方法: '区间', 目标值: '100%', 下限: '80%' },
  { 维度: '重点工作', 指标: '重点工作评分', 分值: 10, 计分方法: '直接' },
];
function indicatorSheet(rows: Row[] = THREE): SheetGrid {
  return grid('指标设置', [INDICATOR_HEADERS.slice(), ...rows.map((r) => INDICATOR_HEADERS.map((h) => r[h] ?? null))]);
}
function params(pairs: [string, CellValue][]): SheetGrid {
  return grid('考核参数', [['参数', '值'], ...pairs]);
}
function read(book: WorkbookSnapshot) {
  const { input, issues } = readInput(book, DEFAULT_ROLES, { now: NOW });
  const texts = (severity: Issue['severity']) => issues.filter((i) => i.severity === severity).map((i) => issueText(i, 'zh'));
  return { input, issues, errors: texts('error'), warnings: texts('warning') };
}
const HEAD = ['序号', '单位', '类型', '完成率', '满意度', '重点工作评分'];

describe('merged cells', () => {
  it('a 类型 merged over rows belongs to each row; 合计 merged across 序号+单位 is a total row', () => {
    const data = grid('考核数据', [
      HEAD,
      [1, '龙源', '村', 1, 0.9, 8],
      [2, '梅池', null, 0.9, 0.95, 9],
      [3, '文白', '社区', 1, 1, 10],
      [4, '金鸡', null, 0.8, 0.85, 7],
      ['合计', null, null, 3.7, 3.7, 34],
    ], { merges: ['C2:C3', 'C4:C5', 'A6:B6'] });
    const { input, errors, warnings } = read(snapshot(data, indicatorSheet(), params([['分类排名', '是']])));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    // The names say neither 村 nor 社区: only the merges can tell.
    expect(unitsWithValues(input!).map((u) => [u.name, u.type])).toEqual([['龙源', '村'], ['梅池', '村'], ['文白', '社区'], ['金鸡', '社区']]);
  });

  it('without merge information a blank 类型 comes from the name, and an unknowable one is an error with 分类排名', () => {
    const data = grid('考核数据', [
      HEAD,
      [1, '龙源村', '村', 1, 0.9, 8],
      [2, '幸福村委会', null, 1, 0.9, 8],
      [3, '文白社区', '社区', 1, 1, 10],
      [4, '金鸡居委会', null, 1, 1, 10],
      [5, '中洲', null, 1, 1, 10],
      ['合计', null, null, 5, 4.8, 46],
    ], { merges: 'unknown' });
    const byType = read(snapshot(data, indicatorSheet(), params([['分类排名', '是']])));
    expect(byType.errors).toEqual(['考核数据!C6：无法确定"中洲"是村还是社区（类型为空，名称也不以村/社区/居委会结尾），分类排名需要类型：请在"类型"列填写']);
    const together = read(snapshot(data, indicatorSheet()));
    expect(together.errors).toEqual([]);
    expect(unitsWithValues(together.input!).map((u) => u.type)).toEqual(['村', '村', '社区', '社区', '村']);
  });
});

describe('group-title rows and sign-off rows', () => {
  const rows: CellValue[][] = [
    ['单位', '完成率', '满意度', '重点工作评分'],
    ['一、村', null, null, null],
    ['龙源', 1, 0.9, 8],
    ['梅池', 0.9, 0.95, 9],
    ['（二）社区', null, null, null],
    ['文白', 1, 1, 10],
    ['社区（2个）', null, null, null],
    ['金鸡', 0.8, 0.85, 7],
    ['单位负责人：', null, '填报日期：2019-01-05', null],
    ['联系电话：0730-1234567', null, null, null],
    ['（此表一式两份，报镇扶贫办一份）', null, null, null],
    ['制表人：张三', null, '审核人：李四', null],
    ['（盖章）', null, null, null],
    ['注：满意度按问卷计', 5, null, null],
  ];
  const { input, errors, warnings } = read(snapshot(grid('考核数据', rows), indicatorSheet(), params([['分类排名', '是']])));

  it('group titles set the type of the rows below and are not units', () => {
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!).map((u) => [u.name, u.type, u.row])).toEqual([['龙源', '村', 3], ['梅池', '村', 4], ['文白', '社区', 6], ['金鸡', '社区', 8]]);
  });

  it('sign-off and note rows are skipped; the one holding data is a warning naming the row', () => {
    expect(warnings).toEqual(['考核数据!A14：第 14 行（"注：满意度按问卷计"）按签署/备注行跳过，但该行填有数据：如是单位，请在单位列写上单位名称']);
  });
});

describe('two- and three-row headers', () => {
  const top = ['序号', '村(社区)名称', '减贫成效（30分）', '精准帮扶（20分）', '重点工作（15分）'];
  const low = [null, null, '完成率', '满意度', '重点工作评分'];
  const body: CellValue[][] = [[1, '龙源村', 1, 0.9, 8], [2, '文白社区', 0.5, 1, 10]];

  it('with merges: group titles above the header; points in a title compared with the indicators', () => {
    const data = grid('考核数据', [['羊楼司镇2018年度考核数据'], top, low, ...body], { merges: ['A1:E1', 'A2:A3', 'B2:B3'] });
    const { input, errors, warnings } = read(snapshot(data, indicatorSheet()));
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['考核数据!E2：表头分组"重点工作（15分）"写明 15 分，但指标设置中"重点工作"各指标分值合计 10 分：请核对']);
    expect(unitsWithValues(input!).map((u) => u.values.map((v) => v.value))).toEqual([[1, 0.9, 8], [0.5, 1, 10]]);
    expect(unitsWithValues(input!)[1].values[0]).toEqual({ value: 0.5, display: '0.5', cell: '考核数据!C5', missing: false });
  });

  it('without merge information (older Excel): the lower row is found by its texts', () => {
    const data = grid('考核数据', [top, low, ...body], { merges: 'unknown' });
    const { input, errors } = read(snapshot(data, indicatorSheet()));
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!).map((u) => u.values[2].cell)).toEqual(['考核数据!E3', '考核数据!E4']);
  });

  it('the same column name under two groups is found by 组标题/列标题, or by the indicator\'s 维度', () => {
    const data = grid('考核数据', [
      ['单位', '减贫成效', '减贫成效', '精准帮扶', '重点工作'],
      [null, '完成率', '得分', '完成率', '得分'],
      ['龙源村', 0.8, 9, 0.9, 7],
    ], { merges: ['A1:A2', 'B1:C1'] });
    const rows: Row[] = [
      { 维度: '减贫成效', 指标: '减贫完成率', 分值: 30, 计分方法: '比例', 目标值: '100%', 数据列: '减贫成效/完成率' },
      { 维度: '精准帮扶', 指标: '完成率', 分值: 20, 计分方法: '比例', 目标值: '100%' },
      { 维度: '重点工作', 指标: '重点得分', 分值: 10, 计分方法: '直接', 数据列: '重点工作/得分' },
    ];
    const { input, errors } = read(snapshot(data, indicatorSheet(rows)));
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!)[0].values.map((v) => [v.value, v.cell])).toEqual([[0.8, '考核数据!B3'], [0.9, '考核数据!D3'], [7, '考核数据!E3']]);
    const ambiguous = read(snapshot(data, indicatorSheet([{ 维度: '其他', 指标: '得分', 分值: 10, 计分方法: '直接' }])));
    expect(ambiguous.errors).toEqual(['指标设置!B2：数据列"得分"在多个分组下都有（减贫成效、重点工作），无法确定用哪一列：请在数据列中写成"分组标题/列标题"，如"减贫成效/得分"']);
  });
});

describe('names', () => {
  it.each(['村(社区)名称', '村（社区）', '村居', '村名称', '社区名称', '单位名称', '被考核单位', '考核对象'])('unit column headed %s', (header) => {
    const data = grid('考核数据', [[header, '完成率', '满意度', '重点工作评分'], ['龙源村', 1, 0.9, 8]]);
    expect(read(snapshot(data, indicatorSheet())).input!.units.map((u) => u.name)).toEqual(['龙源村']);
  });

  it('sheet names are matched after normalisation: `考核数据 ` and full-width are found', () => {
    const data = grid('考核数据 ', [['单位', '完成率', '满意度', '重点工作评分'], ['龙源村', 1, 0.9, 8]]);
    const { input, errors } = read(snapshot(data, { ...indicatorSheet(), name: '指标　设置' }));
    expect(errors).toEqual([]);
    expect(input!.indicatorSource).toBe('sheet');
    expect(unitsWithValues(input!)[0].nameCell).toBe('考核数据 !A2');
    expect(sheetsToRead(['考核数据 ', '指标　设置', '考核结果', 'Kaohe登记', 'Sheet1'])).toEqual(['考核数据 ', '指标　设置', 'Kaohe登记', 'Sheet1']);
  });

  it('unit names are the same with or without 村委会/居委会 (here on a second data sheet)', () => {
    const data = grid('考核数据', [['单位', '完成率', '满意度'], ['幸福村', 1, 0.9], ['文白社区', 1, 1]]);
    const work = grid('重点工作', [['被考核单位', '重点工作评分'], ['文白社区居委会', 9], ['幸福村委会', 7]]);
    const { input, errors } = read(snapshot(data, work, indicatorSheet()));
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!).map((u) => [u.name, u.values[2].value, u.values[2].cell])).toEqual([['幸福村', 7, '重点工作!B3'], ['文白社区', 9, '重点工作!B2']]);
  });
});

describe('hidden rows', () => {
  const rows: CellValue[][] = [['单位', '完成率', '满意度', '重点工作评分'], ['龙源村', 1, 0.9, 8], ['五里村', 1, 1, 10], ['文白社区', 1, 1, 9]];
  it('are counted by default, each a warning naming it', () => {
    const { input, warnings } = read(snapshot(grid('考核数据', rows, { hiddenRows: [3] }), indicatorSheet()));
    expect(unitsWithValues(input!).map((u) => u.name)).toEqual(['龙源村', '五里村', '文白社区']);
    expect(warnings).toEqual(['考核数据!A3：第 3 行（五里村）是隐藏行，已计入考核；如不应计入，请删除该行或在考核参数中设 隐藏行=不计入']);
  });
  it('隐藏行=不计入 leaves them out, listed as warnings', () => {
    const { input, warnings } = read(snapshot(grid('考核数据', rows, { hiddenRows: [3] }), indicatorSheet(), params([['隐藏行', '不计入']])));
    expect(unitsWithValues(input!).map((u) => u.name)).toEqual(['龙源村', '文白社区']);
    expect(warnings).toEqual(['考核数据!A3：第 3 行（五里村）是隐藏行，按 隐藏行=不计入 未计入考核']);
  });
  it('a host that cannot tell gives one warning that hidden rows could not be seen', () => {
    const { warnings } = read(snapshot(grid('考核数据', rows, { hiddenRows: 'unknown' }), indicatorSheet()));
    expect(warnings).toEqual(['考核数据：无法得知本表哪些行被隐藏（此 Excel 版本不提供），隐藏行均已计入；如有已撤并单位的隐藏行，请删除这些行']);
  });
});

describe('data on several sheets', () => {
  const data = grid('考核数据', [['单位', '完成率'], ['龙源村', 1], ['梅池村', 0.9], ['文白社区', 1]]);
  it('a column not on 考核数据 is looked up on other sheets with a unit column, units joined by name in any order', () => {
    const help = grid('精准帮扶', [['单位', '满意度'], ['文白社区', 1], ['龙源村', 0.9], ['梅池村', 0.85]]);
    const work = grid('重点工作', [['标题'], ['单位', '重点工作评分'], ['梅池', 9], ['龙源', 8], ['文白', 10]]);
    const { input, errors } = read(snapshot(data, help, work, indicatorSheet(), grid('考核结果', [['单位', '满意度'], ['龙源村', 0]])));
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!).map((u) => u.values.map((v) => `${v.value}@${v.cell}`))).toEqual([
      ['1@考核数据!B2', '0.9@精准帮扶!B3', '8@重点工作!B4'],
      ['0.9@考核数据!B3', '0.85@精准帮扶!B4', '9@重点工作!B3'],
      ['1@考核数据!B4', '1@精准帮扶!B2', '10@重点工作!B5'],
    ]);
  });
  it('a unit missing from such a sheet is an error naming the sheet; an unknown unit there is an error at its cell', () => {
    const help = grid('精准帮扶', [['单位', '满意度', '重点工作评分'], ['文白社区', 1, 9], ['龙源村', 0.9, 8], ['七里冲村', 0.5, 5]]);
    const { errors } = read(snapshot(data, help, indicatorSheet()));
    expect(errors).toEqual([
      '精准帮扶：“精准帮扶”中没有单位“梅池村”的数据行（该表的数据列用于计分，每个单位都应有一行）'.replace(/“|”/g, '"'),
      '精准帮扶!A4："精准帮扶"中的单位"七里冲村"不在考核数据中：请核对单位名称',
    ]);
  });
  it('a searched sheet that is unreadable is skipped with a warning; an unreadable role sheet is an error', () => {
    const big: SheetGrid = { ...grid('台账明细', []), unreadable: { code: 'generic.text', params: { text: '单元格超过 500 万个' } } };
    const full = grid('考核数据', [['单位', '完成率', '满意度', '重点工作评分'], ['龙源村', 1, 0.9, 8]]);
    expect(read(snapshot(full, big, indicatorSheet())).warnings).toEqual(['台账明细：工作表"台账明细"超出读取限制，未查找其中的数据列：单元格超过 500 万个']);
    const role = read(snapshot(full, { ...indicatorSheet(), values: [], unreadable: { code: 'generic.text', params: { text: '太大' } } }));
    expect(role.errors[0]).toBe('指标设置：工作表"指标设置"无法读取：太大');
  });
});

describe('several assessors', () => {
  const data = grid('考核数据', [['单位', '完成率', '满意度'], ['龙源村', 1, 0.9], ['文白社区', 1, 1]]);
  const judge = (name: string, a: number, b: number) => grid(name, [['单位', '重点工作评分'], ['龙源村', a], ['文白社区', b]]);
  it('one sheet per assessor: averaged per unit, with a warning naming the sheets; 计算明细 sees each value', () => {
    const { input, warnings } = read(snapshot(data, judge('评分表（评委一）', 8, 9), judge('评分表（评委二）', 6, 10), judge('评分表（评委三）', 7, 8), indicatorSheet()));
    expect(unitsWithValues(input!).map((u) => u.values[2].value)).toEqual([7, 9]);
    expect(unitsWithValues(input!)[0].values[2]).toEqual({ value: 7, display: '8、6、7 → 7', cell: '评分表（评委一）!B2、评分表（评委二）!B2、评分表（评委三）!B2', missing: false });
    expect(warnings).toEqual(['评分表（评委一）："重点工作评分"有 3 位评分人的分数（评分表（评委一）!B（重点工作评分）、评分表（评委二）!B（重点工作评分）、评分表（评委三）!B（重点工作评分）），按平均分计']);
  });
  it('several columns on one sheet; 去掉最高最低 drops one highest and one lowest from 5', () => {
    const scores = grid('考核数据', [
      ['单位', '完成率', '满意度', '重点工作评分', '重点工作评分(2)', '重点工作评分(3)', '重点工作评分(4)', '重点工作评分(5)'],
      ['龙源村', 1, 0.9, 10, 6, 8, 7, 9],
    ]);
    const mean = read(snapshot(scores, indicatorSheet()));
    expect(unitsWithValues(mean.input!)[0].values[2].value).toBe(8);
    const trimmed = read(snapshot(grid('考核数据', [scores.values[0], ['龙源村', 1, 0.9, 10, 2, 8, 7, 9]]), indicatorSheet(), params([['评分汇总', '去掉最高最低']])));
    // 2, 7, 8, 9, 10 → drop 2 and 10 → (7 + 8 + 9) / 3 = 8
    expect(unitsWithValues(trimmed.input!)[0].values[2].value).toBe(8);
    expect(trimmed.warnings[0]).toMatch(/^考核数据："重点工作评分"有 5 位评分人的分数（考核数据!D（重点工作评分）、考核数据!E（重点工作评分\(2\)）.*去掉一个最高分和一个最低分后取平均/);
  });
});

describe('stray cells far out and ragged grids', () => {
  it('a value at XFD1 and 合计 at A1048576 neither break nor slow the reading', () => {
    const empty: CellValue[] = [];
    const values: CellValue[][] = new Array(1_048_576).fill(empty);
    values[0] = ['单位', '完成率', '满意度', '重点工作评分'];
    values[0][16383] = '备用';
    values[1] = ['龙源村', 1, 0.9, 8];
    values[2] = ['文白社区', 1];
    values[1_048_575] = ['合计'];
    const data: SheetGrid = { ...grid('考核数据', values), merges: ['A1048576:XFD1048576', 'C3:C1048000'] };
    const { input, errors } = read(snapshot(data, indicatorSheet(), params([['缺失数据', '按0分']])));
    expect(errors).toEqual([]);
    expect(unitsWithValues(input!).map((u) => u.values.map((v) => v.value))).toEqual([[1, 0.9, 8], [1, null, null]]);
    expect(empty).toEqual([]);
  });
});

describe('a transposed table (units across the columns, items down the rows)', () => {
  const rows: CellValue[][] = [
    ['羊楼司镇2018年度考核数据'],
    ['指标', '龙源村', '文白社区', '梅池村'],
    ['完成率', 1, 0.5, 0.9],
    ['满意度', 0.9, 1, 0.85],
    ['重点工作评分', 8, 10, 7],
  ];
  it('is recognised by the column of item names, and every reference names the real cell', () => {
    const { input, errors, warnings } = read(snapshot(grid('考核数据', rows), indicatorSheet()));
    expect(errors).toEqual([]);
    expect(warnings).toEqual(['考核数据：第 A 列列有指标名称（完成率、满意度、重点工作评分），像是单位在各列、指标在各行的转置表：已按转置表读取']);
    expect(unitsWithValues(input!).map((u) => [u.name, u.nameCell, ...u.values.map((v) => `${v.value}@${v.cell}`)])).toEqual([
      ['龙源村', '考核数据!B2', '1@考核数据!B3', '0.9@考核数据!B4', '8@考核数据!B5'],
      ['文白社区', '考核数据!C2', '0.5@考核数据!C3', '1@考核数据!C4', '10@考核数据!C5'],
      ['梅池村', '考核数据!D2', '0.9@考核数据!D3', '0.85@考核数据!D4', '7@考核数据!D5'],
    ]);
  });
  it('a bad cell is an error at its own cell', () => {
    const bad = rows.map((r) => r.slice());
    bad[3][2] = '九十';
    expect(read(snapshot(grid('考核数据', bad), indicatorSheet())).errors).toEqual([expect.stringMatching(/^考核数据!C4：/)]);
  });
});
