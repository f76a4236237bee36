/**
 * The page's compression worker (zipWorker.ts, deflateWorker.ts) through a fake Worker:
 * chunks posted in order as transferred copies, done() answered from the worker's message,
 * the package laid out byte for byte as ZipWriter's given the same compressed bytes, and
 * every way the worker can fail — none, throwing, silent, not ready, an entry's error, a
 * crash — ending on the main-thread path.
 */
import { Deflate, inflateSync } from 'fflate';
import { serveDeflate, type DeflateAnswer, type DeflateRequest, type DeflateScope } from '../../../src/io/xlsx/deflateWorker';
import { newWorkbook } from '../../../src/io/xlsx';
import { readZip, entryBytes } from '../../../src/io/xlsx/zip';
import { LateZip } from '../../../src/io/xlsx/zipLate';
import { DeflateWorker, DeflateWorkerFailed, deflateWorkerUrl, pageDeflateWorker, resetPageDeflateWorker, type WorkerLike } from '../../../src/io/xlsx/zipWorker';
import { collect, fflateDeflater, ZipWriter, type PackageZip } from '../../../src/io/xlsx/zipWrite';

const date = new Date(2019, 0, 5, 10, 0, 0);
const dec = new TextDecoder();

/** A worker's inside: the real serveDeflate, or a stand-in answering by hand. */
type Inside = (scope: DeflateScope) => void;
type Chunk = Exclude<DeflateRequest, { hello: true }>;

/** A stand-in that answers the handshake with `ready` and hands each chunk to `onChunk`. */
const standIn =
  (onChunk: (chunk: Chunk, scope: DeflateScope) => void, ready = true): Inside =>
  (scope) => {
    scope.onmessage = ({ data }) => ('hello' in data ? scope.postMessage({ ready }, []) : onChunk(data, scope));
  };

/** A Worker in this thread: messages cross by setTimeout (in order, later), as a real one's do. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  /** The entries' chunks posted (the handshake not listed). */
  readonly posted: { message: Chunk; transfer: Transferable[] }[] = [];
  /** Handshakes posted. */
  hellos = 0;
  terminated = false;
  private readonly scope: DeflateScope;

  constructor(inside: Inside) {
    this.scope = {
      onmessage: null,
      postMessage: (answer: DeflateAnswer) => {
        setTimeout(() => {
          if (!this.terminated) this.onmessage?.({ data: answer });
        });
      },
    };
    inside(this.scope);
  }

  postMessage(message: DeflateRequest, transfer: Transferable[]): void {
    if ('hello' in message) this.hellos++;
    else this.posted.push({ message, transfer });
    setTimeout(() => {
      if (!this.terminated) this.scope.onmessage?.({ data: message });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker dies (an uncaught error there). */
  crash(): void {
    this.onerror?.(new Error('boom'));
  }
}

/** A worker's inside compressing with fflate at level 6: the same bytes as ZipWriter's default deflater. */
const open = new Map<number, { deflate: Deflate; chunks: Uint8Array[] }>();
const fflateInside: Inside = standIn(({ id, bytes, final }, scope) => {
  let entry = open.get(id);
  if (!entry) {
    const chunks: Uint8Array[] = [];
    entry = { deflate: new Deflate({ level: 6 }, (data) => chunks.push(data.slice())), chunks };
    open.set(id, entry);
  }
  entry.deflate.push(bytes, final);
  if (final) scope.postMessage({ id, chunks: entry.chunks }, []);
});

/** The same entries as zipLate.test.ts: a long part in many writes and an empty one. */
function fill(zip: PackageZip): void {
  zip.add('xl/worksheets/sheet9.xml', (write) => {
    for (let r = 1; r <= 20_000; r++) write(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>测试${r}村</t></is></c></row>`);
  });
  zip.addText('xl/empty.xml', '');
  zip.finish();
}

async function started(inside: Inside): Promise<{ fake: FakeWorker; worker: DeflateWorker }> {
  let fake: FakeWorker | undefined;
  const worker = await DeflateWorker.start(() => (fake = new FakeWorker(inside)));
  expect(worker).not.toBeNull();
  return { fake: fake!, worker: worker! };
}

afterEach(() => {
  resetPageDeflateWorker();
  delete (globalThis as { Worker?: unknown }).Worker;
  delete (globalThis as { __KAOHE_DEFLATE_WORKER__?: unknown }).__KAOHE_DEFLATE_WORKER__;
});

describe('the compression worker, page side', () => {
  it('posts each entry’s chunks in order as transferred copies, and done() resolves with the worker’s chunks', async () => {
    const answer = [Uint8Array.of(1, 2), Uint8Array.of(3)];
    const { fake, worker } = await started(
      standIn((data, scope) => {
        if (data.final) scope.postMessage({ id: data.id, chunks: answer }, []);
      }),
    );
    expect(fake.hellos).toBe(1);
    const late = worker.factory()();
    const buffer = new Uint8Array([10, 11, 12]);
    late.push(buffer.subarray(0, 2), false);
    buffer[0] = 99; // the writer reuses its buffer: what was posted is a copy
    late.push(buffer.subarray(2), true);
    await expect(late.done()).resolves.toEqual(answer);
    expect(fake.posted.map(({ message }) => [message.id, [...message.bytes], message.final])).toEqual([
      [1, [10, 11], false],
      [1, [12], true],
    ]);
    for (const { message, transfer } of fake.posted) expect(transfer).toEqual([message.bytes.buffer]);
  });

  it('lays out the package byte for byte as ZipWriter does, given the same compressed bytes', async () => {
    const out = collect();
    fill(new ZipWriter(out.sink, { date, deflater: fflateDeflater(6) }));
    const { fake, worker } = await started(fflateInside);
    const late = new LateZip(worker.factory(), { date });
    fill(late);
    const bytes = await late.bytes();
    expect(Buffer.from(bytes).equals(Buffer.from(out.bytes()))).toBe(true);
    expect(new Set(fake.posted.map(({ message }) => message.id))).toEqual(new Set([1, 2]));
    expect(fake.posted.length).toBeGreaterThan(4); // the long part went in several 256 KB chunks
  });

  it('compresses with the real worker script (CompressionStream deflate-raw) into parts that read back', async () => {
    const { fake, worker } = await started(serveDeflate);
    expect(fake.hellos).toBe(1); // it answered the page's hello
    const late = new LateZip(worker.factory(), { date });
    fill(late);
    const zip = readZip(await late.bytes());
    const sheet = dec.decode(entryBytes(zip, zip.get('xl/worksheets/sheet9.xml')!, 1e8));
    expect(sheet.startsWith('<row r="1"><c r="A1" t="inlineStr"><is><t>测试1村</t></is></c></row>')).toBe(true);
    expect(sheet.endsWith('<t>测试20000村</t></is></c></row>')).toBe(true);
    expect(dec.decode(entryBytes(zip, zip.get('xl/empty.xml')!, 10))).toBe('');
    const text = new TextEncoder().encode('考核数据!F7 '.repeat(50_000));
    const one = worker.factory()();
    one.push(text, true);
    expect(Buffer.from(inflateSync(Buffer.concat(await one.done()))).equals(Buffer.from(text))).toBe(true);
  });

  it('rejects an entry the worker reports failed, with DeflateWorkerFailed', async () => {
    const { worker } = await started(standIn((data, scope) => scope.postMessage({ id: data.id, error: 'TypeError: no memory' }, [])));
    const late = worker.factory()();
    late.push(Uint8Array.of(1), true);
    await expect(late.done()).rejects.toThrow(DeflateWorkerFailed);
    await expect(late.done()).rejects.toThrow('no memory');
  });

  it('rejects what is pending when the worker crashes, terminates it and refuses it afterwards', async () => {
    const { fake, worker } = await started(standIn(() => undefined));
    const factory = worker.factory();
    const late = factory();
    late.push(Uint8Array.of(1), true);
    fake.crash();
    await expect(late.done()).rejects.toThrow(DeflateWorkerFailed);
    expect(fake.terminated).toBe(true);
    expect(worker.failed).toBe(true);
    await expect(factory().done()).rejects.toThrow(DeflateWorkerFailed);
  });

  it('gives no worker when it cannot be made, fails to load, is not ready, or never answers', async () => {
    await expect(
      DeflateWorker.start(() => {
        throw new Error('SecurityError');
      }),
    ).resolves.toBeNull();
    const made: FakeWorker[] = [];
    const make = (inside: Inside) => () => {
      made.push(new FakeWorker(inside));
      return made[made.length - 1];
    };
    await expect(DeflateWorker.start(make(standIn(() => undefined, false)))).resolves.toBeNull();
    const silent = DeflateWorker.start(make(() => undefined), 50);
    const t0 = Date.now();
    await expect(silent).resolves.toBeNull();
    expect(Date.now() - t0).toBeLessThan(2000);
    const failing = DeflateWorker.start(make(() => undefined));
    made[made.length - 1].crash(); // a script that fails to load fires error
    await expect(failing).resolves.toBeNull();
    expect(made.map((worker) => worker.terminated)).toEqual([true, true, true]);
  });

  it('has no worker where Worker or the build’s file name is missing (tests, Node, old webviews)', async () => {
    expect(deflateWorkerUrl()).toBeNull();
    await expect(pageDeflateWorker()).resolves.toBeNull();
    (globalThis as { __KAOHE_DEFLATE_WORKER__?: string }).__KAOHE_DEFLATE_WORKER__ = 'deflate.0123abcd.js';
    expect(deflateWorkerUrl()).toBeNull(); // still no Worker
    (globalThis as { Worker?: unknown }).Worker = function Worker() {};
    expect(deflateWorkerUrl()).toBe('deflate.0123abcd.js');
  });

  it('starts one worker for the page, used by toBuffer, and writes on the main thread once it crashed', async () => {
    const made: FakeWorker[] = [];
    (globalThis as { __KAOHE_DEFLATE_WORKER__?: string }).__KAOHE_DEFLATE_WORKER__ = 'deflate.0123abcd.js';
    (globalThis as { Worker?: unknown }).Worker = function Worker(url: string) {
      expect(url).toBe('deflate.0123abcd.js');
      const fake = new FakeWorker(serveDeflate);
      made.push(fake);
      return fake;
    };
    const book = newWorkbook();
    const first = readZip(await book.toBuffer());
    const second = readZip(await book.toBuffer());
    expect(made.length).toBe(1);
    const posted = made[0].posted.length;
    expect(posted).toBeGreaterThan(0);
    expect(second.entries.map((e) => e.name)).toEqual(first.entries.map((e) => e.name));

    // The worker crashes mid-way: toBuffer writes the package again without it.
    const original = made[0].postMessage.bind(made[0]);
    made[0].postMessage = (message, transfer) => {
      original(message, transfer);
      made[0].crash();
    };
    const third = readZip(await book.toBuffer());
    expect(third.entries.map((e) => e.name)).toEqual(first.entries.map((e) => e.name));
    for (const entry of first.entries) expect(dec.decode(entryBytes(third, third.get(entry.name)!, 1e8))).toBe(dec.decode(entryBytes(first, entry, 1e8)));
    await expect(pageDeflateWorker()).resolves.toBeNull();
  });
});
