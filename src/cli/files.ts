/**
 * Node file helpers for the CLI (the ExcelJS adapter itself never touches fs).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Msg } from '../core/types';

export type ReadOutcome = { ok: true; bytes: Uint8Array } | { ok: false; error: Msg };

/**
 * Reads an input workbook; a missing file or a name not ending in .xlsx is an error message.
 * @example await readWorkbookFile('nope.xlsx') // => { ok: false, error: { code: 'cli.fileNotFound', … } }
 */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  try {
    const bytes = await fs.readFile(file);
    if (!/\.xlsx$/i.test(file)) return { ok: false, error: { code: 'cli.notXlsx', params: { file } } };
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, error: { code: 'cli.fileNotFound', params: { file } } };
    if (code === 'EISDIR') return { ok: false, error: { code: 'cli.notXlsx', params: { file } } };
    return { ok: false, error: { code: 'cli.notXlsx', params: { file } } };
  }
}

/**
 * The default output beside the input.
 * @example defaultOutputPath('/d/镇.xlsx') // => '/d/镇-考核结果.xlsx'
 */
export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-考核结果.xlsx`);
}

/** Same file on disk? (compares resolved paths). */
export function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes bytes, creating the folder if needed; an error message instead of a throw.
 */
export async function writeFileBytes(file: string, bytes: Uint8Array): Promise<Msg | null> {
  try {
    await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await fs.writeFile(file, bytes);
    return null;
  } catch (err) {
    return { code: 'cli.writeFailed', params: { file, reason: (err as Error).message } };
  }
}
