/**
 * The chart part opens in LibreOffice: a workbook assembled by hand (ExcelJS writes the
 * 图表 sheet's cells, the test adds the parts chartParts returns, as the package writer
 * does) is printed to PDF, rendered to PNG with pdftoppm, and the picture holds bars in
 * the grade colours. The PNG is kept under test-results/ to look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { assess } from '../../src/core/index';
import { templateSheets } from '../../src/core/report';
import { GRADE_COLORS } from '../../src/core/report/analysis';
import type { OutputSheet } from '../../src/core/types';
import { chartParts } from '../../src/io/xlsx/chartXml';
import { toPdf } from './support/libreoffice';
import { run } from '../../src/cli/main';
import { snapshotOfSheets as snapshotOf } from '../core/analysis/support';


/** Adds the chart parts to sheet1 of an .xlsx (as the package writer will). */
function withChart(xlsx: Uint8Array, sheet: OutputSheet): Uint8Array {
  const files = unzipSync(xlsx);
  const parts = chartParts(sheet.chart!, sheet.name, 1)!;
  files['xl/charts/chart1.xml'] = strToU8(parts.chart);
  files['xl/drawings/drawing1.xml'] = strToU8(parts.drawing);
  files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(parts.drawingRels);
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const rel = '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>';
  files[relsPath] = strToU8(
    files[relsPath]
      ? strFromU8(files[relsPath]).replace('</Relationships>', `${rel}</Relationships>`)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
  );
  let sheetXml = strFromU8(files['xl/worksheets/sheet1.xml']);
  if (!sheetXml.includes('xmlns:r=')) sheetXml = sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
  files['xl/worksheets/sheet1.xml'] = strToU8(sheetXml.replace('</worksheet>', '<drawing r:id="rIdChart1"/></worksheet>'));
  files['[Content_Types].xml'] = strToU8(
    strFromU8(files['[Content_Types].xml']).replace(
      '</Types>',
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
    ),
  );
  return zipSync(files);
}

/** A binary PPM (P6, maxval 255) as its RGB bytes. */
function readPpm(bytes: Buffer): { data: Uint8Array } {
  const header = bytes.subarray(0, 64).toString('latin1');
  const m = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(header);
  if (!m) throw new Error('not a P6 PPM');
  return { data: bytes.subarray(m[0].length) };
}

/** Pixels within a small distance of an RGB colour. */
function pixelsNear(png: { data: Uint8Array }, argb: string): number {
  const r = parseInt(argb.slice(2, 4), 16);
  const g = parseInt(argb.slice(4, 6), 16);
  const b = parseInt(argb.slice(6, 8), 16);
  let count = 0;
  for (let i = 0; i + 2 < png.data.length; i += 3) {
    if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 40) count++;
  }
  return count;
}

describe('the 图表 chart part in LibreOffice', () => {
  it('prints bars in the grade colours (PDF → PNG)', async () => {
    const outcome = assess(snapshotOf(templateSheets(true)), { lang: 'zh', now: new Date('2019-01-05T01:00:00Z') });
    const sheet = outcome.sheets.find((s) => s.name === '图表')!;
    expect(sheet.chart!.lines.map((l) => l.label)).toEqual(['"好"线 95.35', '"一般"线 73.82']);
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('图表');
    sheet.rows.forEach((row) => ws.addRow(row.map((cell) => cell.v)));
    ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, paperSize: 9 };
    const plain = new Uint8Array(await workbook.xlsx.writeBuffer());
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-chart-'));
    const file = path.join(work, 'chart.xlsx');
    fs.writeFileSync(file, withChart(plain, sheet));
    const pdf = toPdf(file, work);
    execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', pdf, path.join(work, 'page')]);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(work, 'shot')]);
    const ppmFile = fs.readdirSync(work).find((f) => f.startsWith('page') && f.endsWith('.ppm'))!;
    const pngFile = fs.readdirSync(work).find((f) => f.startsWith('shot') && f.endsWith('.png'))!;
    const keep = path.resolve(__dirname, '../../test-results/chart-libreoffice.png');
    fs.mkdirSync(path.dirname(keep), { recursive: true });
    fs.copyFileSync(path.join(work, pngFile), keep);
    const png = readPpm(fs.readFileSync(path.join(work, ppmFile)));
    // 3 好, 13 较好, 2 一般, 1 较差 bars: every grade colour is on the page.
    for (const grade of ['好', '较好', '一般', '较差'] as const) expect(pixelsNear(png, GRADE_COLORS[grade])).toBeGreaterThan(20);
    fs.rmSync(work, { recursive: true, force: true });
  }, 180_000);

  it('is placed by the package writer: the CLI\'s output prints the chart page in the grade colours', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kaohe-chart-cli-'));
    const quiet = { stdout: () => undefined, stderr: () => undefined, now: () => new Date('2019-01-05T01:00:00Z') };
    const demo = path.join(work, 'demo.xlsx');
    const out = path.join(work, 'out.xlsx');
    expect(await run(['template', demo, '--demo'], quiet)).toBe(0);
    expect(await run(['compute', demo, '-o', out], quiet)).toBe(0);
    const pdf = toPdf(out, work);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const page = [...Array(pages).keys()].map((i) => i + 1).find((p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).includes('各单位总分'));
    expect(page).toBeDefined();
    execFileSync('pdftoppm', ['-r', '60', '-f', String(page), '-l', String(page), pdf, path.join(work, 'page')]);
    const ppm = readPpm(fs.readFileSync(path.join(work, fs.readdirSync(work).find((f) => f.endsWith('.ppm'))!)));
    for (const grade of ['好', '较好', '一般', '较差'] as const) expect(pixelsNear(ppm, GRADE_COLORS[grade])).toBeGreaterThan(20);
    fs.rmSync(work, { recursive: true, force: true });
  }, 240_000);
});
