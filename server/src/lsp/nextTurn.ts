// Yielding to the event loop between pieces of long work, so requests that arrived meanwhile are answered first.

/** The next turn of the event loop, after I/O already received (requests read meanwhile go first). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Longest stretch of work between two turns for other requests (as the index's main-thread slices). */
export const SLICE_MS = 8;

/**
 * `each` on every item, yielding a turn after every SLICE_MS of work. An item whose work throws is left out
 * (an article dropped from the store meanwhile, a malformed analysis): the rest go on.
 */
export function forEachInSlices<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
  return runInSlices(eachAsSteps(items, each));
}

/** `each` on every item, a step per item. */
function* eachAsSteps<T>(items: Iterable<T>, each: (item: T) => void): Generator<void, void> {
  for (const item of items) {
    try {
      each(item);
    } catch {
      // Left out, as said above.
    }
    yield;
  }
}

/** Runs `steps` (a core generator that yields between pieces of its work) to its end, yielding a turn after every SLICE_MS. */
export async function runInSlices<T>(steps: Generator<void, T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
