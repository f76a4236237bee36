/**
 * The .xlsx adapter: WorkbookPort over the package itself, for the CLI (Node) and the task
 * pane's file mode (browser, lazily imported). No fs, no path: bytes in, bytes out.
 *
 * Reading opens the package through its relationships and reads only the sheets picked.
 * Writing never rewrites the user's parts: `apply` records the plan (relative to the bytes
 * opened; the last plan applied wins), and `writeTo`/`toBuffer` produce the input package
 * with every entry copied as stored plus Kaohe's parts (see writePackage.ts).
 */
import { REGISTRY_SHEET } from '../../core/defaults';
import type { WritePlan } from '../../core/types';
import type { WorkbookPort } from '../port';
import { emptyPackageParts, textSource } from './newPackage';
import { openPackage } from './package';
import { readSnapshot } from './reader';
import { writePackage, type PackageSource } from './writePackage';
import { centralRecord, entryBytes, rawEntry, type ZipArchive } from './zip';
import { LateZip, nativeDeflater, type LateDeflaterFactory } from './zipLate';
import { DeflateWorkerFailed, pageDeflateWorker } from './zipWorker';
import { collect, ZipWriter, type ZipOptions, type ZipSink } from './zipWrite';

export { XlsxError } from './errors';
export { ZipTooLarge, type Checksum, type Deflater, type DeflaterFactory } from './zipWrite';

export interface XlsxWorkbook extends WorkbookPort {
  /**
   * The workbook as bytes: the input package plus Kaohe's parts, new parts compressed by
   * the host's native DEFLATE where it has one (CompressionStream: browsers, Node) — in the
   * page's compression worker when it has one (zipWorker.ts), else on this thread — else fflate.
   */
  toBuffer(): Promise<Uint8Array>;
  /**
   * The same bytes, chunk by chunk, to `sink` (the CLI streams them to a file), new parts
   * compressed by `deflater` (fflate unless told; the CLI passes node:zlib's) and
   * checksummed by `crc32` (crc32.ts unless told; the CLI passes node:zlib's).
   */
  writeTo(sink: ZipSink, options?: Pick<ZipOptions, 'deflater' | 'crc32'>): void;
  /** A macro-enabled workbook (.xlsm): the output keeps its macros and must keep the extension. */
  macroEnabled: boolean;
  /** Whether the workbook holds Kaohe's registry sheet (Kaohe wrote it). */
  writtenByKaohe: boolean;
}

const decoder = new TextDecoder();

/** A PackageSource over an opened zip: entries copied as stored. */
function zipSource(zip: ZipArchive, limit: number): PackageSource {
  return {
    names: () => zip.entries.map((e) => e.name),
    text: (name) => {
      const entry = zip.get(name);
      return entry ? decoder.decode(entryBytes(zip, entry, limit)) : null;
    },
    copyTo: (name, out) => {
      const entry = zip.get(name);
      if (!entry) throw new Error(`no entry ${name}`);
      out.copy({ name: entry.name, central: centralRecord(zip, entry), local: rawEntry(zip, entry) });
    },
  };
}

function wrap(source: PackageSource, read: XlsxWorkbook['read'], info: { macroEnabled: boolean; writtenByKaohe: boolean }): XlsxWorkbook {
  let plan: WritePlan = { remove: [], add: [], renamed: [] };
  const writeTo = (sink: ZipSink, options: Pick<ZipOptions, 'deflater' | 'crc32'> = {}): void => writePackage(source, plan, new ZipWriter(sink, options));
  return {
    ...info,
    read,
    apply: async (next) => {
      plan = next;
    },
    writeTo,
    toBuffer: async () => {
      const late = (native: LateDeflaterFactory): Promise<Uint8Array> => {
        const zip = new LateZip(native);
        writePackage(source, plan, zip);
        return zip.bytes();
      };
      const worker = await pageDeflateWorker();
      if (worker) {
        try {
          return await late(worker.factory());
        } catch (error) {
          // The worker failed mid-way: write the package again on this thread.
          if (!(error instanceof DeflateWorkerFailed)) throw error;
        }
      }
      const native = nativeDeflater();
      if (native) return late(native);
      const out = collect();
      writeTo(out.sink);
      return out.bytes();
    },
  };
}

/**
 * Opens .xlsx/.xlsm bytes. Throws XlsxError (a catalog message: not a zip, encrypted,
 * .xls/.et, .ods, damaged, hostile) when the bytes are not a workbook it can read.
 * @example const book = await openWorkbook(bytes); (await book.read(() => ['考核数据'])).sheetNames
 */
export async function openWorkbook(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const pkg = openPackage(bytes);
  return wrap(zipSource(pkg.zip, pkg.limits.smallPart), async (pick) => readSnapshot(pkg, pick), {
    macroEnabled: pkg.macroEnabled,
    writtenByKaohe: pkg.sheets.some((s) => s.name === REGISTRY_SHEET),
  });
}

/** An empty workbook (for `template`, and for a result workbook of its own). */
export function newWorkbook(): XlsxWorkbook {
  return wrap(textSource(emptyPackageParts()), async () => ({ sheetNames: [], sheets: {} }), { macroEnabled: false, writtenByKaohe: false });
}
