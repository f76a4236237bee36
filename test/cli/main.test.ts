/**
 * The CLI end to end, in child processes (`npx tsx src/cli/main.ts …`) in a temp dir.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_INDICATORS, REGISTRY_SHEET } from '../../src/core/defaults';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'src/cli/main.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], cwd: string) {
  const run = spawnSync(TSX, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('kaohe CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaohe-cli-'));
  const demo = path.join(dir, 'demo.xlsx');

  beforeAll(() => {
    const made = cli(['template', demo, '--demo'], dir);
    expect(made.code).toBe(0);
  });

  it('template refuses to overwrite without --force', () => {
    const before = sha(demo);
    const again = cli(['template', demo, '--demo'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--force');
    expect(sha(demo)).toBe(before);
    expect(cli(['template', demo, '--demo', '--force'], dir).code).toBe(0);
  });

  it('compute --json: exit 0, stdout is one JSON document, input unchanged, output beside it', async () => {
    const before = sha(demo);
    const run = cli(['compute', demo, '--json'], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['year', 'units', 'interviews', 'assistance', 'warnings', 'errors', 'previous']);
    expect(json.year).toBe(2018);
    expect(json.units).toHaveLength(19);
    expect(json.errors).toEqual([]);
    expect(sha(demo)).toBe(before);
    const out = path.join(dir, 'demo-考核结果.xlsx');
    expect(run.stderr).toContain(out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      '考核数据', '指标设置', '问题清单', '帮扶单位', '考核参数',
      '考核结果', '稳健性分析', '图表', '计算明细', '约谈名单', '帮扶单位考核', '数据核验', '考核说明', REGISTRY_SHEET,
    ]);
  });

  it('compute in text mode prints the ranking table and where it wrote; a re-run on the output replaces only its own sheets', async () => {
    const first = path.join(dir, 'first.xlsx');
    const run = cli(['compute', demo, '-o', first], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/排名\s+单位\s+类型\s+总分\s+等次\s+约谈/);
    expect(run.stdout).toContain('结果已写入');
    const second = path.join(dir, 'second.xlsx');
    expect(cli(['compute', first, '-o', second, '--lang', 'en'], dir).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(second);
    expect(wb.worksheets.filter((ws) => ws.name.startsWith('考核结果'))).toHaveLength(1);
  });

  it('bad input: exit 1, errors listed, nothing written', () => {
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'this is not a workbook');
    const files = readdirSync(dir).length;
    const run = cli(['compute', bad], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('这不是 .xlsx 工作簿');
    expect(readdirSync(dir).length).toBe(files);
    const missing = cli(['compute', path.join(dir, 'nope.xlsx'), '--json', '--lang', 'en'], dir);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0].message).toContain('File not found');
  });

  it('input errors: exit 1, JSON with errors[], nothing written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核数据');
    ws.addRow(['单位', '实际减贫人数']);
    ws.addRow(['龙源村', '九十']);
    const input = path.join(dir, 'errors.xlsx');
    await wb.xlsx.writeFile(input);
    const run = cli(['compute', input, '--json'], dir);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    // No 指标设置: the 17 built-in indicators; only 实际减贫人数 is on the sheet, so each of
    // them misses a data column (the first its denominator 计划减贫人数) — one error each.
    expect(json.errors).toHaveLength(DEFAULT_INDICATORS.length);
    expect(json.errors[0]).toEqual({ sheet: '考核数据', cell: '', message: '考核数据：考核数据中找不到指标"减贫计划完成率"的数据列"计划减贫人数"' });
    expect(json.units).toEqual([]);
    expect(existsSync(path.join(dir, 'errors-考核结果.xlsx'))).toBe(false);
  });

  it('usage errors exit 2 with the usage on stderr; --help exits 0', () => {
    const unknown = cli(['frobnicate'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('用法');
    expect(cli(['compute'], dir).code).toBe(2);
    expect(cli(['compute', demo, '--lang', 'fr'], dir).code).toBe(2);
    const help = cli(['--help', '--lang', 'en'], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage');
  });
});
