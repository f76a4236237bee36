import ExcelJS from 'exceljs';
import * as adapter from '../../src/io/xlsx/index';
import { DEFAULT_ROLES } from '../../src/core';
import { createFileHost, PreviousUnusable, TEMPLATE_FILE } from '../../src/taskpane/fileHost';
import type { Download } from '../../src/taskpane/host';
import { templatePlan } from '../../src/taskpane/templatePlan';
import { LAST_YEAR, NOW } from './fixtures';
import { storedEntries } from '../io/xlsx/support';

async function demoBytes(): Promise<ArrayBuffer> {
  const book = adapter.newWorkbook();
  await book.apply(templatePlan([], true).plan);
  const bytes = await book.toBuffer();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function sheetNamesOf(bytes: Uint8Array): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => ws.name);
}

/** Last year's result as a town keeps it: a foreign sheet 2017年结果 (title row, header row 2). */
async function lastYearBytes(rows: (string | number)[][]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').getCell('A1').value = '2017 年度';
  const sheet = book.addWorksheet('2017年结果');
  sheet.addRow(['羊楼司镇2017年度考核结果']);
  sheet.addRow(['排名', '单位', '总分', '等次']);
  rows.forEach((row) => sheet.addRow(row));
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return bytes.slice().buffer as ArrayBuffer;
}

/** The header row (row 2) of 考核结果 in a downloaded workbook. */
async function resultHeader(bytes: Uint8Array): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return (book.getWorksheet('考核结果')!.getRow(2).values as unknown[]).slice(1);
}

/** A unit's value in a column of a sheet of the downloaded workbook, by the header row 2. */
async function columnOf(bytes: Uint8Array, sheetName: string, unit: string, column: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(sheetName)!;
  const header = (sheet.getRow(2).values as unknown[]).slice(1);
  expect(header).toContain(column);
  for (let r = 3; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(2).value === unit) return sheet.getRow(r).getCell(header.indexOf(column) + 1).value;
  }
  return undefined;
}

function recordingSave() {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  const save = jest.fn((bytes: Uint8Array, fileName: string): Download => {
    saved.push({ fileName, bytes });
    return { fileName, url: `blob:${saved.length}` };
  });
  return { saved, save };
}

describe('createFileHost', () => {
  it('loads the package adapter only when a file is opened', async () => {
    const load = jest.fn(async () => adapter);
    const host = createFileHost({ lang: 'zh', loadXlsx: load });
    await expect(host.listSheets()).resolves.toEqual([]);
    expect(load).not.toHaveBeenCalled();
    await host.openFile!('镇.xlsx', await demoBytes());
    expect(load).toHaveBeenCalledTimes(1);
    await expect(host.listSheets()).resolves.toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
  });

  it('refuses a non-.xlsx name and unreadable bytes as messages, not throws', async () => {
    const host = createFileHost({ lang: 'zh' });
    await expect(host.openFile!('a.xls', new ArrayBuffer(4))).resolves.toEqual({ ok: false, msg: { code: 'ui.file.wrongType', params: { name: 'a.xls' } } });
    // The reader says what the bytes are (here: not a zip at all), in its own words.
    await expect(host.openFile!('b.xlsx', new TextEncoder().encode('nope').buffer as ArrayBuffer)).resolves.toEqual({
      ok: false,
      msg: { code: 'xlsx.notZip' },
    });
  });

  it('says "open a file first" when asked to check with no file open', async () => {
    const host = createFileHost({ lang: 'zh' });
    const failure = await host.check(DEFAULT_ROLES).catch((e: unknown) => e);
    expect(host.describeError(failure)).toEqual({ code: 'ui.file.none' });
  });

  it('computes into the opened workbook and offers <name>-考核结果.xlsx with inputs and results', async () => {
    const { saved, save } = recordingSave();
    const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
    await host.openFile!('羊楼司镇.xlsx', await demoBytes());
    const report = await host.compute(DEFAULT_ROLES);
    expect(report.outcome.ok).toBe(true);
    expect(report.download).toEqual({ fileName: '羊楼司镇-考核结果.xlsx', url: 'blob:1' });
    const names = await sheetNamesOf(saved[0].bytes);
    expect(names.slice(0, 5)).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
    expect(names).toEqual(expect.arrayContaining(['考核结果', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明']));
  });

  it('re-running replaces its own result sheets and releases the previous link', async () => {
    const { saved, save } = recordingSave();
    const release = jest.fn();
    const host = createFileHost({ lang: 'zh', now: () => NOW, save, release });
    await host.openFile!('镇.xlsx', await demoBytes());
    await host.compute(DEFAULT_ROLES);
    const second = await host.compute(DEFAULT_ROLES);
    expect(second.outcome.plan!.renamed).toEqual([]);
    expect(release).toHaveBeenCalledWith('blob:1');
    const names = await sheetNamesOf(saved[1].bytes);
    expect(names.filter((n) => n.startsWith('考核结果'))).toEqual(['考核结果']);
  });

  it('writes nothing and offers nothing when the input has errors', async () => {
    const { save } = recordingSave();
    const exceljs = new ExcelJS.Workbook();
    exceljs.addWorksheet('Sheet1').getCell('A1').value = 'x';
    const bytes = new Uint8Array(await exceljs.xlsx.writeBuffer());
    const host = createFileHost({ lang: 'zh', now: () => NOW, save });
    await host.openFile!('空.xlsx', bytes.slice().buffer as ArrayBuffer);
    const report = await host.compute(DEFAULT_ROLES);
    expect(report.outcome.ok).toBe(false);
    expect(report.download).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });

  it('keeps every entry of the input byte for byte in the download (no separate result workbook)', async () => {
    const { saved, save } = recordingSave();
    const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
    const input = new Uint8Array(await demoBytes());
    await host.openFile!('台账.xlsx', input.slice().buffer as ArrayBuffer);
    const report = await host.compute(DEFAULT_ROLES);
    expect(report.download).not.toBeNull();
    const before = storedEntries(input);
    const after = storedEntries(saved[0].bytes);
    const edited = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];
    for (const [name, entry] of before) {
      if (edited.includes(name)) continue;
      expect(Buffer.from(after.get(name)!.local).equals(Buffer.from(entry.local))).toBe(true);
    }
  });

  it('offers the template as a download in file mode', async () => {
    const { saved, save } = recordingSave();
    const host = createFileHost({ lang: 'zh', save });
    const report = await host.insertTemplate(true);
    expect(report.download?.fileName).toBe(TEMPLATE_FILE.demo);
    expect(await sheetNamesOf(saved[0].bytes)).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
  });

  describe('last year\'s result file', () => {
    it('reads a foreign result sheet and adds 上年排名, 名次变化, 上年等次 and 同比分析 to the download', async () => {
      const { saved, save } = recordingSave();
      const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
      await host.openFile!('羊楼司镇.xlsx', await demoBytes());
      await expect(host.openPrevious!('2017年考核结果.xlsx', await lastYearBytes(LAST_YEAR))).resolves.toEqual({
        ok: true,
        fileName: '2017年考核结果.xlsx',
        sheet: '2017年结果',
        units: 5,
      });
      const report = await host.compute(DEFAULT_ROLES);
      expect(report.outcome.analysis!.years!.source).toBe('2017年考核结果.xlsx');
      expect(report.outcome.analysis!.years!.gone).toEqual(['老屋村']);
      const bytes = saved[0].bytes;
      expect(await columnOf(bytes, '考核结果', '龙源村', '上年排名')).toBe(5);
      expect(await columnOf(bytes, '考核结果', '龙源村', '名次变化')).toBe('↑3');
      expect(await columnOf(bytes, '考核结果', '梅池村', '上年等次')).toBe('好');
      expect(await columnOf(bytes, '考核结果', '幸福村', '名次变化')).toBe('新增');
      expect(await sheetNamesOf(bytes)).toContain('同比分析');
    });

    it('reads Kaohe\'s own 考核结果 from last year\'s download', async () => {
      const { saved, save } = recordingSave();
      const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
      await host.openFile!('镇.xlsx', await demoBytes());
      await host.compute(DEFAULT_ROLES);
      const last = saved[0].bytes;
      const opened = await host.openPrevious!('镇-考核结果.xlsx', last.slice().buffer as ArrayBuffer);
      expect(opened).toEqual({ ok: true, fileName: '镇-考核结果.xlsx', sheet: '考核结果', units: 19 });
      const report = await host.compute(DEFAULT_ROLES);
      // The same ranking twice: every unit 持平, ρ = 1.
      expect(report.outcome.analysis!.years!.spearman).toBe(1);
      expect(report.outcome.analysis!.years!.movers).toEqual([]);
    });

    it('without it, or once it is removed, nothing changes', async () => {
      const { saved, save } = recordingSave();
      const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
      await host.openFile!('镇.xlsx', await demoBytes());
      const plain = await host.compute(DEFAULT_ROLES);
      expect(plain.outcome.analysis!.years).toBeNull();
      await host.openPrevious!('2017.xlsx', await lastYearBytes(LAST_YEAR));
      host.clearPrevious!();
      const removed = await host.compute(DEFAULT_ROLES);
      expect(removed.outcome.analysis!.years).toBeNull();
      for (const { bytes } of saved) {
        expect(await sheetNamesOf(bytes)).not.toContain('同比分析');
        const header = await resultHeader(bytes);
        expect(header).toContain('总分');
        expect(header).not.toContain('上年排名');
      }
    });

    it('a file with errors comes back with the reader\'s messages, and check and compute refuse until it is removed', async () => {
      const { save } = recordingSave();
      const host = createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() });
      await host.openFile!('镇.xlsx', await demoBytes());
      const opened = await host.openPrevious!('2017.xlsx', await lastYearBytes([[1, '梅池村', '九十六', '好'], [0, '黄金村', 95, '好']]));
      expect(opened).toEqual({
        ok: false,
        fileName: '2017.xlsx',
        sheet: '2017年结果',
        issues: [
          { severity: 'error', sheet: '2017年结果', cell: 'C3', code: 'analysis.previous.total', params: { found: '九十六' } },
          { severity: 'error', sheet: '2017年结果', cell: 'A4', code: 'analysis.previous.rank', params: { found: '0' } },
        ],
      });
      const failure = await host.compute(DEFAULT_ROLES).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PreviousUnusable);
      expect(host.describeError(failure)).toEqual({ code: 'ui.previous.unusable', params: { file: '2017.xlsx' } });
      await expect(host.check(DEFAULT_ROLES)).rejects.toBeInstanceOf(PreviousUnusable);
      expect(save).not.toHaveBeenCalled();
      host.clearPrevious!();
      expect((await host.compute(DEFAULT_ROLES)).download).not.toBeNull();
    });

    it('a file that is not a result, not a workbook or not .xlsx is one message naming it', async () => {
      const host = createFileHost({ lang: 'zh', now: () => NOW });
      await expect(host.openPrevious!('台账.xlsx', await demoBytes())).resolves.toEqual({
        ok: false,
        fileName: '台账.xlsx',
        sheet: null,
        issues: [{ severity: 'error', sheet: '', cell: '', code: 'analysis.previous.noSheet' }],
      });
      await expect(host.openPrevious!('坏.xlsx', new TextEncoder().encode('nope').buffer as ArrayBuffer)).resolves.toEqual({
        ok: false,
        fileName: '坏.xlsx',
        sheet: null,
        issues: [{ severity: 'error', sheet: '', cell: '', code: 'xlsx.notZip' }],
      });
      await expect(host.openPrevious!('2017.csv', new ArrayBuffer(4))).resolves.toEqual({
        ok: false,
        fileName: '2017.csv',
        sheet: null,
        issues: [{ severity: 'error', sheet: '', cell: '', code: 'ui.file.wrongType', params: { name: '2017.csv' } }],
      });
    });
  });
});
