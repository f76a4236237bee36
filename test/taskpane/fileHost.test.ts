import ExcelJS from 'exceljs';
import * as adapter from '../../src/io/exceljs';
import { DEFAULT_ROLES } from '../../src/core';
import { createFileHost, TEMPLATE_FILE } from '../../src/taskpane/fileHost';
import type { Download } from '../../src/taskpane/host';
import { templatePlan } from '../../src/taskpane/templatePlan';
import { NOW } from './fixtures';

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

function recordingSave() {
  const saved: { fileName: string; bytes: Uint8Array }[] = [];
  const save = jest.fn((bytes: Uint8Array, fileName: string): Download => {
    saved.push({ fileName, bytes });
    return { fileName, url: `blob:${saved.length}` };
  });
  return { saved, save };
}

describe('createFileHost', () => {
  it('loads ExcelJS only when a file is opened', async () => {
    const load = jest.fn(async () => adapter);
    const host = createFileHost({ lang: 'zh', loadExcelJs: load });
    await expect(host.listSheets()).resolves.toEqual([]);
    expect(load).not.toHaveBeenCalled();
    await host.openFile!('镇.xlsx', await demoBytes());
    expect(load).toHaveBeenCalledTimes(1);
    await expect(host.listSheets()).resolves.toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
  });

  it('refuses a non-.xlsx name and unreadable bytes as messages, not throws', async () => {
    const host = createFileHost({ lang: 'zh' });
    await expect(host.openFile!('a.xls', new ArrayBuffer(4))).resolves.toEqual({ ok: false, msg: { code: 'ui.file.wrongType', params: { name: 'a.xls' } } });
    await expect(host.openFile!('b.xlsx', new TextEncoder().encode('nope').buffer as ArrayBuffer)).resolves.toEqual({
      ok: false,
      msg: { code: 'ui.file.notXlsx', params: { name: 'b.xlsx' } },
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
    expect(report.uncarried).toEqual([]);
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
    const book = adapter.newWorkbook();
    book.workbook.addWorksheet('Sheet1').getCell('A1').value = 'x';
    const bytes = await book.toBuffer();
    const host = createFileHost({ lang: 'zh', now: () => NOW, save });
    await host.openFile!('空.xlsx', bytes.slice().buffer as ArrayBuffer);
    const report = await host.compute(DEFAULT_ROLES);
    expect(report.outcome.ok).toBe(false);
    expect(report.download).toBeNull();
    expect(save).not.toHaveBeenCalled();
  });

  it('puts the results in a workbook of their own when the input holds parts the writer cannot carry', async () => {
    const { saved, save } = recordingSave();
    const withChart = async (data: ArrayBuffer | Uint8Array) => ({ ...(await adapter.openWorkbook(data)), uncarriable: ['charts' as const] });
    const host = createFileHost({ lang: 'zh', now: () => NOW, save, loadExcelJs: async () => ({ ...adapter, openWorkbook: withChart }) });
    await host.openFile!('图表.xlsx', await demoBytes());
    const report = await host.compute(DEFAULT_ROLES);
    expect(report.uncarried).toEqual(['charts']);
    const names = await sheetNamesOf(saved[0].bytes);
    expect(names).not.toContain('考核数据');
    expect(names[0]).toBe('考核结果');
    expect(report.download?.fileName).toBe('图表-考核结果.xlsx');
  });

  it('offers the template as a download in file mode', async () => {
    const { saved, save } = recordingSave();
    const host = createFileHost({ lang: 'zh', save });
    const report = await host.insertTemplate(true);
    expect(report.download?.fileName).toBe(TEMPLATE_FILE.demo);
    expect(await sheetNamesOf(saved[0].bytes)).toEqual(['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']);
  });
});
