/**
 * node:zlib's native DEFLATE for the CLI's writer (the browser keeps its own: the xlsx
 * adapter cannot import node:zlib). The writer is synchronous, so each chunk is one
 * `deflateRawSync` call ending in a sync flush (byte-aligned, not final), with the last
 * 32 KB of the entry so far as its dictionary: the chunks join into one raw DEFLATE stream
 * whose back-references reach across chunk edges, as one stream's would.
 *
 * `threadedDeflater` does the same calls on a second thread (a worker_threads Worker), so
 * that compressing a large part (计算明细: 113 MB of XML at 5,000 units, about 1 s) runs on
 * the other core while the writer builds the next rows. The writer stays synchronous: the
 * main thread posts each chunk, takes back whatever is already compressed
 * (`receiveMessageOnPort`, which needs no event loop), sleeps on a shared counter
 * (`Atomics.wait`) only when more than IN_FLIGHT bytes are out, and waits for the rest at
 * the entry's last chunk (the writer then writes the compressed size). The worker runs the
 * same `deflateRawSync` calls in the same order with the same dictionaries, so the bytes
 * are identical to `nodeDeflater`'s. Parts that fit one chunk, and every part when a worker
 * cannot start, are compressed on the main thread as before.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { constants, crc32 as zlibCrc32, deflateRawSync } from 'node:zlib';
import type { Checksum, Deflater, DeflaterFactory } from '../io/xlsx/index';

/** Most uncompressed bytes handed to the worker and not yet back (16 of the writer's 256 KB chunks). */
export const IN_FLIGHT = 4 * 1024 * 1024;

/** How long the main thread waits for one compressed chunk before it calls the worker lost. */
const STALL_MS = 60_000;

/**
 * The dictionary for the chunk after `bytes`: the last 32,768 bytes (DEFLATE's window, the
 * most a back-reference can reach) of the entry so far (`previous`, or null at its start,
 * then `bytes`). Self-contained (no constant, no closure, no inner function): the worker's
 * source embeds it as text. Cost: O(32 KB).
 */
export function nextWindow(previous: Uint8Array | null, bytes: Uint8Array): Uint8Array | null {
  if (bytes.length >= 32768) return bytes.slice(bytes.length - 32768);
  if (bytes.length === 0) return previous;
  const before = previous ?? new Uint8Array(0);
  const joined = new Uint8Array(Math.min(32768, before.length + bytes.length));
  const keep = joined.length - bytes.length;
  joined.set(before.subarray(before.length - keep), 0);
  joined.set(bytes, keep);
  return joined;
}

/**
 * node:zlib's native CRC-32 (Node 20.15 and later; undefined before, and the writer keeps
 * its own): about 4× the speed of crc32.ts, some 165 ms of a 5,000-unit run's main thread.
 * @example book.writeTo(sink, { deflater, crc32: nodeCrc32 })
 */
export const nodeCrc32: Checksum | undefined = typeof zlibCrc32 === 'function' ? (bytes, previous) => zlibCrc32(bytes, previous) : undefined;

/** One chunk compressed as the writer's stream needs it: sync flush, or finish when `final`. */
function deflateChunk(bytes: Uint8Array, final: boolean, level: number, dictionary: Uint8Array | null): Uint8Array {
  const out = deflateRawSync(bytes, {
    level,
    finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    ...(dictionary ? { dictionary } : {}),
  });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** A Deflater for one entry on the main thread. */
function inlineDeflater(level: number, emit: (chunk: Uint8Array) => void): Deflater {
  let tail: Uint8Array | null = null;
  return {
    push(bytes, final) {
      const out = deflateChunk(bytes, final, level, tail);
      if (out.length > 0) emit(out);
      if (!final) tail = nextWindow(tail, bytes);
    },
  };
}

/**
 * A DeflaterFactory over node:zlib at `level` (6, as fflate's default in the writer), on
 * the main thread. Cost: O(bytes) plus one 32 KB dictionary load per chunk.
 * @example book.writeTo(sink, { deflater: nodeDeflater() })
 */
export function nodeDeflater(level = 6): DeflaterFactory {
  return (emit) => inlineDeflater(level, emit);
}

/** The worker: the same chunk calls, in order, one entry after another; a count bumped after each answer. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { constants, deflateRawSync } = require('node:zlib');
const nextWindow = ${String(nextWindow)};
const { port, counter, level } = workerData;
let tail = null;
port.on('message', (message) => {
  try {
    const options = { level, finishFlush: message.final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH };
    if (tail) options.dictionary = tail;
    const out = deflateRawSync(message.bytes, options);
    tail = message.final ? null : nextWindow(tail, message.bytes);
    const copy = new Uint8Array(out);
    port.postMessage({ out: copy }, [copy.buffer]);
  } catch (err) {
    port.postMessage({ error: String((err && err.message) || err) });
  }
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
`;

type Answer = { out: Uint8Array } | { error: string };

/** The main thread's end of one compression worker. */
class DeflateThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  /** Sizes of the chunks posted and not yet answered, oldest first. */
  private readonly pending: number[] = [];
  private outstanding = 0;

  constructor(level: number) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, counter: this.counter, level }, transferList: [port2] });
    // Neither end keeps the program alive: a CLI run ends when its work does.
    this.worker.unref();
    this.port.unref();
  }

  /** Posts a copy of `bytes` (the writer reuses its buffer); emits what is back; waits while too much is out. */
  push(bytes: Uint8Array, final: boolean, emit: (chunk: Uint8Array) => void): void {
    const copy = bytes.slice();
    // Posting detaches the copy (its length reads 0 afterwards).
    this.pending.push(bytes.length);
    this.outstanding += bytes.length;
    this.port.postMessage({ bytes: copy, final }, [copy.buffer]);
    this.drain(emit, final);
  }

  /** Emits answers in order: all of them when `all` (waiting), else those back, waiting only while more than IN_FLIGHT bytes are out. */
  private drain(emit: (chunk: Uint8Array) => void, all: boolean): void {
    while (this.pending.length > 0) {
      const answer = all || this.outstanding > IN_FLIGHT ? this.wait() : this.poll();
      if (!answer) return;
      if ('error' in answer) throw new Error(`compression failed: ${answer.error}`);
      this.outstanding -= this.pending.shift() ?? 0;
      if (answer.out.length > 0) emit(answer.out);
    }
  }

  private poll(): Answer | undefined {
    return receiveMessageOnPort(this.port)?.message as Answer | undefined;
  }

  /** The next answer, sleeping on the counter until the worker bumps it. */
  private wait(): Answer {
    for (;;) {
      const seen = Atomics.load(this.counter, 0);
      const answer = this.poll();
      if (answer) return answer;
      if (Atomics.wait(this.counter, 0, seen, STALL_MS) === 'timed-out' && Atomics.load(this.counter, 0) === seen) {
        throw new Error('compression worker stopped answering');
      }
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/**
 * A DeflaterFactory whose multi-chunk entries are compressed on a second thread (started
 * at the first such entry), with `close()` to stop that thread once the package is
 * written. Same bytes as `nodeDeflater(level)`. Cost: O(bytes) on the worker, a copy and a
 * message per 256 KB chunk on the main thread; a worker start (~30 ms, overlapped) once.
 * @example const d = threadedDeflater(); try { book.writeTo(sink, { deflater: d.factory }); } finally { d.close(); }
 */
export function threadedDeflater(level = 6): { factory: DeflaterFactory; close(): void } {
  let thread: DeflateThread | null = null;
  let unavailable = false;
  const start = (): DeflateThread | null => {
    if (!thread && !unavailable) {
      try {
        thread = new DeflateThread(level);
      } catch {
        unavailable = true;
      }
    }
    return thread;
  };
  const factory: DeflaterFactory = (emit) => {
    // An entry's first chunk decides: one chunk only (final) stays here; a longer part goes to the worker.
    let chosen: ((bytes: Uint8Array, final: boolean) => void) | null = null;
    return {
      push(bytes, final) {
        if (!chosen) {
          const worker = final ? null : start();
          if (worker) chosen = (b, f) => worker.push(b, f, emit);
          else {
            const inline = inlineDeflater(level, emit);
            chosen = (b, f) => inline.push(b, f);
          }
        }
        chosen(bytes, final);
      },
    };
  };
  return {
    factory,
    close: () => {
      thread?.close();
      thread = null;
    },
  };
}
