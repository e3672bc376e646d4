// Small helpers for the benchmark: timing, percentiles, formatting.

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The p-th percentile (0..100) of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const MB = 1024 * 1024;

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Characters of a list of texts, in MB (the corpora are ASCII, so characters = bytes). */
export function sizeMB(texts: string[]): number {
  return texts.reduce((n, t) => n + t.length, 0) / MB;
}

/** Peak resident memory of a process (Linux VmHWM), in MB, or null elsewhere. */
export function peakRssMB(pid: number): number | null {
  return statusMB(pid, /VmHWM:\s+(\d+) kB/);
}

/** Resident memory of a process now, in MB (Linux), or null. */
export function rssNowMB(pid: number): number | null {
  return statusMB(pid, /VmRSS:\s+(\d+) kB/);
}

function statusMB(pid: number, field: RegExp): number | null {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
    const m = field.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
