/**
 * LateZip (the browser's download, new parts compressed by the native CompressionStream):
 * laid out byte for byte as ZipWriter lays out the same entries, its native compressor a
 * real raw DEFLATE stream, the budget that sends big parts to fflate, and errors that reach
 * the caller.
 */
import { Deflate, inflateSync } from 'fflate';
import { LateZip, nativeDeflater, type LateDeflaterFactory } from '../../../src/io/xlsx/zipLate';
import { collect, fflateDeflater, ZipWriter, type PackageZip } from '../../../src/io/xlsx/zipWrite';
import { centralRecord, entryBytes, rawEntry, readZip } from '../../../src/io/xlsx/zip';
import { buildZip } from '../../helpers/zipBuild';

const date = new Date(2019, 0, 5, 10, 0, 0);
const dec = new TextDecoder();

/** fflate at level 6, answering late: the same compressed bytes as ZipWriter's default deflater. */
const lateFflate: LateDeflaterFactory = () => {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (data) => chunks.push(data.slice()));
  return { push: (bytes, final) => deflate.push(bytes, final), done: () => new Promise((resolve) => setTimeout(() => resolve(chunks), 1)) };
};

/** An input package with two entries to copy, as another program stored them. */
const input = readZip(buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook>用户的</workbook>' }]));
const stored = (name: string) => ({ name, central: centralRecord(input, input.get(name)!), local: rawEntry(input, input.get(name)!) });

/** The same entries through either writer: a copy, a long new part in many writes, a copy, an empty part. */
function fill(zip: PackageZip): void {
  zip.copy(stored('[Content_Types].xml'));
  zip.add('xl/worksheets/sheet9.xml', (write) => {
    for (let r = 1; r <= 20_000; r++) write(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>测试${r}村</t></is></c></row>`);
  });
  zip.copy(stored('xl/workbook.xml'));
  zip.addText('xl/empty.xml', '');
  zip.finish();
}

describe('LateZip', () => {
  it('lays out the package byte for byte as ZipWriter does, given the same compressed bytes', async () => {
    const out = collect();
    fill(new ZipWriter(out.sink, { date, deflater: fflateDeflater(6) }));
    const late = new LateZip(lateFflate, { date });
    fill(late);
    const bytes = await late.bytes();
    expect(bytes.length).toBe(out.bytes().length);
    expect(Buffer.from(bytes).equals(Buffer.from(out.bytes()))).toBe(true);
  });

  it('writes a package whose parts read back, copied entries as stored, with the native compressor', async () => {
    const native = nativeDeflater();
    expect(native).not.toBeNull(); // Node 20 has CompressionStream('deflate-raw')
    const late = new LateZip(native, { date });
    fill(late);
    const zip = readZip(await late.bytes());
    expect(zip.entries.map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet9.xml', 'xl/workbook.xml', 'xl/empty.xml']);
    const sheet = dec.decode(entryBytes(zip, zip.get('xl/worksheets/sheet9.xml')!, 1e8));
    expect(sheet.startsWith('<row r="1"><c r="A1" t="inlineStr"><is><t>测试1村</t></is></c></row>')).toBe(true);
    expect(sheet.endsWith('<t>测试20000村</t></is></c></row>')).toBe(true);
    expect(sheet.length).toBe(Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>测试${i + 1}村</t></is></c></row>`).join('').length);
    expect(dec.decode(entryBytes(zip, zip.get('xl/empty.xml')!, 10))).toBe('');
    const copied = zip.get('xl/workbook.xml')!;
    expect(Buffer.from(rawEntry(zip, copied)).equals(Buffer.from(stored('xl/workbook.xml').local))).toBe(true);
  });

  it('has a native compressor that makes one raw DEFLATE stream of all the pushes', async () => {
    const late = nativeDeflater()!();
    const text = new TextEncoder().encode('考核数据!F7 '.repeat(50_000));
    late.push(text.subarray(0, 1000), false);
    late.push(text.subarray(1000), true);
    const chunks = await late.done();
    const joined = Buffer.concat(chunks);
    expect(Buffer.from(inflateSync(joined)).equals(Buffer.from(text))).toBe(true);
    expect(joined.length).toBeLessThan(text.length / 20);
  });

  it('is not offered where CompressionStream is missing', () => {
    const saved = globalThis.CompressionStream;
    try {
      delete (globalThis as { CompressionStream?: unknown }).CompressionStream;
      expect(nativeDeflater()).toBeNull();
    } finally {
      globalThis.CompressionStream = saved;
    }
  });

  it('sends a part to fflate when its size hint, or the text already waiting, would pass the budget', async () => {
    const used: string[] = [];
    const spy: LateDeflaterFactory = () => {
      used.push('native');
      return lateFflate();
    };
    const late = new LateZip(spy, { date, budget: 1000 });
    late.add('a.xml', (write) => write('x'.repeat(600)), 500); // 0 + 500 ≤ 1000: native
    late.add('b.xml', (write) => write('y'.repeat(10)), 500); // 600 waiting + 500 > 1000: fflate
    late.add('c.xml', (write) => write('z'.repeat(10))); // 600 + 0 ≤ 1000: native
    late.add('d.xml', (write) => write('w'.repeat(10)), 2000); // over the budget alone: fflate
    late.finish();
    expect(used).toEqual(['native', 'native']);
    const zip = readZip(await late.bytes());
    expect(['a.xml', 'b.xml', 'c.xml', 'd.xml'].map((name) => dec.decode(entryBytes(zip, zip.get(name)!, 1e4)))).toEqual(['x'.repeat(600), 'y'.repeat(10), 'z'.repeat(10), 'w'.repeat(10)]);
  });

  it("rejects with the native compressor's error", async () => {
    const failing: LateDeflaterFactory = () => ({ push: () => undefined, done: () => Promise.reject(new Error('compression failed')) });
    const late = new LateZip(failing, { date });
    late.addText('a.xml', 'x');
    late.finish();
    await expect(late.bytes()).rejects.toThrow('compression failed');
  });
});
