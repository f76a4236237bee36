/**
 * Fingerprints of the input, written into 考核说明 so the city office can tell whether a
 * workbook's inputs changed, and which sheet: per sheet, the SHA-256 (hex) of its canonical
 * text — its name and origin, then every row, every cell as the text a person sees plus
 * its number format (General omitted); for the whole input, the SHA-256 of the role
 * sheets' fingerprints in role order (考核参数, 指标设置, 考核数据, 问题清单, 帮扶单位), then
 * those of the other sheets data were read from.
 */
import type { Roles, SheetGrid, WorkbookSnapshot } from '../types';
import { roleOrder } from './issues';
import { Sha256, sha256Hex } from './sha256';
import { cellText as sharedCellText } from './values';

// Bound once: under tsx's CommonJS output every call through an import is a getter call,
// which the per-cell loops below pay millions of times (see score/column.ts).
const cellText = sharedCellText;

const NEEDS_ESCAPE = /[\\\t\n\u001f]/;

function escaped(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\u001f/g, '\\u') : text;
}

/** Canonical text of one sheet, line by line into `out` (lines joined by `\n`). Cost: O(cells). */
function canonicalLines(grid: SheetGrid, out: (line: string) => void): void {
  out(`\u0002${escaped(grid.name)}@${grid.originRow},${grid.originCol}`);
  const cellsOut: string[] = [];
  for (let r = 0; r < grid.values.length; r++) {
    const cells = grid.values[r] ?? [];
    const formats = grid.formats?.[r] ?? [];
    cellsOut.length = cells.length;
    for (let c = 0; c < cells.length; c++) {
      const fmt = formats[c];
      const cell = cells[c] ?? null;
      const text = typeof cell === 'number' ? cellText(cell) : escaped(cellText(cell));
      cellsOut[c] = fmt && fmt !== 'General' ? `${text}\u001f${escaped(fmt)}` : text;
    }
    let end = cellsOut.length;
    while (end > 0 && cellsOut[end - 1] === '') end--;
    cellsOut.length = end;
    out(cellsOut.join('\t'));
  }
}

// ── per-sheet fingerprints (city office's verify, issue 14) ──

/** The role a sheet was read for, and that sheet's own fingerprint. */
export interface SheetFingerprint {
  /** The role's default sheet name (考核数据, 指标设置, 问题清单, 帮扶单位, 考核参数). */
  role: string;
  /** The sheet that played the role. */
  sheet: string;
  /** SHA-256 (hex) of that sheet's canonical text alone. */
  fingerprint: string;
}

/**
 * The input's fingerprints: `sheets`, one per role sheet present, in role order (a sheet
 * playing two roles is listed once), each the SHA-256 of that sheet's canonical text; and
 * `whole`, the SHA-256 of the fingerprints of those sheets and then of `extraSheets` (other
 * sheets data were read from), one per line — so every cell is hashed once, not twice
 * (hashing is about a third of readInput's time at 100,000 units). Cost: O(cells).
 * @example inputFingerprints(snapshot, DEFAULT_ROLES, DEFAULT_ROLES).sheets.length // => 3
 */
export function inputFingerprints(snapshot: WorkbookSnapshot, roles: Roles, defaults: Roles, extraSheets: string[] = []): { whole: string; sheets: SheetFingerprint[] } {
  const seen = new Set<string>();
  const digests: string[] = [];
  const sheets: SheetFingerprint[] = [];
  const roleNames = roleOrder(defaults);
  [...roleOrder(roles), ...extraSheets].forEach((name, i) => {
    const grid = snapshot.sheets[name];
    if (!grid || seen.has(name)) return;
    seen.add(name);
    const own = new Sha256();
    let first = true;
    canonicalLines(grid, (line) => {
      if (!first) own.update('\n');
      own.update(line);
      first = false;
    });
    const digest = own.hex();
    digests.push(digest);
    if (i < roleNames.length) sheets.push({ role: roleNames[i], sheet: name, fingerprint: digest });
  });
  return { whole: sha256Hex(digests.join('\n')), sheets };
}
