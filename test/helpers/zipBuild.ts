/**
 * A small zip writer for tests and the hand-made corpus: stored or deflated entries, with
 * optional data descriptors and zip64 extra fields, and knobs to make an entry lie (for
 * hostile cases). Independent of src/io/xlsx/zip.ts except for crc32.
 */
import { deflateSync } from 'fflate';
import { concatBytes as concat, crc32 } from '../../src/io/xlsx/zip';

export interface BuildEntry {
  name: string;
  data: Uint8Array | string;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Write sizes and CRC in a data descriptor after the data (flag bit 3). */
  descriptor?: boolean;
  /** Write the descriptor without its optional signature. */
  descriptorUnsigned?: boolean;
  /** Write sizes and offset as zip64 extra fields in the central directory. */
  zip64?: boolean;
  /** Claim this uncompressed size in both headers. */
  claimSize?: number;
  /** Claim this CRC in both headers. */
  claimCrc?: number;
  /** Claim this compressed size in both headers (the data written stays as it is). */
  claimCompressed?: number;
}

export interface BuildOptions {
  /** Point this central-directory entry (by index) at another entry's local header. */
  aliasLocal?: { entry: number; to: number };
}

const enc = new TextEncoder();

class Writer {
  private readonly bytes: number[] = [];
  u16(v: number): this {
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff);
    return this;
  }
  u32(v: number): this {
    this.bytes.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
    return this;
  }
  u64(v: number): this {
    return this.u32(v % 0x1_0000_0000).u32(Math.floor(v / 0x1_0000_0000));
  }
  raw(b: Uint8Array): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

/** A zip file holding the entries in order. */
export function buildZip(entries: BuildEntry[], options: BuildOptions = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  const offsets: number[] = [];
  let offset = 0;
  entries.forEach((e) => {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    const method = e.method ?? 8;
    const stored = method === 8 ? deflateSync(data, { level: 6 }) : data;
    const crc = e.claimCrc ?? crc32(data);
    const size = e.claimSize ?? data.length;
    const packed = e.claimCompressed ?? stored.length;
    const name = enc.encode(e.name);
    const flags = 0x800 | (e.descriptor ? 0x8 : 0);
    const local = new Writer()
      .u32(0x04034b50).u16(20).u16(flags).u16(method).u16(0).u16(0x21)
      .u32(e.descriptor ? 0 : crc).u32(e.descriptor ? 0 : packed).u32(e.descriptor ? 0 : size)
      .u16(name.length).u16(0).raw(name).done();
    const descriptor = e.descriptor
      ? (e.descriptorUnsigned ? new Writer() : new Writer().u32(0x08074b50)).u32(crc).u32(packed).u32(size).done()
      : new Uint8Array(0);
    offsets.push(offset);
    locals.push(local, stored, descriptor);
    const extra = e.zip64 ? new Writer().u16(1).u16(24).u64(size).u64(packed).u64(offset).done() : new Uint8Array(0);
    centrals.push(
      new Writer()
        .u32(0x02014b50).u16(20).u16(20).u16(flags).u16(method).u16(0).u16(0x21)
        .u32(crc).u32(e.zip64 ? 0xffffffff : packed).u32(e.zip64 ? 0xffffffff : size)
        .u16(name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0)
        .u32(e.zip64 ? 0xffffffff : -1).raw(name).raw(extra).done(),
    );
    offset += local.length + stored.length + descriptor.length;
  });
  // Fill in local-header offsets (kept aside above as a placeholder).
  centrals.forEach((c, i) => {
    if (entries[i].zip64) return;
    const target = options.aliasLocal?.entry === i ? offsets[options.aliasLocal.to] : offsets[i];
    const at = c.length - enc.encode(entries[i].name).length - 4;
    c[at] = target & 0xff;
    c[at + 1] = (target >>> 8) & 0xff;
    c[at + 2] = (target >>> 16) & 0xff;
    c[at + 3] = (target >>> 24) & 0xff;
  });
  const central = concat(centrals);
  const end = new Writer()
    .u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length)
    .u32(central.length).u32(offset).u16(0).done();
  return concat([...locals, central, end]);
}
