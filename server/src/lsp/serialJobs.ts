// Long jobs of the server run one after another instead of side by side: each pause in typing with a workspace
// view shown asks for a new build, and builds run together shared the CPU, each holding its own memory.

export class SerialJobs {
  /** The end of the job queued last (the next one starts after it). */
  private last: Promise<void> | null = null;

  /** Runs `job` once every job queued before it has ended (whether it succeeded or not). */
  queue<T>(job: () => Promise<T>): Promise<T> {
    const previous = this.last;
    const run = (async () => {
      await previous;
      return job();
    })();
    // Only its end is waited for: the next job must not keep this one's result alive while it runs.
    this.last = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
