/**
 * Our typed facade (src/io/wpsTypes.ts) against Kingsoft's declarations (et-jsapi-declare
 * 2.5.0): every member we call exists on the declared interface, and every constant we use
 * has the declared value. The declarations declare program-wide globals, so they are
 * compiled in a separate, generated program (tsc on one file), never in the project itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

/** Members of each facade interface, and the declared interface they must exist on. */
const MEMBERS: Record<string, string[]> = {
  'Et.Range': ['Value2', 'NumberFormat', 'Row', 'Column', 'Rows', 'Columns', 'Address', 'MergeCells', 'MergeArea', 'EntireRow', 'EntireColumn', 'Hidden', 'Interior', 'Font', 'Borders', 'WrapText', 'HorizontalAlignment', 'ColumnWidth', 'RowHeight', 'Merge', 'AddComment', 'Select', 'Clear'],
  'Et.Worksheet': ['Name', 'Visible', 'UsedRange', 'Range', 'PageSetup', 'Activate', 'Delete'],
  'Et.Sheets': ['Count', 'Item', 'Add'],
  'Et.Workbook': ['Name', 'Sheets', 'ProtectStructure', 'Date1904'],
  'Et.Window': ['FreezePanes', 'SplitRow', 'SplitColumn', 'ScrollRow', 'ScrollColumn'],
  'Et.PageSetup': ['Orientation', 'PaperSize', 'Zoom', 'FitToPagesWide', 'FitToPagesTall', 'PrintTitleRows'],
  'Et.Application': ['ActiveWorkbook', 'ActiveWindow', 'ScreenUpdating', 'DisplayAlerts', 'Build', 'Version'],
  'WPS.AddonRoot': ['CreateTaskPane', 'GetTaskPane', 'PluginStorage'],
  'Et.Interior': ['Color'],
  'Et.Font': ['Bold'],
  'Et.Borders': ['LineStyle'],
};

/** Constants of src/io/wpsTypes.ts and the declared enum members they must equal. */
const CONSTANTS: [string, string][] = [
  ['XL_SHEET_VISIBLE', 'Et.XlSheetVisibility.xlSheetVisible'],
  ['XL_SHEET_HIDDEN', 'Et.XlSheetVisibility.xlSheetHidden'],
  ['XL_SHEET_VERY_HIDDEN', 'Et.XlSheetVisibility.xlSheetVeryHidden'],
  ['XL_CONTINUOUS', 'Et.XlLineStyle.xlContinuous'],
  ['XL_HALIGN_LEFT', 'Kso.XlHAlign.xlHAlignLeft'],
  ['XL_HALIGN_CENTER', 'Kso.XlHAlign.xlHAlignCenter'],
  ['XL_HALIGN_RIGHT', 'Kso.XlHAlign.xlHAlignRight'],
  ['XL_LANDSCAPE', 'Et.XlPageOrientation.xlLandscape'],
  ['XL_PORTRAIT', 'Et.XlPageOrientation.xlPortrait'],
  ['XL_PAPER_A4', 'Et.XlPaperSize.xlPaperA4'],
];

it('the facade names members and constants exactly as et-jsapi-declare 2.5.0 declares them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-wps-decl-'));
  try {
    const lines = [
      `/// <reference path="${join(ROOT, 'node_modules/et-jsapi-declare/index.d.ts')}" />`,
      `import * as facade from '${join(ROOT, 'src/io/wpsTypes')}';`,
      'type Has<T, K extends string> = K extends keyof T ? true : K;',
      'type Same<A extends number, B> = `${A}` extends `${B & number}` ? true : false;',
      'const yes = <T extends true>(): T | undefined => undefined;',
      ...Object.entries(MEMBERS).flatMap(([type, members]) => members.map((member) => `yes<Has<${type}, '${member}'>>();`)),
      ...CONSTANTS.map(([ours, declared]) => `yes<Same<typeof facade.${ours}, ${declared}>>();`),
      '',
    ];
    const file = join(dir, 'check.ts');
    writeFileSync(file, lines.join('\n'));
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2020', '--moduleResolution', 'node', '--types', 'node', file], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
    // The check can fail: a member that is not declared is reported.
    writeFileSync(file, [...lines, "yes<Has<Et.Range, 'NoSuchMember'>>();", ''].join('\n'));
    const broken = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2020', '--moduleResolution', 'node', '--types', 'node', file], { encoding: 'utf8' });
    expect(broken.status).not.toBe(0);
    expect(broken.stdout).toContain('NoSuchMember');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
