/**
 * Where the end-to-end tests find the project, the built pages and the tools they drive.
 */
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
/** The production build that `npm test` makes before jest runs. */
export const DIST = path.join(ROOT, 'dist');
/**
 * Where the screenshots go: test-results/screenshots on an ordinary run (so `npm test`
 * leaves the tree clean), docs/screenshots (checked in, shown in the README) with
 * `KAOHE_SCREENSHOTS=docs npm run test:e2e`.
 */
export const SCREENSHOTS =
  process.env.KAOHE_SCREENSHOTS === 'docs' ? path.join(ROOT, 'docs', 'screenshots') : path.join(ROOT, 'test-results', 'screenshots');
/** Measurements of the last run (ignored by git). */
export const RESULTS = path.join(ROOT, 'test-results');
/** Debian's chromium: never a downloaded browser. */
export const CHROMIUM = '/usr/bin/chromium';
/** Office.js as published on npm: served in place of the CDN copy so nothing leaves the machine. */
export const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

/**
 * A local program in node_modules/.bin.
 * @example bin('webpack') // => '/work/main/node_modules/.bin/webpack'
 */
export function bin(name: string): string {
  return path.join(ROOT, 'node_modules', '.bin', name);
}
