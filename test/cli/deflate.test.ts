/**
 * The CLI's native deflater (node:zlib, chunk by chunk with a 32 KB dictionary): the
 * chunks join into one raw DEFLATE stream that inflates to the bytes pushed, and a
 * package written with it reads back.
 */
import { inflateSync } from 'fflate';
import { nodeDeflater } from '../../src/cli/deflate';
import { entryBytes, readZip } from '../../src/io/xlsx/zip';
import { collect, ZipWriter } from '../../src/io/xlsx/zipWrite';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function deflateChunks(chunks: string[]): Uint8Array {
  const out = collect();
  const deflater = nodeDeflater()(out.sink);
  chunks.forEach((chunk, i) => deflater.push(encoder.encode(chunk), i === chunks.length - 1));
  return out.bytes();
}

describe('nodeDeflater', () => {
  it.each([
    ['one final chunk', ['<row r="1"/>']],
    ['an empty final chunk', ['<a>考核</a>', '']],
    ['chunks shorter than the window', ['<c>单位1</c>', '<c>单位1</c>', '<c>单位2</c>']],
    ['chunks longer than the window', ['<c r="A1">龙源村</c>'.repeat(4000), '<c r="A2">龙源村</c>'.repeat(4000), '</sheetData>']],
  ])('%s: inflates to the text pushed', (_label, chunks) => {
    expect(decoder.decode(inflateSync(deflateChunks(chunks)))).toBe(chunks.join(''));
  });

  it('reaches back across chunk edges: a chunk repeating the last (under 32 KB) costs a few bytes', () => {
    const chunk = Array.from({ length: 1000 }, (_, i) => `<c r="A${i}">${(i * 7919) % 1000}</c>`).join('');
    const once = deflateChunks([chunk, '']).length;
    const twice = deflateChunks([chunk, chunk, '']).length;
    // 18,780 bytes as matches of at most 258 bytes: about 228 bytes; without the dictionary 4,484.
    expect(twice - once).toBeLessThan(500);
  });

  it('writes package entries that read back', () => {
    const out = collect();
    const zip = new ZipWriter(out.sink, { deflater: nodeDeflater(), date: new Date(2019, 0, 5) });
    zip.add('xl/worksheets/sheet1.xml', (write) => {
      for (let i = 0; i < 30_000; i++) write(`<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
    });
    zip.addText('a.xml', '<a/>');
    zip.finish();
    const archive = readZip(out.bytes());
    const sheet = decoder.decode(entryBytes(archive, archive.get('xl/worksheets/sheet1.xml')!, 1e9));
    expect(sheet.slice(0, 40)).toBe('<row r="1"><c r="A1"><v>0</v></c></row><');
    expect(sheet.endsWith('<row r="30000"><c r="A30000"><v>29999</v></c></row>')).toBe(true);
    expect(decoder.decode(entryBytes(archive, archive.get('a.xml')!, 1e9))).toBe('<a/>');
  });
});
