/**
 * Facts about a PDF that LibreOffice wrote: the page boxes (read from the file itself,
 * no tool needed) and the text of each page (poppler's pdftotext).
 */
import { spawnSync } from 'node:child_process';

export interface PageBox {
  width: number;
  height: number;
}

/**
 * The MediaBox of every page object, in file order (LibreOffice writes page dictionaries
 * uncompressed, each with its own /MediaBox). A page without one gives null.
 * Cost: one pass over the file.
 * @example pageBoxes(bytes) // => [{ width: 841.89, height: 595.3 }, …]
 */
export function pageBoxes(pdf: Uint8Array): (PageBox | null)[] {
  const text = Buffer.from(pdf).toString('latin1');
  const boxes: (PageBox | null)[] = [];
  for (const object of text.matchAll(/\d+\s+\d+\s+obj\b([\s\S]*?)\bendobj\b/g)) {
    const body = object[1];
    if (!/\/Type\s*\/Page(?![A-Za-z])/.test(body)) continue;
    const box = /\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/.exec(body);
    boxes.push(box ? { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]) } : null);
  }
  return boxes;
}

/** A4 landscape in PostScript points (297 × 210 mm), rounded. */
export const A4_LANDSCAPE: PageBox = { width: 842, height: 595 };

/**
 * Whether a box is A4 landscape, within a point.
 * @example isA4Landscape({ width: 841.89, height: 595.3 }) // => true
 */
export function isA4Landscape(box: PageBox | null): boolean {
  return box !== null && Math.abs(box.width - A4_LANDSCAPE.width) < 1 && Math.abs(box.height - A4_LANDSCAPE.height) < 1;
}

/**
 * The text of each page, laid out as printed (`pdftotext -layout`). Throws when poppler-utils
 * is not installed (.ci/run must install it) or the PDF cannot be read.
 * @example pagesText('/tmp/out.pdf')[0] // => '  羊楼司镇2018年度…'
 */
export function pagesText(file: string): string[] {
  const run = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`pdftotext is needed to read the PDF's pages (apt package poppler-utils): ${run.error.message}`);
  if (run.status !== 0) throw new Error(`pdftotext ${file} failed: ${run.stderr}`);
  const pages = run.stdout.split('\f');
  return pages[pages.length - 1].trim() === '' ? pages.slice(0, -1) : pages;
}
