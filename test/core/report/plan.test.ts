import { REGISTRY_SHEET } from '../../../src/core/defaults';
import { isKaoheSheetName, planWrite, registeredSheets, REGISTRY_MARKER } from '../../../src/core/report/plan';
import type { CellValue, OutputSheet, WorkbookSnapshot, WritePlan } from '../../../src/core/types';

const sheet = (name: string): OutputSheet => ({
  name,
  rows: [[{ v: name }]],
  merges: [],
  widths: [10],
  freezeRows: 2,
  freezeCols: 0,
  headerRows: [2],
  print: { landscape: true, fitToWidth: true },
});
const OURS = ['考核结果', '计算明细', '约谈名单', '考核说明'].map(sheet);

function registryGrid(rows: CellValue[][]) {
  return { name: REGISTRY_SHEET, values: rows, originRow: 0, originCol: 0 };
}

/** What a workbook looks like after carrying out a plan (names only). */
function applied(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const names = snapshot.sheetNames.filter((n) => !plan.remove.includes(n)).concat(plan.add.map((s) => s.name));
  const registry = plan.add.find((s) => s.name === REGISTRY_SHEET)!;
  return { sheetNames: names, sheets: { [REGISTRY_SHEET]: registryGrid(registry.rows.map((r) => r.map((c) => c.v))) } };
}

describe('isKaoheSheetName', () => {
  it.each([
    ['考核结果', true],
    ['考核结果(2)', true],
    ['数据核验(12)', true],
    ['考核数据', false],
    ['Sheet1', false],
    ['考核结果（2）', false],
  ])('%s → %s', (name, expected) => expect(isKaoheSheetName(name)).toBe(expected));
});

describe('planWrite', () => {
  it('first run: adds the sheets under their names plus a very-hidden registry', () => {
    const plan = planWrite({ sheetNames: ['考核数据'], sheets: {} }, OURS);
    expect(plan.remove).toEqual([]);
    expect(plan.renamed).toEqual([]);
    expect(plan.add.map((s) => s.name)).toEqual(['考核结果', '计算明细', '约谈名单', '考核说明', REGISTRY_SHEET]);
    const registry = plan.add[4];
    expect(registry.hidden).toBe(true);
    expect(registry.rows.map((r) => r[0].v)).toEqual([REGISTRY_MARKER, '考核结果', '计算明细', '约谈名单', '考核说明']);
  });

  it('re-run: replaces only its own sheets, leaving one set', () => {
    const first = { sheetNames: ['考核数据', 'Sheet1'], sheets: {} };
    const afterFirst = applied(first, planWrite(first, OURS));
    const second = planWrite(afterFirst, OURS);
    expect(second.remove.sort()).toEqual([...OURS.map((s) => s.name), REGISTRY_SHEET].sort());
    expect(second.renamed).toEqual([]);
    const afterSecond = applied(afterFirst, second);
    expect(afterSecond.sheetNames.sort()).toEqual(afterFirst.sheetNames.sort());
  });

  it("a user's 考核结果 survives; ours becomes 考核结果(2), and a re-run reuses that name", () => {
    const start = { sheetNames: ['考核数据', '考核结果', '考核结果(2)x'], sheets: {} };
    const plan = planWrite(start, OURS);
    expect(plan.remove).toEqual([]);
    expect(plan.renamed).toEqual([{ wanted: '考核结果', actual: '考核结果(2)' }]);
    expect(plan.add[0].name).toBe('考核结果(2)');
    const rerun = planWrite(applied(start, plan), OURS);
    expect(rerun.remove).toContain('考核结果(2)');
    expect(rerun.remove).not.toContain('考核结果');
    expect(rerun.add[0].name).toBe('考核结果(2)');
  });

  it('skips names already taken: (2) taken by the user → (3)', () => {
    const plan = planWrite({ sheetNames: ['考核结果', '考核结果(2)'], sheets: {} }, OURS);
    expect(plan.renamed).toEqual([{ wanted: '考核结果', actual: '考核结果(3)' }]);
  });

  it('a registry without its marker trusts nothing', () => {
    const snapshot = {
      sheetNames: ['考核结果', REGISTRY_SHEET],
      sheets: { [REGISTRY_SHEET]: registryGrid([['考核结果'], ['计算明细']]) },
    };
    const plan = planWrite(snapshot, OURS);
    expect(plan.remove).toEqual([REGISTRY_SHEET]);
    expect(plan.add[0].name).toBe('考核结果(2)');
  });

  it('a tampered registry cannot make Kaohe delete an input sheet', () => {
    const snapshot = {
      sheetNames: ['考核数据', '考核结果', REGISTRY_SHEET],
      sheets: { [REGISTRY_SHEET]: registryGrid([[REGISTRY_MARKER, 1], ['考核数据'], ['考核结果'], ['不存在的表']]) },
    };
    expect(registeredSheets(snapshot.sheets[REGISTRY_SHEET])).toEqual(['考核结果']);
    expect(planWrite(snapshot, OURS).remove).toEqual(['考核结果', REGISTRY_SHEET]);
  });

  it('a registry listed but not read (missing grid) trusts nothing', () => {
    const plan = planWrite({ sheetNames: ['考核结果', REGISTRY_SHEET], sheets: {} }, OURS);
    expect(plan.remove).toEqual([REGISTRY_SHEET]);
    expect(plan.renamed).toHaveLength(1);
  });
});
