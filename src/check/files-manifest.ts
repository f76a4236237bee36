/**
 * The shape of `files.json`, the list of a package's files that `npm run package` writes
 * next to `check.html`, and that the health page reads back to see whether the server
 * delivers every file whole. Shared by the package step (Node) and the page (browser):
 * types and one pure guard only, no DOM and no Node.
 */

/** Where Office.js comes from: Microsoft's global CDN, the 21Vianet CDN, or a copy in the package. */
export type OfficeJsChoice = 'global' | 'china' | 'bundled';

/** All choices, in the order the docs present them. */
export const OFFICE_JS_CHOICES: readonly OfficeJsChoice[] = ['global', 'china', 'bundled'];

/** One file of the package, as packed. */
export interface PackageFileEntry {
  /** Path relative to the package folder, with `/` separators (`assets/icon-32.png`). */
  path: string;
  /** Size in bytes. */
  size: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
}

/** The whole of `files.json`. */
export interface PackageFilesManifest {
  name: 'kaohe';
  /** The manifest `<Version>` of this package, four parts (`1.0.3.0`). */
  version: string;
  /** When the package was made, ISO 8601 in UTC. */
  builtAt: string;
  officejs: OfficeJsChoice;
  /** The Office.js address the pages use: absolute for the CDNs, relative to the package folder when bundled. */
  officejsUrl: string;
  /** The HTTPS folder address the manifest points to (ends with `/`). */
  baseUrl: string;
  /** Every file of the package except `files.json` itself, sorted by path. */
  files: PackageFileEntry[];
}

/**
 * Checks that a parsed JSON value has the shape of `files.json` (cost: one pass over the list).
 * Never throws; returns false for anything else.
 * @example isPackageFilesManifest({ name: 'kaohe' }) // => false
 */
export function isPackageFilesManifest(value: unknown): value is PackageFilesManifest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.name !== 'kaohe' || typeof v.version !== 'string' || typeof v.builtAt !== 'string') return false;
  if (!OFFICE_JS_CHOICES.includes(v.officejs as OfficeJsChoice)) return false;
  if (typeof v.officejsUrl !== 'string' || typeof v.baseUrl !== 'string' || !Array.isArray(v.files)) return false;
  return v.files.every((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return false;
    const e = entry as Record<string, unknown>;
    return typeof e.path === 'string' && typeof e.size === 'number' && typeof e.sha256 === 'string';
  });
}
