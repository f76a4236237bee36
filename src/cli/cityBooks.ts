/**
 * The one place `verify` and `city` open and create workbooks: switching to another
 * adapter with the same names (openWorkbook, newWorkbook, read, apply, toBuffer) is the
 * import line below.
 */
import { newWorkbook, openWorkbook } from '../io/exceljs';
import type { Msg } from '../core/types';
import { readWorkbookFile } from './files';

export type CityBook = Awaited<ReturnType<typeof openWorkbook>>;

/**
 * Opens an .xlsx file; a missing, unreadable or non-.xlsx file is a message.
 * @example await openBook('nope.xlsx') // => { error: { code: 'cli.fileNotFound', … } }
 */
export async function openBook(file: string): Promise<{ book: CityBook } | { error: Msg }> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { error: read.error };
  try {
    return { book: await openWorkbook(read.bytes) };
  } catch (err) {
    return { error: { code: 'verify.unreadable', params: { file, reason: err instanceof Error ? err.message.slice(0, 200) : String(err) } } };
  }
}

/** A new, empty workbook for the city report. */
export function newBook(): ReturnType<typeof newWorkbook> {
  return newWorkbook();
}
