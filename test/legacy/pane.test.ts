/**
 * @jest-environment jsdom
 *
 * The legacy pane (plain DOM) driving the Excel simulator: roles defaulted by sheet name and
 * changeable, 上年结果表 (同比), 检查数据 with the error list (a click selects the cell), 计算排名, the summary,
 * links that open the result sheets; English when Office is English; failures in our words.
 */
import { REGISTRY_SHEET } from '../../src/core';
import { createOfficePort, officeErrorMsg } from '../../src/io/office';
import { mountLegacyPane } from '../../src/legacy/pane';
import { foldCompatibility, installPolyfills } from '../../src/legacy/polyfills';
import { EXCEL_2016, ExcelSimulator } from '../io/simulator/excel-simulator';
import { demoLedger, loadSheets } from '../io/simulator/workbooks';

const NOW = new Date(2019, 0, 5, 10, 0, 0);

function setUp(sheets = demoLedger(), lang: 'zh' | 'en' = 'zh') {
  const sim = new ExcelSimulator({ requirements: EXCEL_2016 });
  loadSheets(sim, sheets);
  const uninstall = sim.install();
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root') as HTMLElement;
  const pane = mountLegacyPane(root, { port: createOfficePort(), lang, describeError: officeErrorMsg, now: () => NOW });
  return { sim, uninstall, root, pane };
}

const text = (root: HTMLElement, id: string) => (root.querySelector(`[data-testid="${id}"]`) as HTMLElement).textContent ?? '';
const click = (node: Element | null) => (node as HTMLElement).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
/** Lets the pane's promise chain settle (each simulated sync settles asynchronously). */
const settle = async () => {
  for (let i = 0; i < 50; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('legacy pane on Excel 2016 (simulator)', () => {
  it('check → compute → summary, then the links open the result sheets', async () => {
    const { sim, uninstall, root, pane } = setUp();
    try {
      await pane.refresh();
      const data = root.querySelector('select[data-role="data"]') as HTMLSelectElement;
      expect(data.value).toBe('考核数据');
      expect((root.querySelector('select[data-role="indicators"]') as HTMLSelectElement).value).toBe('指标设置');

      click(root.querySelector('[data-testid="check"]'));
      await settle();
      await pane.check();
      expect(text(root, 'issues')).toMatch(/0 处错误/);

      sim.resetStats();
      click(root.querySelector('[data-testid="compute"]'));
      await settle();
      await pane.compute();
      const summary = text(root, 'summary');
      expect(summary).toContain('好（3）：龙源村、梅池村、黄金村');
      expect(summary).toContain('较差（1）：五爱村');
      expect(summary).toContain('约谈名单');
      expect(text(root, 'status')).toContain('计算完成');
      expect(sim.sheetNames()).toEqual(expect.arrayContaining(['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '考核说明', REGISTRY_SHEET]));

      const link = root.querySelector('a[data-sheet="约谈名单"]');
      expect(link?.textContent).toBe('打开"约谈名单"');
      click(link);
      await settle();
      expect(sim.activeSheet).toBe('约谈名单');
    } finally {
      uninstall();
    }
  });

  it('offers a 上年结果表 (default （无）) and, when one is chosen, adds 上年排名 and 名次变化 to 考核结果', async () => {
    // Last year (排名, 单位, 总分, 等次): 龙源村 was 5th and is 2nd now (↑3); 梅池村 was 1st and is 3rd (↓2).
    const lastYear = { name: '2017考核结果', rows: [['排名', '单位', '总分', '等次'], [1, '梅池村', 96, '好'], [2, '黄金村', 95, '好'], [3, '老屋村', 94, '好'], [5, '龙源村', 92, '较好']] };
    const { sim, uninstall, root, pane } = setUp();
    try {
      sim.addSheet(lastYear.name, lastYear.rows);
      sim.addSheet('Sheet1', [['备注']]);
      await pane.refresh();
      const picker = root.querySelector('select[data-testid="previous-sheet"]') as HTMLSelectElement;
      expect(Array.from(picker.options).map((o) => o.textContent)).toEqual(['（无）', '2017考核结果', 'Sheet1']);
      expect(picker.value).toBe('');
      expect(pane.previousSheet()).toBeNull();
      picker.value = '2017考核结果';
      picker.dispatchEvent(new Event('change'));
      expect(pane.previousSheet()).toBe('2017考核结果');

      await pane.compute();
      expect(text(root, 'status')).toContain('计算完成');
      const result = sim.valuesOf('考核结果');
      const header = result.find((row) => row.includes('上年排名')) as unknown[];
      const row = (name: string) => result.find((r) => r.includes(name)) as unknown[];
      const at = (name: string, column: string) => row(name)[header.indexOf(column)];
      expect([at('龙源村', '上年排名'), at('龙源村', '名次变化'), at('梅池村', '名次变化')]).toEqual([5, '↑3', '↓2']);
      // The last-year sheet was only read; after the run it is still offered and still chosen,
      // and this run's 考核结果 is offered last, as this workbook's own.
      expect(sim.valuesOf('2017考核结果')).toEqual(lastYear.rows);
      expect(Array.from(picker.options).map((o) => o.textContent)).toEqual(['（无）', '2017考核结果', 'Sheet1', '考核结果（本工作簿上次计算的结果，不是上年的）']);
      expect(picker.value).toBe('2017考核结果');

      // Kaohe's own 考核结果 chosen: read as asked, then replaced by this run, so the choice goes back to （无）.
      picker.value = '考核结果';
      picker.dispatchEvent(new Event('change'));
      await pane.compute();
      expect(text(root, 'status')).toContain('计算完成');
      expect(picker.value).toBe('');
      expect(pane.previousSheet()).toBeNull();
    } finally {
      uninstall();
    }
  });

  it('lists errors in our words; a click on one selects its cell; nothing is written', async () => {
    const sheets = demoLedger().map((sheet) =>
      sheet.name === '考核数据' ? { ...sheet, rows: sheet.rows.map((row, r) => (r === sheet.headerRows[0] ? row.map((cell, c) => (c === 4 ? { ...cell, v: '九十' } : cell)) : row)) } : sheet,
    );
    const { sim, uninstall, root, pane } = setUp(sheets);
    try {
      await pane.refresh();
      const before = sim.sheetNames();
      await pane.compute();
      expect(text(root, 'status')).toMatch(/发现 \d+ 处数据错误，未写入任何结果/);
      expect(sim.sheetNames()).toEqual(before);
      const go = root.querySelector('a[data-cell]') as HTMLElement;
      expect(go.getAttribute('data-cell')).toMatch(/^考核数据!E\d+$/);
      expect(text(root, 'issues')).toContain('九十');
      click(go);
      await settle();
      expect(sim.selection).toEqual({ sheet: '考核数据', address: go.getAttribute('data-cell')!.split('!')[1] });
    } finally {
      uninstall();
    }
  });

  it('roles can be changed: 考核数据 pointing at another sheet reports it', async () => {
    const { uninstall, root, pane } = setUp();
    try {
      await pane.refresh();
      const select = root.querySelector('select[data-role="data"]') as HTMLSelectElement;
      select.value = '指标设置';
      select.dispatchEvent(new Event('change'));
      expect(pane.roles().data).toBe('指标设置');
      await pane.check();
      expect(text(root, 'issues')).toMatch(/[1-9]\d* 处错误/);
    } finally {
      uninstall();
    }
  });

  it('speaks English for an English Office, and says what went wrong when Excel refuses', async () => {
    const { sim, uninstall, root, pane } = setUp(demoLedger(), 'en');
    try {
      await pane.refresh();
      expect((root.querySelector('[data-testid="compute"]') as HTMLElement).textContent).toBe('Compute ranking');
      sim.injectFailure({ sync: 1, code: 'InvalidOperation' });
      await pane.compute();
      expect(text(root, 'error')).toBe('Finish editing the cell first (press Enter or Esc), then try again.');
    } finally {
      uninstall();
    }
  });
});

describe('legacy polyfills', () => {
  it('folds full-width forms as NFKC does, for what the core relies on', () => {
    const samples = ['ＡＢ１２％（）：　', '９５．５％', '①⑳', '￥１２３', '龙源村 95'];
    for (const sample of samples) expect(foldCompatibility(sample)).toBe(sample.normalize('NFKC'));
  });
  it('installs normalize and a code-point Intl.Collator only where missing', () => {
    const scope: Record<string, unknown> = {};
    installPolyfills(scope);
    const Collator = (scope.Intl as { Collator: new () => { compare: (a: string, b: string) => number } }).Collator;
    expect(new Collator().compare('a', 'b')).toBe(-1);
    const kept = { Intl };
    installPolyfills(kept);
    expect(kept.Intl).toBe(Intl);
  });
});
