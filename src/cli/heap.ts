/**
 * Full garbage collections at the CLI's own moments, so that a large run's peak memory
 * follows what it holds rather than what it has dropped (issue 9: 200,000 units × 40
 * indicators under 1.5 GB by default).
 *
 * Why: writing the result sheets streams some 5 GB of XML at 200,000 units; the band of
 * rows being written is alive at each young-generation collection, so part of every band
 * is promoted and dies in the old generation. V8 collects the old generation only when it
 * reaches a limit it sets from the live size (up to several times it while the program
 * runs at full speed), so the dead bands pile up to hundreds of MB. A fixed heap limit
 * (`--max-old-space-size`) would cap that but make the largest legal input run out of
 * memory; instead the CLI collects when the heap has grown by GROWTH_BYTES since the last
 * full collection, checked as the output is written (a heap-statistics call per
 * compressed chunk), and once between assessing and writing. A collection costs about
 * 1 ms per 2 MB live; a small run never triggers one while writing.
 *
 * Only the program collects (`enableCollections` in main.ts when run as the command):
 * `run()` inside tests or other hosts leaves the collector alone.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth since the last full collection that triggers the next one. */
export const GROWTH_BYTES = 128 * 1024 * 1024;

let gc: (() => void) | null = null;
let base = 0;

/** Lets `collect` and `collectIfGrown` run full collections (exposes V8's gc to this module only). */
export function enableCollections(): void {
  if (gc) return;
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
  base = getHeapStatistics().used_heap_size;
}

/** A full collection now (a phase boundary), when enabled. */
export function collect(): void {
  if (!gc) return;
  gc();
  base = getHeapStatistics().used_heap_size;
}

/** A full collection when the heap has grown by GROWTH_BYTES since the last one, when enabled. Cost: O(1) unless it collects. */
export function collectIfGrown(): void {
  if (!gc) return;
  if (getHeapStatistics().used_heap_size - base > GROWTH_BYTES) collect();
}
