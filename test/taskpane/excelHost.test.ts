import { OfficeFailure } from '../../src/io/office';
import type { InteractivePort } from '../../src/io/port';
import type { WorkbookSnapshot, WritePlan } from '../../src/core/types';
import { DEFAULT_ROLES } from '../../src/core';
import { createExcelHost } from '../../src/taskpane/excelHost';
import { NOW, demoSnapshot } from './fixtures';

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
