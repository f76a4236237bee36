/**
 * The WPS adapter against the WPS simulator: the one-click path on the demo ledger, the
 * workbook contract (own sheets replaced, a user's sheets untouched, text stays text),
 * staging and clean-up when WPS fails half-way, and bounded reading.
 */
import { REGISTRY_SHEET, sheetsToRead } from '../../../src/core';
import type { OutputSheet } from '../../../src/core/types';
import { runAssessmentInExcel } from '../../../src/io/office';
import { officeErrorMsg } from '../../../src/io/officeErrors';
import { createWpsPort, wpsApplicationOf } from '../../../src/io/wps';
import { isDateFormat, readSheet, serialToDate, wpsCellValue } from '../../../src/io/wpsRead';
import { STAGING_PREFIX } from '../../../src/io/staging';
import { bgrColour } from '../../../src/io/wpsWrite';
import type { WpsApplication } from '../../../src/io/wpsTypes';
import { SimApplication, type SimWorksheet } from './wps-simulator';
import { demoLedger } from '../simulator/workbooks';
import { simFromSheets } from './workbooks';

const NOW = new Date(2019, 0, 5, 10, 0, 0);
const asWps = (app: SimApplication) => app as unknown as WpsApplication;
const run = (app: SimApplication) => runAssessmentInExcel(createWpsPort(asWps(app)), { lang: 'zh', now: NOW });
const planned = (outcome: Awaited<ReturnType<typeof run>>, name: string) => outcome.plan!.add.find((sheet) => sheet.name === name) as OutputSheet;

describe('one click on the demo ledger', () => {
  it('writes every result sheet, the registry very hidden, and restores ScreenUpdating and DisplayAlerts', async () => {
    const app = simFromSheets();
    const before = app.sheetNames();
    const outcome = await run(app);
    expect(outcome.ok).toBe(true);
    expect(app.sheetNames().slice(0, before.length)).toEqual(before);
    expect(app.sheetNames().slice(before.length)).toEqual(outcome.plan!.add.map((sheet) => sheet.name));
    expect(app.sheetNames()).toEqual(expect.arrayContaining(['考核结果', '计算明细', '约谈名单', '考核说明', REGISTRY_SHEET]));
    expect(app.sheetNames().some((name) => name.startsWith(STAGING_PREFIX))).toBe(false);
    expect(app.sheet(REGISTRY_SHEET)!.Visible).toBe(2);
    expect(app.ScreenUpdating).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
    expect(app.screenUpdatingLog).toEqual([false, true]);
    expect(app.blockedPrompts).toEqual([]);
    expect(app.book.active?.Name).toBe('考核结果');
    const results = planned(outcome, '考核结果');
    expect(app.valuesOf('考核结果').length).toBe(results.rows.length);
    expect(app.valuesOf('考核结果')[0][0]).toBe(results.rows[0][0].v);
  });

  it('writes fills in BGR, bold headers, text formats, widths in characters, merges, frozen panes, notes and page setup', async () => {
    const app = simFromSheets();
    const outcome = await run(app);
    const results = planned(outcome, '考核结果');
    const sheet = app.sheet('考核结果') as SimWorksheet;
    const filled = results.rows.flatMap((row, r) => row.map((cell, c) => ({ cell, r, c }))).find(({ cell }) => cell.fill)!;
    const argb = filled.cell.fill!;
    const bgr = Number.parseInt(argb.slice(6, 8) + argb.slice(4, 6) + argb.slice(2, 4), 16);
    expect(sheet.cell(filled.r, filled.c)?.fill).toBe(bgr);
    const header = results.headerRows[0] - 1;
    expect(sheet.cell(header, 0)?.bold).toBe(true);
    expect(sheet.cell(header, 0)?.border).toBe(1);
    // Every string cell is text (`@`), so WPS never parses it.
    results.rows.forEach((row, r) => row.forEach((cell, c) => typeof cell.v === 'string' && expect(sheet.cell(r, c)?.format).toBe('@')));
    results.widths.forEach((width, c) => width > 0 && expect(sheet.columnWidths.get(c)).toBe(width));
    expect(sheet.merges.length).toBe(results.merges.length);
    expect(sheet.frozen).toEqual({ rows: results.freezeRows, columns: results.freezeCols });
    const notes = results.rows.flat().filter((cell) => cell.note).length;
    expect(notes).toBeGreaterThan(0);
    expect([...sheet.cells.values()].filter((cell) => cell.comment !== undefined).length).toBe(notes);
    expect(sheet.PageSetup).toMatchObject({ Orientation: 2, PaperSize: 9, Zoom: false, FitToPagesWide: 1, FitToPagesTall: false, PrintTitleRows: '$1:$2' });
  });

  it('running twice leaves one set of results, the registry rewritten in place', async () => {
    const app = simFromSheets();
    await run(app);
    const first = app.sheetNames();
    const registry = app.sheet(REGISTRY_SHEET);
    await run(app);
    expect(app.sheetNames()).toEqual(first);
    expect(app.sheet(REGISTRY_SHEET)).toBe(registry);
    expect(app.sheet(REGISTRY_SHEET)!.Visible).toBe(2);
    expect(app.sheetNames().filter((name) => name.startsWith('考核结果'))).toEqual(['考核结果']);
  });

  it("keeps a user's own sheet named 考核结果 untouched and writes beside it", async () => {
    const app = simFromSheets();
    app.addSheet('考核结果', [['我的笔记', 42]]);
    const outcome = await run(app);
    expect(app.valuesOf('考核结果')).toEqual([['我的笔记', 42]]);
    expect(outcome.plan!.renamed).toEqual(expect.arrayContaining([{ wanted: '考核结果', actual: '考核结果(2)' }]));
    await run(app);
    expect(app.valuesOf('考核结果')).toEqual([['我的笔记', 42]]);
    expect(app.sheetNames().filter((name) => name.startsWith('考核结果'))).toEqual(['考核结果', '考核结果(2)']);
  });

  it('writes a unit named =HYPERLINK(…) as text, never as a formula or a number', async () => {
    const sheets = simFromSheets(demoLedger(20));
    const data = sheets.sheet('考核数据')!;
    const nameCells = [...data.cells.entries()].filter(([, cell]) => cell.value === '测试0020村');
    expect(nameCells.length).toBe(1);
    nameCells[0][1].value = '=HYPERLINK("http://x","y")';
    const outcome = await run(sheets);
    expect(outcome.ok).toBe(true);
    const written = [...sheets.sheet('考核结果')!.cells.values()];
    expect(written.some((cell) => cell.value === '=HYPERLINK("http://x","y")' && cell.format === '@')).toBe(true);
    for (const name of sheets.sheetNames()) for (const cell of sheets.sheet(name)!.cells.values()) expect(cell.formula).toBeUndefined();
  });

  it('refuses a workbook whose structure is protected, changing nothing', async () => {
    const app = simFromSheets();
    app.book.ProtectStructure = true;
    const before = app.sheetNames();
    await expect(run(app)).rejects.toMatchObject({ msg: { code: 'wps.protected' } });
    expect(app.sheetNames()).toEqual(before);
    expect(app.ScreenUpdating).toBe(true);
  });
});

describe('staging and swap when WPS fails half-way', () => {
  it('a failure while staging leaves the old results and restores ScreenUpdating; the next run cleans up', async () => {
    const app = simFromSheets();
    await run(app);
    const first = app.sheetNames();
    const oldResults = app.valuesOf('考核结果');
    // Fail a little after the read, while the result sheets are being staged.
    const before = app.calls;
    await createWpsPort(asWps(app)).read((names) => sheetsToRead(names));
    app.failAfter = app.calls - before + 150;
    const failed = run(app);
    await expect(failed).rejects.toMatchObject({ name: 'WpsFailure', msg: { code: 'wps.rolledBack', params: { reason: 'simulated WPS failure' } } });
    expect(app.sheetNames()).toEqual(first);
    expect(app.valuesOf('考核结果')).toEqual(oldResults);
    expect(app.ScreenUpdating).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
    // A staged sheet that could not be removed is cleaned up by the next run.
    app.addSheet(`${STAGING_PREFIX}3`, [['left over']]);
    const outcome = await run(app);
    expect(outcome.ok).toBe(true);
    expect(app.sheetNames()).toEqual(first);
  });

  it('an unregistered result sheet left by a failed run is proven by its marker row and replaced', async () => {
    const app = simFromSheets();
    const outcome = await run(app);
    const names = app.sheetNames();
    // As if the registry had never been written: only the marker row says the sheets are Kaohe's.
    app.sheet(REGISTRY_SHEET)!.cells.clear();
    app.addSheet('考核结果(9)', [['不是 Kaohe 的'], [null], ['本表由 Kaohe（考核）生成，但后面还有内容'], ['x']]);
    await run(app);
    const visible = (list: string[]) => list.filter((name) => name !== REGISTRY_SHEET);
    const inputs = visible(names).filter((name) => !outcome.plan!.add.some((sheet) => sheet.name === name));
    const results = visible(names).filter((name) => !inputs.includes(name));
    // The old set replaced (no 考核结果(2)), the new set after the user's newest sheet.
    expect(visible(app.sheetNames())).toEqual([...inputs, '考核结果(9)', ...results]);
    expect(app.valuesOf('考核结果(9)')[0][0]).toBe('不是 Kaohe 的');
  });

  it('the failure is worded for the pane (officeErrorMsg knows a WpsFailure)', async () => {
    const app = simFromSheets();
    app.failAfter = 5;
    const error = await run(app).catch((e: unknown) => e);
    expect(officeErrorMsg(error)).toEqual({ code: 'wps.failed', params: { detail: 'simulated WPS failure' } });
  });

  it('a refusal during the swap is finished (roll forward): the new set, nothing left over', async () => {
    const app = simFromSheets();
    await run(app);
    const first = app.sheetNames();
    app.sheet('计算明细')!.cells.set('0,0', { value: 'OLD' });
    app.failNextDelete = '计算明细';
    const outcome = await run(app);
    expect(outcome.ok).toBe(true);
    expect(app.sheetNames()).toEqual(first);
    expect(app.valuesOf('计算明细')[0][0]).not.toBe('OLD');
    expect(app.ScreenUpdating).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
  });

  it.each([1, 30, 200, 800, 1600, 3200])('whenever WPS fails (call %i), the workbook holds the old set or the new one, and the screen is restored', async (n) => {
    const app = simFromSheets();
    await run(app);
    const names = app.sheetNames();
    app.failAfter = n;
    await run(app).catch(() => undefined);
    expect(app.ScreenUpdating).toBe(true);
    expect(app.DisplayAlerts).toBe(true);
    app.failAfter = 0;
    // Whatever was left, the next run ends with exactly one set.
    await run(app);
    expect(app.sheetNames()).toEqual(names);
  });
});

describe('reading', () => {
  it('a one-cell sheet comes back from a scalar Value2', async () => {
    const app = new SimApplication();
    app.addSheet('考核参数', [['镇名']]);
    const snapshot = await createWpsPort(asWps(app)).read((names) => names);
    expect(snapshot.sheets['考核参数']).toMatchObject({ values: [['镇名']], formats: [['General']], originRow: 0, originCol: 0, merges: [], hiddenRows: [] });
  });

  it('reads formats per column and per cell where they are mixed, with few calls', async () => {
    const app = new SimApplication();
    const rows = Array.from({ length: 2000 }, (_, r) => [r === 0 ? '单位' : `村${r}`, r === 0 ? '率' : { value: 0.9, format: r === 1500 ? '0.0%' : '0%' }]);
    app.addSheet('考核数据', rows);
    const calls = app.calls;
    const snapshot = await createWpsPort(asWps(app)).read((names) => names);
    const formats = snapshot.sheets['考核数据'].formats!;
    expect(formats[0]).toEqual(['General', 'General']);
    expect(formats[1]).toEqual(['General', '0%']);
    expect(formats[1500][1]).toBe('0.0%');
    expect(formats[1999][1]).toBe('0%');
    // 2 columns × 2,000 rows, 2 format changes in column B: about log2(2000) ≈ 11 halvings each.
    expect(app.calls - calls).toBeLessThan(120);
  });

  it('finds merged areas and hidden rows by halving, not cell by cell', async () => {
    const app = new SimApplication();
    const rows = Array.from({ length: 5000 }, (_, r) => [`单位${r}`, r, r * 2]);
    app.addSheet('考核数据', rows, { merges: ['A1:C1', 'A200:A203'], hiddenRows: [7, 8, 4000] });
    const calls = app.calls;
    const grid = readSheet(asWps(app).ActiveWorkbook!.Sheets.Item('考核数据'), '考核数据');
    expect(grid.merges!.sort()).toEqual(['A1:C1', 'A200:A203']);
    expect(grid.hiddenRows).toEqual([7, 8, 4000]);
    expect(grid.hiddenCols).toEqual([]);
    expect(app.calls - calls).toBeLessThan(400);
  });

  it('a stray far cell makes the sheet unreadable with a message, without reading a billion cells', async () => {
    const app = new SimApplication();
    const sheet = app.addSheet('考核数据', [['单位'], ['龙源村']]);
    sheet.cells.set('1048575,16383', { value: 'x' });
    const snapshot = await createWpsPort(asWps(app)).read((names) => names);
    expect(snapshot.sheets['考核数据']).toMatchObject({
      values: [],
      unreadable: { code: 'wps.read.tooLarge', params: { sheet: '考核数据', range: 'A1:XFD1048576', limit: 2_000_000 } },
    });
    expect(app.cellsRead).toBe(0);
  });

  it('CVErr numbers become error values; blanks become null', () => {
    expect(wpsCellValue(-2146826281)).toEqual({ error: '#DIV/0!' });
    expect(wpsCellValue(-2146826246)).toEqual({ error: '#N/A' });
    expect(wpsCellValue(undefined)).toBeNull();
    expect(wpsCellValue('')).toBeNull();
    expect(wpsCellValue(0.95)).toBe(0.95);
  });

  it('reads only the sheets sheetsToRead picks', async () => {
    const app = simFromSheets();
    app.addSheet('备忘', [['x']]);
    app.addSheet('考核结果', [['旧结果']]);
    const snapshot = await createWpsPort(asWps(app)).read((names) => sheetsToRead(names));
    expect(snapshot.sheetNames).toEqual(expect.arrayContaining(['备忘', '考核结果']));
    // Other sheets are searched for data columns (issue 10); Kaohe's own result sheets never are.
    expect(Object.keys(snapshot.sheets)).toContain('备忘');
    expect(Object.keys(snapshot.sheets)).not.toContain('考核结果');
    expect(Object.keys(snapshot.sheets)).toContain('考核数据');
  });
});

describe('select and activate, detection', () => {
  it('select activates the sheet first (WPS refuses to select on an inactive sheet)', async () => {
    const app = simFromSheets();
    await createWpsPort(asWps(app)).select('指标设置', 'C4');
    expect(app.book.active?.Name).toBe('指标设置');
    expect(app.book.selection).toEqual({ sheet: '指标设置', address: '$C$4' });
  });

  it('finds the spreadsheet Application on window, and nothing in a browser or in WPS 文字', () => {
    const app = new SimApplication();
    expect(wpsApplicationOf({ Application: app })).toBe(app);
    expect(wpsApplicationOf({ wps: { Application: app } })).toBe(app);
    expect(wpsApplicationOf({})).toBeNull();
    expect(wpsApplicationOf({ Application: { ActiveDocument: {} } })).toBeNull();
    expect(wpsApplicationOf(undefined)).toBeNull();
  });

  it('bgrColour swaps the bytes', () => {
    expect(bgrColour('FFFF0000')).toBe(0x0000ff);
    expect(bgrColour('FF0000FF')).toBe(0xff0000);
    expect(bgrColour('FFC6EFCE')).toBe(0xceefc6);
  });
});

describe('dates', () => {
  it.each([
    ['yyyy-mm-dd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['h:mm', true],
    ['[h]:mm:ss', true],
    ['m/d/yy', true],
    ['General', false],
    ['0%', false],
    ['0.00E+00', false],
    ['#,##0 "元"', false],
    ['[Red]0.00', false],
    ['@', false],
    [null, false],
  ])('isDateFormat(%p) is %p', (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });

  it('a date-formatted serial number is read as the Date the CLI sees', async () => {
    const app = new SimApplication();
    app.addSheet('考核参数', [['考核日期', { value: 43465, format: 'yyyy-mm-dd' }, { value: 43465, format: '0' }]]);
    const grid = (await createWpsPort(asWps(app)).read((names) => names)).sheets['考核参数'];
    expect(grid.values[0][1]).toEqual(new Date(Date.UTC(2018, 11, 31)));
    expect(grid.values[0][2]).toBe(43465);
    expect(serialToDate(43465, true)).toEqual(new Date(Date.UTC(2023, 0, 1)));
  });
});
