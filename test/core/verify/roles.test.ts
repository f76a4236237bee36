/**
 * A workbook computed in the pane with a role pointed at another sheet (考核数据 read from
 * 2018台账): 考核说明 records `输入指纹：2018台账（考核数据）`, and verify reads that sheet.
 */
import { assess, sheetsToRead } from '../../../src/core/index';
import { templateSheets } from '../../../src/core/report';
import { verifyWorkbook } from '../../../src/core/verify';
import ExcelJS from 'exceljs';
import { newWorkbook, openWorkbook } from '../../../src/io/xlsx/index';

const now = new Date('2019-01-05T10:00:00Z');

it('verifies a workbook whose data sheet was chosen in the pane, and names that sheet when it changes', async () => {
  const template = newWorkbook();
  await template.apply({ remove: [], add: templateSheets(true), renamed: [] });
  const edited = new ExcelJS.Workbook();
  await edited.xlsx.load((await template.toBuffer()) as unknown as ArrayBuffer);
  const data = edited.getWorksheet('考核数据');
  if (!data) throw new Error('no data sheet');
  data.name = '2018台账';
  const book = await openWorkbook(new Uint8Array(await edited.xlsx.writeBuffer()));
  const roles = { data: '2018台账' };
  const snapshot = await book.read((names) => sheetsToRead(names, roles));
  const outcome = assess(snapshot, { lang: 'zh', now, roles });
  if (!outcome.plan) throw new Error('not computed');
  await book.apply(outcome.plan);
  const about = outcome.sheets.find((s) => s.name === '考核说明');
  expect(about?.rows.some((row) => row[0]?.v === '输入指纹：2018台账（考核数据）')).toBe(true);

  const bytes = await book.toBuffer();
  const computed = await openWorkbook(bytes);
  const report = await verifyWorkbook((pick) => computed.read(pick), { lang: 'zh', now });
  expect(report.differences).toEqual([]);
  expect(report.consistent).toBe(true);

  const typedOver = new ExcelJS.Workbook();
  await typedOver.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = typedOver.getWorksheet('2018台账');
  if (!sheet) throw new Error('no 2018台账');
  sheet.getCell('L5').value = 80;
  const changedBook = await openWorkbook(new Uint8Array(await typedOver.xlsx.writeBuffer()));
  const changed = await verifyWorkbook((pick) => changedBook.read(pick), { lang: 'zh', now });
  expect(changed.consistent).toBe(false);
  expect(changed.differences.slice(0, 2).map((d) => [d.sheet, d.cell])).toEqual([
    ['2018台账', ''],
    ['2018台账', 'L5'],
  ]);
});
