/**
 * The one place `verify` and `city` open and write workbooks, and where `compute` and
 * `template` write theirs: switching to another adapter with the same names (openWorkbook,
 * newWorkbook, read, apply, writeTo) is the import line below. Output is written
 * atomically (cli/files.ts).
 */
import type { Msg } from '../core/types';
import { newWorkbook, openWorkbook, XlsxError, ZipTooLarge } from '../io/xlsx/index';
import { nodeCrc32, threadedDeflater } from './deflate';
import { readWorkbookFile, writeAtomically } from './files';

export type CityBook = Awaited<ReturnType<typeof openWorkbook>>;

/**
 * Opens a workbook file; a missing or unreadable file, or one that is not an .xlsx, is a message.
 * @example await openBook('nope.xlsx') // => { error: { code: 'cli.fileNotFound', … } }
 */
export async function openBook(file: string): Promise<{ book: CityBook } | { error: Msg }> {
  const read = await readWorkbookFile(file);
  if (!read.ok) return { error: read.error };
  try {
    return { book: await openWorkbook(read.bytes) };
  } catch (err) {
    if (err instanceof XlsxError) return { error: err.msg };
    return { error: { code: 'verify.unreadable', params: { file, reason: err instanceof Error ? err.message.slice(0, 200) : String(err) } } };
  }
}

/** A new, empty workbook for the city report. */
export function newBook(): CityBook {
  return newWorkbook();
}

/**
 * Writes a workbook atomically (temporary file, flush, rename), new parts compressed on a
 * second thread (deflate.ts), `afterChunk` called after each chunk written (`compute` checks
 * its heap there); a message when it failed. The CLI's one way of writing a workbook file.
 */
export function writeBook(book: CityBook, file: string, afterChunk?: () => void): Msg | null {
  const deflater = threadedDeflater();
  try {
    return writeAtomically(file, (write) =>
      book.writeTo(
        afterChunk
          ? (chunk) => {
              write(chunk);
              afterChunk();
            }
          : write,
        { deflater: deflater.factory, crc32: nodeCrc32 },
      ),
    );
  } catch (err) {
    if (err instanceof ZipTooLarge) return { code: 'files.tooLarge', params: { file } };
    throw err;
  } finally {
    deflater.close();
  }
}
