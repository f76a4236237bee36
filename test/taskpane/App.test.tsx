/** @jest-environment jsdom */
import '../helpers/jsdom-setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ERROR_C9, ERROR_F7, WARNING_E7, deferred, demoOutcome, failedOutcome, fakeHost, renderPane } from './fixtures';
import type { RunReport } from '../../src/taskpane/host';

// The real Fluent MessageBar, with the intent it was given exposed for the assertions.
jest.mock('@fluentui/react-components', () => {
  const actual = jest.requireActual('@fluentui/react-components');
  const { createElement } = jest.requireActual('react');
  return { ...actual, MessageBar: (props: any) => createElement(actual.MessageBar, { ...props, 'data-intent': props.intent }) };
});

describe('App (Excel mode, fake host)', () => {
  it('renders in Chinese by default', async () => {
    renderPane(fakeHost());
    expect(await screen.findByRole('button', { name: '计算排名' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '检查数据' })).toBeTruthy();
    // Every role found by its sheet name: the roles fold into one line that opens on click.
    fireEvent.click(await screen.findByRole('button', { name: '数据表：已按表名找到 5 张，可修改' }));
    expect(screen.getByRole('heading', { name: '角色' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '空白模板' })).toBeTruthy();
  });

  it('renders in English for an English host', async () => {
    renderPane(fakeHost({ lang: 'en' }));
    expect(await screen.findByRole('button', { name: 'Compute ranking' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check data' })).toBeTruthy();
    expect(screen.queryByText('计算排名')).toBeNull();
  });

  it('defaults each role to the sheet of its name, and an absent optional role to （无）', async () => {
    const host = fakeHost({ listSheets: jest.fn(async () => ['Sheet1', '考核数据', '指标设置']) });
    renderPane(host);
    const data = await screen.findByRole('combobox', { name: '考核数据' });
    await waitFor(() => expect(data.textContent).toBe('考核数据'));
    expect(screen.getByRole('combobox', { name: '指标设置' }).textContent).toBe('指标设置');
    expect(screen.getByRole('combobox', { name: '问题清单' }).textContent).toBe('（无）');
    expect(screen.getByRole('combobox', { name: '考核参数' }).textContent).toBe('（无）');
  });

  it('passes a role the user picked to compute', async () => {
    const host = fakeHost({ listSheets: jest.fn(async () => ['Sheet1', '考核数据']) });
    renderPane(host);
    const data = await screen.findByRole('combobox', { name: '考核数据' });
    await waitFor(() => expect(data.textContent).toBe('考核数据'));
    fireEvent.click(data);
    fireEvent.click(await screen.findByRole('option', { name: 'Sheet1' }));
    await waitFor(() => expect(data.textContent).toBe('Sheet1'));
    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    await waitFor(() => expect(host.compute).toHaveBeenCalledTimes(1));
    expect(host.compute.mock.calls[0][0]).toEqual({ data: 'Sheet1', indicators: '', problems: '', assistance: '', params: '' });
  });

  it('offers a 上年结果表, default （无）, result-like sheets first and Kaohe\'s own 考核结果 last, and passes it to check and compute', async () => {
    const host = fakeHost({ listSheets: jest.fn(async () => ['考核数据', 'Sheet1', '2017考核结果', '考核结果', '计算明细']) });
    renderPane(host);
    const picker = await screen.findByRole('combobox', { name: /上年结果表/ }, { timeout: 5000 });
    expect(picker.textContent).toBe('（无）');
    fireEvent.click(screen.getByRole('button', { name: '检查数据' }));
    await waitFor(() => expect(host.check).toHaveBeenCalledTimes(1));
    expect(host.check.mock.calls[0][1]).toBeNull();

    fireEvent.click(picker);
    const options = await screen.findAllByRole('option', undefined, { timeout: 5000 });
    expect(options.map((o) => o.textContent)).toEqual(['（无）', '2017考核结果', 'Sheet1', '考核结果（本工作簿上次计算的结果，不是上年的）']);
    fireEvent.click(options[1]);
    await waitFor(() => expect(picker.textContent).toBe('2017考核结果'));
    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    await waitFor(() => expect(host.compute).toHaveBeenCalledTimes(1));
    expect(host.compute.mock.calls[0]).toEqual([{ data: '考核数据', indicators: '', problems: '', assistance: '', params: '' }, '2017考核结果']);
  });

  it('Kaohe\'s own 考核结果 picked as last year goes back to （无） once the run has replaced it', async () => {
    const host = fakeHost({ listSheets: jest.fn(async () => ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数', '考核结果']) });
    renderPane(host);
    const picker = await screen.findByRole('combobox', { name: /上年结果表/ }, { timeout: 5000 });
    await waitFor(() => expect(host.listSheets).toHaveBeenCalled());
    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole('option', { name: '考核结果（本工作簿上次计算的结果，不是上年的）' }, { timeout: 5000 }));
    await waitFor(() => expect(picker.textContent).toBe('考核结果（本工作簿上次计算的结果，不是上年的）'));
    fireEvent.click(screen.getByRole('button', { name: '计算排名' }));
    await screen.findByTestId('summary', undefined, { timeout: 5000 });
    expect(host.compute.mock.calls[0][1]).toBe('考核结果');
    await waitFor(() => expect(picker.textContent).toBe('（无）'));
  });

  it('check lists errors first with counts, and a click selects the cell in Excel', async () => {
    const host = fakeHost({ check: jest.fn(async () => failedOutcome([WARNING_E7, ERROR_F7, ERROR_C9])) });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: '检查数据' }));
    expect(await screen.findByRole('heading', { name: '2 处错误，1 处提示' })).toBeTruthy();
    const buttons = screen.getAllByRole('button').filter((b) => b.getAttribute('data-severity'));
    expect(buttons.map((b) => b.getAttribute('data-severity'))).toEqual(['error', 'error', 'warning']);
    expect(buttons[0].textContent).toBe('错误 考核数据!F7：应为 0–100% 的比率，实际为"九十"');
    fireEvent.click(buttons[0]);
    await waitFor(() => expect(host.select).toHaveBeenCalledWith('考核数据', 'F7'));
    expect(host.compute).not.toHaveBeenCalled();
  });

  it('compute shows progress, disables the button, then the summary with the 好/一般/较差 names', async () => {
    const pending = deferred<RunReport>();
    const host = fakeHost({ compute: jest.fn(() => pending.promise) });
    renderPane(host);
    const button = await screen.findByRole('button', { name: '计算排名' });
    await waitFor(() => expect(host.listSheets).toHaveBeenCalled());
    fireEvent.click(button);
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('正在计算……');
    expect((button as HTMLButtonElement).disabled).toBe(true);

    await act(async () => pending.resolve({ outcome: demoOutcome(), download: null }));
    const summary = await screen.findByTestId('summary');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(within(summary).getByText('好（3）：龙源村、梅池村、黄金村')).toBeTruthy();
    expect(within(summary).getByText('一般（2）：梧桐社区、七里冲村')).toBeTruthy();
    expect(within(summary).getByText('较差（1）：五爱村')).toBeTruthy();
    expect(within(summary).getByText('五爱村（郑光明），整改期限 2019-01-30')).toBeTruthy();
    expect(within(summary).getByText('临湘市交通运输局（联点村 梅池村）：帮扶资金物资')).toBeTruthy();
    expect(within(summary).getByText('数据核验提示：1 处')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('计算完成，已写入 8 张结果表。');

    fireEvent.click(within(summary).getByRole('button', { name: '约谈名单' }));
    await waitFor(() => expect(host.openSheet).toHaveBeenCalledWith('约谈名单'));
  });

  it('compute with input errors says nothing was written and lists the cells', async () => {
    const host = fakeHost({ compute: jest.fn(async () => ({ outcome: failedOutcome([ERROR_F7, ERROR_C9]), download: null })) });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: '计算排名' }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-intent')).toBe('error');
    expect(alert.textContent).toContain('发现 2 处数据错误，未写入任何结果');
    expect(screen.queryByTestId('summary')).toBeNull();
    const buttons = screen.getAllByRole('button').filter((b) => b.getAttribute('data-severity') === 'error');
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1]);
    await waitFor(() => expect(host.select).toHaveBeenCalledWith('考核数据', 'C9'));
  });

  it('shows an Office failure in an error MessageBar, and can dismiss it', async () => {
    const host = fakeHost({ compute: jest.fn(async () => Promise.reject(new Error('RichApi.Error'))) });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: '计算排名' }));
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-intent')).toBe('error');
    expect(alert.textContent).toContain('Excel 正忙');
    expect(host.describeError).toHaveBeenCalled();
    fireEvent.click(within(alert).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('inserts a template and says which sheets were skipped', async () => {
    const host = fakeHost({ insertTemplate: jest.fn(async () => ({ added: ['指标设置'], skipped: ['考核数据'], download: null })) });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: '示例数据' }));
    expect(await screen.findByText('已插入：指标设置')).toBeTruthy();
    expect(screen.getByText('已有同名工作表，未改动也未插入：考核数据')).toBeTruthy();
    expect(host.insertTemplate).toHaveBeenCalledWith(true);
  });

  it('an issue on a sheet that does not exist is not a link to Excel', async () => {
    const missing = { severity: 'error' as const, sheet: '考核数据', cell: '', code: 'read.sheet.missing' as const, params: { sheet: '考核数据' } };
    const host = fakeHost({ listSheets: jest.fn(async () => ['Sheet1']), check: jest.fn(async () => failedOutcome([missing])) });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: '检查数据' }));
    await screen.findByRole('heading', { name: '1 处错误，0 处提示' });
    const [button] = screen.getAllByRole('button').filter((b) => b.getAttribute('data-severity'));
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.textContent).toBe('错误 考核数据：找不到"考核数据"工作表：考核数据是必需的');
    fireEvent.click(button);
    expect(host.select).not.toHaveBeenCalled();
  });
});

describe('App (file mode, fake host)', () => {
  it('needs a file first, then highlights a clicked issue in the list', async () => {
    const host = fakeHost({
      mode: 'file',
      listSheets: jest.fn(async () => ['考核数据']),
      openFile: jest.fn(async (name: string) => ({ ok: true as const, fileName: name })),
      check: jest.fn(async () => failedOutcome([ERROR_F7, WARNING_E7])),
    });
    renderPane(host);
    expect((screen.getByRole('button', { name: '检查数据' }) as HTMLButtonElement).disabled).toBe(true);
    expect(host.listSheets).not.toHaveBeenCalled();
    const file = new File(['x'], '镇.xlsx');
    fireEvent.change(screen.getByLabelText('打开 Excel 文件（.xlsx）'), { target: { files: [file] } });
    expect(await screen.findByText('已打开：镇.xlsx')).toBeTruthy();
    expect(host.openFile).toHaveBeenCalledWith('镇.xlsx', expect.anything());

    fireEvent.click(screen.getByRole('button', { name: '检查数据' }));
    await screen.findByRole('heading', { name: '1 处错误，1 处提示' });
    const buttons = screen.getAllByRole('button').filter((b) => b.getAttribute('data-severity'));
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual([null, null]);
    fireEvent.click(buttons[1]);
    await waitFor(() => expect(buttons[1].getAttribute('aria-current')).toBe('true'));
    expect(buttons[0].getAttribute('aria-current')).toBeNull();
    expect(host.select).toHaveBeenCalledWith('考核数据', 'E7');
  });
});
