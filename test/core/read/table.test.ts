import { findColumn, readTable } from '../../../src/core/read/table';
import type { CellValue, SheetGrid } from '../../../src/core/types';

const UNIT_ALIASES = ['单位', '村(社区)', '村名', '单位名称', '名称', '村居'];

function grid(values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name: '考核数据', values, originRow: 0, originCol: 0, ...extra };
}

/** Rows as [sheet row, key cell] pairs: enough to see which rows were kept. */
function keptRows(g: SheetGrid, aliases = UNIT_ALIASES): [number, CellValue][] | null {
  const table = readTable(g, aliases);
  if (!table) return null;
  return table.rows.map((r) => [r.row, r.cells[table.keyCol]]);
}

describe('readTable: finding the header row', () => {
  it.each<[string, CellValue[][], number, number]>([
    ['header on the first row', [['单位', '得分'], ['文白', 1]], 0, 0],
    ['under a title row', [['羊楼司镇2018年度考核数据', null], ['单位', '得分'], ['文白', 1]], 1, 0],
    [
      'under a merged title (value repeated across the merge) and a blank row',
      [['考核数据表', '考核数据表', '考核数据表'], [null, null, null], ['序号', '单位', '得分'], [1, '文白', 1]],
      2,
      1,
    ],
    ['村(社区) header, full-width', [['序号', '村（社区）', '得分'], [1, '文白', 1]], 0, 1],
    ['header with a line break and spaces', [['单 位\n', '得分'], ['文白', 1]], 0, 0],
    ['on the 10th row', [...Array.from({ length: 9 }, () => ['说明文字']), ['单位'], ['文白']], 9, 0],
  ])('%s', (_label, values, headerRow, keyCol) => {
    const table = readTable(grid(values), UNIT_ALIASES);
    expect(table).not.toBeNull();
    expect(table!.headerRow).toBe(headerRow);
    expect(table!.keyCol).toBe(keyCol);
  });

  it('returns null when the header is below the 10th row', () => {
    const values: CellValue[][] = [...Array.from({ length: 10 }, () => ['说明文字']), ['单位'], ['文白']];
    expect(readTable(grid(values), UNIT_ALIASES)).toBeNull();
  });

  it('returns null when no cell names the key column', () => {
    expect(readTable(grid([['姓名', '得分'], ['张三', 1]]), UNIT_ALIASES)).toBeNull();
    expect(readTable(grid([]), UNIT_ALIASES)).toBeNull();
  });

  it('does not take a title that merely contains the alias', () => {
    const table = readTable(grid([['各单位考核数据'], ['单位', '得分'], ['文白', 1]]), UNIT_ALIASES);
    expect(table!.headerRow).toBe(1);
  });

  it('prefers the earlier alias when one row holds several', () => {
    const table = readTable(grid([['名称', '单位'], ['x', '文白']]), UNIT_ALIASES);
    expect(table!.keyCol).toBe(1);
  });

  it('lists the non-blank headers with their keys and units', () => {
    const table = readTable(grid([['单位', null, '群众满意度（%）', '帮扶资金\n（万元）', 2018]]), UNIT_ALIASES);
    expect(table!.headers).toEqual([
      { col: 0, raw: '单位', key: '单位', unit: null, groups: [] },
      { col: 2, raw: '群众满意度（%）', key: '群众满意度', unit: '%', groups: [] },
      { col: 3, raw: '帮扶资金\n（万元）', key: '帮扶资金', unit: '万元', groups: [] },
      { col: 4, raw: '2018', key: '2018', unit: null, groups: [] },
    ]);
  });
});

describe('readTable: data rows', () => {
  it.each<[string, CellValue[][], [number, CellValue][]]>([
    [
      'skips blank rows, including rows of whitespace and dashes',
      [['单位', '得分'], ['文白', 1], [null, null], ['  ', '—'], [], ['龙源', 2]],
      [[1, '文白'], [5, '龙源']],
    ],
    [
      'skips 合计/总计/小计 rows, however written',
      [['单位', '得分'], ['文白', 1], ['小 计', 1], ['龙源', 2], ['合计', 3], ['总计：', 3], ['全镇合计', 3]],
      [[1, '文白'], [3, '龙源']],
    ],
    [
      'skips footnotes in the key column or the first column',
      [
        ['序号', '单位', '得分'],
        [1, '文白', 1],
        [null, '注：数据截至12月31日', null],
        ['填表人：张三', null, null],
        ['制表人: 李四', null, '审核人：王五'],
        ['说明：', null, null],
        ['统计员：赵六', null, null],
        ['备注：无', '备注：无', '备注：无'],
      ],
      [[1, '文白']],
    ],
    [
      'keeps a row with data but no name (the caller reports it)',
      [['单位', '得分'], [null, 5], ['龙源', 2]],
      [[1, null], [2, '龙源']],
    ],
    [
      'keeps a unit whose name merely starts like a footnote word',
      [['单位', '得分'], ['说明村', 5]],
      [[1, '说明村']],
    ],
  ])('%s', (_label, values, expected) => {
    expect(keptRows(grid(values))).toEqual(expected);
  });

  it('keeps a row whose note has data beside it, outside unit tables', () => {
    const table = readTable(grid([['参数', '值'], ['好等次名额：', 3]]), ['参数']);
    expect(table!.rows.map((r) => r.cells)).toEqual([['好等次名额：', 3]]);
  });

  it('in a unit table, skips a note row that has data beside it, and records that it held data', () => {
    const table = readTable(grid([['单位', '得分'], ['注：文白', 5], ['龙源', 1]]), UNIT_ALIASES, { units: true });
    expect(table!.rows.map((r) => r.row)).toEqual([2]);
    expect(table!.skipped).toEqual([{ row: 1, kind: 'note', text: '注：文白', hasData: true }]);
  });

  it('keeps short rows as they are (never padded to the sheet width) and carries formats', () => {
    const table = readTable(
      grid([['单位', '得分', '满意度'], ['文白', 1]], { formats: [[null, null, null], [null, '0.00']] }),
      UNIT_ALIASES,
    );
    expect(table!.rows).toEqual([{ row: 1, cells: ['文白', 1], formats: [null, '0.00'], hidden: false, group: null }]);
  });

  it('gives no formats when the grid has none (a missing format reads as General)', () => {
    const table = readTable(grid([['单位', '满意度'], ['文白', 0.9], ['龙源', 0.8]]), UNIT_ALIASES);
    expect(table!.rows.map((r) => r.formats)).toEqual([[], []]);
  });
});

describe('readTable: grid origin', () => {
  it('converts grid positions to sheet positions', () => {
    // The used range starts at C4: values[0][0] is sheet row 3, column 2.
    const g = grid(
      [['标题', null, null], ['序号', '单位', '满意度（%）'], [1, '文白', '95%'], [2, '龙源', 0.9]],
      { originRow: 3, originCol: 2, formats: [[], [], [null, null, '@'], [null, null, '0%']] },
    );
    const table = readTable(g, UNIT_ALIASES);
    expect(table).not.toBeNull();
    expect(table!.sheet).toBe('考核数据');
    expect(table!.headerRow).toBe(4);
    expect(table!.keyCol).toBe(3);
    expect(table!.headers.map((h) => [h.col, h.key])).toEqual([[2, '序号'], [3, '单位'], [4, '满意度']]);
    expect(table!.rows).toEqual([
      { row: 5, cells: [null, null, 1, '文白', '95%'], formats: [null, null, null, null, '@'], hidden: false, group: null },
      { row: 6, cells: [null, null, 2, '龙源', 0.9], formats: [null, null, null, null, '0%'], hidden: false, group: null },
    ]);
  });
});

describe('findColumn', () => {
  const table = readTable(
    grid([['单位', '群众满意度（%）', '1月驻村天数', '2月驻村天数', '是否贫困村', '帮扶资金（万元）']]),
    UNIT_ALIASES,
  )!;

  it.each<[string[], { contains?: boolean } | undefined, number | null]>([
    [['群众满意度'], undefined, 1],
    [['群众满意度(%)'], undefined, 1],
    [['群众 满意度（％）'], undefined, 1],
    [['帮扶资金'], undefined, 5],
    [['帮扶资金（元）'], undefined, 5],
    [['满意度'], undefined, null],
    [['满意度'], { contains: true }, 1],
    [['驻村天数'], { contains: true }, 2],
    [['贫困村'], { contains: true }, 4],
    [['不存在'], { contains: true }, null],
    [['不存在', '是否贫困村'], undefined, 4],
    [[''], { contains: true }, null],
  ])('%j %j → column %p', (aliases, opts, col) => {
    const header = findColumn(table, aliases, opts);
    expect(header ? header.col : null).toBe(col);
  });

  it('prefers an exact key over an earlier header that only contains the alias', () => {
    const t2 = readTable(grid([['单位', '是否贫困村标记', '贫困村']]), UNIT_ALIASES)!;
    expect(findColumn(t2, ['贫困村'], { contains: true })!.col).toBe(2);
  });
});
