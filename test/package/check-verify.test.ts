import { t } from '../../src/core/messages';
import { isPackageFilesManifest } from '../../src/check/files-manifest';
import { fileProblem, filesSummary, mapLimited } from '../../src/check/verify';

const entry = { path: 'taskpane.js', size: 10, sha256: 'ABCDEF' };

describe('fileProblem', () => {
  test.each([
    ['whole file', { kind: 'body', size: 10, sha256: 'abcdef' }, null],
    ['no hash available', { kind: 'body', size: 10, sha256: null }, null],
    ['wrong size', { kind: 'body', size: 9, sha256: 'abcdef' }, 'check.file.sizeMismatch'],
    ['wrong content', { kind: 'body', size: 10, sha256: '000000' }, 'check.file.hashMismatch'],
    ['404', { kind: 'http-error', status: 404 }, 'check.file.httpError'],
    ['network', { kind: 'network-error', reason: 'Failed to fetch' }, 'check.file.networkError'],
  ] as const)('%s', (_name, fetched, code) => {
    const problem = fileProblem(entry, fetched);
    expect(problem?.code ?? null).toBe(code);
  });

  test('messages name the file, Chinese and English', () => {
    const problem = fileProblem(entry, { kind: 'http-error', status: 404 });
    expect(problem && t(problem, 'zh')).toBe('taskpane.js：服务器返回 HTTP 404');
    expect(problem && t(problem, 'en')).toBe('taskpane.js: the server answered HTTP 404');
  });
});

test.each([
  [5, 0, true, 'check.files.ok'],
  [5, 0, false, 'check.files.okSizeOnly'],
  [5, 2, true, 'check.files.bad'],
])('filesSummary(%i, %i, %s) → %s', (count, bad, hashed, code) => {
  expect(filesSummary(count, bad, hashed).code).toBe(code);
});

test('mapLimited keeps order and never runs more than the limit at once', async () => {
  let running = 0;
  let peak = 0;
  const result = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, n));
    running--;
    return n * 10;
  });
  expect(result).toEqual([50, 10, 40, 20, 30]);
  expect(peak).toBe(2);
  expect(await mapLimited([], 3, async (n: number) => n)).toEqual([]);
});

test.each([
  [{ name: 'kaohe', version: '1', builtAt: 'x', officejs: 'global', officejsUrl: 'u', baseUrl: 'b', files: [] }, true],
  [{ name: 'kaohe', version: '1', builtAt: 'x', officejs: 'moon', officejsUrl: 'u', baseUrl: 'b', files: [] }, false],
  [{ name: 'kaohe', version: '1', builtAt: 'x', officejs: 'global', officejsUrl: 'u', baseUrl: 'b', files: [{ path: 'a' }] }, false],
  [null, false],
  ['kaohe', false],
])('isPackageFilesManifest #%#', (value, expected) => {
  expect(isPackageFilesManifest(value)).toBe(expected);
});
