/**
 * The CLI's own full collections (src/cli/heap.ts): nothing happens until the program
 * enables them; once enabled, a collection runs and the heap's growth is measured from it.
 * (No memory figure is asserted: those are the bench's, docs/files.md §4.)
 */
import { collect, collectIfGrown, enableCollections } from '../../src/cli/heap';

describe('full collections at the CLI’s moments', () => {
  it('are no-ops until enabled, then run without touching what is alive', () => {
    const kept = Array.from({ length: 1000 }, (_, i) => ({ i }));
    expect(() => {
      collect();
      collectIfGrown();
    }).not.toThrow();
    enableCollections();
    enableCollections();
    collect();
    collectIfGrown();
    expect(kept[999].i).toBe(999);
  });
});
