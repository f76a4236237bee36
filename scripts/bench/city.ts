/**
 * Bench of issue 14, runnable alone: `npx tsx scripts/bench/city.ts [towns] [units] [indicators]`
 * (default 20 towns × 30 units × 20 indicators; the prefecture figure is 300 towns).
 *
 * Set-up (not timed as the figure): one synthetic ledger per town (different 镇名 and data),
 * each computed in process as `compute` does, written to a temporary folder. Then, in one
 * run: the computing time of all towns (reference), `verify` of every town (open + recompute +
 * compare), and `city` over all towns (verify each + write 市汇总.xlsx), through the CLI's
 * own functions in process (no Node start-up per town). Figures are wall time and the ratio
 * to computing, measured in the same run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { assess, sheetsToRead } from '../../src/core/index';
import ExcelJS from 'exceljs';
import { openWorkbook } from '../../src/io/xlsx/index';
import { run } from '../../src/cli/main';
import { verifyFile } from '../../src/cli/verify';
import { ledgerRows, syntheticLedger } from '../../test/helpers/generate';

const now = new Date('2019-01-05T10:00:00Z');

async function townBytes(index: number, units: number, indicators: number): Promise<Uint8Array> {
  const spec = syntheticLedger(units, indicators, 7000 + index);
  spec.params = [['镇名', `测试${index + 1}镇`], ['考核年度', 2018]];
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of ledgerRows(spec)) book.addWorksheet(name).addRows(rows as ExcelJS.CellValue[][]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Computes one ledger as `compute` does; returns the result workbook's bytes and the ms it took. */
async function computeTown(bytes: Uint8Array): Promise<{ bytes: Uint8Array; ms: number }> {
  const start = performance.now();
  const book = await openWorkbook(bytes);
  const snapshot = await book.read((names) => sheetsToRead(names));
  const outcome = assess(snapshot, { lang: 'zh', now });
  if (!outcome.ok || !outcome.plan) throw new Error(`town does not compute: ${JSON.stringify(outcome.json.errors.slice(0, 3))}`);
  await book.apply(outcome.plan);
  const out = await book.toBuffer();
  return { bytes: out, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const [towns = 20, units = 30, indicators = 20] = process.argv.slice(2).map(Number);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kaohe-bench-city-'));
  try {
    const files: string[] = [];
    let computeMs = 0;
    for (let i = 0; i < towns; i++) {
      const computed = await computeTown(await townBytes(i, units, indicators));
      computeMs += computed.ms;
      const file = path.join(dir, `town-${i + 1}.xlsx`);
      await writeFile(file, computed.bytes);
      files.push(file);
    }
    let start = performance.now();
    let consistent = 0;
    for (const file of files) {
      const verified = await verifyFile(file, 'zh', now);
      if ('report' in verified && verified.report.consistent) consistent++;
    }
    const verifyMs = performance.now() - start;
    if (consistent !== towns) throw new Error(`${towns - consistent} town(s) not consistent`);

    const quiet = { stdout: () => undefined, stderr: () => undefined, now: () => now };
    start = performance.now();
    const code = await run(['city', ...files, '-o', path.join(dir, '市汇总.xlsx'), '--force'], quiet);
    const cityMs = performance.now() - start;
    if (code !== 0) throw new Error(`city exited ${code}`);

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    process.stdout.write(
      [
        `Kaohe bench — verify and city (issue 14): ${towns} towns × ${units} units × ${indicators} indicators`,
        `  compute all towns (reference)   ${s(computeMs)}  (${(computeMs / towns).toFixed(0)} ms a town)`,
        `  verify all towns                ${s(verifyMs)}  (${(verifyMs / towns).toFixed(0)} ms a town, ${(verifyMs / computeMs).toFixed(2)}× computing)`,
        `  city (verify all + 市汇总.xlsx)  ${s(cityMs)}  (${(cityMs / computeMs).toFixed(2)}× computing)`,
        '',
      ].join('\n'),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
