/**
 * The page's side of the compression worker (deflateWorker.ts): a LateDeflaterFactory for
 * LateZip whose entries are compressed on a second thread, so the main thread's XML
 * generation and the native DEFLATE run on two cores at once (the page's writer never
 * yields, so CompressionStream on the main thread only started once the writer returned).
 *
 * The worker file is the build's `deflate` entry, named by webpack.config.js (a hash of its
 * source, so caches never serve an old one) and handed here as `__KAOHE_DEFLATE_WORKER__`;
 * it is resolved against the scripts' folder, same origin, so the CSP's 'self' admits it
 * (worker-src falls back to script-src). One worker serves the page for its whole life:
 * started at the first download, after a handshake (the page posts `{ hello }`, the worker
 * answers `{ ready }`: CompressionStream('deflate-raw') works there; only once the page has
 * had an answer do its messages reach the worker at once — see deflateWorker.ts), idle
 * between downloads (it holds nothing then).
 *
 * Fallback, in every case to today's main-thread path (nativeDeflater, else fflate): no
 * Worker, no file name (tests, Node), construction throws, the worker fails to load or
 * answers not ready, or no answer within HANDSHAKE_MS; a worker that fails later rejects
 * its entries with DeflateWorkerFailed (the caller writes the package again on the main
 * thread) and is not used again.
 */
import type { DeflateAnswer, DeflateRequest } from './deflateWorker';
import type { LateDeflaterFactory } from './zipLate';

/** The worker file's name in the build (webpack DefinePlugin); undefined outside the bundle. */
declare const __KAOHE_DEFLATE_WORKER__: string | undefined;
/** The folder the page's scripts came from (webpack's runtime; publicPath 'auto'). */
declare const __webpack_public_path__: string | undefined;

/** How long the page waits for the worker's handshake before it compresses on its own. */
export const HANDSHAKE_MS = 3000;

/** What is used of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: DeflateRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: DeflateAnswer }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessageerror?: ((event: unknown) => void) | null;
}

/** The worker stopped or failed an entry: write the package again without it. */
export class DeflateWorkerFailed extends Error {
  constructor(reason: string) {
    super(`compression worker failed: ${reason}`);
    this.name = 'DeflateWorkerFailed';
  }
}

type Pending = { resolve: (chunks: Uint8Array[]) => void; reject: (error: Error) => void };

/** One started worker: entries by id, answered as the worker posts them. */
export class DeflateWorker {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set once the worker failed: every later entry is refused. */
  private broken: Error | null = null;

  private constructor(private readonly worker: WorkerLike) {}

  /**
   * Starts `make()`'s worker and waits for its handshake: the worker, or null (and the
   * worker terminated) when it cannot be made, fails to load, is not ready or stays silent
   * for `timeoutMs`. Cost: one worker start (tens of ms), once.
   * @example const worker = await DeflateWorker.start(() => new Worker('deflate.js')); new LateZip(worker?.factory() ?? nativeDeflater())
   */
  static start(make: () => WorkerLike, timeoutMs = HANDSHAKE_MS): Promise<DeflateWorker | null> {
    let worker: WorkerLike;
    try {
      worker = make();
    } catch {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const settle = (ok: boolean): void => {
        clearTimeout(timer);
        if (!ok) {
          worker.onmessage = worker.onerror = null;
          worker.terminate();
          resolve(null);
          return;
        }
        resolve(new DeflateWorker(worker));
      };
      const timer = setTimeout(() => settle(false), timeoutMs);
      worker.onerror = () => settle(false);
      worker.onmessage = ({ data }) => settle('ready' in data && data.ready === true);
      try {
        worker.postMessage({ hello: true }, []);
      } catch {
        settle(false);
      }
    });
  }

  /** One LateDeflater per entry, its chunks posted to the worker in order. Cost: O(1) per entry. */
  factory(): LateDeflaterFactory {
    this.worker.onmessage = ({ data }) => this.answer(data);
    this.worker.onerror = () => this.fail('the worker stopped');
    this.worker.onmessageerror = () => this.fail('an answer could not be read');
    return () => {
      const id = this.nextId++;
      const done = new Promise<Uint8Array[]>((resolve, reject) => {
        if (this.broken) reject(this.broken);
        else this.pending.set(id, { resolve, reject });
      });
      // A rejection is reported once, through done().
      done.catch(() => undefined);
      return {
        push: (bytes, final) => {
          if (this.broken) return;
          // The writer's buffer is reused: the worker gets a copy, transferred.
          const copy = bytes.slice();
          this.worker.postMessage({ id, bytes: copy, final }, [copy.buffer]);
        },
        done: () => done,
      };
    };
  }

  /** Whether the worker failed (it is then not used again). */
  get failed(): boolean {
    return this.broken !== null;
  }

  private answer(data: DeflateAnswer): void {
    if (!('id' in data)) return;
    const entry = this.pending.get(data.id);
    if (!entry) return;
    this.pending.delete(data.id);
    if ('error' in data) entry.reject(new DeflateWorkerFailed(data.error));
    else entry.resolve(data.chunks);
  }

  private fail(reason: string): void {
    this.broken = new DeflateWorkerFailed(reason);
    for (const entry of this.pending.values()) entry.reject(this.broken);
    this.pending.clear();
    this.worker.terminate();
  }
}

/** The worker file's URL in the bundle, or null outside it (tests, Node, no Worker). */
export function deflateWorkerUrl(): string | null {
  if (typeof Worker !== 'function' || typeof __KAOHE_DEFLATE_WORKER__ !== 'string') return null;
  const base = typeof __webpack_public_path__ === 'string' && __webpack_public_path__ ? __webpack_public_path__ : '';
  return base + __KAOHE_DEFLATE_WORKER__;
}

let shared: Promise<DeflateWorker | null> | null = null;

/**
 * The page's compression worker, started at the first call and kept for the page's life;
 * null where there is none (see the header) or once it failed. Cost: a worker start and
 * handshake at the first call (at most HANDSHAKE_MS), O(1) after.
 * @example const factory = (await pageDeflateWorker())?.factory() ?? nativeDeflater()
 */
export async function pageDeflateWorker(make?: () => WorkerLike): Promise<DeflateWorker | null> {
  if (!shared) {
    const url = deflateWorkerUrl();
    const maker = make ?? (url ? () => new Worker(url) as unknown as WorkerLike : null);
    shared = maker ? DeflateWorker.start(maker) : Promise.resolve(null);
  }
  const worker = await shared;
  return worker && !worker.failed ? worker : null;
}

/** Forgets the page's worker (tests). */
export function resetPageDeflateWorker(): void {
  shared = null;
}
