/**
 * Workbooks the browser tests upload, derived from the CLI's demo workbook.
 */
import ExcelJS from 'exceljs';

/** A cell the broken ledger spoils, and how. */
export interface Spoiled {
  cell: string;
  header: string;
  value: string | null;
}

/**
 * Copies the demo workbook with two input errors in 考核数据: a rate written in words
 * (群众满意度 = 九十) and a blank 识别准确率 (missing data is an error by default).
 * Returns the spoiled cells so a test can look for them. Throws when the demo's headers moved.
 * @example await writeBrokenLedger('demo.xlsx', 'broken.xlsx') // => [{ cell: 'L3', header: '群众满意度（%）', value: '九十' }, …]
 */
export async function writeBrokenLedger(demoFile: string, outFile: string): Promise<Spoiled[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(demoFile);
  const data = workbook.getWorksheet('考核数据');
  if (!data) throw new Error(`${demoFile}: no 考核数据 sheet`);
  const headerRow = [1, 2, 3, 4, 5].find((r) => String(data.getRow(r).getCell(1).value ?? '').trim() === '单位');
  if (!headerRow) throw new Error(`${demoFile}: no 单位 header in 考核数据`);
  const columnOf = (prefix: string): number => {
    let found = 0;
    data.getRow(headerRow).eachCell((cell, column) => {
      if (!found && String(cell.value ?? '').startsWith(prefix)) found = column;
    });
    if (!found) throw new Error(`${demoFile}: no ${prefix} column in 考核数据`);
    return found;
  };
  const spoil = (prefix: string, rowOffset: number, value: string | null): Spoiled => {
    const cell = data.getRow(headerRow + rowOffset).getCell(columnOf(prefix));
    cell.value = value;
    return { cell: cell.address, header: String(data.getRow(headerRow).getCell(cell.col).value), value };
  };
  const spoiled = [spoil('群众满意度', 1, '九十'), spoil('识别准确率', 2, null)];
  await workbook.xlsx.writeFile(outFile);
  return spoiled;
}
