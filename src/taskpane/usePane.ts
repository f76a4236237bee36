/**
 * The pane's state and actions, apart from rendering (STYLE 12: types, state hook, render).
 * Every action is guarded: one at a time, any failure ends in `error` (a message for the
 * MessageBar), never in the console only.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Issue, Msg, Roles } from '../core/types';
import type { PaneHost, PreviousFile, RunReport, TemplateReport } from './host';
import { previousSheetIn, previousSheetOptions, type PreviousSheetOption } from './previous';
import { defaultRoles, NO_SHEET, type RoleKey } from './roles';
import { summarize, type RunSummary } from './summary';

export type PaneAction = 'open' | 'previous' | 'sheets' | 'check' | 'compute' | 'template';

export interface PaneState {
  /** The workbook's sheets, tab order. */
  sheets: string[];
  /** Roles the user picked explicitly (the rest follow the sheet names). */
  chosen: Partial<Roles>;
  /** File mode: the open file's name. */
  fileName: string | null;
  /** Excel: the 上年结果表 the user chose ('' = none, the default). */
  previousSheet: string;
  /** File mode: last year's result file as read (kept when another workbook is opened). */
  previousFile: PreviousFile | null;
  busy: PaneAction | null;
  /** Errors first, then warnings, of the last check or compute; null before any. */
  issues: Issue[] | null;
  /** Which action produced `issues`. */
  issuesFrom: 'check' | 'compute' | null;
  /** The last compute that wrote results. */
  run: RunReport | null;
  template: TemplateReport | null;
  /** Errors found by the last compute (nothing was written). 0 when none. */
  inputErrors: number;
  /** A failure to show in the error MessageBar. */
  error: Msg | null;
  /** Index in `issues` of the issue the user went to. */
  selected: number | null;
}

export interface Pane {
  state: PaneState;
  /** The roles in effect: the user's choices, defaults for the rest. */
  roles: Roles;
  summary: RunSummary | null;
  /** Excel: the 上年结果表 in effect ('' = none) and the sheets offered for it. */
  previousSheet: string;
  previousOptions: PreviousSheetOption[];
  refreshSheets(): Promise<void>;
  openFile(file: File): Promise<void>;
  /** File mode: reads last year's result file; its errors stay shown until it is removed. */
  openPrevious(file: File): Promise<void>;
  clearPrevious(): void;
  setRole(role: RoleKey, sheet: string): void;
  setPreviousSheet(sheet: string): void;
  check(): Promise<void>;
  compute(): Promise<void>;
  insertTemplate(demo: boolean): Promise<void>;
  goToIssue(index: number): Promise<void>;
  openSheet(name: string): Promise<void>;
  dismissError(): void;
}

export const INITIAL_STATE: PaneState = {
  sheets: [],
  chosen: {},
  fileName: null,
  previousSheet: NO_SHEET,
  previousFile: null,
  busy: null,
  issues: null,
  issuesFrom: null,
  run: null,
  template: null,
  inputErrors: 0,
  error: null,
  selected: null,
};

/**
 * Errors before warnings, each group in the order given (sheet, row, column). Cost: O(n).
 * @example errorsFirst([warning, error]) // => [error, warning]
 */
export function errorsFirst(issues: Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

/** The bytes of a chosen file (File.arrayBuffer, or FileReader where that is missing). */
export function readFileBytes(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The pane's state machine over a host.
 * @example const pane = usePane(host); await pane.check(); pane.state.issues
 */
export function usePane(host: PaneHost): Pane {
  const [state, setState] = useState<PaneState>(INITIAL_STATE);
  const stateRef = useRef(state);
  stateRef.current = state;
  const busyRef = useRef(false);

  const patch = useCallback((change: Partial<PaneState>) => {
    setState((previous) => ({ ...previous, ...change }));
  }, []);

  /** Runs one action at a time; a throw becomes the error message. */
  const guard = useCallback(
    async (action: PaneAction, work: () => Promise<void>) => {
      if (busyRef.current) return;
      busyRef.current = true;
      patch({ busy: action, error: null });
      try {
        await work();
      } catch (error) {
        patch({ error: host.describeError(error) });
      } finally {
        busyRef.current = false;
        patch({ busy: null });
      }
    },
    [host, patch],
  );

  /** Lists the sheets again and returns the roles and the 上年结果表 that follow from them. */
  const fresh = useCallback(async (): Promise<{ roles: Roles; previousSheet: string | null }> => {
    const sheets = await host.listSheets();
    patch({ sheets });
    const roles = defaultRoles(sheets, stateRef.current.chosen);
    const previousSheet = previousSheetIn(previousSheetOptions(sheets, roles), stateRef.current.previousSheet);
    return { roles, previousSheet: previousSheet === NO_SHEET ? null : previousSheet };
  }, [host, patch]);

  const refreshSheets = useCallback(
    () =>
      guard('sheets', async () => {
        await fresh();
      }),
    [guard, fresh],
  );

  const openFile = useCallback(
    (file: File) =>
      guard('open', async () => {
        if (!host.openFile) return;
        const opened = await host.openFile(file.name, await readFileBytes(file));
        if (!opened.ok) {
          patch({ error: opened.msg });
          return;
        }
        patch({ ...INITIAL_STATE, busy: 'open', fileName: opened.fileName, previousFile: stateRef.current.previousFile });
        await fresh();
      }),
    [guard, host, patch, fresh],
  );

  const openPrevious = useCallback(
    (file: File) =>
      guard('previous', async () => {
        if (!host.openPrevious) return;
        patch({ previousFile: await host.openPrevious(file.name, await readFileBytes(file)) });
      }),
    [guard, host, patch],
  );

  const clearPrevious = useCallback(() => {
    if (busyRef.current) return;
    host.clearPrevious?.();
    patch({ previousFile: null });
  }, [host, patch]);

  const setPreviousSheet = useCallback((sheet: string) => patch({ previousSheet: sheet }), [patch]);

  const setRole = useCallback((role: RoleKey, sheet: string) => {
    setState((previous) => ({ ...previous, chosen: { ...previous.chosen, [role]: sheet } }));
  }, []);

  const check = useCallback(
    () =>
      guard('check', async () => {
        const { roles, previousSheet } = await fresh();
        const outcome = await host.check(roles, previousSheet);
        patch({ issues: errorsFirst(outcome.issues), issuesFrom: 'check', selected: null, inputErrors: 0 });
      }),
    [guard, host, patch, fresh],
  );

  const compute = useCallback(
    () =>
      guard('compute', async () => {
        patch({ run: null, inputErrors: 0, selected: null });
        const { roles, previousSheet } = await fresh();
        const run = await host.compute(roles, previousSheet);
        const issues = errorsFirst(run.outcome.issues);
        if (!run.outcome.ok) {
          patch({ issues, issuesFrom: 'compute', inputErrors: issues.filter((i) => i.severity === 'error').length });
          return;
        }
        // Kaohe's own 考核结果 chosen as last year is now this year's: the choice goes back to none.
        const overwritten = previousSheet !== null && (run.outcome.plan?.add ?? []).some((sheet) => sheet.name === previousSheet);
        patch({ issues, issuesFrom: 'compute', run, ...(overwritten ? { previousSheet: NO_SHEET } : {}) });
        if (host.mode === 'excel') patch({ sheets: await host.listSheets() });
      }),
    [guard, host, patch, fresh],
  );

  const insertTemplate = useCallback(
    (demo: boolean) =>
      guard('template', async () => {
        const template = await host.insertTemplate(demo);
        patch({ template });
        if (host.mode === 'excel') await fresh();
      }),
    [guard, host, patch, fresh],
  );

  const goToIssue = useCallback(
    async (index: number) => {
      const issue = stateRef.current.issues?.[index];
      if (!issue) return;
      patch({ selected: index });
      try {
        await host.select(issue.sheet, issue.cell);
      } catch (error) {
        patch({ error: host.describeError(error) });
      }
    },
    [host, patch],
  );

  const openSheet = useCallback(
    async (name: string) => {
      try {
        await host.openSheet(name);
      } catch (error) {
        patch({ error: host.describeError(error) });
      }
    },
    [host, patch],
  );

  const dismissError = useCallback(() => patch({ error: null }), [patch]);

  const roles = useMemo(() => defaultRoles(state.sheets, state.chosen), [state.sheets, state.chosen]);
  const summary = useMemo(() => (state.run ? summarize(state.run.outcome) : null), [state.run]);
  const previousOptions = useMemo(() => previousSheetOptions(state.sheets, roles), [state.sheets, roles]);
  const previousSheet = previousSheetIn(previousOptions, state.previousSheet);

  return {
    state,
    roles,
    summary,
    previousSheet,
    previousOptions,
    refreshSheets,
    openFile,
    openPrevious,
    clearPrevious,
    setRole,
    setPreviousSheet,
    check,
    compute,
    insertTemplate,
    goToIssue,
    openSheet,
    dismissError,
  };
}
