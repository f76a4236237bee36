/**
 * The offline health page (`check.html`) a town's IT person opens straight from the server:
 * are the package files served whole, does Office.js load, which version is deployed.
 * Plain DOM, Chinese with English subtitles; only same-origin requests (CSP connect-src 'self')
 * plus the one Office.js script the pages themselves use.
 */
import { t } from '../core/messages';
import type { Msg } from '../core/types';
import { isPackageFilesManifest, type PackageFileEntry, type PackageFilesManifest } from './files-manifest';
import { probeOfficeJs } from './officejs-probe';
import { fileProblem, filesSummary, mapLimited, type FetchedFile } from './verify';

/** How long Office.js may take before it counts as unreachable. */
const OFFICE_JS_TIMEOUT_MS = 15000;
/** Parallel file requests (browsers allow about six per host anyway). */
const PARALLEL_FETCHES = 6;

type Status = 'running' | 'ok' | 'bad';

const STYLE = `
body { font-family: "Microsoft YaHei", "PingFang SC", "Segoe UI", sans-serif; margin: 24px; color: #242424; max-width: 860px; }
h1 { font-size: 22px; margin: 0; } h2 { font-size: 17px; margin: 0 0 6px; }
.en { color: #616161; font-size: 13px; margin: 2px 0 0; }
section { border-left: 6px solid #c8c8c8; padding: 8px 12px; margin: 16px 0; background: #fafafa; }
section[data-status="ok"] { border-color: #107c10; } section[data-status="bad"] { border-color: #c50f1f; }
p { margin: 4px 0 0; } li { margin: 4px 0; }
`;

/** One bilingual line: the Chinese sentence, and the English one beneath it. */
function bilingual(doc: Document, msg: Msg, tag: 'p' | 'li' = 'p'): HTMLElement {
  const line = doc.createElement(tag);
  const zh = doc.createElement('span');
  zh.className = 'zh';
  zh.textContent = t(msg, 'zh');
  const en = doc.createElement('div');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = t(msg, 'en');
  line.append(zh, en);
  return line;
}

/** A section with a bilingual heading; `data-check` and `data-status` let people and tests read the outcome. */
function section(doc: Document, id: string, heading: Msg): HTMLElement {
  const element = doc.createElement('section');
  element.dataset.check = id;
  element.dataset.status = 'running';
  const title = doc.createElement('h2');
  title.textContent = t(heading, 'zh');
  const subtitle = doc.createElement('div');
  subtitle.className = 'en';
  subtitle.textContent = t(heading, 'en');
  element.append(title, subtitle);
  return element;
}

/** Replaces a section's body (everything after its heading) and sets its status. */
function show(element: HTMLElement, status: Status, ...lines: HTMLElement[]): void {
  while (element.childNodes.length > 2) element.lastChild?.remove();
  element.append(...lines);
  element.dataset.status = status;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fetches `files.json` next to the page; a message when it is missing or malformed. */
async function loadFilesManifest(): Promise<PackageFilesManifest | Msg> {
  try {
    const response = await fetch('files.json', { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return { code: 'check.version.unknown', params: { reason: `HTTP ${response.status}` } };
    const parsed: unknown = await response.json();
    if (!isPackageFilesManifest(parsed)) return { code: 'check.version.unknown', params: { reason: 'format' } };
    return parsed;
  } catch (error) {
    return { code: 'check.version.unknown', params: { reason: errorText(error) } };
  }
}

/** The SHA-256 of some bytes in hex, or null where `crypto.subtle` is unavailable (plain http). */
async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  if (!globalThis.isSecureContext || !globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Fetches one packaged file from this server and describes what came. */
async function fetchPackaged(entry: PackageFileEntry): Promise<FetchedFile> {
  const url = entry.path.split('/').map(encodeURIComponent).join('/');
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return { kind: 'http-error', status: response.status };
    const bytes = await response.arrayBuffer();
    return { kind: 'body', size: bytes.byteLength, sha256: await sha256Hex(bytes) };
  } catch (error) {
    return { kind: 'network-error', reason: errorText(error) };
  }
}

async function checkFiles(doc: Document, element: HTMLElement, files: PackageFileEntry[]): Promise<void> {
  show(element, 'running', bilingual(doc, { code: 'check.files.running', params: { count: files.length } }));
  const fetched = await mapLimited(files, PARALLEL_FETCHES, fetchPackaged);
  const problems = files.map((entry, index) => fileProblem(entry, fetched[index])).filter((msg): msg is Msg => msg !== null);
  const hashed = fetched.every((item) => item.kind !== 'body' || item.sha256 !== null);
  const summary = bilingual(doc, filesSummary(files.length, problems.length, hashed));
  if (problems.length === 0) {
    show(element, 'ok', summary);
    return;
  }
  const list = doc.createElement('ul');
  list.append(...problems.map((problem) => bilingual(doc, problem, 'li')));
  show(element, 'bad', summary, list);
}

async function checkOfficeJs(doc: Document, element: HTMLElement, url: string): Promise<void> {
  show(element, 'running', bilingual(doc, { code: 'check.officejs.loading', params: { url } }));
  const result = await probeOfficeJs(doc, url, OFFICE_JS_TIMEOUT_MS);
  if (result.loaded) {
    show(element, 'ok', bilingual(doc, { code: 'check.officejs.loaded', params: { url } }));
    return;
  }
  const reason = `${t(result.reason, 'zh')} / ${t(result.reason, 'en')}`;
  show(element, 'bad', bilingual(doc, { code: 'check.officejs.failed', params: { url, reason } }));
}

/**
 * Builds the page into `root` and runs the three checks; resolves when all are done
 * (`document.body.dataset.done = 'true'`). Never rejects: every failure is shown.
 */
export async function runHealthPage(doc: Document, root: HTMLElement): Promise<void> {
  adoptStyle(doc);
  doc.title = `${t({ code: 'check.title' }, 'zh')} · ${t({ code: 'check.title' }, 'en')}`;
  const header = doc.createElement('header');
  const title = doc.createElement('h1');
  title.textContent = t({ code: 'check.title' }, 'zh');
  const subtitle = doc.createElement('div');
  subtitle.className = 'en';
  subtitle.textContent = t({ code: 'check.title' }, 'en');
  header.append(title, subtitle);

  const versionSection = section(doc, 'version', { code: 'check.version.heading' });
  const filesSection = section(doc, 'files', { code: 'check.files.heading' });
  const officeSection = section(doc, 'officejs', { code: 'check.officejs.heading' });
  root.replaceChildren(header, versionSection, filesSection, officeSection);

  const manifest = await loadFilesManifest();
  if (!isPackageFilesManifest(manifest)) {
    show(versionSection, 'bad', bilingual(doc, manifest));
    show(filesSection, 'bad', bilingual(doc, manifest));
    show(officeSection, 'bad', bilingual(doc, { code: 'check.officejs.unknown' }));
  } else {
    const officejs = `${manifest.officejs} — ${manifest.officejsUrl}`;
    show(
      versionSection,
      'ok',
      bilingual(doc, { code: 'check.version.value', params: { version: manifest.version, builtAt: manifest.builtAt, officejs } }),
    );
    await Promise.all([
      checkFiles(doc, filesSection, manifest.files),
      checkOfficeJs(doc, officeSection, manifest.officejsUrl),
    ]);
  }
  doc.body.dataset.done = 'true';
}

/** Styles through a constructed stylesheet, which a CSP without 'unsafe-inline' still allows. */
function adoptStyle(doc: Document): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // An old browser without constructed stylesheets: the page stays readable unstyled.
  }
}

if (typeof document !== 'undefined' && document.getElementById('kaohe-check')) {
  void runHealthPage(document, document.getElementById('kaohe-check') as HTMLElement);
}
