/** @jest-environment jsdom */
import '../helpers/jsdom-setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { newWorkbook } from '../../src/io/xlsx/index';
import { createFileHost } from '../../src/taskpane/fileHost';
import { templatePlan } from '../../src/taskpane/templatePlan';
import { NOW, renderPane } from './fixtures';

/** The demo input sheets as .xlsx bytes, as a town would save them. */
async function demoWorkbookBytes(): Promise<Uint8Array> {
  const book = newWorkbook();
  await book.apply(templatePlan([], true).plan);
  return book.toBuffer();
}

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
