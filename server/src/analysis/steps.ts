// Long pure work written as a generator that yields between steps: the server runs the steps between other
// requests (lsp/nextTurn.ts runInSlices), the CLI and tests run them at once.

/** Runs steps to their end at once (for callers with nothing else to do meanwhile). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
