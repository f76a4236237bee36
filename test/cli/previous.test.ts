/**
 * `compute --previous`: last year's result (a foreign sheet here) gives 上年排名, 名次变化 and
 * 上年等次 in 考核结果, the 同比分析 sheet, and the JSON's previous fields; a broken file stops
 * the run with the cell named and nothing written.
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run, type CliIo } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import type { JsonReport } from '../../src/core/types';

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: () => new Date('2019-01-05T01:00:00Z') };
}

async function lastYear(file: string, rows: (string | number)[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('2017年结果');
  sheet.addRow(['羊楼司镇2017年度考核结果']);
  sheet.addRow(['排名', '单位', '总分', '等次']);
  rows.forEach((row) => sheet.addRow(row));
  await book.xlsx.writeFile(file);
}

describe('compute --previous', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaohe-prev-'));
  const demo = path.join(dir, 'demo.xlsx');

  beforeAll(async () => {
    expect(await run(['template', demo, '--demo'], io())).toBe(0);
  }, 60_000);

  it('parses the option', () => {
    expect(parseArgs(['compute', 'a.xlsx', '--previous', 'b.xlsx'])).toMatchObject({ kind: 'compute', previous: 'b.xlsx' });
    expect(parseArgs(['compute', 'a.xlsx', '--previous'])).toMatchObject({ kind: 'usage' });
  });

  it('adds last year to 考核结果, the 同比分析 sheet and the JSON', async () => {
    const last = path.join(dir, 'last.xlsx');
    // 龙源村 was 5th (now 2nd: ↑3), 梅池村 1st (now 3rd: ↓2), 老屋村 is gone; the others are new.
    await lastYear(last, [
      [1, '梅池村', 96, '好'],
      [2, '黄金村', 95, '好'],
      [3, '老屋村', 94, '好'],
      [4, '文白社区', 93, '较好'],
      [5, '龙源', 92, '较好'],
    ]);
    const out = path.join(dir, 'out.xlsx');
    const cli = io();
    expect(await run(['compute', demo, '-o', out, '--json', '--previous', last], cli)).toBe(0);
    const json = JSON.parse(cli.out.join('')) as JsonReport;
    const unit = (name: string) => json.units.find((u) => u.name === name)!;
    expect(unit('龙源村').previous).toEqual({ rank: 5, grade: '较好', total: 92 });
    expect(unit('幸福村').previous).toBeNull();
    expect(json.previous!.gone).toEqual(['老屋村']);
    expect(json.previous!.new).toHaveLength(15);
    // Common: 文白社区 1/4, 龙源村 2/5, 梅池村 3/1, 黄金村 4/2 → x = 1 2 3 4, y = 3 4 1 2:
    // d = −2 −2 2 2, Σd² = 16, ρ = 1 − 6·16 / (4·15) = −0.6.
    expect(json.previous!.spearman).toBe(-0.6);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const results = book.getWorksheet('考核结果')!;
    const header = (results.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rowOf = (name: string) => [...Array(results.rowCount).keys()].map((i) => results.getRow(i + 1)).find((r) => r.getCell(2).value === name)!;
    expect(rowOf('龙源村').getCell(col('名次变化')).value).toBe('↑3');
    expect(rowOf('梅池村').getCell(col('名次变化')).value).toBe('↓2');
    expect(rowOf('幸福村').getCell(col('名次变化')).value).toBe('新增');
    expect(rowOf('梅池村').getCell(col('上年等次')).value).toBe('好');
    expect(book.getWorksheet('同比分析')).toBeDefined();
    expect(book.getWorksheet('稳健性分析')).toBeDefined();
  }, 60_000);

  it('stops on a broken file, names the cell and writes nothing', async () => {
    const last = path.join(dir, 'bad.xlsx');
    await lastYear(last, [[1, '梅池村', '九十', '好']]);
    const out = path.join(dir, 'never.xlsx');
    const cli = io();
    expect(await run(['compute', demo, '-o', out, '--previous', last], cli)).toBe(1);
    expect(cli.err.join('\n')).toContain('2017年结果!C3：总分应为数，实际为"九十"');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
