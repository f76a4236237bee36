/**
 * Shared fixtures of the pane tests: the demo workbook as a snapshot, its outcome, a fake
 * PaneHost whose methods are jest mocks, and a render helper with the FluentProvider.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import { assess, templateSheets, type AssessOutcome } from '../../src/core';
import type { Issue, Lang, WorkbookSnapshot } from '../../src/core/types';
import { App } from '../../src/taskpane/App';
import type { PaneHost } from '../../src/taskpane/host';

export const NOW = new Date('2019-01-05T08:00:00Z');

/** Last year's result rows (排名, 单位, 总分, 等次) against the demo: 龙源 was 5th (now 龙源村, 2nd: ↑3), 梅池村 1st (now 3rd: ↓2), 老屋村 is gone. */
export const LAST_YEAR: (string | number)[][] = [
  [1, '梅池村', 96, '好'],
  [2, '黄金村', 95, '好'],
  [3, '老屋村', 94, '好'],
  [4, '文白社区', 93, '较好'],
  [5, '龙源', 92, '较好'],
];

/** The five demo input sheets as a snapshot (values only). */
export function demoSnapshot(): WorkbookSnapshot {
  const sheets = templateSheets(true);
  return {
    sheetNames: sheets.map((s) => s.name),
    sheets: Object.fromEntries(
      sheets.map((s) => [s.name, { name: s.name, values: s.rows.map((row) => row.map((cell) => cell.v)), originRow: 0, originCol: 0, merges: [], hiddenRows: [], hiddenCols: [] }]),
    ),
  };
}

export function demoOutcome(lang: Lang = 'zh'): AssessOutcome {
  return assess(demoSnapshot(), { lang, now: NOW });
}

export const ERROR_F7: Issue = { severity: 'error', sheet: '考核数据', cell: 'F7', code: 'values.notRate', params: { found: '九十' } };
export const ERROR_C9: Issue = { severity: 'error', sheet: '考核数据', cell: 'C9', code: 'values.notNumber', params: { found: 'abc' } };
export const WARNING_E7: Issue = {
  severity: 'warning',
  sheet: '考核数据',
  cell: 'E7',
  code: 'read.check.ratioAboveOne',
  params: { indicator: '减贫计划完成率', ratio: '112.5%', display: '9/8' },
};

/** An outcome with input errors (nothing written). */
export function failedOutcome(issues: Issue[]): AssessOutcome {
  const base = demoOutcome();
  return { ...base, ok: false, issues, input: null, result: null, sheets: [], plan: null };
}

export type FakeHost = PaneHost & { [K in keyof PaneHost]: PaneHost[K] extends (...args: infer A) => infer R ? jest.Mock<R, A> : PaneHost[K] };

/** A host that answers like an Excel workbook holding the demo sheets. */
export function fakeHost(overrides: Partial<PaneHost> = {}): FakeHost {
  const host = {
    mode: 'excel',
    lang: 'zh',
    listSheets: jest.fn(async () => ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数']),
    check: jest.fn(async () => demoOutcome()),
    compute: jest.fn(async () => ({ outcome: demoOutcome(), download: null })),
    insertTemplate: jest.fn(async () => ({ added: [], skipped: [], download: null })),
    select: jest.fn(async () => undefined),
    openSheet: jest.fn(async () => undefined),
    describeError: jest.fn(() => ({ code: 'ui.office.busy' })),
    ...overrides,
  };
  return host as unknown as FakeHost;
}

export function renderPane(host: PaneHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>,
  );
}

/** A promise and the functions that settle it, to hold a host call open. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
