// Finds a claim part (actor, place, time…) equal to one seen before, so thousands of indexed claims can share
// one object per distinct part. Parts are bucketed by their kind and first two values, then compared field by
// field: JSON keys did the same job, but building and hashing a 100-300 character string per part was a
// tenth of the cost of bringing an indexed article in.

/** Candidates kept per bucket: past this, further distinct parts of a bucket are simply not shared. */
const BUCKET_MAX = 32;
/** Nesting compared; deeper parts (none today) are never shared. */
const DEPTH_MAX = 6;

/** Same plain data: same prototype, same keys in the same order, same values (Object.is), recursively. */
export function samePlain(a: unknown, b: unknown, depth = 0): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (a === b) return true;
  if (depth >= DEPTH_MAX || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) {
    const y = b as unknown[];
    if (a.length !== y.length) return false;
    for (let i = 0; i < a.length; i++) if (!samePlain(a[i], y[i], depth + 1)) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i] || !samePlain(x[kx[i]], y[kx[i]], depth + 1)) return false;
  return true;
}

/** A first or second value that is not a string or number: such parts share the bucket of `undefined`. */
function bucketValue(v: unknown): unknown {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

interface Candidate<V> {
  part: object;
  /** The part's keys, read once (a probe is compared to them without listing its own). */
  keys: string[];
  value: V;
}

/** Same plain data as a candidate (samePlain), reading the probe's keys in order without an array. */
function sameAs<V>(c: Candidate<V>, part: object): boolean {
  if (Object.getPrototypeOf(part) !== Object.getPrototypeOf(c.part) || Array.isArray(part) !== Array.isArray(c.part)) return false;
  let i = 0;
  for (const k in part) {
    if (i >= c.keys.length || c.keys[i] !== k || !samePlain((c.part as Record<string, unknown>)[k], (part as Record<string, unknown>)[k], 1)) return false;
    i++;
  }
  return i === c.keys.length;
}

/** Parts seen so far, each with a value (its number on the worker wire, or the shared object itself). */
export class PartPool<V> {
  /** kind → first value → second value → candidates (no key strings built: Maps take the values as they are). */
  private readonly buckets = new Map<string, Map<unknown, Map<unknown, Candidate<V>[]>>>();
  private count = 0;

  /** Distinct parts held. */
  get size(): number {
    return this.count;
  }

  /** The value of a part equal to `part`, if one was added. */
  find(kind: string, part: object): V | undefined {
    const list = this.bucket(kind, part, false);
    if (list) for (const c of list) if (sameAs(c, part)) return c.value;
    return undefined;
  }

  /** Remembers a part not found; false when its bucket is full (the part is then not shared). */
  add(kind: string, part: object, value: V): boolean {
    const list = this.bucket(kind, part, true)!;
    if (list.length >= BUCKET_MAX) return false;
    list.push({ part, keys: Object.keys(part), value });
    this.count++;
    return true;
  }

  clear(): void {
    this.buckets.clear();
    this.count = 0;
  }

  private bucket(kind: string, part: object, create: boolean): Candidate<V>[] | undefined {
    let v0: unknown;
    let v1: unknown;
    let n = 0;
    for (const k in part) {
      const v = bucketValue((part as Record<string, unknown>)[k]);
      if (n++ === 0) v0 = v;
      else {
        v1 = v;
        break;
      }
    }
    let byFirst = this.buckets.get(kind);
    if (!byFirst) {
      if (!create) return undefined;
      this.buckets.set(kind, (byFirst = new Map()));
    }
    let bySecond = byFirst.get(v0);
    if (!bySecond) {
      if (!create) return undefined;
      byFirst.set(v0, (bySecond = new Map()));
    }
    let list = bySecond.get(v1);
    if (!list && create) bySecond.set(v1, (list = []));
    return list;
  }
}
