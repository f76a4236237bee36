/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the same
 * sequence on every host, so a robustness analysis repeats exactly. Not for secrets.
 */

/** The seed every robustness analysis starts from (the measures' year and month). */
export const ROBUSTNESS_SEED = 20180701;

/**
 * A generator of uniform numbers in [0, 1), 32 bits of state. Cost: O(1) per draw.
 * @example const next = seededRandom(1); next() // => 0.6270739405881613
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
