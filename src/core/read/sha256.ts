/**
 * SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, in pure TypeScript, for the input
 * fingerprint written to 考核说明. The string is encoded in chunks into one reusable
 * buffer, so a 20 MB input never becomes a 60 MB byte array.
 *
 * Pure: no Node `crypto`, no Web Crypto (which is asynchronous and absent in some hosts).
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL_STATE = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Characters encoded per chunk; the byte buffer holds 3 bytes per UTF-16 unit (4 per pair = 2 per unit). */
const CHUNK_CHARS = 1 << 15;

/**
 * Compresses whole 64-byte blocks of `bytes[0, length)` into `state`; returns bytes consumed.
 * All arithmetic stays in int32 (`| 0`, never `>>> 0`), so V8 keeps every word in a
 * register: with unsigned words the loop ran on doubles, 3× slower.
 */
function compressBlocks(state: Int32Array, w: Int32Array, bytes: Uint8Array, length: number): number {
  let offset = 0;
  let a0 = state[0];
  let b0 = state[1];
  let c0 = state[2];
  let d0 = state[3];
  let e0 = state[4];
  let f0 = state[5];
  let g0 = state[6];
  let h0 = state[7];
  while (length - offset >= 64) {
    for (let i = 0; i < 16; i += 1) {
      const j = offset + i * 4;
      w[i] = (bytes[j] << 24) | (bytes[j + 1] << 16) | (bytes[j + 2] << 8) | bytes[j + 3];
    }
    for (let i = 16; i < 64; i += 1) {
      const w15 = w[i - 15];
      const w2 = w[i - 2];
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      w[i] = (((w[i - 16] + s0) | 0) + ((w[i - 7] + s1) | 0)) | 0;
    }
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    let e = e0;
    let f = f0;
    let g = g0;
    let h = h0;
    for (let i = 0; i < 64; i += 1) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const temp1 = (((((h + S1) | 0) + ch) | 0) + ((K[i] + w[i]) | 0)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) | 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
    e0 = (e0 + e) | 0;
    f0 = (f0 + f) | 0;
    g0 = (g0 + g) | 0;
    h0 = (h0 + h) | 0;
    offset += 64;
  }
  state[0] = a0;
  state[1] = b0;
  state[2] = c0;
  state[3] = d0;
  state[4] = e0;
  state[5] = f0;
  state[6] = g0;
  state[7] = h0;
  return offset;
}

/**
 * Encodes `text[start, end)` as UTF-8 into `out` from `at`; lone surrogates become U+FFFD
 * (as TextEncoder does). A high surrogate at `end - 1` whose pair lies beyond `end` is
 * left for the next chunk: returns the next char index and the new byte length.
 */
function encodeChunk(text: string, start: number, end: number, out: Uint8Array, at: number): { next: number; length: number } {
  let i = start;
  let n = at;
  while (i < end) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      i += 1;
      continue;
    }
    if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
      i += 1;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      if (i + 1 >= end && end < text.length) break; // pair split by the chunk: finish next time
      const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        out[n++] = 0xf0 | (code >> 18);
        out[n++] = 0x80 | ((code >> 12) & 0x3f);
        out[n++] = 0x80 | ((code >> 6) & 0x3f);
        out[n++] = 0x80 | (code & 0x3f);
        i += 2;
        continue;
      }
      code = 0xfffd;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      code = 0xfffd;
    }
    out[n++] = 0xe0 | (code >> 12);
    out[n++] = 0x80 | ((code >> 6) & 0x3f);
    out[n++] = 0x80 | (code & 0x3f);
    i += 1;
  }
  return { next: i, length: n };
}

/**
 * A streaming SHA-256 over UTF-8 text: `update` pieces in order, then `hex`. The same
 * digest as `sha256Hex` of the pieces joined, without building the joined string.
 * Cost: O(length) per update, one 96 KB buffer.
 * @example new Sha256().update('a').update('bc').hex() === sha256Hex('abc') // => true
 */
export class Sha256 {
  private readonly state = new Int32Array(INITIAL_STATE);
  private readonly w = new Int32Array(64);
  // Room for a leftover partial block (< 64) plus one chunk at 3 bytes per UTF-16 unit, plus padding.
  private readonly buffer = new Uint8Array(64 + CHUNK_CHARS * 3 + 128);
  /** Bytes of an incomplete block kept at the front of `buffer`. */
  private pending = 0;
  private totalBytes = 0;
  /** A high surrogate left over from the previous piece. */
  private carry = '';

  update(piece: string): this {
    let text = this.carry ? this.carry + piece : piece;
    this.carry = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.carry = text.charAt(text.length - 1);
      text = text.slice(0, -1);
    }
    let index = 0;
    while (index < text.length) {
      const end = Math.min(text.length, index + CHUNK_CHARS);
      const { next, length } = encodeChunk(text, index, end, this.buffer, this.pending);
      this.totalBytes += length - this.pending;
      index = next;
      this.pending = length;
      this.flush();
    }
    return this;
  }

  private flush(): void {
    const used = compressBlocks(this.state, this.w, this.buffer, this.pending);
    this.buffer.copyWithin(0, used, this.pending);
    this.pending -= used;
  }

  hex(): string {
    if (this.carry) {
      const text = this.carry;
      this.carry = '';
      const { length } = encodeChunk(text, 0, text.length, this.buffer, this.pending);
      this.totalBytes += length - this.pending;
      this.pending = length;
    }
    this.flush();
    const buffer = this.buffer;
    const state = this.state;
    // Padding: 0x80, zeros, then the length in bits as a 64-bit big-endian number.
    let length = this.pending;
    buffer[length++] = 0x80;
    while (length % 64 !== 56) buffer[length++] = 0;
    const bitsHigh = Math.floor(this.totalBytes / 0x20000000);
    const bitsLow = (this.totalBytes * 8) >>> 0;
    buffer[length++] = (bitsHigh >>> 24) & 0xff;
    buffer[length++] = (bitsHigh >>> 16) & 0xff;
    buffer[length++] = (bitsHigh >>> 8) & 0xff;
    buffer[length++] = bitsHigh & 0xff;
    buffer[length++] = (bitsLow >>> 24) & 0xff;
    buffer[length++] = (bitsLow >>> 16) & 0xff;
    buffer[length++] = (bitsLow >>> 8) & 0xff;
    buffer[length++] = bitsLow & 0xff;
    compressBlocks(state, this.w, buffer, length);
    let hex = '';
    for (let i = 0; i < 8; i += 1) hex += (state[i] >>> 0).toString(16).padStart(8, '0');
    return hex;
  }
}

/**
 * The SHA-256 of `text` encoded as UTF-8, as 64 lowercase hex digits.
 * Cost: O(length), one 96 KB buffer; about 0.1 s for 20 MB of text. Throws: never.
 * @example sha256Hex('abc') // => 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  return new Sha256().update(text).hex();
}
