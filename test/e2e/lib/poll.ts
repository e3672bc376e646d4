// Waiting by polling a condition (never a fixed sleep): the value, or a clear error naming what never happened.

export interface PollOptions {
  /** Give up after this many milliseconds. */
  timeout?: number;
  /** Pause between tries. */
  interval?: number;
}

/** Calls `probe` until it returns something other than undefined/null/false; throws "timed out waiting for <what>". */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, opts: PollOptions = {}): Promise<T> {
  const timeout = opts.timeout ?? 30_000;
  const interval = opts.interval ?? 200;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v as T;
      lastError = null;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const why = lastError ? ` (last error: ${lastError instanceof Error ? lastError.message.split('\n')[0] : String(lastError)})` : '';
      throw new Error(`timed out after ${Math.round(timeout / 1000)}s waiting for ${what}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
