// How far V8 lets the server's heaps grow past what they kept alive at the last full collection. V8 picks the
// factor itself (up to x4) from how fast the program allocates: indexing 10,000 articles, the main thread (which
// keeps the index) and the two index workers (which allocate fast and keep little) then held far more garbage
// than data. A fixed x3 peaked at 452-461 MB RSS against 484-516 MB (4 runs each, same CPU within noise); x2 at
// 404-407 MB but ~1-3 s more CPU, x1.5 at 385-394 MB and ~3-4 s more.
import * as v8 from 'node:v8';

/** The heap may grow to (1 + this / 100) times what it kept alive. */
export const HEAP_GROWING_PERCENT = 200;

/** Sets the growth factor for every heap of the process (the main thread and the index workers started later); serverEntry.ts calls it first. */
export function limitHeapGrowth(): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // An engine without the flag keeps its own factor: memory use is then as before, nothing else changes.
  }
}
