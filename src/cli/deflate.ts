/**
 * node:zlib's native DEFLATE for the CLI's writer (the browser keeps fflate: the xlsx
 * adapter cannot import node:zlib). The writer is synchronous, so each chunk is one
 * `deflateRawSync` call ending in a sync flush (byte-aligned, not final), with the last
 * 32 KB of the entry so far as its dictionary: the chunks join into one raw DEFLATE stream
 * whose back-references reach across chunk edges, as one stream's would.
 */
import { constants, deflateRawSync } from 'node:zlib';
import type { DeflaterFactory } from '../io/xlsx/index';

/** DEFLATE's window: the most a back-reference can reach. */
const WINDOW = 32 * 1024;

/**
 * A DeflaterFactory over node:zlib at `level` (6, as fflate's default in the writer).
 * Cost: O(bytes) plus one 32 KB dictionary load per chunk.
 * @example book.writeTo(sink, { deflater: nodeDeflater() })
 */
export function nodeDeflater(level = 6): DeflaterFactory {
  return (emit) => {
    let window: Uint8Array | null = null;
    return {
      push(bytes, final) {
        const options = {
          level,
          finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
          ...(window ? { dictionary: window } : {}),
        };
        const out = deflateRawSync(bytes, options);
        if (out.length > 0) emit(new Uint8Array(out.buffer, out.byteOffset, out.length));
        if (final) return;
        // The next chunk's dictionary: the last WINDOW bytes of the data so far.
        if (bytes.length >= WINDOW) window = bytes.slice(bytes.length - WINDOW);
        else if (bytes.length > 0) {
          const previous: Uint8Array = window ?? new Uint8Array(0);
          const joined = new Uint8Array(Math.min(WINDOW, previous.length + bytes.length));
          const keep = joined.length - bytes.length;
          joined.set(previous.subarray(previous.length - keep), 0);
          joined.set(bytes, keep);
          window = joined;
        }
      },
    };
  };
}
