/**
 * Hand-built workbook snapshots for reading tests: `grid(name, rows)` is one sheet's used
 * range, `snapshot(...grids)` a workbook, `builtinData(rows)` a 考核数据 sheet with the
 * headers of the built-in indicator set and plausible values.
 */
import { DEFAULT_DATA_HEADERS } from '../../src/core/defaults';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../src/core/types';

/**
 * One sheet; `rows[0][0]` sits at (originRow, originCol), default A1. Like a modern host, it
 * says which cells are merged and which rows are hidden (default: none); pass `merges:
 * 'unknown'` / `hiddenRows: 'unknown'` for a host that cannot tell (Excel 2016).
 */
export function grid(
  name: string,
  rows: CellValue[][],
  opts: { formats?: (string | null)[][]; originRow?: number; originCol?: number; merges?: string[] | 'unknown'; hiddenRows?: number[] | 'unknown' } = {},
): SheetGrid {
  return {
    name,
    values: rows,
    formats: opts.formats,
    originRow: opts.originRow ?? 0,
    originCol: opts.originCol ?? 0,
    merges: opts.merges === 'unknown' ? undefined : (opts.merges ?? []),
    hiddenRows: opts.hiddenRows === 'unknown' ? undefined : (opts.hiddenRows ?? []),
    hiddenCols: opts.hiddenRows === 'unknown' ? undefined : [],
  };
}

/** A workbook holding the given sheets, in order. */
export function snapshot(...grids: SheetGrid[]): WorkbookSnapshot {
  return { sheetNames: grids.map((g) => g.name), sheets: Object.fromEntries(grids.map((g) => [g.name, g])) };
}

/** A plausible unit row of the built-in set, by header (without brackets). */
export const GOOD_ROW: Record<string, CellValue> = {
  类型: null,
  主要负责人: '张三',
  是否贫困村: '是',
  实际减贫人数: 10,
  计划减贫人数: 10,
  人均可支配收入增长率: '8%',
  识别准确率: 99,
  五个一批复核完成率: 100,
  退出准确率: 99,
  帮扶覆盖率: 100,
  群众满意度: 95,
  弱势户重点帮扶落实: '是',
  脱贫方案制订率: 100,
  到户措施落实率: 100,
  重点工作落实项数: 7,
  产业扶贫项目数: 3,
  资金绩效评价得分: 5,
  资金问题数: 0,
  台账缺漏项数: 1,
  日常管理评分: 2.5,
  报送信息篇数: 4,
};

const bare = (header: string) => header.replace(/（.*）$/, '');

/**
 * A 考核数据 grid for the built-in set: a title row, the header row (row 2), then one row
 * per unit (from row 3) — GOOD_ROW with the unit's overrides.
 * @example builtinData([{ 单位: '龙源村' }, { 单位: '文白社区', 群众满意度: 80 }])
 */
export function builtinData(units: Record<string, CellValue>[], name = '考核数据'): SheetGrid {
  const rows: CellValue[][] = [['羊楼司镇2018年度村(社区)脱贫攻坚考核数据'], DEFAULT_DATA_HEADERS.slice()];
  for (const unit of units) {
    const values = { ...GOOD_ROW, ...unit };
    rows.push(DEFAULT_DATA_HEADERS.map((h) => (bare(h) in values ? values[bare(h)] : null)));
  }
  return grid(name, rows);
}
