/**
 * Zip reading for .xlsx packages, from the central directory, without copying.
 *
 * API (stable; only additions):
 * - `readZip(bytes)` → `ZipArchive` { bytes, entries (central-directory order), get(name) }.
 *   Validates every entry: local header present and agreeing with the central directory,
 *   data inside the file, no two entries overlapping, no encryption; zip64 understood.
 *   Throws XlsxError (`xlsx.notZip`, `xlsx.corrupt`, `xlsx.unsupportedZip`).
 * - `rawEntry(zip, entry)` → the entry's stored bytes as they are in the file: local header,
 *   compressed data and data descriptor (a subarray; copy it to the output unchanged).
 * - `centralRecord(zip, entry)` → the entry's central-directory record as stored (a
 *   subarray; a writer copying the entry rewrites only its local-header offset).
 * - `compressedData(zip, entry)` → only the compressed data.
 * - `inflateEntry(zip, entry, limit, onChunk)` → streams the uncompressed bytes in chunks,
 *   stopping with XlsxError (`xlsx.partTooLarge`, `xlsx.bomb`, `xlsx.corrupt`) as soon as
 *   the output passes `limit`, the compression ratio is abnormal, or the size/CRC lie.
 * - `entryBytes(zip, entry, limit)` → the whole uncompressed entry (small parts only).
 * - `crc32(bytes, crc?)` → CRC-32 as zip uses it (for writers too).
 * - `concatBytes(chunks)` → one Uint8Array.
 */
import { crc32 } from './crc32';
import { Inflate } from 'fflate';
import { corrupt, XlsxError } from './errors';

export interface ZipEntry {
  /** Entry name as stored (UTF-8 decoded), e.g. `xl/workbook.xml`. */
  name: string;
  /** 0 stored, 8 deflated (anything else is refused when inflating). */
  method: number;
  /** General-purpose bit flags (bit 3: data descriptor follows; bit 11: UTF-8 name). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the local file header. */
  localHeaderOffset: number;
  /** Offset of the compressed data (after the local header, name and extra field). */
  dataOffset: number;
  /** End (exclusive) of the stored entry: data plus data descriptor when present. */
  endOffset: number;
  /** Offset and length of the central-directory record. */
  centralOffset: number;
  centralLength: number;
  /** Raw DOS time and date from the central directory. */
  modTime: number;
  modDate: number;
  /** True when sizes or offsets needed zip64 fields. */
  zip64: boolean;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** The entry named exactly `name`, else one whose name matches ignoring ASCII case (OPC part names are case-insensitive). */
  get(name: string): ZipEntry | undefined;
  /** The archive comment bytes (usually empty). */
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_DESCRIPTOR = 0x08074b50;

/** Most entries a package may hold. */
export const MAX_ENTRIES = 100_000;
/** Abnormal compression ratio: deflate peaks near 1032:1; real XML parts stay far below. */
export const MAX_RATIO = 400;
/** The ratio is only judged once a part has produced this many bytes. */
const RATIO_FLOOR = 16 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time. */
const CHUNK = 64 * 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  const value = u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value)) corrupt('zip64 size out of range');
  return value;
}

const utf8 = new TextDecoder('utf-8');

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let o = b.length - 22; o >= min; o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && b[o + 2] === 0x05 && b[o + 3] === 0x06) {
      if (o + 22 + u16(b, o + 20) <= b.length) return o;
    }
  }
  return -1;
}

/** Whether the bytes begin like a zip file (a local header or an empty archive). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 22 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6));
}

/**
 * Parses the central directory and checks every entry against its local header.
 * Cost: O(entries) plus one backwards scan for the end record (≤ 64 KiB).
 * Throws XlsxError: `xlsx.notZip`, `xlsx.corrupt`, `xlsx.unsupportedZip`.
 * @example readZip(bytes).get('[Content_Types].xml')?.method // => 8
 */
export function readZip(bytes: Uint8Array): ZipArchive {
  const eocd = bytes.length >= 22 ? findEocd(bytes) : -1;
  if (eocd < 0) throw new XlsxError({ code: 'xlsx.notZip' });
  if (u16(bytes, eocd + 4) !== 0 || u16(bytes, eocd + 6) !== 0) {
    throw new XlsxError({ code: 'xlsx.unsupportedZip', params: { part: '(zip)', detail: 'multi-volume archive' } });
  }
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + u16(bytes, eocd + 20));
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_ZIP64_LOCATOR) corrupt('zip64 locator missing');
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== SIG_ZIP64_EOCD) corrupt('zip64 end record missing');
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > MAX_ENTRIES) corrupt(`${count} entries`);
  if (cdOffset + cdSize > bytes.length) corrupt('central directory outside the file');

  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== SIG_CENTRAL) corrupt('central directory record missing');
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const recordLen = 46 + nameLen + extraLen + commentLen;
    if (o + recordLen > bytes.length) corrupt('central directory record truncated');
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = utf8.decode(nameBytes);
    let compressedSize = u32(bytes, o + 20);
    let uncompressedSize = u32(bytes, o + 24);
    let localHeaderOffset = u32(bytes, o + 42);
    let zip64 = false;
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      zip64 = true;
      let e = o + 46 + nameLen;
      const extraEnd = e + extraLen;
      let found = false;
      while (e + 4 <= extraEnd) {
        const id = u16(bytes, e);
        const size = u16(bytes, e + 2);
        if (id === 0x0001) {
          let p = e + 4;
          if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(bytes, p); p += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, p); p += 8; }
          if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(bytes, p); p += 8; }
          if (p > e + 4 + size) corrupt(`zip64 field of ${name}`);
          found = true;
          break;
        }
        e += 4 + size;
      }
      if (!found) corrupt(`zip64 field of ${name} missing`);
    }
    if (flags & 0x1) {
      throw new XlsxError({ code: 'xlsx.unsupportedZip', params: { part: name, detail: 'zip encryption' } });
    }
    const lh = localHeaderOffset;
    if (lh + 30 > bytes.length || u32(bytes, lh) !== SIG_LOCAL) corrupt(`local header of ${name}`);
    const localNameLen = u16(bytes, lh + 26);
    const localExtraLen = u16(bytes, lh + 28);
    const dataOffset = lh + 30 + localNameLen + localExtraLen;
    if (localNameLen !== nameLen || !sameBytes(bytes.subarray(lh + 30, lh + 30 + localNameLen), nameBytes)) {
      corrupt(`local name of ${name} differs`);
    }
    if (u16(bytes, lh + 8) !== method) corrupt(`method of ${name} differs`);
    if (dataOffset + compressedSize > bytes.length) corrupt(`data of ${name} outside the file`);
    if (!(flags & 0x8)) {
      const lc = u32(bytes, lh + 18);
      const lu = u32(bytes, lh + 22);
      if ((lc !== compressedSize && lc !== 0xffffffff) || (lu !== uncompressedSize && lu !== 0xffffffff)) {
        corrupt(`sizes of ${name} differ`);
      }
    }
    if (method === 0 && compressedSize !== uncompressedSize) corrupt(`stored sizes of ${name} differ`);
    let endOffset = dataOffset + compressedSize;
    if (flags & 0x8) endOffset += descriptorLength(bytes, endOffset, zip64);
    entries.push({
      name,
      method,
      flags,
      crc32: u32(bytes, o + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
      endOffset: Math.min(endOffset, bytes.length),
      centralOffset: o,
      centralLength: recordLen,
      modTime: u16(bytes, o + 12),
      modDate: u16(bytes, o + 14),
      zip64,
    });
    o += recordLen;
  }
  checkOverlaps(entries, cdOffset);
  const byName = new Map<string, ZipEntry>();
  const byLower = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (byName.has(entry.name)) corrupt(`${entry.name} stored twice`);
    byName.set(entry.name, entry);
    const lower = entry.name.toLowerCase();
    if (!byLower.has(lower)) byLower.set(lower, entry);
  }
  return {
    bytes,
    entries,
    comment,
    get: (name) => byName.get(name) ?? byLower.get(name.toLowerCase()),
  };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Length of the data descriptor at `o`: with or without its signature, 32- or 64-bit sizes. */
function descriptorLength(b: Uint8Array, o: number, zip64: boolean): number {
  const signed = o + 4 <= b.length && u32(b, o) === SIG_DESCRIPTOR;
  return (signed ? 4 : 0) + (zip64 ? 20 : 12);
}

/** Entries must not share bytes (a zip bomb trick) nor run into the central directory. */
function checkOverlaps(entries: ZipEntry[], cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  for (let i = 0; i < sorted.length; i++) {
    const end = sorted[i].dataOffset + sorted[i].compressedSize;
    const next = i + 1 < sorted.length ? sorted[i + 1].localHeaderOffset : cdOffset;
    if (end > next) corrupt(`entries ${sorted[i].name} and ${sorted[i + 1]?.name ?? 'central directory'} overlap`);
  }
}

/** The entry as stored: local header, compressed data, data descriptor. A view, not a copy. */
export function rawEntry(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  return zip.bytes.subarray(entry.localHeaderOffset, entry.endOffset);
}

/** The entry's central-directory record as stored. A view, not a copy. */
export function centralRecord(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  return zip.bytes.subarray(entry.centralOffset, entry.centralOffset + entry.centralLength);
}

/** Only the compressed data of the entry. A view, not a copy. */
export function compressedData(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  return zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** CRC-32 as zip uses it, continuing from `crc` for chunked input (one implementation: ./crc32, slicing by 8). */
export { crc32 } from './crc32';

/**
 * Streams the uncompressed bytes of an entry to `onChunk`, chunk by chunk, never holding
 * the whole part. Stops with XlsxError once more than `limit` bytes come out
 * (`xlsx.partTooLarge`), when the ratio of output to input passes MAX_RATIO after 16 MiB
 * (`xlsx.bomb`), or when the size or CRC-32 differ from the directory (`xlsx.corrupt`).
 * Cost: O(uncompressed bytes).
 */
export function inflateEntry(zip: ZipArchive, entry: ZipEntry, limit: number, onChunk: (chunk: Uint8Array) => void): void {
  const data = compressedData(zip, entry);
  let total = 0;
  let crc = 0;
  const accept = (chunk: Uint8Array): void => {
    total += chunk.length;
    if (total > limit) {
      throw new XlsxError({ code: 'xlsx.partTooLarge', params: { part: entry.name, limit: Math.round(limit / 1048576) } });
    }
    if (total > entry.uncompressedSize) corrupt(`${entry.name} is larger than its directory says`);
    if (total > RATIO_FLOOR && total > MAX_RATIO * Math.max(1, entry.compressedSize)) {
      throw new XlsxError({ code: 'xlsx.bomb', params: { part: entry.name, ratio: MAX_RATIO } });
    }
    crc = crc32(chunk, crc);
    if (chunk.length > 0) onChunk(chunk);
  };
  if (entry.method === 0) {
    for (let o = 0; o < data.length; o += CHUNK) accept(data.subarray(o, Math.min(data.length, o + CHUNK)));
  } else if (entry.method === 8) {
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      accept(chunk);
      if (final) ended = true;
    });
    try {
      for (let o = 0; o < data.length; o += CHUNK) {
        const end = Math.min(data.length, o + CHUNK);
        inflater.push(data.subarray(o, end), end === data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (err) {
      // fflate's own errors carry a numeric code; anything else came from onChunk
      if (err instanceof Error && typeof (err as { code?: unknown }).code === 'number') corrupt(`${entry.name}: ${err.message}`);
      throw err;
    }
    if (!ended) corrupt(`${entry.name}: compressed data truncated`);
  } else {
    throw new XlsxError({ code: 'xlsx.unsupportedZip', params: { part: entry.name, detail: `method ${entry.method}` } });
  }
  if (total !== entry.uncompressedSize) corrupt(`${entry.name} is smaller than its directory says`);
  if (crc !== entry.crc32) corrupt(`${entry.name} fails its CRC check`);
}

/**
 * The whole uncompressed entry (for small parts: rels, content types, workbook, styles).
 * Throws like inflateEntry. Cost: O(uncompressed bytes).
 */
export function entryBytes(zip: ZipArchive, entry: ZipEntry, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  inflateEntry(zip, entry, limit, (chunk) => {
    chunks.push(chunk.slice());
    size += chunk.length;
  });
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks, size);
}

/** The chunks as one array. Cost: O(bytes). @example concatBytes([a, b]).length // => a.length + b.length */
export function concatBytes(chunks: Uint8Array[], size = chunks.reduce((n, c) => n + c.length, 0)): Uint8Array {
  const out = new Uint8Array(size);
  let o = 0;
  for (const chunk of chunks) {
    out.set(chunk, o);
    o += chunk.length;
  }
  return out;
}
