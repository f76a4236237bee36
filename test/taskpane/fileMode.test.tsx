/** @jest-environment jsdom */
import '../helpers/jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CellValue, OutputSheet } from '../../src/core/types';
import { newWorkbook, openWorkbook } from '../../src/io/xlsx/index';
import { createFileHost } from '../../src/taskpane/fileHost';
import { templatePlan } from '../../src/taskpane/templatePlan';
import { LAST_YEAR, NOW, renderPane } from './fixtures';

/** The demo input sheets as .xlsx bytes, as a town would save them. */
async function demoWorkbookBytes(): Promise<Uint8Array> {
  const book = newWorkbook();
  await book.apply(templatePlan([], true).plan);
  return book.toBuffer();
}

/** Last year's result as a town keeps it: one sheet 2017年结果, title row, header on row 2. */
async function lastYearBytes(rows: (string | number)[][]): Promise<Uint8Array> {
  const values = [['羊楼司镇2017年度考核结果'], ['排名', '单位', '总分', '等次'], ...rows];
  const sheet: OutputSheet = {
    name: '2017年结果',
    rows: values.map((row) => row.map((v) => ({ v }))),
    merges: [],
    widths: [8, 12, 8, 8],
    freezeRows: 0,
    freezeCols: 0,
    headerRows: [2],
    print: { landscape: false, fitToWidth: false },
  };
  const book = newWorkbook();
  await book.apply({ remove: [], add: [sheet], renamed: [] });
  return book.toBuffer();
}

/** The 考核结果 rows of a downloaded workbook, read back with the package reader. */
async function resultValues(bytes: Uint8Array): Promise<CellValue[][]> {
  const snapshot = await (await openWorkbook(bytes)).read(() => ['考核结果']);
  return snapshot.sheets['考核结果'].values;
}

describe('App in file mode: last year\'s result as a second file', () => {
  const saved: Uint8Array[] = [];
  const save = (bytes: Uint8Array, fileName: string) => {
    saved.push(bytes);
    return { fileName, url: `blob:kaohe/${saved.length}` };
  };
  const thisYear = async () => new File([(await demoWorkbookBytes()) as BlobPart], '羊楼司镇.xlsx');
  const pick = (label: string, file: File) => fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });

  beforeEach(() => {
    saved.length = 0;
  });

  it('adds 上年排名, 名次变化 and 上年等次 to 考核结果 and shows the correlation', async () => {
    renderPane(createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() }));
    pick('打开 Excel 文件（.xlsx）', await thisYear());
    expect(await screen.findByText('已打开：羊楼司镇.xlsx', undefined, { timeout: 10000 })).toBeTruthy();
    pick('上年考核结果（可选）', new File([(await lastYearBytes(LAST_YEAR)) as BlobPart], '2017年考核结果.xlsx'));
    expect(await screen.findByText('上年结果：2017年考核结果.xlsx（"2017年结果"表，5 个单位）', undefined, { timeout: 10000 })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    const summary = await screen.findByTestId('summary', undefined, { timeout: 15000 });
    // Common: 文白社区 1/4, 龙源村 2/5, 梅池村 3/1, 黄金村 4/2 → ρ = 1 − 6·16 / (4·15) = −0.6.
    expect(within(summary).getByText('与上年名次的相关系数（斯皮尔曼）-0.60')).toBeTruthy();
    const rows = await resultValues(saved[0]);
    const header = rows[1];
    const row = (unit: string) => rows.find((r) => r.includes(unit))!;
    const at = (unit: string, column: string) => row(unit)[header.indexOf(column)];
    expect([at('龙源村', '上年排名'), at('龙源村', '名次变化'), at('龙源村', '上年等次')]).toEqual([5, '↑3', '较好']);
    expect(at('五爱村', '名次变化')).toBe('新增');
  });

  it('shows the reader\'s words naming the file and sheet, computes nothing, and can be removed', async () => {
    renderPane(createFileHost({ lang: 'zh', now: () => NOW, save, release: jest.fn() }));
    pick('打开 Excel 文件（.xlsx）', await thisYear());
    expect(await screen.findByText('已打开：羊楼司镇.xlsx', undefined, { timeout: 10000 })).toBeTruthy();
    pick('上年考核结果（可选）', new File([(await lastYearBytes([[1, '梅池村', '九十六', '好']])) as BlobPart], '2017.xlsx'));
    const errors = await screen.findByTestId('previous-errors', undefined, { timeout: 10000 });
    expect(errors.textContent).toContain('上年考核结果"2017.xlsx"的"2017年结果"表无法使用（1 处）；移除或更换它之前不会计算：');
    expect(within(errors).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['2017年结果!C3：总分应为数，实际为"九十六"']);

    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('上年考核结果"2017.xlsx"有错误，未计算，什么也没有写。请更换或移除该文件。');
    expect(saved).toEqual([]);

    fireEvent.click(within(errors).getByRole('button', { name: '移除上年结果' }));
    await waitFor(() => expect(screen.queryByTestId('previous-errors')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    const summary = await screen.findByTestId('summary', undefined, { timeout: 15000 });
    expect(within(summary).queryByText(/与上年名次的相关系数/)).toBeNull();
    expect((await resultValues(saved[0]))[1]).not.toContain('上年排名');
  });
});

describe('App in file mode (real package adapter, download mocked)', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:kaohe/result');
  const revokeObjectURL = jest.fn();
  let clicked: { download: string; href: string }[];

  beforeEach(() => {
    clicked = [];
    createObjectURL.mockClear();
    (URL as any).createObjectURL = createObjectURL;
    (URL as any).revokeObjectURL = revokeObjectURL;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
  });

  afterEach(() => jest.restoreAllMocks());

  it('shows the file input and the privacy note before a file is opened', () => {
    renderPane(createFileHost({ lang: 'zh', now: () => NOW }));
    const input = screen.getByLabelText('打开 Excel 文件（.xlsx）') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.xlsx');
    expect(screen.getByText('文件只在本机处理，不会离开这台电脑。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '计算排名' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('combobox')).toBeNull();
    // Last year's file is offered once this year's is open.
    expect(screen.queryByLabelText('上年考核结果（可选）')).toBeNull();
  });

  it('opens a chosen file, computes, and downloads <name>-考核结果.xlsx', async () => {
    renderPane(createFileHost({ lang: 'zh', now: () => NOW }));
    const file = new File([(await demoWorkbookBytes()) as BlobPart], '羊楼司镇.xlsx');
    fireEvent.change(screen.getByLabelText('打开 Excel 文件（.xlsx）'), { target: { files: [file] } });

    expect(await screen.findByText('已打开：羊楼司镇.xlsx', undefined, { timeout: 10000 })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: '数据表：已按表名找到 5 张，可修改' }));
    const data = await screen.findByRole('combobox', { name: '考核数据' });
    expect(data.textContent).toBe('考核数据');

    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    const summary = await screen.findByTestId('summary', undefined, { timeout: 15000 });
    expect(within(summary).getByText('好（3）：龙源村、梅池村、黄金村')).toBeTruthy();

    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.size).toBeGreaterThan(1000);
    expect(clicked).toEqual([{ download: '羊楼司镇-考核结果.xlsx', href: 'blob:kaohe/result' }]);
    const link = within(summary).getByRole('link', { name: '下载 羊楼司镇-考核结果.xlsx' });
    expect(link.getAttribute('href')).toBe('blob:kaohe/result');
    expect(screen.getByRole('status').textContent).toBe('计算完成，结果文件已生成：羊楼司镇-考核结果.xlsx');
  });

  it('refuses a file that is not .xlsx, in an error MessageBar', async () => {
    renderPane(createFileHost({ lang: 'en', now: () => NOW }));
    const file = new File(['a,b'], 'data.csv');
    fireEvent.change(screen.getByLabelText('Open an Excel file (.xlsx)'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('"data.csv" is not an .xlsx file');
    expect(createObjectURL).not.toHaveBeenCalled();
  });

  it('reports an .xlsx that cannot be read', async () => {
    renderPane(createFileHost({ lang: 'zh', now: () => NOW }));
    const file = new File(['not a zip'], '坏文件.xlsx');
    fireEvent.change(screen.getByLabelText('打开 Excel 文件（.xlsx）'), { target: { files: [file] } });
    const alert = await screen.findByRole('alert', undefined, { timeout: 10000 });
    // The package reader's own words: what the file is and what to do.
    expect(alert.textContent).toContain('这不是 .xlsx 工作簿（文件不是 zip 压缩包，可能已损坏或是其他类型的文件）。请在 Excel 或 WPS 中打开它，另存为 .xlsx（Excel 工作簿）后再试。');
    await waitFor(() => expect(screen.queryByText(/已打开/)).toBeNull());
  });
});
