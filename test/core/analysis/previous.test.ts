/**
 * 同比: Spearman's ρ worked by hand on a small case with a tie, last year's sheet read from
 * Kaohe's own 考核结果 and from a foreign sheet, and every unreadable cell named.
 */
import { averageRanks, changeText, compareYears, pickPreviousSheet, previousFromSnapshot, readPrevious, spearman } from '../../../src/core/analysis';
import { t } from '../../../src/core/messages';
import type { AssessmentResult, CellValue, Grade, SheetGrid } from '../../../src/core/types';
import { demoOutcome } from './support';

const grid = (name: string, values: CellValue[][], originRow = 0): SheetGrid => ({ name, values, originRow, originCol: 0 });

/** A result with just the fields compareYears reads. */
function resultOf(units: [string, number, Grade][]): AssessmentResult {
  return { units: units.map(([name, rank, grade]) => ({ name, rank, grade })) } as unknown as AssessmentResult;
}

describe('spearman', () => {
  it('gives average ranks to ties', () => {
    expect(averageRanks([4, 1, 4, 3])).toEqual([3.5, 1, 3.5, 2]);
  });

  it('matches the hand-worked case with a tie and a new and a gone unit', () => {
    // This year A1 B2 C3 D4 E5 F6 (F new). Last year B1 A2 E3 C4 D4 G6 (G gone).
    // Among A–E: x = 1 2 3 4 5; y = 2 1 4.5 4.5 3 (C and D share places 4 and 5).
    // dx = −2 −1 0 1 2; dy = −1 −2 1.5 1.5 0; Σdxdy = 2 + 2 + 0 + 1.5 + 0 = 5.5;
    // Σdx² = 10; Σdy² = 1 + 4 + 2.25 + 2.25 + 0 = 9.5; ρ = 5.5 / √95 = 0.5643.
    const result = resultOf([['A村', 1, '好'], ['B村', 2, '好'], ['C村', 3, '较好'], ['D村', 4, '较好'], ['E村', 5, '一般'], ['F村', 6, '一般']]);
    const sheet = grid('考核结果', [
      ['2017年考核结果'],
      ['排名', '单位', '总分', '等次'],
      [2, 'A', 91.5, '好'],
      [1, 'B村', 93, '好'],
      [4, 'C村', 85, '较好'],
      [4, 'D村', 85, '较好'],
      [3, 'E村', 88.25, '较好'],
      [6, 'G村', 70, '一般'],
    ]);
    const { previous, issues } = readPrevious(sheet, '2017.xlsx');
    expect(issues).toEqual([]);
    const years = compareYears(result, previous!);
    expect(years.spearman).toBeCloseTo(5.5 / Math.sqrt(95), 12);
    expect(years.spearman!.toFixed(4)).toBe('0.5643');
    expect(years.common).toBe(5);
    expect(years.new).toEqual(['F村']);
    expect(years.gone).toEqual(['G村']);
    // 'A' matches 'A村' (the suffix rule of the rest of Kaohe).
    expect(years.units.map(changeText)).toEqual(['↑1', '↓1', '↑1', '持平', '↓2', '新增']);
    expect(years.units[0]).toEqual({ rank: 2, grade: '好', total: 91.5, change: 1 });
    expect(years.gradeChanged.map((k) => result.units[k].name)).toEqual(['E村']);
    expect(years.movers.map((k) => result.units[k].name)).toEqual(['E村', 'A村', 'B村', 'C村']);
  });

  it('is 1 for the same order, −1 for the reverse, null without spread', () => {
    expect(spearman([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(spearman([1, 2], [1, 1])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
});

describe('readPrevious', () => {
  it("reads Kaohe's own 考核结果 back: the same year gives ρ = 1 and no changes", () => {
    const outcome = demoOutcome();
    const sheet = outcome.sheets.find((s) => s.name === '考核结果')!;
    const values = sheet.rows.map((row) => row.map((cell) => cell.v ?? null));
    const name = pickPreviousSheet({ 考核结果: grid('考核结果', values) }, ['考核结果']);
    expect(name).toBe('考核结果');
    const { previous, issues } = readPrevious(grid('考核结果', values), 'last.xlsx');
    expect(issues).toEqual([]);
    expect(previous!.units).toHaveLength(19);
    const years = compareYears(outcome.result!, previous!);
    expect(years.spearman).toBe(1);
    expect(years.units.every((u) => u !== null && u.change === 0)).toBe(true);
    expect(years.new).toEqual([]);
  });

  it('finds a foreign sheet by its columns, header below a title, anywhere in the first 10 rows', () => {
    const sheets = {
      封面: grid('封面', [['2017 年']]),
      结果: grid('结果', [['标题'], [], ['序号', '村(社区)', '总分', '排名', '等次'], [1, '龙源村', '95', '1', '好']]),
    };
    expect(pickPreviousSheet(sheets, ['封面', '结果'])).toBe('结果');
    expect(readPrevious(sheets.结果, 'x').previous!.units).toEqual([{ name: '龙源村', rank: 1, total: 95, grade: '好' }]);
  });

  it('names every cell it cannot read', () => {
    const sheet = grid('考核结果', [['排名', '单位', '总分', '等次'], ['一', '龙源村', 90, '好'], [2, '梅池村', '九十', '优秀'], [3, '龙源村', 80, '较好']], 4);
    const { previous, issues } = readPrevious(sheet, 'x');
    expect(previous).toBeNull();
    expect(issues.map((i) => `${i.sheet}!${i.cell}：${t(i, 'zh')}`)).toEqual([
      '考核结果!A6：排名应为不小于 1 的整数，实际为"一"',
      '考核结果!C7：总分应为数，实际为"九十"',
      '考核结果!D7：等次应为 好、较好、一般 或 较差，实际为"优秀"',
      '考核结果!B8：单位"龙源村"重复（首次出现在 B6）',
    ]);
    expect(readPrevious(grid('S', [['a', 'b']]), 'x').issues[0].code).toBe('analysis.previous.noHeader');
  });
});

describe('previousFromSnapshot', () => {
  const foreign = grid('2017考核结果', [['排名', '单位', '总分', '等次'], [1, '龙源村', 95, '好']]);
  const snapshot = { sheetNames: ['考核数据', '2017考核结果'], sheets: { '2017考核结果': foreign } };

  it('reads the sheet asked for, or else the one that looks like a result', () => {
    expect(previousFromSnapshot(snapshot, '2017考核结果', '2017考核结果')).toEqual({
      previous: { source: '2017考核结果', sheet: '2017考核结果', units: [{ name: '龙源村', rank: 1, total: 95, grade: '好' }] },
      issues: [],
    });
    expect(previousFromSnapshot(snapshot, '2017.xlsx').previous!.sheet).toBe('2017考核结果');
  });

  it('names the sheet asked for when it is gone; says "no result sheet" otherwise', () => {
    const { issues } = previousFromSnapshot(snapshot, 'x', '上年');
    expect(issues.map((i) => t(i, 'zh'))).toEqual(['找不到选作上年结果的工作表"上年"（可能已改名或删除），请重新选择上年结果表']);
    expect(previousFromSnapshot({ sheetNames: ['封面'], sheets: { 封面: grid('封面', [['2017 年']]) } }, 'x').issues).toEqual([
      { severity: 'error', sheet: '', cell: '', code: 'analysis.previous.noSheet' },
    ]);
  });
});
