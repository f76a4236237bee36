/**
 * The browser's compression worker (its own webpack entry, `deflate`, never a page's
 * script): the page's writer is synchronous, so the native CompressionStream it fed on the
 * main thread compressed nothing until the writer returned (~0.8 s of 5,000 units' parts
 * after the XML). Here the same streams run on a second thread while the page still writes.
 *
 * Protocol (the page's side: zipWorker.ts): the page posts `{ hello }` as it starts the
 * worker, the worker answers `{ ready }` — whether `CompressionStream('deflate-raw')` exists
 * here. An answer to a message, not a greeting at start: Chromium holds the page's messages
 * to a new worker until the page's thread has handled the worker's start, and the page's
 * writer does not yield, so 5,000 units' parts reached a worker that greeted first only after
 * the writer returned (measured: no overlap at all). Then, per new zip entry, the page
 * posts `{ id, bytes, final }` in order (bytes transferred); the worker keeps one
 * CompressionStream('deflate-raw') per id and, once the final chunk's output is read,
 * posts `{ id, chunks }` (buffers transferred) or `{ id, error }`. Self-contained: it
 * imports nothing, so the bundle stays a few hundred bytes and no DOM is touched.
 */

/** The page → worker messages: the handshake, then one chunk of an entry's text at a time. */
export type DeflateRequest = { hello: true } | { id: number; bytes: Uint8Array<ArrayBuffer>; final: boolean };

/** The worker → page messages: the handshake, then one answer per entry. */
export type DeflateAnswer = { ready: boolean } | { id: number; chunks: Uint8Array[] } | { id: number; error: string };

/** What the worker needs of its global scope (DedicatedWorkerGlobalScope; a fake in tests). */
export interface DeflateScope {
  postMessage(message: DeflateAnswer, transfer: Transferable[]): void;
  onmessage: ((event: { data: DeflateRequest }) => void) | null;
}

/**
 * Serves the protocol on `scope`: answers the handshake, then compresses each id's
 * chunks as one raw DEFLATE stream. Cost: O(bytes) on this thread; the answer holds the
 * entry's compressed bytes until it is posted.
 * @example serveDeflate(self as unknown as DeflateScope)
 */
export function serveDeflate(scope: DeflateScope): void {
  let ready = typeof CompressionStream === 'function';
  try {
    if (ready) new CompressionStream('deflate-raw');
  } catch {
    ready = false;
  }
  const open = new Map<number, WritableStreamDefaultWriter<BufferSource>>();
  scope.onmessage = ({ data }) => {
    if ('hello' in data) {
      scope.postMessage({ ready }, []);
      return;
    }
    const { id, bytes, final } = data;
    let writer = open.get(id);
    if (!writer) {
      const stream = new CompressionStream('deflate-raw');
      writer = stream.writable.getWriter();
      open.set(id, writer);
      const reader = stream.readable.getReader();
      const chunks: Uint8Array[] = [];
      // Read from the start, so the stream never waits on a full queue.
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
          }
          // One buffer may back several chunks: list each once.
          scope.postMessage({ id, chunks }, [...new Set(chunks.map((chunk) => chunk.buffer as ArrayBuffer))]);
        } catch (error) {
          scope.postMessage({ id, error: String(error) }, []);
        }
      })();
    }
    // A failing stream rejects every write and the reading: the reading reports it once.
    writer.write(bytes).catch(() => undefined);
    if (final) {
      writer.close().catch(() => undefined);
      open.delete(id);
    }
  };
}

// Started as a worker (not when a test imports this file): serve at once.
declare const WorkerGlobalScope: (new () => unknown) | undefined;
if (typeof WorkerGlobalScope === 'function' && self instanceof WorkerGlobalScope) serveDeflate(self as unknown as DeflateScope);
