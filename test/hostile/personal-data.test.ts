/**
 * Personal data stays in: a 考核数据 sheet with identity, phone and bank-card columns must
 * not leak any of those values into the JSON report, the result sheets (values and notes),
 * the written .xlsx (every XML part searched) or any issue message — also when such a
 * column's cell is malformed.
 *
 * Text the user typed into a field Kaohe does copy (a 问题清单 description, a person's
 * name) may quote such numbers. Rule proposed for the core (these tests pin it):
 * in text copied from the input into result sheets, notes, messages and the JSON, every
 * run of 11 or more digits (full-width digits folded first; an 18-character identity
 * number may end in X or x) is masked, keeping its first 3 and last 4 characters:
 *   13812345678          → 138****5678
 *   430682198801011234   → 430***********1234
 *   6222020200112233445  → 622************3445
 * Shorter runs (amounts, years, dates, 10-digit numbers) are left alone.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { assess, type AssessOutcome, type CellValue, type OutputSheet, type WorkbookSnapshot } from '../../src/core';
import { newWorkbook, openWorkbook } from '../../src/io/xlsx/index';
import { ledgerRows, ledgerSnapshot, syntheticLedger, type LedgerSpec } from '../helpers/generate';

const now = new Date(2019, 0, 5, 10, 0, 0);
const HOSTILE_TIMEOUT = 60_000;

const IDS = ['430682198801011234', '43068219900202567X', '430682199103034321'];
const CERTS = ['430682850101123', 'G12345678', '430682198512126789'];
const PHONES = ['13812345678', '15973012345', '18674098765'];
const CARDS = ['6222020200112233445', '6228480402564890018', '6217002710000684874'];
const SECRETS = [...IDS, ...CERTS, ...PHONES, ...CARDS];

/** 3 units × 11 indicators with the four personal-data columns after the data. */
function ledgerWithPersonalData(cells: { ids?: CellValue[] } = {}): LedgerSpec {
  const spec = syntheticLedger(3, 11, 9);
  spec.units[0].values[0] = 0; // vetoed: on the interview list, with a note
  spec.extraColumns = [
    { header: '身份证号', values: cells.ids ?? IDS },
    { header: '证件号码', values: CERTS },
    { header: '手机号', values: PHONES },
    { header: '银行卡号', values: CARDS },
  ];
  return spec;
}

/** Every string a result sheet carries: values and notes. */
function sheetStrings(sheets: OutputSheet[]): string {
  return sheets.flatMap((sheet) => [sheet.name, ...sheet.rows.flatMap((row) => row.flatMap((cell) => [String(cell.v ?? ''), cell.note ?? '']))]).join('\n');
}

/** Every XML (and other text) part of an .xlsx, concatenated. */
async function xlsxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')));
  return parts.join('\n');
}

function expectNoSecrets(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  // nor any other long digit run (fractions aside, the fixture has none of its own); SHA-256
  // fingerprints of the inputs (hex) are not personal data and may hold digit runs by chance.
  expect(text.replace(/\b[0-9a-f]{64}\b/g, '')).not.toMatch(/(?<![\d.])\d{11,}/);
}

const assessZh = (snapshot: WorkbookSnapshot): AssessOutcome => assess(snapshot, { lang: 'zh', now });

describe('personal-data columns in 考核数据', () => {
  it('never reach the JSON report, the result sheets or their notes', () => {
    const outcome = assessZh(ledgerSnapshot(ledgerWithPersonalData()));
    expect(outcome.json.errors).toEqual([]);
    expect(outcome.json.interviews).toHaveLength(1);
    expectNoSecrets(JSON.stringify(outcome.json));
    expectNoSecrets(sheetStrings(outcome.sheets));
    expectNoSecrets(JSON.stringify(outcome.result)); // the result objects themselves (what the pane shows)
    expectNoSecrets(JSON.stringify(outcome.input?.units));
  });

  it('never reach the written result workbook (every part of the .xlsx searched)', async () => {
    const outcome = assessZh(ledgerSnapshot(ledgerWithPersonalData()));
    const book = newWorkbook();
    await book.apply(outcome.plan!);
    expectNoSecrets(await xlsxText(await book.toBuffer()));
  }, HOSTILE_TIMEOUT);

  it('never reach the result sheets added beside the input (read back with ExcelJS)', async () => {
    const source = new ExcelJS.Workbook();
    for (const [name, rows] of ledgerRows(ledgerWithPersonalData())) source.addWorksheet(name).addRows(rows as ExcelJS.CellValue[][]);
    const book = await openWorkbook(new Uint8Array(await source.xlsx.writeBuffer()));
    const outcome = assessZh(await book.read((names) => names));
    await book.apply(outcome.plan!);
    const written = new ExcelJS.Workbook();
    await written.xlsx.load((await book.toBuffer()) as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const sheet of outcome.plan!.add) {
      written.getWorksheet(sheet.name)!.eachRow((row) =>
        row.eachCell((cell) => {
          texts.push(String(cell.value ?? ''));
          if (cell.note) texts.push(JSON.stringify(cell.note));
        }),
      );
    }
    expect(texts.length).toBeGreaterThan(50);
    expectNoSecrets(texts.join('\n'));
    // The input sheet itself is the user's and is kept as it was.
    const data: string[] = [];
    written.getWorksheet('考核数据')!.eachRow((row) => row.eachCell((cell) => data.push(String(cell.value))));
    expect(data).toContain(IDS[0]);
  }, HOSTILE_TIMEOUT);

  it.each<[string, CellValue[]]>([
    ['error values', [{ error: '#N/A' }, { error: '#VALUE!' }, '#DIV/0!']],
    ['dates and numbers', [new Date(Date.UTC(1988, 0, 1)), 430682198801011234, Number.NaN]],
    ['40,000-character text', [`${IDS[0]}${'x'.repeat(40_000)}`, '', null]],
  ])('a malformed personal-data cell (%s) raises no issue and leaks nothing', (_label, ids) => {
    const spec = ledgerWithPersonalData({ ids });
    spec.units[1].values[1] = '九十'; // an unrelated error, so messages are produced
    const outcome = assessZh(ledgerSnapshot(spec));
    expect(outcome.issues.filter((i) => i.severity === 'error').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['考核数据!E4']);
    expectNoSecrets(JSON.stringify(outcome.json));
    expectNoSecrets(JSON.stringify(outcome.issues));
  });
});

describe('numbers the user quotes in copied text are masked (proposed rule)', () => {
  const DESCRIPTION = `贫困户张某（身份证号${IDS[0]}，电话${PHONES[0]}）识别不准，补助打入银行卡${CARDS[0]}；涉及资金 12000 元，2018年6月发现`;
  const MASKED = '贫困户张某（身份证号430***********1234，电话138****5678）识别不准，补助打入银行卡622************3445；涉及资金 12000 元，2018年6月发现';

  function withProblem(description: string, person: string | null = null): WorkbookSnapshot {
    const spec = ledgerWithPersonalData();
    if (person !== null) spec.units[2].person = person;
    const snapshot = ledgerSnapshot(spec);
    const problems = {
      name: '问题清单',
      values: [
        ['单位', '问题类别', '情况说明', '发现来源', '发现日期', '突出问题'],
        ['测试000003村', 4, description, '群众来信', '2018-06-01', '否'],
      ] as CellValue[][],
      originRow: 0,
      originCol: 0,
    };
    return { sheetNames: [...snapshot.sheetNames, '问题清单'], sheets: { ...snapshot.sheets, 问题清单: problems } };
  }

  it('a 问题清单 description quoting an identity, phone and card number is masked in the JSON', () => {
    const outcome = assessZh(withProblem(DESCRIPTION));
    expect(outcome.json.errors).toEqual([]);
    const unit = outcome.json.units.find((u) => u.name === '测试000003村')!;
    expect(unit.vetoes.map((v) => v.text)).toEqual([expect.stringContaining(MASKED)]);
    expectNoSecrets(JSON.stringify(outcome.json));
  });

  it('… and in the result sheets (values and notes: 考核结果, 约谈名单)', () => {
    const outcome = assessZh(withProblem(DESCRIPTION));
    const text = sheetStrings(outcome.sheets);
    expect(text).toContain(MASKED);
    expectNoSecrets(text);
  });

  it('a 主要负责人 cell holding a phone number is masked on the interview list', () => {
    const outcome = assessZh(withProblem(DESCRIPTION, `王五 ${PHONES[1]}`));
    const interview = outcome.json.interviews.find((i) => i.unit === '测试000003村')!;
    expect(interview.person).toBe('王五 159****2345');
    expectNoSecrets(JSON.stringify(outcome.json));
    expectNoSecrets(sheetStrings(outcome.sheets));
  });

  it('full-width digits are folded before masking', () => {
    const fullWidth = PHONES[2].replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const outcome = assessZh(withProblem(`电话${fullWidth}`));
    const text = JSON.stringify(outcome.json);
    expect(text).not.toContain(fullWidth);
    expect(text).toContain('186****8765');
  });

  it('short digit runs (amounts, years, 10-digit numbers) are left as written', () => {
    const outcome = assessZh(withProblem('挪用资金 1234567890 元，2018年'));
    const unit = outcome.json.units.find((u) => u.name === '测试000003村')!;
    expect(unit.vetoes[0].text).toContain('挪用资金 1234567890 元，2018年');
  });
});
