/**
 * Property: any grid of messy cells — CJK text, full-width digits, %, 万, yes/no words,
 * formula-looking text, NaN/±Infinity/-0/huge numbers, booleans, (invalid) Dates, Excel
 * error values, nulls, ragged rows, any origin — in any role sheet is read without
 * throwing, and every issue names its sheet and (unless it concerns the whole sheet) a
 * valid A1 cell inside that sheet's used range. Messages render in both languages.
 */
import fc from 'fast-check';
import { parseA1 } from '../../src/core/a1';
import { assess, issueText, t, type AssessOutcome, type CellValue, type SheetGrid, type WorkbookSnapshot } from '../../src/core';
import { INDICATOR_HEADERS } from '../../src/core/defaults';
import { ledgerSnapshot, syntheticLedger, DATA_LEAD_COLUMNS } from '../helpers/generate';
import { messyCell, messyGrid, RUNS, runs } from './arbitraries';

const now = new Date(2019, 0, 5, 10, 0, 0);
const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;

/** A valid base ledger (3 units × 4 indicators) the random sheets are put into. */
const base = (): WorkbookSnapshot => ledgerSnapshot(syntheticLedger(3, 4, 7));

/** The header row a role sheet needs, so random rows under it are read as data (null: no header). */
const HEADERS: Record<string, CellValue[] | null> = {
  考核数据: [...DATA_LEAD_COLUMNS, '是否贫困村', '指标01', '指标02', '指标03', '指标04'],
  指标设置: INDICATOR_HEADERS.slice(),
  问题清单: ['单位', '问题类别', '情况说明', '发现来源', '发现日期', '突出问题'],
  帮扶单位: ['帮扶单位', '联点村', '纳入议事日程', '正职现场办公次数', '帮扶资金（万元）', '产业发展基地', '1月', '2月', '最少月驻村天数', '资金整合任务'],
  考核参数: ['参数', '值'],
};
const ROLE_SHEETS = Object.keys(HEADERS);

/** Width of a grid's widest row. */
const widthOf = (grid: SheetGrid): number => grid.values.reduce((w, row) => Math.max(w, row.length), 0);

/** Checks the outcome's issues against the snapshot; returns how many there were. */
function checkIssues(snapshot: WorkbookSnapshot, outcome: AssessOutcome): number {
  for (const issue of outcome.issues) {
    expect(typeof issue.sheet).toBe('string');
    expect(issue.sheet.length).toBeGreaterThan(0);
    if (issue.cell !== '') {
      expect(issue.cell).toMatch(A1);
      const at = parseA1(issue.cell)!;
      const grid = snapshot.sheets[issue.sheet];
      // A cell-level issue points into a sheet that was read, inside its used range.
      expect(grid).toBeDefined();
      expect(at.row).toBeGreaterThanOrEqual(grid.originRow);
      expect(at.row).toBeLessThan(grid.originRow + grid.values.length);
      expect(at.col).toBeGreaterThanOrEqual(grid.originCol);
      expect(at.col).toBeLessThan(grid.originCol + Math.max(1, widthOf(grid)));
    }
    for (const lang of ['zh', 'en'] as const) {
      expect(issueText(issue, lang).length).toBeGreaterThan(0);
      // Every placeholder of the sentence has its parameter (user text may hold braces: not checked).
      const placeholders = [...t({ code: issue.code }, lang).matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const key of placeholders) expect(Object.keys(issue.params ?? {})).toContain(key);
    }
  }
  // The JSON report is serialisable and mirrors the issues.
  const json = JSON.parse(JSON.stringify(outcome.json));
  expect(json.errors.length + json.warnings.length).toBe(outcome.issues.length);
  return outcome.issues.length;
}

describe('reading random grids (fast-check, seeded)', () => {
  it(`a random grid in place of any role sheet never throws and every issue names a valid cell (${RUNS.parse} cases)`, () => {
    let issues = 0;
    const sheetCase = fc.constantFrom(...ROLE_SHEETS).chain((role) =>
      fc.record({ role: fc.constant(role), grid: fc.oneof(messyGrid(role, HEADERS[role]), messyGrid(role, null)) }),
    );
    fc.assert(
      fc.property(sheetCase, ({ role, grid }) => {
        const snapshot = base();
        const sheetNames = snapshot.sheetNames.includes(role) ? snapshot.sheetNames : [...snapshot.sheetNames, role];
        const messy: WorkbookSnapshot = { sheetNames, sheets: { ...snapshot.sheets, [role]: grid } };
        let outcome: AssessOutcome | undefined;
        expect(() => {
          outcome = assess(messy, { lang: 'zh', now });
        }).not.toThrow();
        issues += checkIssues(messy, outcome!);
      }),
      runs(RUNS.parse),
    );
    expect(issues).toBeGreaterThan(RUNS.parse); // the random sheets did provoke findings
  });

  it(`messy cells injected into a valid ledger never throw and every issue names a valid cell (${RUNS.inject} cases)`, () => {
    const injection = fc.array(
      fc.record({ sheet: fc.constantFrom('考核数据', '指标设置'), row: fc.integer({ min: 0, max: 5 }), col: fc.integer({ min: 0, max: 12 }), value: messyCell }),
      { minLength: 1, maxLength: 6 },
    );
    let errors = 0;
    fc.assert(
      fc.property(injection, (cells) => {
        const snapshot = base();
        const sheets: Record<string, SheetGrid> = {};
        for (const [name, grid] of Object.entries(snapshot.sheets)) sheets[name] = { ...grid, values: grid.values.map((row) => [...row]) };
        for (const { sheet, row, col, value } of cells) {
          const values = sheets[sheet].values;
          if (row >= values.length) continue;
          while (values[row].length <= col) values[row].push(null);
          values[row][col] = value;
        }
        const messy = { sheetNames: snapshot.sheetNames, sheets };
        const outcome = assess(messy, { lang: 'en', now });
        checkIssues(messy, outcome);
        if (!outcome.ok) errors++;
        else expect(outcome.result!.units.every((u) => Number.isFinite(u.total))).toBe(true);
      }),
      runs(RUNS.inject),
    );
    expect(errors).toBeGreaterThan(0);
  });
});
