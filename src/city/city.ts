/**
 * The city office's page (issue 14), for a 市扶贫办 without the add-in: choose or drop
 * several towns' workbooks, see each town's verification, download 市汇总.xlsx. Plain DOM,
 * no framework; the workbook adapter loads on the first file. Nothing is uploaded: the
 * files are read in the page (File.arrayBuffer) and the report is offered as a Blob download.
 */
import { planCity, type CityTown } from '../core/city';
import { t } from '../core/messages';
import type { Lang, Msg } from '../core/types';
import { verifyJson, verifyWorkbook, type VerifyJson, type VerifyReport } from '../core/verify';
import { offerDownload } from '../taskpane/download';
import { adapter } from './books';

/** Largest file read (bounded memory in a browser tab). */
const MAX_MB = 50;
/** Most workbooks in one page session. */
const MAX_FILES = 2000;

interface Entry {
  file: string;
  state: 'busy' | 'done' | 'error';
  report?: VerifyReport;
  json?: VerifyJson;
  error?: string;
}

const lang: Lang = /^en\b/i.test(navigator.language) ? 'en' : 'zh';
const say = (code: Msg['code'], params?: Msg['params']) => t({ code, params }, lang);
const entries: Entry[] = [];
let include = false;
let notice = '';
let queue: Promise<void> = Promise.resolve();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

function townCells(entry: Entry): HTMLTableRowElement {
  const status =
    entry.state === 'busy'
      ? el('span', { className: 'busy', textContent: say('city.page.busy') })
      : entry.state === 'error' || !entry.json
        ? el('span', { className: 'bad', textContent: say('city.status.unusable') })
        : el('span', { className: entry.json.consistent ? 'ok' : 'bad', textContent: say(entry.json.consistent ? 'city.status.ok' : 'city.status.bad') });
  const details = el('td');
  if (entry.error) details.append(el('div', { className: 'errors', textContent: entry.error }));
  if (entry.json) {
    const lines = [...entry.json.differences.map((d) => d.message), ...(entry.json.omitted > 0 ? [say('verify.omitted', { count: entry.json.omitted })] : [])];
    if (lines.length === 0) details.append(say('city.page.noDiff'));
    else details.append(el('ul', { className: 'diffs' }, ...lines.map((line) => el('li', { textContent: line }))));
    if (entry.json.warnings.length > 0) {
      details.append(el('ul', { className: 'diffs' }, ...entry.json.warnings.map((w) => el('li', { textContent: `${say('verify.warnings')}${w.message}` }))));
    }
  }
  const row = el('tr');
  row.dataset.file = entry.file;
  row.append(
    el('td', { textContent: entry.file }),
    el('td', { textContent: entry.json?.town ?? '' }),
    el('td', { textContent: entry.json?.year === null || entry.json?.year === undefined ? '' : String(entry.json.year) }),
    el('td', {}, status),
    details,
  );
  return row;
}

function cityTowns(): CityTown[] {
  return entries.filter((e) => e.state === 'done' && e.report).map((e) => ({ file: e.file, report: e.report as VerifyReport }));
}

function planNow() {
  return planCity(cityTowns(), { includeInconsistent: include });
}

function render(): void {
  const root = document.getElementById('kaohe-city') as HTMLElement;
  const input = el('input', { type: 'file', multiple: true, accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'city-files' });
  input.addEventListener('change', () => {
    if (input.files) addFiles(Array.from(input.files));
  });
  const drop = el('div', { id: 'drop' }, el('label', { htmlFor: 'city-files', textContent: `${say('city.page.choose')} ` }), input, el('div', { textContent: say('city.page.drop') }));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    if (event.dataTransfer?.files) addFiles(Array.from(event.dataTransfer.files));
  });

  const box = el('input', { type: 'checkbox', id: 'city-include', checked: include });
  box.addEventListener('change', () => {
    include = box.checked;
    notice = '';
    render();
  });
  const busy = entries.some((e) => e.state === 'busy');
  const plan = planNow();
  const download = el('button', { type: 'button', textContent: say('city.page.download'), disabled: busy || plan.sheets.length === 0 });
  download.addEventListener('click', () => void makeReport());
  const clear = el('button', { type: 'button', textContent: say('city.page.clear'), disabled: busy || entries.length === 0 });
  clear.addEventListener('click', () => {
    entries.length = 0;
    notice = '';
    render();
  });

  const notes = busy ? [] : [...plan.errors, ...plan.notes].map(({ message }) => (message.code === 'city.excluded' ? { ...message, code: 'city.page.excluded' as const } : message));
  const table = el(
    'table',
    { id: 'city-towns' },
    el('thead', {}, el('tr', {}, ...(['city.page.col.file', 'city.page.col.town', 'city.page.col.year', 'city.page.col.status', 'city.page.col.details'] as const).map((c) => el('th', { textContent: say(c) })))),
    el('tbody', {}, ...entries.map(townCells)),
  );
  root.replaceChildren(
    el('h1', { textContent: say('city.page.title') }),
    el('p', { className: 'lead', textContent: say('city.page.lead') }),
    el('p', { className: 'privacy', textContent: say('city.page.privacy') }),
    drop,
    el('label', {}, box, ` ${say('city.page.include')}`),
    ...(entries.length > 0 ? [table] : []),
    el('div', { id: 'city-notes', className: 'errors' }, ...notes.map((m) => el('div', { textContent: t(m, lang) }))),
    el('p', {}, download, ' ', clear),
    el('p', { id: 'city-notice', textContent: notice }),
  );
}

async function verifyOne(file: File, entry: Entry): Promise<void> {
  try {
    if (!/\.xlsx$/i.test(file.name)) throw new Error(say('city.page.notXlsx', { file: file.name }));
    if (file.size > MAX_MB * 1024 * 1024) throw new Error(say('city.page.tooLarge', { file: file.name, mb: MAX_MB }));
    const { openWorkbook } = await adapter();
    let book;
    try {
      book = await openWorkbook(new Uint8Array(await file.arrayBuffer()));
    } catch (err) {
      // The adapter's own errors carry a catalog message (not a zip, encrypted, .xls…).
      const msg = (err as { msg?: Msg }).msg;
      throw new Error(msg ? t(msg, lang) : say('verify.unreadable', { file: file.name, reason: err instanceof Error ? err.message.slice(0, 200) : String(err) }));
    }
    const report = await verifyWorkbook((pick) => book.read(pick), { lang, now: new Date() });
    // Keep only what the report needs, not the rebuilt sheets.
    if (report.outcome) report.outcome = { ...report.outcome, sheets: [], plan: null };
    entry.report = report;
    entry.json = verifyJson(report, lang);
    entry.state = 'done';
  } catch (err) {
    entry.state = 'error';
    entry.error = err instanceof Error ? err.message : String(err);
  }
}

function addFiles(files: File[]): void {
  notice = '';
  for (const file of files.slice(0, Math.max(0, MAX_FILES - entries.length))) {
    const entry: Entry = { file: file.name, state: 'busy' };
    entries.push(entry);
    // One file at a time: bounded memory, and the page stays responsive between files.
    queue = queue.then(() => verifyOne(file, entry)).then(render);
  }
  render();
}

async function makeReport(): Promise<void> {
  const plan = planNow();
  if (plan.sheets.length === 0) return;
  const { newWorkbook } = await adapter();
  const book = newWorkbook();
  await book.apply({ remove: [], add: plan.sheets, renamed: [] });
  offerDownload(await book.toBuffer(), '市汇总.xlsx');
  const included = plan.towns.filter((s) => s.included);
  notice = say('city.page.downloaded', { towns: included.length, units: included.reduce((sum, s) => sum + s.units, 0) });
  render();
}

document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
document.title = `考核 Kaohe · ${say('city.page.title')}`;
render();
