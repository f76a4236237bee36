import { deflateSync, zipSync } from 'fflate';
import { XlsxError } from '../../../src/io/xlsx/errors';
import { centralRecord, compressedData, crc32, entryBytes, inflateEntry, rawEntry, readZip } from '../../../src/io/xlsx/zip';
import { buildZip } from '../../helpers/zipBuild';

const enc = new TextEncoder();
const dec = new TextDecoder();

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof XlsxError) return `${err.msg.code} ${JSON.stringify(err.msg.params ?? {})}`;
    throw err;
  }
  return 'no error';
}

describe('zip: central directory', () => {
  it('reads names, methods, sizes and offsets of a zip written by fflate', () => {
    const bytes = zipSync({ 'a.txt': enc.encode('hello'), 'dir/b.xml': [enc.encode('<b/>'.repeat(100)), { level: 9 }] }, { level: 0 });
    const zip = readZip(bytes);
    expect(zip.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.txt', 0, 5],
      ['dir/b.xml', 8, 400],
    ]);
    const a = zip.get('a.txt')!;
    expect(a.crc32).toBe(crc32(enc.encode('hello')));
    expect(a.localHeaderOffset).toBe(0);
    expect(a.dataOffset).toBe(30 + 5);
    expect(dec.decode(compressedData(zip, a))).toBe('hello');
    expect(dec.decode(entryBytes(zip, zip.get('dir/b.xml')!, 1e6))).toBe('<b/>'.repeat(100));
  });

  it('finds a part ignoring ASCII case, preferring the exact name', () => {
    const zip = readZip(buildZip([{ name: 'xl/Workbook.xml', data: 'x' }]));
    expect(zip.get('xl/workbook.xml')?.name).toBe('xl/Workbook.xml');
    expect(zip.get('xl/nothing.xml')).toBeUndefined();
  });

  it('raw entry = local header + data + data descriptor, byte for byte; central record as stored', () => {
    const bytes = buildZip([
      { name: 'one.xml', data: '<a>1</a>', descriptor: true },
      { name: 'two.xml', data: '<b>2</b>', descriptor: true, descriptorUnsigned: true },
      { name: 'three.xml', data: '<c>3</c>' },
    ]);
    const zip = readZip(bytes);
    const [one, two, three] = zip.entries;
    expect(one.endOffset).toBe(two.localHeaderOffset);
    expect(two.endOffset).toBe(three.localHeaderOffset);
    expect(rawEntry(zip, one).length).toBe(30 + 7 + one.compressedSize + 16);
    expect(rawEntry(zip, two).length).toBe(30 + 7 + two.compressedSize + 12);
    expect(dec.decode(entryBytes(zip, one, 100))).toBe('<a>1</a>');
    expect(dec.decode(entryBytes(zip, two, 100))).toBe('<b>2</b>');
    const rec = centralRecord(zip, three);
    expect(rec.length).toBe(46 + 9);
    expect([rec[0], rec[1], rec[2], rec[3]]).toEqual([0x50, 0x4b, 0x01, 0x02]);
  });

  it('understands zip64 extra fields', () => {
    const zip = readZip(buildZip([{ name: 'big.xml', data: '<x/>', zip64: true }]));
    expect(zip.entries[0].zip64).toBe(true);
    expect(zip.entries[0].uncompressedSize).toBe(4);
    expect(dec.decode(entryBytes(zip, zip.entries[0], 100))).toBe('<x/>');
  });

  it('CRC-32 matches the standard check value', () => {
    expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(enc.encode('6789'), crc32(enc.encode('12345')))).toBe(0xcbf43926);
  });
});

describe('zip: hostile and damaged files', () => {
  it('refuses bytes that are not a zip', () => {
    expect(code(() => readZip(enc.encode('just text, no zip at all')))).toBe('xlsx.notZip {}');
    expect(code(() => readZip(new Uint8Array(0)))).toBe('xlsx.notZip {}');
  });

  it('refuses a truncated zip (end record gone)', () => {
    const bytes = buildZip([{ name: 'a.xml', data: '<a/>' }]);
    expect(code(() => readZip(bytes.subarray(0, bytes.length - 10)))).toBe('xlsx.notZip {}');
  });

  it('refuses overlapping entries (a compressed size reaching into the next entry)', () => {
    const bytes = buildZip([
      { name: 'a.xml', data: '<a/>', method: 0, claimCompressed: 60, claimSize: 60 },
      { name: 'b.xml', data: '<b/>', method: 0 },
    ]);
    expect(code(() => readZip(bytes))).toMatch(/^xlsx.corrupt .*overlap/);
  });

  it('refuses two directory records sharing one local header', () => {
    const bytes = buildZip([{ name: 'a.xml', data: '<a/>' }, { name: 'a.xml', data: '<a/>' }], { aliasLocal: { entry: 1, to: 0 } });
    expect(code(() => readZip(bytes))).toMatch(/^xlsx.corrupt /);
  });

  it('stops an entry that inflates beyond its declared size (a lying header)', () => {
    const zip = readZip(buildZip([{ name: 'lie.xml', data: 'x'.repeat(10_000), claimSize: 100 }]));
    expect(code(() => entryBytes(zip, zip.entries[0], 1e9))).toMatch(/^xlsx.corrupt .*larger than its directory says/);
  });

  it('stops an entry whose CRC differs', () => {
    const zip = readZip(buildZip([{ name: 'crc.xml', data: '<a/>', claimCrc: 1234 }]));
    expect(code(() => entryBytes(zip, zip.entries[0], 1e9))).toMatch(/^xlsx.corrupt .*CRC/);
  });

  it('stops inflating at the byte limit, counting output, not the header', () => {
    const zip = readZip(buildZip([{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(3_000_000) }]));
    let seen = 0;
    expect(code(() => inflateEntry(zip, zip.entries[0], 1_048_576, (c) => (seen += c.length)))).toBe(
      'xlsx.partTooLarge {"part":"xl/worksheets/sheet1.xml","limit":1}',
    );
    expect(seen).toBeLessThanOrEqual(1_048_576);
  });

  it('stops a zip bomb by its ratio while inflating (header claims the true size)', () => {
    const size = 24 * 1024 * 1024;
    const zeros = new Uint8Array(size);
    const packed = deflateSync(zeros, { level: 9 });
    expect(size / packed.length).toBeGreaterThan(900);
    const zip = readZip(buildZip([{ name: 'bomb.xml', data: zeros }]));
    let seen = 0;
    expect(code(() => inflateEntry(zip, zip.entries[0], 1e12, (c) => (seen += c.length)))).toBe('xlsx.bomb {"part":"bomb.xml","ratio":400}');
    expect(seen).toBeLessThan(size);
  });

  it('refuses encrypted entries and unknown methods', () => {
    const bytes = buildZip([{ name: 'a.xml', data: '<a/>', method: 0 }]);
    const encrypted = bytes.slice();
    // set flag bit 0 in the central record (offset 8 from its signature)
    const cd = encrypted.length - 22 - (46 + 5);
    encrypted[cd + 8] |= 1;
    expect(code(() => readZip(encrypted))).toBe('xlsx.unsupportedZip {"part":"a.xml","detail":"zip encryption"}');
    const weird = bytes.slice();
    weird[8] = 14; // local method
    weird[cd + 10] = 14; // central method (LZMA)
    const zip = readZip(weird);
    expect(code(() => entryBytes(zip, zip.entries[0], 100))).toBe('xlsx.unsupportedZip {"part":"a.xml","detail":"method 14"}');
  });
});

describe('zip: damaged deflate data', () => {
  it('garbage instead of deflate data is a damaged file, not a crash', () => {
    const zip = readZip(buildZip([{ name: 'x.xml', data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x00, 0x12]), method: 0 }]));
    const e = zip.entries[0];
    const fake = { ...e, method: 8 };
    expect(code(() => entryBytes(zip, fake, 100))).toMatch(/^xlsx.corrupt /);
  });

  it('errors thrown by the consumer pass through unchanged', () => {
    const zip = readZip(buildZip([{ name: 'x.xml', data: 'abc' }]));
    const mine = new Error('mine');
    expect(() => inflateEntry(zip, zip.entries[0], 100, () => {
      throw mine;
    })).toThrow(mine);
  });
});
