/**
 * The CLI's native deflater (node:zlib, chunk by chunk with a 32 KB dictionary): the
 * chunks join into one raw DEFLATE stream that inflates to the bytes pushed, and a
 * package written with it reads back. The threaded one (a worker thread) gives the same
 * bytes, entry after entry, with more than IN_FLIGHT bytes out, and without a worker.
 */
import { inflateSync } from 'fflate';
import { IN_FLIGHT, nextWindow, nodeCrc32, nodeDeflater, threadedDeflater } from '../../src/cli/deflate';
import { crc32 } from '../../src/io/xlsx/crc32';
import type { DeflaterFactory } from '../../src/io/xlsx/index';
import { entryBytes, readZip } from '../../src/io/xlsx/zip';
import type { Checksum } from '../../src/io/xlsx/zipWrite';
import { collect, ZipWriter } from '../../src/io/xlsx/zipWrite';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function deflateChunks(chunks: string[], factory: DeflaterFactory = nodeDeflater()): Uint8Array {
  const out = collect();
  const deflater = factory(out.sink);
  chunks.forEach((chunk, i) => deflater.push(encoder.encode(chunk), i === chunks.length - 1));
  return out.bytes();
}

/** `count` chunks of about `size` bytes of row-like text, each different. */
function rows(count: number, size: number, seed = 1): string[] {
  return Array.from({ length: count }, (_, c) => {
    let text = '';
    for (let i = 0; text.length < size; i++) text += `<c r="B${i}"><v>${(i * 7919 + c * 104729 + seed) % 100003}</v></c>`;
    return text;
  });
}

/** A package of several entries (long, one-chunk, empty-ended) written through `factory`, dated. */
function packageWith(factory: DeflaterFactory, checksum?: Checksum): Uint8Array {
  const out = collect();
  const zip = new ZipWriter(out.sink, { deflater: factory, date: new Date(2019, 0, 5), ...(checksum ? { crc32: checksum } : {}) });
  zip.add('xl/worksheets/sheet1.xml', (write) => rows(12, 100_000).forEach((r) => write(r)));
  zip.addText('a.xml', '<a/>');
  zip.add('xl/worksheets/sheet2.xml', (write) => rows(6, 90_000, 7).forEach((r) => write(r)));
  zip.addText('b.xml', '<b>考核结果</b>');
  zip.finish();
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

describe('nextWindow', () => {
  it('keeps the last 32 KB of the entry so far', () => {
    const a = new Uint8Array(40_000).map((_, i) => i % 251);
    expect(nextWindow(null, a)).toEqual(a.slice(40_000 - 32_768));
    // Short chunks join the previous window: 10 + 5 bytes, the newest last.
    const first = nextWindow(null, new Uint8Array(10).fill(1))!;
    expect([...nextWindow(first, new Uint8Array(5).fill(2))!]).toEqual([...Array(10).fill(1), ...Array(5).fill(2)]);
    // An empty chunk leaves it as it was.
    expect(nextWindow(first, new Uint8Array(0))).toBe(first);
    // 32,760 old bytes + 20 new: the 12 oldest fall out.
    const old = nextWindow(null, new Uint8Array(32_760).fill(3))!;
    const joined = nextWindow(old, new Uint8Array(20).fill(4))!;
    expect(joined.length).toBe(32_768);
    expect(joined[32_747]).toBe(3);
    expect(joined[32_748]).toBe(4);
  });
});

describe('threadedDeflater', () => {
  it('gives the same bytes as nodeDeflater, entry after entry through one worker', () => {
    const threaded = threadedDeflater();
    try {
      for (const chunks of [rows(5, 200_000), ['<a/>'], rows(3, 50_000, 3).concat(''), rows(2, 40_000, 9)]) {
        expect(Buffer.from(deflateChunks(chunks, threaded.factory)).equals(Buffer.from(deflateChunks(chunks)))).toBe(true);
      }
    } finally {
      threaded.close();
    }
  });

  it('with more than IN_FLIGHT bytes out, waits and still gives the same bytes, in order', () => {
    const chunks = rows(Math.ceil((3 * IN_FLIGHT) / 262_144), 262_144, 5);
    const threaded = threadedDeflater();
    try {
      const bytes = deflateChunks(chunks, threaded.factory);
      expect(Buffer.from(bytes).equals(Buffer.from(deflateChunks(chunks)))).toBe(true);
      expect(decoder.decode(inflateSync(bytes))).toBe(chunks.join(''));
    } finally {
      threaded.close();
    }
  });

  it('writes the same package as nodeDeflater, byte for byte', () => {
    const threaded = threadedDeflater();
    try {
      expect(Buffer.from(packageWith(threaded.factory)).equals(Buffer.from(packageWith(nodeDeflater())))).toBe(true);
    } finally {
      threaded.close();
    }
  });

  it('without a worker (it cannot start) compresses on the main thread, same bytes', () => {
    jest.isolateModules(() => {
      jest.doMock('node:worker_threads', () => ({
        ...jest.requireActual('node:worker_threads'),
        Worker: jest.fn(() => {
          throw new Error('no threads here');
        }),
      }));
      const isolated = require('../../src/cli/deflate') as typeof import('../../src/cli/deflate');
      const threaded = isolated.threadedDeflater();
      const chunks = rows(4, 200_000, 11);
      expect(Buffer.from(deflateChunks(chunks, threaded.factory)).equals(Buffer.from(deflateChunks(chunks)))).toBe(true);
      threaded.close();
      const { Worker } = require('node:worker_threads') as { Worker: jest.Mock };
      expect(Worker).toHaveBeenCalledTimes(1);
    });
  });
});

describe('nodeCrc32', () => {
  it('continues a CRC-32 as crc32.ts does (check value, chunk by chunk)', () => {
    expect(nodeCrc32).toBeDefined();
    const check = nodeCrc32!;
    expect(check(encoder.encode('123456789'), 0)).toBe(0xcbf43926);
    const text = encoder.encode(rows(3, 70_001, 13).join(''));
    const whole = crc32(text);
    expect(check(text, 0)).toBe(whole);
    // In pieces of odd sizes, each continuing the last.
    let running = 0;
    for (let at = 0; at < text.length; at += 9_999) running = check(text.subarray(at, at + 9_999), running);
    expect(running).toBe(whole);
  });

  it('a package checksummed by it is the same, byte for byte; the writer does use the one it is given', () => {
    const threaded = threadedDeflater();
    try {
      expect(Buffer.from(packageWith(threaded.factory, nodeCrc32)).equals(Buffer.from(packageWith(nodeDeflater())))).toBe(true);
    } finally {
      threaded.close();
    }
    const archive = readZip(packageWith(nodeDeflater(), () => 0x12345678));
    expect(archive.entries.map((e) => e.crc32)).toEqual([0x12345678, 0x12345678, 0x12345678, 0x12345678]);
  });
});
