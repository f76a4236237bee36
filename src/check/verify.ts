/**
 * Judges what the server delivered for each packaged file against `files.json`, and sums
 * the findings up. Pure: the page does the fetching and hashing and hands the facts in.
 */
import type { Msg } from '../core/types';
import type { PackageFileEntry } from './files-manifest';

/** What fetching one file gave. */
export type FetchedFile =
  | { kind: 'network-error'; reason: string }
  | { kind: 'http-error'; status: number }
  /** `sha256` is null when the browser cannot hash here (no `crypto.subtle` outside HTTPS/localhost). */
  | { kind: 'body'; size: number; sha256: string | null };

/**
 * The problem with one file, or null when it arrived whole.
 * @example fileProblem({ path: 'a.js', size: 3, sha256: 'x' }, { kind: 'http-error', status: 404 })
 *   // => { code: 'check.file.httpError', params: { path: 'a.js', status: 404 } }
 */
export function fileProblem(entry: PackageFileEntry, fetched: FetchedFile): Msg | null {
  const path = entry.path;
  switch (fetched.kind) {
    case 'network-error':
      return { code: 'check.file.networkError', params: { path, reason: fetched.reason } };
    case 'http-error':
      return { code: 'check.file.httpError', params: { path, status: fetched.status } };
    case 'body':
      if (fetched.size !== entry.size) {
        return { code: 'check.file.sizeMismatch', params: { path, found: fetched.size, expected: entry.size } };
      }
      if (fetched.sha256 !== null && fetched.sha256.toLowerCase() !== entry.sha256.toLowerCase()) {
        return { code: 'check.file.hashMismatch', params: { path } };
      }
      return null;
  }
}

/**
 * The headline for the file check.
 * @example filesSummary(12, 0, true) // => { code: 'check.files.ok', params: { count: 12 } }
 */
export function filesSummary(count: number, bad: number, hashed: boolean): Msg {
  if (bad > 0) return { code: 'check.files.bad', params: { count, bad } };
  return { code: hashed ? 'check.files.ok' : 'check.files.okSizeOnly', params: { count } };
}

/**
 * Runs `work` over `items` with at most `limit` at a time, keeping the order of results.
 * Cost: as many calls as items. Rejections of `work` propagate.
 * @example await mapLimited([1, 2, 3], 2, async (n) => n * 2) // => [2, 4, 6]
 */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
