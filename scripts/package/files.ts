/**
 * Lists a package folder with sizes and SHA-256 (for `files.json` and the health page),
 * and measures folder sizes for the report.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PackageFileEntry } from '../../src/check/files-manifest';

/**
 * Every regular file under `root`, as `/`-separated relative paths, sorted.
 * Cost: one directory walk.
 * @example listFiles('pkg/kaohe-1.0.1.0') // => ['assets/icon-32.png', 'check.html', …]
 */
export function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) found.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * Size and SHA-256 of each listed file. Cost: reads every byte once.
 * @example fileEntries('pkg/x', ['a.txt']) // => [{ path: 'a.txt', size: 3, sha256: 'ba78…' }]
 */
export function fileEntries(root: string, paths: string[]): PackageFileEntry[] {
  return paths.map((path) => {
    const bytes = readFileSync(join(root, ...path.split('/')));
    return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
}

/** Total bytes of the files under `root`. */
export function folderBytes(root: string): number {
  return listFiles(root).reduce((sum, path) => sum + statSync(join(root, ...path.split('/'))).size, 0);
}

/**
 * A size for people: `812 KB`, `3.4 MB`.
 * @example humanSize(3_500_000) // => '3.3 MB'
 */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
