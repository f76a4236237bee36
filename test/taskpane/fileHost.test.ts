import ExcelJS from 'exceljs';
import * as adapter from '../../src/io/xlsx/index';
import { DEFAULT_ROLES } from '../../src/core';
import { createFileHost, TEMPLATE_FILE } from '../../src/taskpane/fileHost';
import type { Download } from '../../src/taskpane/host';
import { templatePlan } from '../../src/taskpane/templatePlan';
import { NOW } from './fixtures';
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
});
