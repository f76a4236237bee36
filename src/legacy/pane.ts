/**
 * The legacy pane: the essential flow for Office's old webviews (IE11/Trident and
 * EdgeHTML), in plain DOM — no React, no Fluent, nothing newer than ES5 once compiled
 * (babel preset-env for IE 11, core-js polyfills by usage; see webpack.config.js).
 *
 *   roles (defaulted by sheet name, changeable) → 上年结果表 (optional, default （无）, as in
 *   the modern pane) → 检查数据 (error list; a click selects the cell) → 计算排名 → summary
 *   (grades, interviews, failed assistance units) → links that open the result sheets.
 *
 * It talks to the workbook only through an InteractivePort (src/io/port.ts) plus the small
 * LegacyHost below, so the Excel adapter (createOfficePort) and the WPS adapter both plug in.
 * Every user-facing text comes from the catalog (src/core/messages.ts), zh or en.
 */
import { assess, issueText, sheetsToRead, t, type AssessOutcome } from '../core';
import type { MessageCode } from '../core/messages';
import type { Issue, Lang, Msg, MsgParams, Roles } from '../core/types';
import { runAssessmentInExcel } from '../io/office';
import type { InteractivePort } from '../io/port';
import { previousSheetIn, previousSheetOptions } from '../taskpane/previous';
import { defaultRoles, NO_SHEET, OPTIONAL_ROLES, ROLE_KEYS, type RoleKey } from '../taskpane/roles';
import { SUMMARY_GRADES, summarize } from '../taskpane/summary';

/** What the legacy pane needs from its host, besides the port. */
export interface LegacyHost {
  port: InteractivePort;
  lang: Lang;
  /** Puts any failure of the port into words (Excel: officeErrorMsg; WPS: its own). Never throws. */
  describeError(error: unknown): Msg;
  /** Clock for 考核说明 and deadlines (tests pass a fixed one). */
  now?: () => Date;
}

const ROLE_LABEL: Record<RoleKey, MessageCode> = {
  data: 'ui.role.data',
  indicators: 'ui.role.indicators',
  problems: 'ui.role.problems',
  assistance: 'ui.role.assistance',
  params: 'ui.role.params',
};

/** The pane's handle (tests and the entry script use it). */
export interface LegacyPane {
  /** Re-reads the sheet names and resets the role dropdowns' defaults. */
  refresh(): Promise<void>;
  check(): Promise<void>;
  compute(): Promise<void>;
  /** The roles in effect. */
  roles(): Roles;
  /** The 上年结果表 in effect, or null for none. */
  previousSheet(): string | null;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.appendChild(document.createTextNode(text));
  return node;
}

function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Errors first, then warnings (each in the core's order). */
function ordered(issues: Issue[]): Issue[] {
  return issues.filter((i) => i.severity === 'error').concat(issues.filter((i) => i.severity === 'warning'));
}

/**
 * Builds the pane inside `root` and loads the sheet names. Cost: one read of the names.
 * @example const pane = mountLegacyPane(document.getElementById('root')!, { port: createOfficePort(), lang: 'zh', describeError: officeErrorMsg });
 */
export function mountLegacyPane(root: HTMLElement, host: LegacyHost): LegacyPane {
  const { port, lang } = host;
  const now = host.now ?? (() => new Date());
  const say = (code: MessageCode, params?: MsgParams): string => t({ code, params }, lang);

  let sheets: string[] = [];
  const chosen: Partial<Roles> = {};
  let chosenPrevious = NO_SHEET;
  let busy = false;

  clear(root);
  root.className = 'kaohe-legacy';
  root.appendChild(element('h1', 'kl-title', say('ui.title')));
  root.appendChild(element('p', 'kl-note', say('ui.legacy.note')));
  const status = element('p', 'kl-status');
  status.setAttribute('role', 'status');
  status.setAttribute('data-testid', 'status');
  const failure = element('p', 'kl-error');
  failure.setAttribute('role', 'alert');
  failure.setAttribute('data-testid', 'error');

  const rolesBox = element('fieldset', 'kl-roles');
  rolesBox.appendChild(element('legend', '', say('ui.roles.heading')));
  rolesBox.appendChild(element('p', 'kl-hint', say('ui.roles.hint')));
  const selects: Partial<Record<RoleKey, HTMLSelectElement>> = {};
  for (const role of ROLE_KEYS) {
    const label = element('label', 'kl-role');
    label.appendChild(element('span', '', say(ROLE_LABEL[role])));
    const select = element('select');
    select.setAttribute('data-role', role);
    select.addEventListener('change', () => {
      chosen[role] = select.value;
      renderPrevious(); // a sheet given a role is no longer offered as last year's
    });
    selects[role] = select;
    label.appendChild(select);
    rolesBox.appendChild(label);
  }

  // 上年结果表: offered by sheet name only (no read), checked when it is read.
  const previousLabel = element('label', 'kl-role');
  previousLabel.appendChild(element('span', '', say('ui.previous.sheet')));
  const previousSelect = element('select');
  previousSelect.setAttribute('data-testid', 'previous-sheet');
  previousSelect.addEventListener('change', () => {
    chosenPrevious = previousSelect.value;
  });
  previousLabel.appendChild(previousSelect);
  const previousBox = element('div', 'kl-previous');
  previousBox.appendChild(previousLabel);
  previousBox.appendChild(element('p', 'kl-hint', say('ui.previous.sheetHint')));

  const buttons = element('div', 'kl-buttons');
  const checkButton = element('button', 'kl-button', say('ui.check.button'));
  const computeButton = element('button', 'kl-button kl-primary', say('ui.compute.button'));
  checkButton.setAttribute('type', 'button');
  computeButton.setAttribute('type', 'button');
  checkButton.setAttribute('data-testid', 'check');
  computeButton.setAttribute('data-testid', 'compute');
  buttons.appendChild(checkButton);
  buttons.appendChild(computeButton);

  const issuesBox = element('div', 'kl-issues');
  issuesBox.setAttribute('data-testid', 'issues');
  const summaryBox = element('div', 'kl-summary');
  summaryBox.setAttribute('data-testid', 'summary');

  root.appendChild(rolesBox);
  root.appendChild(previousBox);
  root.appendChild(buttons);
  root.appendChild(status);
  root.appendChild(failure);
  root.appendChild(issuesBox);
  root.appendChild(summaryBox);

  const roles = (): Roles => defaultRoles(sheets, chosen);
  const previousSheet = (): string | null => {
    const sheet = previousSheetIn(previousSheetOptions(sheets, roles()), chosenPrevious);
    return sheet === NO_SHEET ? null : sheet;
  };

  function renderPrevious(): void {
    clear(previousSelect);
    const none = element('option', '', say('ui.role.none'));
    none.value = NO_SHEET;
    previousSelect.appendChild(none);
    const options = previousSheetOptions(sheets, roles());
    for (const option of options) {
      const item = element('option', '', option.own ? say('ui.previous.ownResult', { sheet: option.sheet }) : option.sheet);
      item.value = option.sheet;
      previousSelect.appendChild(item);
    }
    chosenPrevious = previousSheetIn(options, chosenPrevious);
    previousSelect.value = chosenPrevious;
  }

  function renderRoles(): void {
    const current = roles();
    for (const role of ROLE_KEYS) {
      const select = selects[role] as HTMLSelectElement;
      clear(select);
      const names = sheets.slice();
      if (!OPTIONAL_ROLES.has(role) && names.indexOf(current[role]) < 0) names.unshift(current[role]);
      if (OPTIONAL_ROLES.has(role)) {
        const none = element('option', '', say(role === 'indicators' ? 'ui.role.builtinIndicators' : 'ui.role.none'));
        none.value = NO_SHEET;
        select.appendChild(none);
      }
      for (const name of names) {
        const option = element('option', '', name);
        option.value = name;
        select.appendChild(option);
      }
      select.value = current[role];
    }
  }

  function showStatus(text: string): void {
    clear(status);
    if (text) status.appendChild(document.createTextNode(text));
  }

  function showError(msg: Msg | null): void {
    clear(failure);
    if (msg) failure.appendChild(document.createTextNode(t(msg, lang)));
  }

  function renderIssues(issues: Issue[]): void {
    clear(issuesBox);
    const errors = issues.filter((i) => i.severity === 'error').length;
    issuesBox.appendChild(element('p', 'kl-counts', say('ui.check.counts', { errors, warnings: issues.length - errors })));
    const list = element('ul', 'kl-issue-list');
    ordered(issues).forEach((issue) => {
      const item = element('li', issue.severity === 'error' ? 'kl-issue kl-issue-error' : 'kl-issue kl-issue-warning');
      item.appendChild(element('strong', '', `${say(issue.severity === 'error' ? 'ui.issue.error' : 'ui.issue.warning')} `));
      item.appendChild(document.createTextNode(issueText(issue, lang)));
      if (issue.sheet && issue.cell) {
        const go = element('a', 'kl-link', say('ui.issue.goto', { sheet: issue.sheet, cell: issue.cell }));
        go.setAttribute('href', '#');
        go.setAttribute('data-cell', `${issue.sheet}!${issue.cell}`);
        const sheet = issue.sheet;
        const cell = issue.cell;
        go.addEventListener('click', (event) => {
          event.preventDefault();
          void guarded(() => port.select(sheet, cell));
        });
        item.appendChild(document.createTextNode(' '));
        item.appendChild(go);
      }
      list.appendChild(item);
    });
    issuesBox.appendChild(list);
  }

  function renderSummary(outcome: AssessOutcome): void {
    clear(summaryBox);
    const summary = summarize(outcome);
    if (!summary) return;
    const separator = say('ui.summary.separator');
    const names = (list: string[]): string => (list.length > 0 ? list.join(separator) : say('ui.summary.none'));
    summaryBox.appendChild(element('h2', '', say('ui.summary.heading')));
    for (const grade of SUMMARY_GRADES) {
      const list = summary.byGrade[grade];
      summaryBox.appendChild(element('p', 'kl-grade', say('ui.summary.grade', { grade: say(`ui.grade.${grade}`), count: list.length, names: names(list) })));
    }
    summaryBox.appendChild(element('h3', '', say('ui.summary.interviews')));
    if (summary.interviews.length === 0) summaryBox.appendChild(element('p', '', say('ui.summary.noInterviews')));
    else {
      const list = element('ul');
      for (const line of summary.interviews) {
        list.appendChild(element('li', '', say('ui.summary.interviewLine', { unit: line.unit, person: line.person ?? say('ui.summary.noPerson'), deadline: line.deadline })));
      }
      summaryBox.appendChild(list);
    }
    if (summary.failedAssistance !== null) {
      summaryBox.appendChild(element('h3', '', say('ui.summary.assistance')));
      if (summary.failedAssistance.length === 0) summaryBox.appendChild(element('p', '', say('ui.summary.assistanceAllPassed')));
      else {
        const list = element('ul');
        for (const unit of summary.failedAssistance) {
          list.appendChild(element('li', '', say('ui.summary.assistanceLine', { name: unit.name, village: unit.village, items: unit.items.join(separator) })));
        }
        summaryBox.appendChild(list);
      }
    }
    if (summary.warnings > 0) summaryBox.appendChild(element('p', '', say('ui.summary.warnings', { count: summary.warnings })));
    for (const r of summary.renamed) summaryBox.appendChild(element('p', '', say('ui.summary.renamed', { wanted: r.wanted, actual: r.actual })));
    summaryBox.appendChild(element('h3', '', say('ui.summary.sheets')));
    const links = element('ul', 'kl-sheets');
    for (const name of summary.sheets) {
      const item = element('li');
      const link = element('a', 'kl-link', say('ui.legacy.openSheet', { sheet: name }));
      link.setAttribute('href', '#');
      link.setAttribute('data-sheet', name);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        void guarded(() => port.activate(name));
      });
      item.appendChild(link);
      links.appendChild(item);
    }
    summaryBox.appendChild(links);
  }

  /** Runs one action at a time; any failure ends as a message in the pane. */
  async function guarded(action: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    checkButton.disabled = true;
    computeButton.disabled = true;
    showError(null);
    try {
      await action();
    } catch (error) {
      showStatus('');
      let msg: Msg;
      try {
        msg = host.describeError(error);
      } catch {
        msg = { code: 'ui.error.unexpected', params: { detail: String(error).slice(0, 200) } };
      }
      showError(msg);
    } finally {
      busy = false;
      checkButton.disabled = false;
      computeButton.disabled = false;
    }
  }

  /** Reads the sheet names again (a run may have added or replaced sheets). */
  async function listSheets(): Promise<void> {
    sheets = (await port.read(() => [])).sheetNames;
    renderRoles();
    renderPrevious();
  }

  const pane: LegacyPane = {
    roles,
    previousSheet,
    refresh: () => guarded(listSheets),
    check: () =>
      guarded(async () => {
        showStatus(say('ui.check.running'));
        clear(summaryBox);
        const current = roles();
        const previous = previousSheet();
        const outcome = assess(await port.read((names) => sheetsToRead(names, current, previous)), { lang, now: now(), roles: current, previousSheet: previous });
        renderIssues(outcome.issues);
        const errors = outcome.issues.filter((i) => i.severity === 'error').length;
        showStatus(errors > 0 ? '' : say(outcome.issues.length === 0 ? 'ui.check.clean' : 'ui.check.ready'));
      }),
    compute: () =>
      guarded(async () => {
        showStatus(say('ui.compute.running'));
        clear(summaryBox);
        const previous = previousSheet();
        const outcome = await runAssessmentInExcel(port, { lang, now: now(), roles: roles(), previousSheet: previous });
        const errors = outcome.issues.filter((i) => i.severity === 'error').length;
        if (!outcome.ok) {
          renderIssues(outcome.issues);
          showStatus(say('ui.compute.inputErrors', { count: errors }));
          return;
        }
        clear(issuesBox);
        if (outcome.issues.length > 0) renderIssues(outcome.issues);
        renderSummary(outcome);
        showStatus(say('ui.compute.done', { count: summarize(outcome)?.sheets.length ?? 0 }));
        // Kaohe's own 考核结果 chosen as last year is now this year's: the choice goes back to
        // none (as in the modern pane). Then the sheets as they are now.
        if (previous !== null && (outcome.plan?.add ?? []).some((sheet) => sheet.name === previous)) chosenPrevious = NO_SHEET;
        await listSheets();
      }),
  };
  checkButton.addEventListener('click', () => void pane.check());
  computeButton.addEventListener('click', () => void pane.compute());
  return pane;
}
