/**
 * Used ranges that lie (issue 11, Must 4), merges and hidden rows from Office.js (issue 10,
 * Office side), and the simulator enforcing Excel's limits as Excel does (Must 7).
 */
import { createOfficePort } from '../../../src/io/office';
import { EMPTY_ROWS_TO_STOP, MAX_READ_COLUMNS } from '../../../src/io/officeRead';
import { EXCEL_2016, EXCEL_2019, EXCEL_365, EXCEL_LIMITS, ExcelSimulator, HOST_PROFILES, type RequirementSets } from './excel-simulator';

const LEDGER: (string | number)[][] = [['单位', '得分', '备注'], ...Array.from({ length: 30 }, (_, i) => [`单位${i + 1}村`, 80 + (i % 20), 'x'])];

async function read(sim: ExcelSimulator) {
  const uninstall = sim.install();
  try {
    const snapshot = await createOfficePort().read((names) => names);
    return { grid: snapshot.sheets['考核数据'], syncs: sim.stats().syncs };
  } finally {
    uninstall();
  }
}

function ledger(requirements: RequirementSets = EXCEL_365): ExcelSimulator {
  const sim = new ExcelSimulator({ requirements });
  sim.addSheet('考核数据', LEDGER);
  return sim;
}

describe('a stray far cell or formats on whole rows', () => {
  it.each([
    ['Excel 2016', EXCEL_2016],
    ['Microsoft 365', EXCEL_365],
  ])('%s: a value at XFD1048576 costs a bounded number of syncs and the data reads whole', async (_name, requirements) => {
    const sim = ledger(requirements);
    sim.sheet('考核数据')!.ensure(1_048_575, 16_383).value = '误输入';
    const { grid, syncs } = await read(sim);
    expect(grid.values).toHaveLength(31);
    expect(grid.values[30]).toEqual(['单位30村', 80 + (29 % 20), 'x', ...Array(MAX_READ_COLUMNS - 3).fill(null)]);
    // names + sizes + ⌈(31 + 1,000 rows) × 256 columns / 35,000⌉ bands = 2 + 8.
    expect(syncs).toBe(2 + Math.ceil(((31 + EMPTY_ROWS_TO_STOP) * MAX_READ_COLUMNS) / 35_000));
  });

  it('Microsoft 365: a fill on row 1,048,576 (format only) costs nothing extra: getUsedRange(true)', async () => {
    const sim = ledger(EXCEL_365);
    sim.sheet('考核数据')!.ensure(1_048_575, 0).fill = '#FFFF00';
    const { grid, syncs } = await read(sim);
    expect(grid.values).toHaveLength(31);
    expect(syncs).toBe(3);
  });

  it('Excel 2016: the same fill is read past in bands and the read stops after 1,000 empty rows', async () => {
    const sim = ledger(EXCEL_2016);
    sim.sheet('考核数据')!.ensure(1_048_575, 0).fill = '#FFFF00';
    const { grid, syncs } = await read(sim);
    expect(grid.values).toHaveLength(31);
    expect(syncs).toBeLessThanOrEqual(4);
  });

  it('a sheet over the cell limit is left unreadable with a message, not read for minutes', async () => {
    const sim = new ExcelSimulator();
    sim.addGeneratedSheet('考核数据', 300_000, 10, (row, column) => (row === 0 ? `列${column}` : row + column));
    const { grid, syncs } = await read(sim);
    expect(grid.values).toEqual([]);
    expect(grid.unreadable).toEqual({ code: 'ui.office.tooManyCells', params: { sheet: '考核数据', cells: 2_500_000 } });
    expect(syncs).toBeLessThanOrEqual(2 + Math.ceil(2_500_000 / 35_000) + 1);
  });
});

describe('merges and hidden rows/columns from Office.js', () => {
  function withLayout(requirements: RequirementSets): ExcelSimulator {
    const sim = ledger(requirements);
    const sheet = sim.sheet('考核数据')!;
    sheet.merges.push('A1:B1');
    for (const row of [4, 5, 20]) sheet.hiddenRows.add(row);
    sheet.hiddenCols.add(2);
    return sim;
  }
  it('Microsoft 365: merges, hidden rows and columns, in two extra syncs at most', async () => {
    const { grid, syncs } = await read(withLayout(EXCEL_365));
    expect(grid.merges).toEqual(['A1:B1']);
    expect(grid.hiddenRows).toEqual([5, 6, 21]);
    expect(grid.hiddenCols).toEqual([3]);
    expect(syncs).toBeLessThanOrEqual(3 + 2);
  });
  it('Excel 2019 (ExcelApi 1.8): hidden rows yes, merges unknown (undefined)', async () => {
    const { grid } = await read(withLayout(EXCEL_2019));
    expect(grid.merges).toBeUndefined();
    expect(grid.hiddenRows).toEqual([5, 6, 21]);
  });
  it('Excel 2016 (ExcelApi 1.1): neither can be told (undefined)', async () => {
    const { grid, syncs } = await read(withLayout(EXCEL_2016));
    expect(grid.merges).toBeUndefined();
    expect(grid.hiddenRows).toBeUndefined();
    expect(grid.hiddenCols).toBeUndefined();
    expect(syncs).toBe(3);
  });
  it('nothing hidden: [] at no extra sync', async () => {
    const { grid, syncs } = await read(ledger(EXCEL_365));
    expect(grid.hiddenRows).toEqual([]);
    expect(grid.merges).toEqual([]);
    expect(syncs).toBe(3);
  });
});

describe("the simulator enforces Excel's limits", () => {
  async function write(sim: ExcelSimulator, queue: (sheet: Excel.Worksheet) => void): Promise<unknown> {
    return sim.run(async (context: any) => {
      queue(context.workbook.worksheets.getItem('考核数据'));
      await context.sync();
    }).then(
      () => null,
      (error: { code: string }) => error.code,
    );
  }
  it('row heights over 409 pt, column widths over 255 characters, cells over 32,767 characters', async () => {
    const sim = ledger();
    expect(await write(sim, (s) => (s.getRange('A1').format.rowHeight = 409))).toBeNull();
    expect(await write(sim, (s) => (s.getRange('A1').format.rowHeight = 410))).toBe('InvalidArgument');
    expect(await write(sim, (s) => (s.getRange('A1').format.columnWidth = EXCEL_LIMITS.columnWidthPoints + 1))).toBe('InvalidArgument');
    expect(await write(sim, (s) => (s.getRange('A1').values = [['x'.repeat(32_768)]]))).toBe('InvalidArgument');
    expect(await write(sim, (s) => (s.getRange('A1').values = [['x'.repeat(32_767)]]))).toBeNull();
  });
  it('null in a values array leaves the cell unchanged', async () => {
    const sim = ledger();
    await write(sim, (s) => (s.getRange('A2:B2').values = [[null as unknown as string, '新']]));
    expect(sim.valuesOf('考核数据')[1].slice(0, 2)).toEqual(['单位1村', '新']);
  });
  it('Excel on the web refuses a request over 5 MB', async () => {
    const sim = new ExcelSimulator({ profile: HOST_PROFILES.excelWeb });
    sim.addSheet('考核数据', [['a']]);
    const big = [['x'.repeat(30_000)]];
    const code = await write(sim, (s) => {
      for (let i = 0; i < 200; i++) s.getRange('A1').values = big;
    });
    expect(code).toBe('RequestPayloadSizeLimitExceeded');
  });
  it('host profiles carry the engine and whether the ribbon button shows', () => {
    expect(HOST_PROFILES.excel2016Volume).toMatchObject({ engine: 'Trident', ribbon: false });
    expect(HOST_PROFILES.excel2019Volume).toMatchObject({ engine: 'Trident', ribbon: false });
    expect(HOST_PROFILES.excel2019Retail).toMatchObject({ engine: 'EdgeHTML', ribbon: true });
    expect(HOST_PROFILES.excel365).toMatchObject({ engine: 'WebView2', ribbon: true });
  });
});
