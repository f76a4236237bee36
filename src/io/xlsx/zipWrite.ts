/**
 * Writes a zip package chunk by chunk: entries of the input copied as they were (local
 * header, compressed data and data descriptor byte for byte; the central record as it was
 * with only its local-header offset moved) and new entries deflated as their text is
 * produced, so no part is ever held whole, uncompressed or compressed.
 *
 * New entries carry a data descriptor (general-purpose flag bit 3: sizes and CRC follow the
 * data) and UTF-8 names (bit 11). No ZIP64: a package over 4 GB is refused with an error.
 */
import { Deflate } from 'fflate';
import { crc32 } from './crc32';
import { concatBytes } from './zip';

/** Receives the package's bytes in order. */
export type ZipSink = (chunk: Uint8Array) => void;

/** Compresses one entry as raw DEFLATE (RFC 1951), chunk by chunk. */
export interface Deflater {
  /**
   * Compresses `bytes` (the entry's last chunk when `final`); compressed bytes go to the
   * `emit` it was made with. `bytes` is the writer's reused buffer: copy what must outlive the call.
   */
  push(bytes: Uint8Array, final: boolean): void;
}

/**
 * Makes one Deflater per entry. The browser uses fflate (`fflateDeflater`); the CLI injects
 * node:zlib's native one (src/cli/deflate.ts), which the browser bundle cannot import.
 */
export type DeflaterFactory = (emit: (chunk: Uint8Array) => void) => Deflater;

type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * fflate's streaming Deflate at `level` (6 unless told). Cost: O(bytes).
 * @example new ZipWriter(sink, { deflater: fflateDeflater(6) })
 */
export function fflateDeflater(level: Level = 6): DeflaterFactory {
  return (emit) => {
    const deflate = new Deflate({ level }, (data) => emit(data));
    return { push: (bytes, final) => deflate.push(bytes, final) };
  };
}

/** An entry of the input package, as stored. */
export interface StoredEntry {
  name: string;
  /** The central-directory record (46 bytes + name + extra + comment). */
  central: Uint8Array;
  /** The local header, the compressed data and the data descriptor if any, contiguous. */
  local: Uint8Array;
}

/** Thrown when the package would need ZIP64 (an offset or size over 4 GB). */
export class ZipTooLarge extends Error {
  constructor() {
    super('the package would exceed 4 GB');
    this.name = 'ZipTooLarge';
  }
}

export const LIMIT = 0xffffffff;
/** Bytes of encoded text gathered before they are deflated. */
export const CHUNK_BYTES = 1 << 18;

const encoder = new TextEncoder();

export function dosDateTime(date: Date): Stamp {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** Writes text into a part; it is encoded at once and deflated in chunks. */
export interface PartWriter {
  (text: string): void;
}

/**
 * Moves a central record's local-header offset; a ZIP64 record (offset 0xFFFFFFFF) keeps
 * its marker and has the offset in its ZIP64 extra field moved instead.
 */
function setCentralOffset(central: Uint8Array, offset: number): void {
  const view = new DataView(central.buffer, central.byteOffset, central.byteLength);
  if (view.getUint32(42, true) !== LIMIT) {
    view.setUint32(42, offset, true);
    return;
  }
  const nameLength = view.getUint16(28, true);
  const extraLength = view.getUint16(30, true);
  let at = 46 + nameLength;
  const end = at + extraLength;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      // Fields present in order: uncompressed size, compressed size, offset (each only when its 32-bit field is the marker).
      let field = at + 4;
      if (view.getUint32(24, true) === LIMIT) field += 8;
      if (view.getUint32(20, true) === LIMIT) field += 8;
      view.setUint32(field, offset, true);
      view.setUint32(field + 4, 0, true);
      return;
    }
    at += 4 + size;
  }
  throw new ZipTooLarge();
}

/** What writePackage writes a package through: a ZipWriter (streaming) or a LateZip (zipLate.ts). */
export interface PackageZip {
  /** Copies an input entry unchanged. */
  copy(entry: StoredEntry): void;
  /** Adds a new deflated entry; `sizeHint` is its expected text size in bytes, when known. */
  add(name: string, produce: (write: PartWriter) => void, sizeHint?: number): void;
  addText(name: string, text: string): void;
  finish(): void;
}

/** DOS time and date of the entries' modification stamp. */
export type Stamp = { time: number; day: number };

/** The local header of a new entry: deflated, sizes and CRC in a data descriptor, UTF-8 name. */
export function localHeader(nameBytes: Uint8Array, stamp: Stamp): Uint8Array {
  const header = new Uint8Array(30 + nameBytes.length);
  const h = new DataView(header.buffer);
  h.setUint32(0, 0x04034b50, true);
  h.setUint16(4, 20, true);
  h.setUint16(6, 0x0808, true);
  h.setUint16(8, 8, true);
  h.setUint16(10, stamp.time, true);
  h.setUint16(12, stamp.day, true);
  h.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  return header;
}

/** The data descriptor that follows a new entry's data. */
export function dataDescriptor(crc: number, compressed: number, size: number): Uint8Array {
  const descriptor = new Uint8Array(16);
  const d = new DataView(descriptor.buffer);
  d.setUint32(0, 0x08074b50, true);
  d.setUint32(4, crc, true);
  d.setUint32(8, compressed, true);
  d.setUint32(12, size, true);
  return descriptor;
}

/** The central record of a new entry whose local header is at `offset`. */
export function newCentral(nameBytes: Uint8Array, stamp: Stamp, crc: number, compressed: number, size: number, offset: number): Uint8Array {
  const central = new Uint8Array(46 + nameBytes.length);
  const c = new DataView(central.buffer);
  c.setUint32(0, 0x02014b50, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(8, 0x0808, true);
  c.setUint16(10, 8, true);
  c.setUint16(12, stamp.time, true);
  c.setUint16(14, stamp.day, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, compressed, true);
  c.setUint32(24, size, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return central;
}

/** The end-of-central-directory record. Throws ZipTooLarge past 65,535 entries. */
export function endRecord(entries: number, size: number, start: number): Uint8Array {
  if (entries > 0xffff) throw new ZipTooLarge();
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries, true);
  e.setUint16(10, entries, true);
  e.setUint32(12, size, true);
  e.setUint32(16, start, true);
  return end;
}

/**
 * Runs `produce`, encoding its text as UTF-8 into `buffer` and handing each full buffer (and
 * the rest, `final`) to `take`; returns the text's CRC-32 (by `checksum`: crc32.ts unless
 * the host has a faster one) and size. No string outlives its
 * write call, so the garbage of a long part dies young (not in old space). `take` gets the
 * reused buffer: it must copy what outlives the call. Throws ZipTooLarge past 4 GB.
 * Cost: O(bytes).
 */
export function encodePart(
  produce: (write: PartWriter) => void,
  buffer: Uint8Array,
  take: (bytes: Uint8Array, final: boolean) => void,
  checksum: Checksum = crc32,
): { crc: number; size: number } {
  let crc = 0;
  let size = 0;
  let used = 0;
  const flush = (final: boolean): void => {
    const bytes = buffer.subarray(0, used);
    crc = checksum(bytes, crc);
    size += used;
    used = 0;
    if (size > LIMIT) throw new ZipTooLarge();
    take(bytes, final);
  };
  produce((text) => {
    let rest = text;
    for (;;) {
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
      used += written;
      if (read === rest.length) return;
      // Full (encodeInto never splits a character): hand it on, then the rest.
      flush(false);
      rest = rest.slice(read);
    }
  });
  flush(true);
  return { crc, size };
}

/** Moves a central record's local-header offset (a copy of it), for a copied entry. */
export function movedCentral(entry: StoredEntry, offset: number): Uint8Array {
  const central = entry.central.slice();
  setCentralOffset(central, offset);
  return central;
}

/** Continues a CRC-32 over `bytes` (start with 0), as crc32.ts's `crc32`; the CLI passes node:zlib's native one. */
export type Checksum = (bytes: Uint8Array, previous: number) => number;

/** How a ZipWriter stamps and compresses its new entries. */
export interface ZipOptions {
  /** The entries' modification time (now unless told). */
  date?: Date;
  /** fflate's level when no `deflater` is given (6 unless told). */
  level?: Level;
  /** The compressor of new entries (fflate at `level` unless told). */
  deflater?: DeflaterFactory;
  /** The CRC-32 of new entries (crc32.ts unless told). */
  crc32?: Checksum;
}

export class ZipWriter implements PackageZip {
  private offset = 0;
  private readonly centrals: Uint8Array[] = [];
  private readonly stamp: Stamp;
  private entries = 0;

  constructor(
    private readonly sink: ZipSink,
    options: ZipOptions = {},
  ) {
    this.stamp = dosDateTime(options.date ?? new Date());
    this.deflater = options.deflater ?? fflateDeflater(options.level ?? 6);
    this.checksum = options.crc32 ?? crc32;
  }

  private readonly deflater: DeflaterFactory;
  private readonly checksum: Checksum;
  /** The encoded text of the entry being added, reused from entry to entry. */
  private readonly buffer = new Uint8Array(CHUNK_BYTES);

  private emit(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.offset += chunk.length;
    if (this.offset > LIMIT) throw new ZipTooLarge();
    this.sink(chunk);
  }

  /** Copies an input entry unchanged; only the offset in its central record moves. Cost: O(bytes). */
  copy(entry: StoredEntry): void {
    const central = movedCentral(entry, this.offset);
    this.emit(entry.local);
    this.centrals.push(central);
    this.entries++;
  }

  /**
   * Adds a new deflated entry whose text `produce` writes piece by piece. Cost: O(bytes).
   * @example zip.add('xl/worksheets/sheet9.xml', (write) => { write('<worksheet …>'); … });
   */
  add(name: string, produce: (write: PartWriter) => void): void {
    const nameBytes = encoder.encode(name);
    const start = this.offset;
    this.emit(localHeader(nameBytes, this.stamp));
    let compressed = 0;
    const deflate = this.deflater((data) => {
      compressed += data.length;
      this.emit(data);
    });
    const { crc, size } = encodePart(produce, this.buffer, (bytes, final) => deflate.push(bytes, final), this.checksum);
    this.emit(dataDescriptor(crc, compressed, size));
    this.centrals.push(newCentral(nameBytes, this.stamp, crc, compressed, size, start));
    this.entries++;
  }

  /** Adds a new entry holding `text`. */
  addText(name: string, text: string): void {
    this.add(name, (write) => write(text));
  }

  /** Writes the central directory and its end record. */
  finish(): void {
    const start = this.offset;
    for (const central of this.centrals) this.emit(central);
    this.emit(endRecord(this.entries, this.offset - start, start));
  }
}

/**
 * Collects a ZipWriter's chunks into one array (for the browser download and tests).
 * @example const out = collect(); const zip = new ZipWriter(out.sink); …; out.bytes()
 */
export function collect(): { sink: ZipSink; bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  let length = 0;
  return {
    sink: (chunk) => {
      // fflate may reuse its output buffer: keep a copy.
      chunks.push(chunk.slice());
      length += chunk.length;
    },
    bytes: () => concatBytes(chunks, length),
  };
}
