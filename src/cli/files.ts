/**
 * Node file helpers for the CLI (the xlsx adapter itself never touches fs): reading the
 * input, telling whether an output is the input by identity (device and inode, through
 * symlinks and hard links), whether an existing file is one Kaohe wrote, and the atomic
 * write — a temporary file in the target folder, flushed to disk, then renamed, so a file
 * with the final name exists only when it is complete and a previous output survives a
 * failed write.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Msg } from '../core/types';

export type ReadOutcome = { ok: true; bytes: Uint8Array } | { ok: false; error: Msg };

/**
 * Reads an input workbook; a missing file or a folder is an error message. What kind of
 * file it is (xlsx, xlsm, xls, ods, encrypted…) is decided from its bytes by the adapter.
 * @example await readWorkbookFile('nope.xlsx') // => { ok: false, error: { code: 'cli.fileNotFound', … } }
 */
export async function readWorkbookFile(file: string): Promise<ReadOutcome> {
  try {
    const bytes = await fs.promises.readFile(file);
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, error: { code: 'cli.fileNotFound', params: { file } } };
    return { ok: false, error: { code: 'cli.notXlsx', params: { file } } };
  }
}

/**
 * The default output beside the input, keeping a macro workbook's extension.
 * @example defaultOutputPath('/d/镇.xlsx') // => '/d/镇-考核结果.xlsx'
 * @example defaultOutputPath('/d/镇.xlsm') // => '/d/镇-考核结果.xlsm'
 */
export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  const ext = /^\.xlsm$/i.test(parsed.ext) ? '.xlsm' : '.xlsx';
  return path.join(parsed.dir, `${parsed.name}-考核结果${ext}`);
}

/**
 * True when `output` is the input file itself: the same resolved real path, or (when
 * the output exists) the same device and inode — a symlink or a hard link to the input.
 */
export function isSameFile(input: string, output: string): boolean {
  if (path.resolve(input) === path.resolve(output)) return true;
  try {
    const a = fs.statSync(input);
    const b = fs.statSync(output);
    if (a.dev === b.dev && a.ino === b.ino) return true;
  } catch {
    // The output does not exist (or cannot be reached): compare real folders below.
  }
  try {
    const realInput = fs.realpathSync(input);
    const realDir = fs.realpathSync(path.dirname(path.resolve(output)));
    return path.join(realDir, path.basename(output)) === realInput;
  } catch {
    return false;
  }
}

/** Whether something exists at `file` (a dangling symlink counts). */
export function fileExists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** A failed write, worded; `diskFull` when the disk or quota ran out. */
function writeError(file: string, err: unknown): Msg {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { code: 'files.diskFull', params: { file } };
  return { code: 'cli.writeFailed', params: { file, reason: err instanceof Error ? err.message : String(err) } };
}

/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const file of pending) {
        try {
          fs.unlinkSync(file);
        } catch {
          // already gone
        }
      }
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Writes a file atomically: `produce` writes the content chunk by chunk into a temporary
 * file beside `file` (`.<name>.kaohe-<random>.tmp`), which is flushed (fsync) and then
 * renamed over `file`; the folder is flushed too. On any failure the temporary file is
 * removed and `file` is untouched. Returns an error message instead of throwing.
 * @example writeAtomically('/d/out.xlsx', (write) => write(bytes)) // => null
 */
export function writeAtomically(file: string, produce: (write: (chunk: Uint8Array) => void) => void): Msg | null {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.kaohe-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    installSignalHandlers();
    fd = fs.openSync(temp, 'wx', 0o644);
    pending.add(temp);
    const out = fd;
    produce((chunk) => {
      let at = 0;
      while (at < chunk.length) at += fs.writeSync(out, chunk, at, chunk.length - at);
    });
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
    pending.delete(temp);
    syncFolder(dir);
    return null;
  } catch (err) {
    if (fd !== null) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing a failed descriptor
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
    pending.delete(temp);
    return writeError(file, err);
  }
}

/** Flushes a folder's entries (the rename) where the platform allows it. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open folders; the rename is still atomic there.
  }
}
