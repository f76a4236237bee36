/**
 * Damaged files: any byte flipped or any cut in a real package ends in a result or in one
 * XlsxError with a message — never another exception, never a hang.
 */
import { XlsxError } from '../../../src/io/xlsx/errors';
import { readXlsx } from '../../../src/io/xlsx/reader';
import { corpusFile } from './corpusSupport';

function outcome(bytes: Uint8Array): string {
  try {
    const snapshot = readXlsx(bytes, (names) => names);
    const unreadable = Object.values(snapshot.sheets).find((g) => g.unreadable);
    return unreadable ? `unreadable ${unreadable.unreadable!.code}` : 'read';
  } catch (err) {
    if (err instanceof XlsxError) return err.msg.code;
    throw err;
  }
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('damaged packages', () => {
  const original = corpusFile('handmade-macro.xlsm');

  it('the original reads', () => {
    expect(outcome(original)).toBe('read');
  });

  it('300 random byte flips: each ends in a result or an XlsxError', () => {
    const next = random(9);
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const bytes = original.slice();
      const at = Math.floor(next() * bytes.length);
      bytes[at] ^= 1 + Math.floor(next() * 255);
      seen.add(outcome(bytes));
    }
    // most flips land in deflate data: the CRC or the inflater catches them
    expect(seen).toContain('xlsx.corrupt');
  });

  it('cut at any of 100 points: an XlsxError (the end record is gone)', () => {
    for (let i = 1; i <= 100; i++) {
      const cut = Math.floor((original.length * i) / 101);
      expect(['xlsx.notZip', 'xlsx.corrupt']).toContain(outcome(original.subarray(0, cut)));
    }
  });
});
