/**
 * The simulator itself must behave like Excel where it matters, or the adapter tests prove nothing.
 */
import { EXCEL_2016, EXCEL_365, ExcelSimulator } from './excel-simulator';

type AnyContext = any;

function simWith(rows: (string | number | null)[][] = [['单位', '得分'], ['龙源村', 95]], requirements = EXCEL_365) {
  const sim = new ExcelSimulator({ requirements });
  sim.addSheet('考核数据', rows);
  return sim;
}

describe('proxies throw on properties that were not loaded and synced', () => {
  it('throws PropertyNotLoaded when a property was never loaded', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      const range = context.workbook.worksheets.getItem('考核数据').getUsedRange();
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('throws PropertyNotLoaded when loaded but not yet synced, and answers after sync', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      const range = context.workbook.worksheets.getItem('考核数据').getUsedRange();
      range.load('values,address');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['单位', '得分'], ['龙源村', 95]]);
      expect(range.address).toBe('考核数据!A1:B2'.replace('考核数据', "'考核数据'"));
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('does not list sheet names before the collection is loaded', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      sheets.load('items/name');
      await context.sync();
      expect(sheets.items.map((s: AnyContext) => s.name)).toEqual(['考核数据']);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });
});

describe('writes are queued and applied at sync', () => {
  it('does not change the workbook before sync', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      context.workbook.worksheets.getItem('考核数据').getRange('C1').values = [['新列']];
      expect(sim.valuesOf('考核数据')[0]).toEqual(['单位', '得分']);
      await context.sync();
      expect(sim.valuesOf('考核数据')[0]).toEqual(['单位', '得分', '新列']);
    });
  });

  it('syncs what is still queued when the batch ends (as Excel.run does)', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      context.workbook.worksheets.add('新表');
    });
    expect(sim.sheetNames()).toEqual(['考核数据', '新表']);
    expect(sim.stats().syncs).toBe(1);
  });

  it('rejects a values array that does not match the range', async () => {
    const sim = simWith();
    await expect(
      sim.run(async (context: AnyContext) => {
        context.workbook.worksheets.getItem('考核数据').getRange('A1:B1').values = [['only one']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fails with ItemNotFound for a missing sheet and ItemAlreadyExists for a taken name', async () => {
    const sim = simWith();
    await expect(sim.run(async (context: AnyContext) => context.workbook.worksheets.getItem('没有').delete())).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(sim.run(async (context: AnyContext) => context.workbook.worksheets.add('考核数据'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });
});

describe('values behave as in Excel', () => {
  const cases: { written: string; format: string; value: string | number; formula?: string }[] = [
    { written: '=HYPERLINK("http://x","y")', format: 'General', value: '#NAME?', formula: '=HYPERLINK("http://x","y")' },
    { written: '=HYPERLINK("http://x","y")', format: '@', value: '=HYPERLINK("http://x","y")' },
    { written: '+1+1', format: 'General', value: '#NAME?', formula: '=+1+1' },
    { written: '-abc', format: '@', value: '-abc' },
    { written: '@SUM(A1)', format: 'General', value: '#NAME?', formula: '=@SUM(A1)' },
    { written: '0012', format: 'General', value: 12 },
    { written: '0012', format: '@', value: '0012' },
    { written: '-5', format: 'General', value: -5 },
    { written: '龙源村', format: 'General', value: '龙源村' },
  ];
  it.each(cases)('$written with format $format reads back $value', async ({ written, format, value, formula }) => {
    const sim = simWith([]);
    await sim.run(async (context: AnyContext) => {
      const range = context.workbook.worksheets.getItem('考核数据').getRange('A1');
      range.numberFormat = [[format]];
      range.values = [[written]];
      await context.sync();
    });
    const cell = sim.sheet('考核数据')?.cell(0, 0);
    expect(cell?.value).toBe(value);
    expect(cell?.formula).toBe(formula);
  });

  it('reads an empty sheet as A1 and error cells with their type', async () => {
    const sim = simWith([['#DIV/0!', 'x']]);
    sim.addSheet('空表');
    await sim.run(async (context: AnyContext) => {
      const empty = context.workbook.worksheets.getItem('空表').getUsedRange();
      const full = context.workbook.worksheets.getItem('考核数据').getUsedRange();
      empty.load('address,values');
      full.load('valueTypes');
      await context.sync();
      expect(empty.address).toBe("'空表'!A1");
      expect(empty.values).toEqual([['']]);
      expect(full.valueTypes).toEqual([['Error', 'String']]);
    });
  });
});

describe('requirement sets and cost accounting', () => {
  it('fails a sync that uses an API beyond the simulated Excel (2016: ExcelApi 1.1)', async () => {
    const sim = simWith(undefined, EXCEL_2016);
    await expect(
      sim.run(async (context: AnyContext) => {
        context.workbook.worksheets.getItem('考核数据').freezePanes.freezeRows(1);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      sim.run(async (context: AnyContext) => {
        context.workbook.worksheets.getItem('考核数据').getRange('A1:B1').merge();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(sim.supports('ExcelApi', '1.1')).toBe(true);
    expect(sim.supports('ExcelApi', '1.10')).toBe(false);
    expect(new ExcelSimulator({ requirements: EXCEL_365 }).supports('ExcelApi', '1.10')).toBe(true);
  });

  it('counts syncs and measures request and response bytes', async () => {
    const sim = simWith();
    await sim.run(async (context: AnyContext) => {
      const range = context.workbook.worksheets.getItem('考核数据').getUsedRange();
      range.load('values');
      await context.sync();
      context.workbook.worksheets.getItem('考核数据').getRange('A3').values = [['x'.repeat(1000)]];
      await context.sync();
    });
    expect(sim.syncs).toHaveLength(2);
    expect(sim.syncs[0].responseBytes).toBeGreaterThanOrEqual(JSON.stringify([['单位', '得分'], ['龙源村', 95]]).length);
    expect(sim.syncs[1].requestBytes).toBeGreaterThan(1000);
    expect(sim.syncs[1].responseBytes).toBeLessThan(10);
  });

  it('installs Excel and Office as globals and removes them again', () => {
    const sim = simWith();
    const uninstall = sim.install();
    const scope = globalThis as any;
    expect(typeof scope.Excel.run).toBe('function');
    expect(scope.Office.context.requirements.isSetSupported('ExcelApi', '1.7')).toBe(true);
    uninstall();
    expect(scope.Excel).toBeUndefined();
    expect(scope.Office).toBeUndefined();
  });
});
