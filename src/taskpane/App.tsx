/**
 * The task pane: file picker and last year's file (file mode), roles, 上年结果表 (Excel), template, "检查数据", "计算排名", the
 * issue list, the result summary, and failures in a MessageBar. All state lives in
 * usePane; this file only renders it. Mode-agnostic: the host does the work.
 */
import { Button, Spinner } from '@fluentui/react-components';
import { useEffect, useMemo } from 'react';
import { t } from '../core';
import type { Issue } from '../core/types';
import { ErrorBar } from './components/ErrorBar';
import { FilePicker } from './components/FilePicker';
import { IssueList } from './components/IssueList';
import { PreviousFilePicker, PreviousSheetPicker } from './components/PreviousPicker';
import { ResultSummary } from './components/ResultSummary';
import { RolesForm } from './components/RolesForm';
import { usePaneStyles } from './components/styles';
import { TemplateButtons } from './components/TemplateButtons';
import type { PaneHost } from './host';
import { sayIn } from './say';
import { usePane, type Pane } from './usePane';

export interface AppProps {
  host: PaneHost;
}

/** The live status line: what is running, or what the last run did. */
function statusText(pane: Pane, say: ReturnType<typeof sayIn>): string {
  const { busy, run } = pane.state;
  if (busy === 'check') return say('ui.check.running');
  if (busy === 'compute') return say('ui.compute.running');
  if (busy === 'open' || busy === 'previous') return say('ui.file.opening');
  if (run && pane.summary) {
    return run.download ? say('ui.compute.doneFile', { file: run.download.fileName }) : say('ui.compute.done', { count: pane.summary.sheets.length });
  }
  return '';
}

export function App({ host }: AppProps) {
  const pane = usePane(host);
  const { state } = pane;
  const styles = usePaneStyles();
  const say = useMemo(() => sayIn(host.lang), [host.lang]);
  const refreshSheets = pane.refreshSheets;

  useEffect(() => {
    if (host.mode === 'excel') void refreshSheets();
  }, [host, refreshSheets]);

  const busy = state.busy !== null;
  const needsFile = host.mode === 'file' && state.fileName === null;
  const canGoTo = (issue: Issue) => host.mode === 'file' || state.sheets.includes(issue.sheet);
  const status = statusText(pane, say);
  const running = state.busy === 'check' || state.busy === 'compute' || state.busy === 'open' || state.busy === 'previous';
  const showIssues = state.issues !== null && (state.issuesFrom === 'check' || state.issues.length > 0);

  return (
    <main className={styles.root} lang={host.lang === 'zh' ? 'zh-CN' : 'en'}>
      <h1 className={styles.heading}>{say('ui.title')}</h1>

      {state.error ? <ErrorBar say={say} text={t(state.error, host.lang)} onDismiss={pane.dismissError} /> : null}
      {state.inputErrors > 0 ? <ErrorBar say={say} text={say('ui.compute.inputErrors', { count: state.inputErrors })} /> : null}

      {host.mode === 'file' ? <FilePicker say={say} fileName={state.fileName} disabled={busy} onFile={(file) => void pane.openFile(file)} /> : null}
      {/* Last year's file once this year's is open (one file input until then). */}
      {host.mode === 'file' && !needsFile ? (
        <PreviousFilePicker say={say} lang={host.lang} file={state.previousFile} disabled={busy} onFile={(file) => void pane.openPrevious(file)} onRemove={pane.clearPrevious} />
      ) : null}

      <section className={styles.section}>
        <div className={styles.row}>
          <Button disabled={busy || needsFile} onClick={() => void pane.check()}>
            {say('ui.check.button')}
          </Button>
          <Button appearance="primary" disabled={busy || needsFile} onClick={() => void pane.compute()}>
            {say('ui.compute.button')}
          </Button>
        </div>
        <div className={styles.row}>
          {running ? <Spinner size="tiny" aria-label={status} /> : null}
          <div role="status" aria-live="polite" className={styles.hint}>
            {status}
          </div>
        </div>
      </section>

      {/* 检查数据 and 计算排名 first; the roles (folded when all are found by name) below them. */}
      {needsFile ? null : <RolesForm say={say} sheets={state.sheets} roles={pane.roles} disabled={busy} onChange={pane.setRole} />}
      {host.mode === 'excel' ? <PreviousSheetPicker say={say} options={pane.previousOptions} value={pane.previousSheet} disabled={busy} onChange={pane.setPreviousSheet} /> : null}

      {showIssues && state.issues ? (
        <IssueList say={say} lang={host.lang} issues={state.issues} selected={state.selected} offerCompute={state.issuesFrom === 'check'} canGoTo={canGoTo} onGoTo={(index) => void pane.goToIssue(index)} />
      ) : null}

      {pane.summary && state.run ? (
        <ResultSummary
          say={say}
          mode={host.mode}
          summary={pane.summary}
          download={state.run.download}
          onOpenSheet={(name) => void pane.openSheet(name)}
        />
      ) : null}

      <TemplateButtons say={say} mode={host.mode} disabled={busy} report={state.template} onInsert={(demo) => void pane.insertTemplate(demo)} />
    </main>
  );
}
