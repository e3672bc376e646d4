// The search by halves the factions passes share over ascending start offsets kept in a typed array (token
// starts, the starts of a list of spans): reading a typed array, not `.start` of mixed mention objects.

/** Index of the first of values[lo..hi) that is >= x (hi when none), for values ascending. */
export function firstAtLeast(values: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
