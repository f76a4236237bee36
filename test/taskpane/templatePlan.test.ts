import { templatePlan } from '../../src/taskpane/templatePlan';

describe('templatePlan', () => {
  it('adds all five input sheets to an empty workbook, removing nothing', () => {
    const planned = templatePlan(['Sheet1'], false);
    expect(planned.added).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
    expect(planned.skipped).toEqual([]);
    expect(planned.plan.remove).toEqual([]);
    expect(planned.plan.renamed).toEqual([]);
    expect(planned.plan.add.map((s) => s.name)).toEqual(planned.added);
  });

  it('never writes over an existing sheet: it is skipped', () => {
    const planned = templatePlan(['考核数据', '考核参数'], true);
    expect(planned.added).toEqual(['指标设置', '问题清单', '帮扶单位']);
    expect(planned.skipped).toEqual(['考核数据', '考核参数']);
    expect(planned.plan.add.map((s) => s.name)).toEqual(['指标设置', '问题清单', '帮扶单位']);
  });

  it('fills the demo data only when asked', () => {
    const dataRows = (demo: boolean) => templatePlan([], demo).plan.add.find((s) => s.name === '考核数据')!.rows.length;
    expect(dataRows(true)).toBeGreaterThan(dataRows(false) + 10);
  });
});
