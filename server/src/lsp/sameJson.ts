// Equality of two JSON-like values (plain objects, arrays, strings, numbers, booleans, null), as their JSON
// would compare, without writing the JSON: the diagnostics publisher compares each list with the one it sent
// last, and a 1.9 MB document's list was 9 MB of JSON to write just for that comparison.

/** True when `a` and `b` would give the same JSON up to the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && sameItems(a, b);
  if (Array.isArray(b)) return false;
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
  return true;
}

/** Fields left undefined are not written to JSON: they count as absent on either side. */
function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let defined = 0;
  for (const key in a) {
    const v = a[key];
    if (v === undefined) continue;
    defined++;
    if (!sameJson(v, b[key])) return false;
  }
  for (const key in b) if (b[key] !== undefined) defined--;
  return defined === 0;
}
