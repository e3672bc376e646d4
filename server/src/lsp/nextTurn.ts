// Yielding to the event loop between pieces of long work, so requests that arrived meanwhile are answered first.

/** The next turn of the event loop, after I/O already received (requests read meanwhile go first). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
