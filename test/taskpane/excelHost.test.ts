import { OfficeFailure } from '../../src/io/office';
import type { InteractivePort } from '../../src/io/port';
import type { CellValue, WorkbookSnapshot, WritePlan } from '../../src/core/types';
import { DEFAULT_ROLES } from '../../src/core';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { LAST_YEAR, NOW, demoSnapshot } from './fixtures';

/** A port over a snapshot that records what was read and written. */
function fakePort(snapshot: WorkbookSnapshot) {
  const picks: string[][] = [];
  const applied: WritePlan[] = [];
  const port: InteractivePort & { picks: string[][]; applied: WritePlan[] } = {
    picks,
    applied,
    read: jest.fn(async (pick: (names: string[]) => string[]) => {
      const names = pick(snapshot.sheetNames);
      picks.push(names);
      return { sheetNames: snapshot.sheetNames, sheets: Object.fromEntries(names.map((n) => [n, snapshot.sheets[n]])) };
    }),
    apply: jest.fn(async (plan: WritePlan) => {
      applied.push(plan);
    }),
    select: jest.fn(async () => undefined),
    activate: jest.fn(async () => undefined),
  };
  return port;
}

const empty: WorkbookSnapshot = { sheetNames: ['Sheet1', '考核数据'], sheets: {} };

/** The demo workbook with last year's result copied in as a sheet after the inputs. */
function withLastYear(name: string, rows: CellValue[][]): WorkbookSnapshot {
  const demo = demoSnapshot();
  const values = [['羊楼司镇2017年度考核结果'], ['排名', '单位', '总分', '等次'], ...rows];
  return { sheetNames: [...demo.sheetNames, name], sheets: { ...demo.sheets, [name]: { name, values, originRow: 0, originCol: 0 } } };
}

/** The 考核结果 sheet of a plan as text rows (header on row 2). */
function resultRows(plan: WritePlan): string[][] {
  const sheet = plan.add.find((s) => s.name === '考核结果')!;
  return sheet.rows.map((row) => row.map((cell) => (cell.v === null ? '' : String(cell.v))));
}

describe('createExcelHost', () => {
  it('lists sheet names without loading any grid', async () => {
    const port = fakePort(demoSnapshot());
    const host = createExcelHost({ port, lang: 'zh', now: () => NOW });
    await expect(host.listSheets()).resolves.toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
    expect(port.picks).toEqual([[]]);
  });

  it('check reads the role sheets and writes nothing', async () => {
    const port = fakePort(demoSnapshot());
    const host = createExcelHost({ port, lang: 'zh', now: () => NOW });
    const outcome = await host.check(DEFAULT_ROLES);
    expect(outcome.ok).toBe(true);
    expect(port.picks[0]).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
    expect(port.apply).not.toHaveBeenCalled();
  });

  it('compute writes the plan when the input is clean, and nothing when it has errors', async () => {
    const clean = fakePort(demoSnapshot());
    const report = await createExcelHost({ port: clean, lang: 'zh', now: () => NOW }).compute(DEFAULT_ROLES);
    expect(report.outcome.ok).toBe(true);
    expect(clean.applied).toEqual([report.outcome.plan]);
    expect(report.download).toBeNull();

    const broken = fakePort({ sheetNames: ['Sheet1'], sheets: {} });
    const failed = await createExcelHost({ port: broken, lang: 'zh', now: () => NOW }).compute(DEFAULT_ROLES);
    expect(failed.outcome.ok).toBe(false);
    expect(failed.outcome.issues[0]).toMatchObject({ severity: 'error', code: 'read.sheet.missing' });
    expect(broken.apply).not.toHaveBeenCalled();
  });

  it('reads the chosen 上年结果表 with the role sheets and adds last year to the results', async () => {
    const port = fakePort(withLastYear('2017考核结果', LAST_YEAR));
    const report = await createExcelHost({ port, lang: 'zh', now: () => NOW }).compute(DEFAULT_ROLES, '2017考核结果');
    expect(port.picks).toEqual([['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数', '2017考核结果']]);
    expect(report.outcome.ok).toBe(true);
    expect(report.outcome.analysis!.years!.source).toBe('2017考核结果');
    // Common: 文白社区 1/4, 龙源村 2/5, 梅池村 3/1, 黄金村 4/2 → d = −2 −2 2 2, ρ = 1 − 6·16 / (4·15) = −0.6.
    expect(report.outcome.analysis!.years!.spearman).toBeCloseTo(-0.6, 12);
    const rows = resultRows(port.applied[0]);
    const header = rows[1];
    expect(header).toEqual(expect.arrayContaining(['上年排名', '名次变化', '上年等次']));
    const cell = (unit: string, column: string) => rows.find((row) => row.includes(unit))![header.indexOf(column)];
    expect([cell('龙源村', '上年排名'), cell('龙源村', '名次变化'), cell('龙源村', '上年等次')]).toEqual(['5', '↑3', '较好']);
    expect([cell('梅池村', '上年排名'), cell('梅池村', '名次变化'), cell('梅池村', '上年等次')]).toEqual(['1', '↓2', '好']);
    expect(cell('幸福村', '名次变化')).toBe('新增');
    expect(port.applied[0].add.map((s) => s.name)).toContain('同比分析');
    // The chosen sheet is only read: the plan neither removes nor adds it.
    expect(port.applied[0].remove).not.toContain('2017考核结果');
    expect(port.applied[0].add.map((s) => s.name)).not.toContain('2017考核结果');
  });

  it('without a 上年结果表 nothing changes: no 上年排名 column, no 同比分析', async () => {
    const port = fakePort(withLastYear('2017考核结果', LAST_YEAR));
    const report = await createExcelHost({ port, lang: 'zh', now: () => NOW }).compute(DEFAULT_ROLES, null);
    expect(report.outcome.ok).toBe(true);
    expect(report.outcome.analysis!.years).toBeNull();
    expect(resultRows(port.applied[0])[1]).not.toContain('上年排名');
    expect(port.applied[0].add.map((s) => s.name)).not.toContain('同比分析');
  });

  it('an unreadable cell of the 上年结果表 is an input error on that cell, and nothing is written', async () => {
    const port = fakePort(withLastYear('2017考核结果', [[1, '梅池村', '九十六', '好'], [2, '黄金村', 95, '优']]));
    const host = createExcelHost({ port, lang: 'zh', now: () => NOW });
    const checked = await host.check(DEFAULT_ROLES, '2017考核结果');
    expect(checked.ok).toBe(false);
    expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([
      { severity: 'error', sheet: '2017考核结果', cell: 'C3', code: 'analysis.previous.total', params: { found: '九十六' } },
      { severity: 'error', sheet: '2017考核结果', cell: 'D4', code: 'analysis.previous.grade', params: { found: '优' } },
    ]);
    const report = await host.compute(DEFAULT_ROLES, '2017考核结果');
    expect(report.outcome.ok).toBe(false);
    expect(port.apply).not.toHaveBeenCalled();
  });

  it('a 上年结果表 that is gone is one error naming it', async () => {
    const port = fakePort(demoSnapshot());
    const outcome = await createExcelHost({ port, lang: 'zh', now: () => NOW }).check(DEFAULT_ROLES, '2017考核结果');
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([{ severity: 'error', sheet: '', cell: '', code: 'analysis.previous.sheetMissing', params: { sheet: '2017考核结果' } }]);
  });

  it('passes the chosen roles on (a role set to none is not read)', async () => {
    const port = fakePort(demoSnapshot());
    await createExcelHost({ port, lang: 'zh', now: () => NOW }).check({ ...DEFAULT_ROLES, problems: '', assistance: '' });
    expect(port.picks[0]).toEqual(['考核数据', '指标设置', '考核参数']);
  });

  it('inserts only the template sheets that do not exist, then shows the first', async () => {
    const port = fakePort(empty);
    const report = await createExcelHost({ port, lang: 'zh' }).insertTemplate(false);
    expect(report).toEqual({ added: ['指标设置', '问题清单', '帮扶单位', '考核参数'], skipped: ['考核数据'], download: null });
    expect(port.applied).toHaveLength(1);
    expect(port.applied[0].remove).toEqual([]);
    expect(port.applied[0].add.map((s) => s.name)).toEqual(report.added);
    expect(port.activate).toHaveBeenCalledWith('指标设置');
  });

  it('writes nothing when every template sheet exists', async () => {
    const port = fakePort(demoSnapshot());
    const report = await createExcelHost({ port, lang: 'zh' }).insertTemplate(true);
    expect(report.added).toEqual([]);
    expect(port.apply).not.toHaveBeenCalled();
  });

  it('selects cells and activates sheets through the port', async () => {
    const port = fakePort(empty);
    const host = createExcelHost({ port, lang: 'zh' });
    await host.select('考核数据', 'F7');
    await host.openSheet('考核结果');
    expect(port.select).toHaveBeenCalledWith('考核数据', 'F7');
    expect(port.activate).toHaveBeenCalledWith('考核结果');
  });

  it('words Office failures with the adapter\'s messages', () => {
    const host = createExcelHost({ port: fakePort(empty), lang: 'zh' });
    expect(host.describeError(new OfficeFailure({ code: 'ui.office.editMode' }, 'InvalidOperationInCellEditMode', null))).toEqual({ code: 'ui.office.editMode' });
    expect(host.describeError({ code: 'ItemNotFound' })).toEqual({ code: 'ui.office.itemNotFound' });
  });
});
