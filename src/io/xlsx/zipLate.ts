/**
 * A zip package assembled once every new entry is compressed, for the browser's download:
 * new parts go to the browser's own DEFLATE (`CompressionStream('deflate-raw')`, native
 * zlib, about 2–3× fflate's speed on a large result sheet), which answers asynchronously,
 * so the entries' compressed sizes — and the offsets after them — are known only at the end.
 * `bytes()` waits for them and lays the package out as ZipWriter would: the same local
 * headers, data descriptors, central records and end record (zipWrite.ts's helpers), the
 * input's entries copied as stored.
 *
 * Bounded: text waiting for the native compressor is held uncompressed until `bytes()`
 * (the page's code runs without yielding while it writes), so once `NATIVE_BUDGET` bytes
 * wait, or a part's size hint would pass it, further parts are deflated at once by fflate
 * (compressed bytes only).
 */
import {
  CHUNK_BYTES,
  dataDescriptor,
  dosDateTime,
  encodePart,
  endRecord,
  fflateDeflater,
  LIMIT,
  localHeader,
  movedCentral,
  newCentral,
  ZipTooLarge,
  type DeflaterFactory,
  type PackageZip,
  type PartWriter,
  type Stamp,
  type StoredEntry,
} from './zipWrite';
import { concatBytes } from './zip';

/** Most uncompressed bytes held for the native compressor at once. */
export const NATIVE_BUDGET = 256 * 2 ** 20;

/** One entry's compression that answers later: `push` the text's bytes in order, then `done`. */
export interface LateDeflater {
  push(bytes: Uint8Array, final: boolean): void;
  /** The compressed chunks, once the last push was final. */
  done(): Promise<Uint8Array[]>;
}

export type LateDeflaterFactory = () => LateDeflater;

/**
 * The browser's native raw DEFLATE, or null where it is missing (before Chrome 103,
 * Firefox 113, Safari 16.4; EdgeHTML) or refuses 'deflate-raw'. Cost: O(1).
 */
export function nativeDeflater(): LateDeflaterFactory | null {
  if (typeof CompressionStream !== 'function') return null;
  try {
    new CompressionStream('deflate-raw');
  } catch {
    return null;
  }
  return () => {
    const stream = new CompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    const chunks: Uint8Array[] = [];
    // Read from the start, so the stream never waits on a full queue.
    const reading = (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return chunks;
        chunks.push(value);
      }
    })();
    // A failing stream rejects every write and the reading: done() reports it once, through the reading.
    reading.catch(() => undefined);
    return {
      push(bytes, final) {
        // The writer's buffer is reused: the stream gets a copy.
        writer.write(bytes.slice()).catch(() => undefined);
        if (final) writer.close().catch(() => undefined);
      },
      done: () => reading,
    };
  };
}

type Entry = { copied: StoredEntry } | { nameBytes: Uint8Array; crc: number; size: number; data: Uint8Array[] | Promise<Uint8Array[]> };

const encoder = new TextEncoder();

export class LateZip implements PackageZip {
  private readonly entries: Entry[] = [];
  private readonly stamp: Stamp;
  private readonly buffer = new Uint8Array(CHUNK_BYTES);
  private readonly fallback: DeflaterFactory;
  /** Most uncompressed bytes held for the native compressor (NATIVE_BUDGET unless told). */
  private readonly budget: number;
  /** Uncompressed bytes handed to the native compressor so far. */
  private waiting = 0;

  constructor(
    private readonly native: LateDeflaterFactory | null,
    options: { date?: Date; fallback?: DeflaterFactory; budget?: number } = {},
  ) {
    this.stamp = dosDateTime(options.date ?? new Date());
    this.fallback = options.fallback ?? fflateDeflater(6);
    this.budget = options.budget ?? NATIVE_BUDGET;
  }

  copy(entry: StoredEntry): void {
    this.entries.push({ copied: entry });
  }

  /** Adds a new entry, natively compressed while the budget allows. Cost: O(bytes). */
  add(name: string, produce: (write: PartWriter) => void, sizeHint = 0): void {
    const nameBytes = encoder.encode(name);
    if (this.native && this.waiting + sizeHint <= this.budget) {
      const late = this.native();
      const { crc, size } = encodePart(produce, this.buffer, (bytes, final) => late.push(bytes, final));
      this.waiting += size;
      this.entries.push({ nameBytes, crc, size, data: late.done() });
      return;
    }
    const data: Uint8Array[] = [];
    const deflate = this.fallback((chunk) => data.push(chunk.slice()));
    const { crc, size } = encodePart(produce, this.buffer, (bytes, final) => deflate.push(bytes, final));
    this.entries.push({ nameBytes, crc, size, data });
  }

  addText(name: string, text: string): void {
    this.add(name, (write) => write(text));
  }

  finish(): void {}

  /**
   * The package's bytes, once every entry is compressed. Rejects with ZipTooLarge past
   * 4 GB, or with the native compressor's error. Cost: O(package bytes).
   */
  async bytes(): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    const centrals: Uint8Array[] = [];
    let offset = 0;
    const put = (piece: Uint8Array): void => {
      offset += piece.length;
      if (offset > LIMIT) throw new ZipTooLarge();
      pieces.push(piece);
    };
    for (const entry of this.entries) {
      if ('copied' in entry) {
        centrals.push(movedCentral(entry.copied, offset));
        put(entry.copied.local);
        continue;
      }
      const start = offset;
      put(localHeader(entry.nameBytes, this.stamp));
      let compressed = 0;
      for (const chunk of await entry.data) {
        compressed += chunk.length;
        put(chunk);
      }
      put(dataDescriptor(entry.crc, compressed, entry.size));
      centrals.push(newCentral(entry.nameBytes, this.stamp, entry.crc, compressed, entry.size, start));
    }
    const start = offset;
    for (const central of centrals) put(central);
    put(endRecord(this.entries.length, offset - start, start));
    return concatBytes(pieces, offset);
  }
}
