// Counts as people read them, without the engine's locale machinery: the first toLocaleString or
// Intl object of a process loads ICU data (~10 ms each, measured at the server's start, on the way
// to the first diagnostics), and in hot paths each call is slow too.

/** 1234567 -> "1,234,567". */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
