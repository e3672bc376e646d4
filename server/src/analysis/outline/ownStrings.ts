// Strings kept long after their article was read (a workspace tree's rows) must not hold on to the article.
// An indexed article's mentions are unpacked from one string of all its texts, and V8 makes each text a slice
// that keeps that whole string alive: the rows of a 10,000-article workspace kept ~350 MB of them.

/** Equal strings share one copy of their own (made the first time), for the lifetime of one pool. */
export class StringPool {
  private readonly copies = new Map<string, string>();

  own(s: string): string {
    const hit = this.copies.get(s);
    if (hit !== undefined) return hit;
    // Concatenation makes a new string, and slicing it copies its characters out of the slice's source:
    // the copy keeps at most itself and one character alive.
    const copy = (' ' + s).slice(1);
    this.copies.set(copy, copy);
    return copy;
  }

  /** A copy of a plain value whose strings (in objects and arrays, a few levels down) are this pool's. */
  ownAll<T>(value: T, depth = 3): T {
    if (typeof value === 'string') return this.own(value) as T;
    if (depth === 0 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => this.ownAll(v, depth - 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.ownAll(v, depth - 1);
    return out as T;
  }
}
