/**
 * Hostile workbook shapes: empty role sheets, a 考核数据 sheet with only a header, a single
 * unit, and thousands of rows that all carry the same name. Each ends in a clear result
 * or clear errors at their cells — never a crash or a hang (generous timeouts, no timing
 * asserts).
 */
import { assess, issueText, type SheetGrid, type WorkbookSnapshot } from '../../src/core';
import { DATA_LEAD_COLUMNS, dataRows, ledgerSnapshot, syntheticLedger } from '../helpers/generate';

const now = new Date(2019, 0, 5, 10, 0, 0);
const HOSTILE_TIMEOUT = 120_000;

const empty = (name: string): SheetGrid => ({ name, values: [], originRow: 0, originCol: 0 });

/** The base ledger with one sheet replaced (or added). */
function withSheet(grid: SheetGrid, spec = syntheticLedger(3, 4, 5)): WorkbookSnapshot {
  const snapshot = ledgerSnapshot(spec);
  const sheetNames = snapshot.sheetNames.includes(grid.name) ? snapshot.sheetNames : [...snapshot.sheetNames, grid.name];
  return { sheetNames, sheets: { ...snapshot.sheets, [grid.name]: grid } };
}

describe('empty and near-empty sheets', () => {
  it('an empty 考核数据 is one whole-sheet error', () => {
    const outcome = assess(withSheet(empty('考核数据')), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatchObject({ sheet: '考核数据', cell: '' });
    expect(issueText(errors[0], 'zh')).toMatch(/^考核数据：/);
  });

  it('no 考核数据 sheet at all is one whole-sheet error naming the missing sheet', () => {
    const snapshot = ledgerSnapshot(syntheticLedger(3, 4, 5));
    delete snapshot.sheets['考核数据'];
    snapshot.sheetNames = snapshot.sheetNames.filter((n) => n !== '考核数据');
    const outcome = assess(snapshot, { lang: 'en', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({ code: 'read.sheet.missing', sheet: '考核数据', cell: '' })]);
  });

  it('a 考核数据 sheet with only its header is "no units", not a crash', () => {
    const spec = syntheticLedger(3, 4, 5);
    const header = dataRows(spec).slice(0, 2);
    const outcome = assess(withSheet({ name: '考核数据', values: header, originRow: 0, originCol: 0 }, spec), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['read.data.noUnits']);
    expect(outcome.json.units).toEqual([]);
  });

  // Current behaviour (a choice the spec leaves open): an empty optional sheet is one
  // whole-sheet "no header" error, as a sheet someone emptied by mistake should be noticed.
  it.each(['指标设置', '问题清单', '帮扶单位', '考核参数'])('an empty %s is one whole-sheet error naming that sheet', (name) => {
    const outcome = assess(withSheet(empty(name)), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    const errors = outcome.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ sheet: name, cell: '' });
    expect(issueText(errors[0], 'zh').startsWith(`${name}：`)).toBe(true);
  });

  it('a sheet of blank strings and "no value" marks only is treated as empty', () => {
    const blanks: SheetGrid = { name: '考核数据', values: [['', ' '], ['—', '/'], [null, '-']], originRow: 0, originCol: 0 };
    const outcome = assess(withSheet(blanks), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.filter((i) => i.severity === 'error').every((i) => i.cell === '' || i.sheet !== '考核数据')).toBe(true);
  });
});

describe('a single unit', () => {
  it('is ranked 1 and graded 好 (the quota is not a minimum)', () => {
    const outcome = assess(ledgerSnapshot(syntheticLedger(1, 11, 5)), { lang: 'zh', now });
    expect(outcome.json.errors).toEqual([]);
    expect(outcome.result!.units).toHaveLength(1);
    const [unit] = outcome.result!.units;
    expect(unit.rank).toBe(1);
    // 相对 scores the only unit against itself: full points there.
    expect(unit.grade).toBe(unit.eligible ? '好' : '一般');
  });
});

describe('thousands of duplicate names', () => {
  it('3,000 rows all named 龙源村: one error per repeat, each at its name cell, and it completes', () => {
    const spec = syntheticLedger(3_000, 4, 5);
    for (const unit of spec.units) unit.name = '龙源村';
    const outcome = assess(ledgerSnapshot(spec), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    const duplicates = outcome.issues.filter((i) => i.code === 'read.data.duplicate');
    expect(duplicates).toHaveLength(2_999);
    expect(duplicates[0].cell).toBe('A4');
    expect(duplicates[2_998].cell).toBe('A3002');
    expect(issueText(duplicates[0], 'zh')).toMatch(/^考核数据!A4：.*A3/); // points back at the first
    expect(outcome.json.errors).toHaveLength(outcome.issues.filter((i) => i.severity === 'error').length);
  }, HOSTILE_TIMEOUT);

  it('3,000 names that differ only by spaces, line breaks or full-width forms are duplicates too', () => {
    const spec = syntheticLedger(3_000, 4, 5);
    const variants = ['龙源村', ' 龙 源 村 ', '龙源村\n', '龙源村\u3000'];
    spec.units.forEach((unit, i) => {
      unit.name = variants[i % variants.length];
    });
    const outcome = assess(ledgerSnapshot(spec), { lang: 'zh', now });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues.filter((i) => i.code === 'read.data.duplicate')).toHaveLength(2_999);
  }, HOSTILE_TIMEOUT);

  it('a 问题清单 of 3,000 rows for one unit completes and keeps every veto', () => {
    const spec = syntheticLedger(5, 4, 5);
    const problems: SheetGrid = {
      name: '问题清单',
      values: [['单位', '问题类别', '情况说明', '发现来源', '发现日期', '突出问题'], ...Array.from({ length: 3_000 }, (_, i) => ['测试000001村', 2, `问题${i + 1}`, '审计', '2018-06-01', '否'])],
      originRow: 0,
      originCol: 0,
    };
    const outcome = assess(withSheet(problems, spec), { lang: 'zh', now });
    expect(outcome.json.errors).toEqual([]);
    const unit = outcome.result!.units.find((u) => u.name === '测试000001村')!;
    expect(unit.vetoes.filter((v) => v.from === 'problem')).toHaveLength(3_000);
    expect(unit.eligible).toBe(false);
  }, HOSTILE_TIMEOUT);
});

describe('data columns beyond the indicators', () => {
  it('a 考核数据 row wider than its header, with junk to the right, is still read', () => {
    const spec = syntheticLedger(3, 4, 5);
    const rows = dataRows(spec);
    rows[2] = [...rows[2], null, { error: '#REF!' }, '=HYPERLINK("http://evil","x")'];
    const outcome = assess(withSheet({ name: '考核数据', values: rows, originRow: 0, originCol: 0 }, spec), { lang: 'zh', now });
    expect(outcome.json.errors).toEqual([]);
    expect(DATA_LEAD_COLUMNS[0]).toBe('单位');
  });
});
