import { DEFAULT_INDICATORS, INDICATOR_HEADERS } from '../../../src/core/defaults';
import { issueText } from '../../../src/core/messages';
import { directionOf, methodOf, readIndicators, splitDataColumn } from '../../../src/core/read/indicators';
import { IssueList } from '../../../src/core/read/issues';
import { readTable } from '../../../src/core/read/table';
import type { CellValue } from '../../../src/core/types';
import { builtinData, grid } from '../../helpers/grid';

type Row = Partial<Record<(typeof INDICATOR_HEADERS)[number], CellValue>>;

/** 指标设置 with a title row; indicator rows start at row 3. */
function sheet(rows: Row[]) {
  return grid('指标设置', [['指标设置'], INDICATOR_HEADERS.slice(), ...rows.map((r) => INDICATOR_HEADERS.map((h) => r[h] ?? null))]);
}

/** Data headers (row 1 of 考核数据): 单位 then the given headers. */
function dataHeaders(...headers: string[]) {
  const table = readTable(grid('考核数据', [['单位', ...headers]]), ['单位'])!;
  return { sheet: '考核数据', headers: table.headers };
}

function read(rows: Row[], headers: string[] | null = null) {
  const issues = new IssueList();
  const result = readIndicators(sheet(rows), '指标设置', headers ? dataHeaders(...headers) : null, issues);
  return { ...result, issues: issues.items, texts: issues.items.map((i) => `${i.severity} ${issueText(i, 'zh')}`) };
}

const base: Row = { 维度: '减贫成效', 指标: '识别准确率', 分值: 10, 计分方法: '比例', 目标值: '100%' };

describe('the built-in set', () => {
  const issues = new IssueList();
  const headers = readTable(builtinData([{ 单位: '龙源村' }]), ['单位'])!.headers;
  const result = readIndicators(undefined, '指标设置', { sheet: '考核数据', headers }, issues);

  it('parses without issues through the same parser, source builtin, 100 points', () => {
    expect(issues.items).toEqual([]);
    expect(result.source).toBe('builtin');
    expect(result.indicators).toHaveLength(DEFAULT_INDICATORS.length);
    expect(result.indicators.reduce((s, i) => s + i.points, 0)).toBe(100);
    expect(result.dimensions).toEqual(['减贫成效', '精准识别', '精准帮扶', '重点工作', '扶贫资金', '管理台账', '日常管理']);
  });

  it('keeps clauses, null sources, normalised rate targets and veto settings', () => {
    const plan = result.indicators[0];
    expect(plan).toMatchObject({
      id: 0, name: '减贫计划完成率', method: 'ratio', target: 1, kind: 'proportion',
      columns: ['实际减贫人数', '计划减贫人数'], vetoThreshold: 1, vetoCategory: 1, source: null, clause: '四(一)1；六、1',
    });
    expect(result.indicators[1]).toMatchObject({ method: 'range', kind: 'growth', target: 0.1, floor: 0 });
    expect(result.indicators[6]).toMatchObject({ name: '群众满意度', target: 1, floor: 0.8, vetoThreshold: 0.9, vetoCategory: 4 });
    expect(result.indicators[7]).toMatchObject({ method: 'pass', target: null });
    expect(result.indicators[13]).toMatchObject({ method: 'deduction', perItem: 2 });
  });

  it('reports each missing data column at the 考核数据 sheet level', () => {
    const own = new IssueList();
    readIndicators(undefined, '指标设置', dataHeaders('识别准确率（%）'), own);
    expect(own.items[0]).toMatchObject({ severity: 'error', sheet: '考核数据', cell: '', code: 'read.ind.columnMissing' });
    expect(issueText(own.items[0], 'zh')).toBe('考核数据：考核数据中找不到指标"减贫计划完成率"的数据列"实际减贫人数"');
    expect(own.items.some((i) => i.params?.column === '识别准确率')).toBe(false);
  });
});

describe('a sheet table', () => {
  it('reads aliases of methods and directions, forward-fills 维度, defaults 数据列 to 指标', () => {
    const { indicators, issues, dimensions } = read([
      { ...base, 计分方法: '比率' },
      { 维度: null, 指标: '收入增幅', 分值: 5, 计分方法: '线性', 目标值: 10, 下限: 0 },
      { 维度: '精准帮扶', 指标: '贫困发生率', 分值: 5, 计分方法: '区间法', 目标值: '2%', 下限: '10%', 方向: '越低越好' },
      { 维度: null, 指标: '弱势户帮扶', 分值: 3, 计分方法: '是否' },
      { 维度: null, 指标: '问题数', 分值: 4, 计分方法: '减分', 每项分值: 1 },
      { 维度: null, 指标: '宣传', 分值: 2, 计分方法: '加分', 每项分值: '0.5' },
      { 维度: null, 指标: '资金绩效', 分值: 6, 计分方法: '直接打分' },
      { 维度: null, 指标: '项目数', 分值: 5, 计分方法: '相对' },
    ]);
    expect(issues).toEqual([]);
    expect(indicators.map((i) => [i.dimension, i.method, i.direction, i.column, i.source])).toEqual([
      ['减贫成效', 'ratio', 'up', '识别准确率', '指标设置!B3'],
      ['减贫成效', 'range', 'up', '收入增幅', '指标设置!B4'],
      ['精准帮扶', 'range', 'down', '贫困发生率', '指标设置!B5'],
      ['精准帮扶', 'pass', 'up', '弱势户帮扶', '指标设置!B6'],
      ['精准帮扶', 'deduction', 'up', '问题数', '指标设置!B7'],
      ['精准帮扶', 'bonus', 'up', '宣传', '指标设置!B8'],
      ['精准帮扶', 'direct', 'up', '资金绩效', '指标设置!B9'],
      ['精准帮扶', 'relative', 'up', '项目数', '指标设置!B10'],
    ]);
    expect(indicators[1]).toMatchObject({ kind: 'growth', target: 0.1, floor: 0 });
    expect(indicators[2]).toMatchObject({ kind: 'proportion', target: 0.02, floor: 0.1 });
    expect(indicators[5].perItem).toBe(0.5);
    expect(dimensions).toEqual(['减贫成效', '精准帮扶']);
  });

  it('normalises a rate target however it is written (98%, 98, 0.98)', () => {
    for (const target of ['98%', 98, 0.98, '９８％']) {
      expect(read([{ ...base, 目标值: target }], ['识别准确率（%）']).indicators[0].target).toBe(0.98);
    }
  });

  it('takes the kind from the data header (unit included), else from the indicator name', () => {
    expect(read([{ ...base, 指标: '群众满意', 目标值: 90 }], ['群众满意（%）']).indicators[0]).toMatchObject({ kind: 'proportion', target: 0.9 });
    expect(read([{ ...base, 指标: '项目数', 目标值: 90 }], ['项目数（个）']).indicators[0]).toMatchObject({ kind: 'number', target: 90 });
    expect(read([{ ...base, 指标: '覆盖率', 目标值: 90 }]).indicators[0]).toMatchObject({ kind: 'proportion', target: 0.9 });
  });

  it('reads money targets in 元 for a money column', () => {
    const ind = read([{ ...base, 指标: '集体经济收入', 目标值: '5万' }], ['集体经济收入（元）']).indicators[0];
    expect(ind).toMatchObject({ kind: 'number', target: 50000 });
    expect(read([{ ...base, 指标: '集体经济收入', 目标值: 5 }], ['集体经济收入（万元）']).indicators[0].target).toBe(50000);
  });

  it('A/B is a proportion of two columns', () => {
    const ind = read([{ ...base, 指标: '减贫计划完成率', 数据列: '实际减贫人数 ／ 计划减贫人数' }], ['实际减贫人数', '计划减贫人数']).indicators[0];
    expect(ind).toMatchObject({ kind: 'proportion', columns: ['实际减贫人数', '计划减贫人数'], target: 1 });
  });

  it('reads 否决类别 by number or words', () => {
    const categories = ['1', 2, '弄虚作假', '识别准确率较低', '审计发现违纪违规', '扶贫资金', '六、4'].map(
      (c) => read([{ ...base, 否决阈值: '98%', 否决类别: c }]).indicators[0].vetoCategory,
    );
    expect(categories).toEqual([1, 2, 3, 4, 5, 2, 4]);
  });
});

describe('indicator table errors (each at its cell)', () => {
  it.each<[string, Row, string[]]>([
    ['维度 blank on the first row', { ...base, 维度: null }, ['error 指标设置!A3：维度为空，上方也没有可沿用的维度']],
    ['指标 blank', { ...base, 指标: null }, ['error 指标设置!B3："指标"不能为空']],
    ['分值 0', { ...base, 分值: 0 }, ['error 指标设置!C3：分值应为大于 0 的数，实际为"0"']],
    ['分值 text', { ...base, 分值: '十分' }, ['error 指标设置!C3：分值应为大于 0 的数，实际为"十分"']],
    ['分值 blank', { ...base, 分值: null }, ['error 指标设置!C3：分值应为大于 0 的数，实际为""']],
    ['unknown method', { ...base, 计分方法: '排名' }, ['error 指标设置!D3：计分方法应为 比例、区间、达标、扣分、加分、直接 或 相对，实际为"排名"']],
    ['unknown direction', { ...base, 方向: '向上' }, ['error 指标设置!H3：方向应为"正向"或"逆向"，实际为"向上"']],
    ['ratio without target', { ...base, 目标值: null }, ['error 指标设置!E3：比例法需要大于 0 的目标值，实际为""']],
    ['ratio target 0', { ...base, 目标值: 0 }, ['error 指标设置!E3：比例法需要大于 0 的目标值，实际为"0"']],
    ['range without target', { ...base, 计分方法: '区间', 目标值: null, 下限: '90%' }, ['error 指标设置!E3：区间法需要目标值']],
    ['range target = floor', { ...base, 计分方法: '区间', 目标值: '90%', 下限: 90 }, ['error 指标设置!F3：区间法的目标值与下限不能相等（都是 90%）']],
    ['正向 range floor above target', { ...base, 计分方法: '区间', 目标值: '90%', 下限: '95%' }, ['error 指标设置!F3：正向区间的下限（95%）应小于目标值（90%）']],
    ['逆向 range floor below target', { ...base, 计分方法: '区间', 方向: '逆向', 目标值: '5%', 下限: null }, ['error 指标设置!F3：逆向区间的下限（0）应大于目标值（5%）']],
    ['deduction without per-item', { ...base, 计分方法: '扣分', 目标值: null }, ['error 指标设置!G3：扣分和加分法需要大于 0 的每项分值，实际为""']],
    ['bonus per-item 0', { ...base, 计分方法: '加分', 目标值: null, 每项分值: 0 }, ['error 指标设置!G3：扣分和加分法需要大于 0 的每项分值，实际为"0"']],
    ['malformed 数据列', { ...base, 数据列: 'A/B/C' }, ['error 指标设置!I3：数据列"A/B/C"写法有误：应为一个列名，或"分子列/分母列"']],
    ['unknown 否决类别', { ...base, 否决阈值: '98%', 否决类别: '其他' }, ['error 指标设置!K3：否决类别应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"其他"']],
    ['否决类别 6', { ...base, 否决阈值: '98%', 否决类别: 6 }, ['error 指标设置!K3：否决类别应为否决条件的编号 1–5 或其文字（如 减贫计划、资金、弄虚作假、准确率、违纪违规），实际为"6"']],
    ['threshold without category', { ...base, 否决阈值: '98%' }, ['error 指标设置!K3：填了否决阈值，却没有否决类别']],
    ['category without threshold', { ...base, 否决类别: 4 }, ['error 指标设置!J3：填了否决类别，却没有否决阈值']],
  ])('%s', (_name, row, expected) => {
    expect(read([row]).texts).toEqual(expected);
  });

  it('a rate target above 100% is a value error at the 目标值 cell', () => {
    const { issues } = read([{ ...base, 目标值: '120%' }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', sheet: '指标设置', cell: 'E3' });
    expect(issues[0].code.startsWith('values.')).toBe(true);
  });

  it('keeps a best-effort indicator for a row with errors when its data can be read, with the dimensions of every row', () => {
    const { indicators, dimensions } = read([{ ...base, 分值: 0 }, { ...base, 维度: '精准识别', 指标: '乙', 计分方法: '?' }]);
    expect(indicators.map((i) => [i.name, i.points, i.method])).toEqual([['识别准确率', 0, 'ratio']]);
    expect(dimensions).toEqual(['减贫成效', '精准识别']);
  });

  it('collects every error of a row and of every row', () => {
    const { texts } = read([{ ...base, 分值: -1, 计分方法: '?' }, { ...base, 指标: '二', 方向: '?' }]);
    expect(texts).toHaveLength(3);
  });

  it('duplicate 指标 names: error at the later one, naming the first', () => {
    const { texts, indicators } = read([base, { ...base, 指标: ' 识别 准确率' }]);
    expect(texts).toEqual(['error 指标设置!B4：指标"识别 准确率"重复（首次出现在 B3）']);
    expect(indicators.map((i) => i.id)).toEqual([0, 1]);
  });

  it('missing data columns: at the 数据列 cell when given, else at the 指标 cell', () => {
    const { texts } = read(
      [base, { ...base, 指标: '完成率', 数据列: '实际数/计划数' }],
      ['单位名称'],
    );
    expect(texts).toEqual([
      'error 指标设置!B3：考核数据中找不到指标"识别准确率"的数据列"识别准确率"',
      'error 指标设置!I4：考核数据中找不到指标"完成率"的数据列"实际数"',
      'error 指标设置!I4：考核数据中找不到指标"完成率"的数据列"计划数"',
    ]);
  });

  it('a sheet missing a required column, or holding no indicators', () => {
    const issues = new IssueList();
    readIndicators(grid('指标设置', [['指标', '分值'], ['甲', 1]]), '指标设置', null, issues);
    expect(issues.items.map((i) => issueText(i, 'zh'))).toEqual(['指标设置：缺少"维度"列', '指标设置：缺少"计分方法"列']);
    expect(read([]).texts).toEqual(['error 指标设置：指标设置中没有任何指标']);
  });

  it('renders in English', () => {
    const { issues } = read([{ ...base, 计分方法: '区间', 目标值: '90%', 下限: '95%' }]);
    expect(issueText(issues[0], 'en')).toBe('指标设置!F3: For a higher-is-better range the floor (95%) should be below the target (90%)');
  });
});

describe('helpers', () => {
  it.each([
    ['比例', 'ratio'], ['比率', 'ratio'], ['区间', 'range'], ['线性', 'range'], ['达标', 'pass'], ['是否', 'pass'],
    ['扣分', 'deduction'], ['减分', 'deduction'], ['加分', 'bonus'], ['直接', 'direct'], ['直接打分', 'direct'],
    ['直接评分', 'direct'], ['相对', 'relative'], ['比例法', 'ratio'], ['排名', null],
  ])('methodOf(%s) = %s', (text, method) => expect(methodOf(text)).toBe(method));

  it.each([['', 'up'], ['正向', 'up'], ['越高越好', 'up'], ['逆向', 'down'], ['越低越好', 'down'], ['向上', null]])(
    'directionOf(%p) = %p',
    (text, direction) => expect(directionOf(text)).toBe(direction),
  );

  it('splitDataColumn', () => {
    expect(splitDataColumn('甲')).toEqual(['甲']);
    expect(splitDataColumn('甲/乙')).toEqual(['甲', '乙']);
    expect(splitDataColumn('甲/')).toBeNull();
    expect(splitDataColumn('甲/乙/丙')).toBeNull();
  });
});
