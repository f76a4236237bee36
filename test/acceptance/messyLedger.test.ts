/**
 * Acceptance 1 — the messy 19-unit ledger, run through the command line as a child process
 * and checked against results worked out by hand (fixtures/messyLedger.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseJson, runCli, tempDir, type CliJson, type CliRun } from './support/cli';
import { fileHash, loadWorkbook, sheetCells, writeWorkbook } from './support/xlsx';
import {
  DIMENSIONS,
  EXPECTED_ASSISTANCE,
  EXPECTED_DEADLINE,
  EXPECTED_RATIO_WARNING,
  EXPECTED_UNITS,
  ITEM_KEYS,
  GUARDED_TEXT,
  messyLedgerSheets,
  rowOf,
} from './fixtures/messyLedger';

const OUTLIER_CELL = `P${rowOf('高丰村')}`;
const INPUT_SHEETS = ['考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数'];
const RESULT_SHEETS = ['考核结果', '稳健性分析', '图表', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明'];

let dir: string;
let input: string;
let output: string;
let hashBefore: string;
let run: CliRun;
let json: CliJson;

beforeAll(async () => {
  dir = tempDir('messy');
  input = path.join(dir, '羊楼司镇-2018台账.xlsx');
  output = path.join(dir, 'out.xlsx');
  await writeWorkbook(input, messyLedgerSheets());
  hashBefore = fileHash(input);
  run = await runCli(['compute', input, '--json', '-o', output]);
  json = parseJson(run.stdout);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const unit = (name: string) => {
  const found = json.units.find((u) => u.name === name);
  if (!found) throw new Error(`unit ${name} missing from JSON; have ${json.units.map((u) => u.name).join(', ')}`);
  return found;
};

describe('messy 19-unit ledger: the run', () => {
  it('exits 0 with no errors', () => {
    expect(json.errors).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('reports the assessment year from 考核参数', () => {
    expect(json.year).toBe(2018);
  });

  it('lists the 19 units in rank order, skipping title, blank and 合计 rows', () => {
    expect(json.units.map((u) => u.name)).toEqual(EXPECTED_UNITS.map((u) => u.name));
  });
});

describe('messy 19-unit ledger: every unit, worked by hand', () => {
  it.each(EXPECTED_UNITS.map((u) => [u.name, u] as const))('%s: rank, total, grade, type', (name, expected) => {
    const actual = unit(name);
    expect({ rank: actual.rank, total: actual.total, grade: actual.grade, type: actual.type }).toEqual({
      rank: expected.rank,
      total: expected.total,
      grade: expected.grade,
      type: expected.type,
    });
  });

  it.each(EXPECTED_UNITS.map((u) => [u.name, u] as const))('%s: dimension scores', (name, expected) => {
    expect(unit(name).dimensions).toEqual(Object.fromEntries(DIMENSIONS.map((dim, i) => [dim, expected.dims[i]])));
  });

  it.each(EXPECTED_UNITS.map((u) => [u.name, u] as const))('%s: vetoes, eligibility, interview', (name, expected) => {
    const actual = unit(name);
    const vetoed = expected.vetoes.length > 0;
    expect({ eligible: actual.eligible, interview: actual.interview }).toEqual({ eligible: !vetoed, interview: vetoed });
    expect(actual.vetoes.map((v) => v.category).sort()).toEqual(expected.vetoes.map((v) => v.category).sort());
    for (const want of expected.vetoes) {
      const veto = actual.vetoes.find((v) => v.category === want.category);
      expect(veto?.evidence).toMatch(want.evidence);
      expect(veto?.text.length).toBeGreaterThan(0);
    }
  });
});

describe('messy 19-unit ledger: interviews (RULEBOOK §3)', () => {
  const vetoed = EXPECTED_UNITS.filter((u) => u.vetoes.length > 0);

  it('lists exactly the vetoed units', () => {
    expect(json.interviews.map((i) => i.unit).sort()).toEqual(vetoed.map((u) => u.name).sort());
  });

  it.each(vetoed.map((u) => [u.name, u] as const))('%s: person, deadline, reasons with evidence', (name, expected) => {
    const interview = json.interviews.find((i) => i.unit === name);
    expect(interview).toBeDefined();
    expect(interview?.person).toBe(expected.person);
    expect(interview?.deadline).toBe(EXPECTED_DEADLINE);
    expect(interview?.reasons).toHaveLength(expected.vetoes.length);
    const evidence = unit(name).vetoes.map((v) => v.evidence);
    for (const cell of evidence) expect(interview?.reasons.some((reason) => reason.includes(cell))).toBe(true);
  });
});

describe('messy 19-unit ledger: assistance units (RULEBOOK §6)', () => {
  it('checks the four units in sheet order', () => {
    expect(json.assistance.map((a) => [a.name, a.village, a.passed])).toEqual(EXPECTED_ASSISTANCE.map((a) => [a.name, a.village, a.passed]));
  });

  it.each(EXPECTED_ASSISTANCE.map((a) => [a.name, a] as const))('%s: every item passed/fact', (name, expected) => {
    const actual = json.assistance.find((a) => a.name === name);
    const passed = Object.fromEntries((actual?.items ?? []).map((item) => [item.item, item.passed]));
    const want = Object.fromEntries(ITEM_KEYS.map((key) => [key, key in expected.exceptions ? expected.exceptions[key] : true]));
    expect(passed).toEqual(want);
    for (const item of actual?.items ?? []) expect(item.fact.length).toBeGreaterThan(0);
    for (const [key, fact] of Object.entries(expected.facts)) {
      expect([key, actual?.items.find((item) => item.item === key)?.fact]).toEqual([key, fact]);
    }
  });
});

describe('messy 19-unit ledger: warnings (RULEBOOK §7)', () => {
  it('warns about 梅池村 over-fulfilling its plan (A/B above 1), at its cell', () => {
    const ratio = json.warnings.filter((w) => w.sheet === EXPECTED_RATIO_WARNING.sheet && EXPECTED_RATIO_WARNING.cell.test(w.cell));
    expect(ratio).toHaveLength(1);
  });

  it('has no tie warning: the only tie (小港/双山) is broken by 减贫成效 and sits at no boundary', () => {
    const tie = json.warnings.filter((w) => w.message.includes('小港村') || w.message.includes('双山村'));
    expect(tie).toEqual([]);
  });

  // RULEBOOK §7 "values far from all the others": 高丰村's 扶贫资金投入 1,234 元 (P16) against
  // 50,000 元 in each of the 18 other units is 40 times smaller than every other value.
  it('warns about 高丰村 扶贫资金投入 1,234 元, far from the 50,000 元 of all 18 others', () => {
    expect(json.warnings.filter((w) => w.sheet === '考核数据' && w.cell === OUTLIER_CELL)).toHaveLength(1);
  });

  it('names a cell or a sheet in every warning', () => {
    for (const warning of json.warnings) expect(warning.sheet.length).toBeGreaterThan(0);
  });
});

describe('messy 19-unit ledger: the files', () => {
  it('leaves the input file byte for byte unchanged', () => {
    expect(fileHash(input)).toBe(hashBefore);
  });

  it('writes only the -o file (nothing beside the input)', () => {
    expect(existsSync(output)).toBe(true);
    expect(existsSync(path.join(dir, '羊楼司镇-2018台账-考核结果.xlsx'))).toBe(false);
  });

  it('keeps every input sheet with identical cells and adds the result sheets', async () => {
    const before = await loadWorkbook(input);
    const after = await loadWorkbook(output);
    const visible = after.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible.sort()).toEqual([...INPUT_SHEETS, ...RESULT_SHEETS].sort());
    for (const name of INPUT_SHEETS) {
      expect({ name, ...sheetCells(after.getWorksheet(name)!) }).toEqual({ name, ...sheetCells(before.getWorksheet(name)!) });
    }
  });

  it('writes 考核结果 in the rank order of the JSON', async () => {
    const after = await loadWorkbook(output);
    const sheet = after.getWorksheet('考核结果')!;
    const names: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && EXPECTED_UNITS.some((u) => u.name === cell.value)) names.push(cell.value);
      });
    });
    expect(names).toEqual(EXPECTED_UNITS.map((u) => u.name));
  });
});

/** Every cell of a sheet as text, and whether any cell holds a formula. */
async function sheetText(file: string, name: string): Promise<{ text: string; formulas: string[] }> {
  const sheet = (await loadWorkbook(file)).getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name} in ${file}`);
  const parts: string[] = [];
  const formulas: string[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
      parts.push(String(cell.text));
    });
  });
  return { text: parts.join('\n'), formulas };
}

describe('messy 19-unit ledger: result sheets carry the evidence', () => {
  const evidence = () => json.units.flatMap((u) => u.vetoes.map((v) => v.evidence));

  it('has 8 pieces of veto evidence to look for', () => {
    expect(evidence()).toHaveLength(8);
  });

  it.each(['考核结果', '约谈名单'])('%s names every veto evidence cell', async (name) => {
    const { text } = await sheetText(output, name);
    for (const ref of evidence()) expect({ ref, found: text.includes(ref) }).toEqual({ ref, found: true });
  });

  it('数据核验 lists the A/B warning cell', async () => {
    const { text } = await sheetText(output, '数据核验');
    expect(text).toContain(`考核数据!F${rowOf('梅池村')}`);
  });

  it('writes input text that starts with "=" as text, never as a formula', async () => {
    expect(unit('金鸡社区').vetoes[0].text).toContain(GUARDED_TEXT);
    for (const name of RESULT_SHEETS) {
      const { text, formulas } = await sheetText(output, name);
      expect({ name, formulas }).toEqual({ name, formulas: [] });
      if (name === '约谈名单') expect(text).toContain(GUARDED_TEXT);
    }
  });
});

describe('messy 19-unit ledger: re-running on the result workbook', () => {
  it('replaces only its own sheets and gives the same answer', async () => {
    const again = path.join(dir, 'again.xlsx');
    const rerun = await runCli(['compute', output, '--json', '-o', again]);
    expect(rerun.code).toBe(0);
    expect(parseJson(rerun.stdout).units).toEqual(json.units);
    const book = await loadWorkbook(again);
    const visible = book.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible.sort()).toEqual([...INPUT_SHEETS, ...RESULT_SHEETS].sort());
    const before = await loadWorkbook(input);
    for (const name of INPUT_SHEETS) expect(sheetCells(book.getWorksheet(name)!)).toEqual(sheetCells(before.getWorksheet(name)!));
  });
});

describe('messy 19-unit ledger: through npm run', () => {
  it('prints only the JSON document on stdout', async () => {
    const viaNpm = await runCli(['compute', input, '--json', '-o', path.join(dir, 'npm-out.xlsx')], true);
    expect(viaNpm.code).toBe(0);
    expect(viaNpm.stdout.trim().startsWith('{')).toBe(true);
    expect(viaNpm.stdout.trim().endsWith('}')).toBe(true);
    expect(parseJson(viaNpm.stdout).units.map((u) => u.name)).toEqual(json.units.map((u) => u.name));
  });
});
