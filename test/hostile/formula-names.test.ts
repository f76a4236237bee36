/**
 * Formula-looking unit names (`=1+1`, `+86`, `-5`, `@SUM(A1)`, `=HYPERLINK(…)`) are valid
 * names. They must come out as text everywhere: in the JSON report, in the workbook
 * written through the package adapter (read back with ExcelJS: a string, not a formula),
 * and in Excel (the simulator turns a string starting with = + - @ into a formula unless
 * the cell is formatted as text).
 */
import ExcelJS from 'exceljs';
import { assess, type OutputSheet } from '../../src/core';
import { newWorkbook, openWorkbook } from '../../src/io/xlsx/index';
import { createOfficePort, runAssessmentInExcel } from '../../src/io/office';
import { ExcelSimulator } from '../io/simulator/excel-simulator';
import { ledgerRows, ledgerSnapshot, syntheticLedger, type LedgerSpec } from '../helpers/generate';

const now = new Date(2019, 0, 5, 10, 0, 0);
const HOSTILE_TIMEOUT = 60_000;

const FORMULA_NAMES = ['=1+1', '+86', '-5', '@SUM(A1)', '=HYPERLINK("http://evil","x")', "=cmd|' /C calc'!A0"];

/** Six units named like formulas, one of them vetoed (so it is on the interview list too). */
function formulaLedger(): LedgerSpec {
  const spec = syntheticLedger(FORMULA_NAMES.length, 11, 3);
  spec.units.forEach((unit, i) => {
    unit.name = FORMULA_NAMES[i];
    unit.person = FORMULA_NAMES[FORMULA_NAMES.length - 1 - i];
    unit.values[0] = 50;
  });
  spec.units[0].values[0] = 0; // below the 否决阈值 (3) of 指标01: vetoed, interviewed
  return spec;
}

/** Every cell of the result sheets whose value is one of the names. */
function nameCells(sheets: OutputSheet[]) {
  return sheets.flatMap((sheet) => sheet.rows.flatMap((row) => row.filter((cell) => typeof cell.v === 'string' && FORMULA_NAMES.includes(cell.v))));
}

describe('formula-looking unit names', () => {
  it('are accepted and come out unchanged, as strings, in the JSON report', () => {
    const outcome = assess(ledgerSnapshot(formulaLedger()), { lang: 'zh', now });
    expect(outcome.json.errors).toEqual([]);
    expect(outcome.json.units.map((u) => u.name).sort()).toEqual([...FORMULA_NAMES].sort());
    expect(outcome.json.interviews.map((i) => i.unit)).toEqual(['=1+1']);
    const parsed = JSON.parse(JSON.stringify(outcome.json));
    for (const unit of parsed.units) expect(typeof unit.name).toBe('string');
  });

  it('are marked as literal text in every result sheet cell that carries them', () => {
    const outcome = assess(ledgerSnapshot(formulaLedger()), { lang: 'zh', now });
    const cells = nameCells(outcome.sheets);
    expect(cells.length).toBeGreaterThanOrEqual(FORMULA_NAMES.length * 2); // 考核结果 + 计算明细 at least
    for (const cell of cells) expect(cell.text).toBe(true);
  });

  it('are strings, never formulas, in the workbook written through the package adapter', async () => {
    const source = new ExcelJS.Workbook();
    for (const [name, rows] of ledgerRows(formulaLedger())) source.addWorksheet(name).addRows(rows as ExcelJS.CellValue[][]);
    const book = await openWorkbook(new Uint8Array(await source.xlsx.writeBuffer()));
    const outcome = assess(await book.read((names) => names), { lang: 'zh', now });
    expect(outcome.json.errors).toEqual([]);
    await book.apply(outcome.plan!);

    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    let seen = 0;
    for (const sheet of outcome.plan!.add) {
      written.getWorksheet(sheet.name)!.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula ?? null).toBeNull();
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string' && FORMULA_NAMES.includes(cell.value)) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
          }
        }),
      );
    }
    expect(seen).toBeGreaterThanOrEqual(FORMULA_NAMES.length * 2);
  }, HOSTILE_TIMEOUT);

  it('are text in a fresh workbook too (the separate-workbook path of the CLI)', async () => {
    const outcome = assess(ledgerSnapshot(formulaLedger()), { lang: 'zh', now });
    const book = newWorkbook();
    await book.apply({ remove: [], add: outcome.sheets, renamed: [] });
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const results = written.getWorksheet('考核结果')!;
    const names: unknown[] = [];
    results.eachRow((row) => row.eachCell((cell) => (FORMULA_NAMES.includes(String(cell.value)) ? names.push(cell.value) : undefined)));
    expect(names.sort()).toEqual([...FORMULA_NAMES].sort());
  }, HOSTILE_TIMEOUT);

  it('are text, not formulas, in Excel (simulator: one click read → assess → write)', async () => {
    const sim = new ExcelSimulator();
    for (const [name, rows] of ledgerRows(formulaLedger())) sim.addSheet(name, rows as (string | number | null)[][]);
    const uninstall = sim.install();
    try {
      const outcome = await runAssessmentInExcel(createOfficePort(), { lang: 'zh', now });
      expect(outcome.json.errors).toEqual([]);
      let seen = 0;
      for (const sheet of outcome.plan!.add) {
        const simSheet = sim.sheet(sheet.name)!;
        const box = simSheet.usedBox(true);
        if (!box) continue;
        for (let r = box.r0; r <= box.r1; r++) {
          for (let c = box.c0; c <= box.c1; c++) {
            const cell = simSheet.cell(r, c);
            if (!cell) continue;
            expect(cell.formula).toBeUndefined();
            expect(cell.error ?? false).toBe(false);
            if (typeof cell.value === 'string' && FORMULA_NAMES.includes(cell.value)) seen++;
          }
        }
      }
      expect(seen).toBeGreaterThanOrEqual(FORMULA_NAMES.length * 2);
    } finally {
      uninstall();
    }
  }, HOSTILE_TIMEOUT);
});
