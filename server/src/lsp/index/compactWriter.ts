// The two ends of the compact form of an analysis's bulk (compactBulk.ts). Integers go to a byte stream as
// variable-length numbers (offsets as differences, so most take one byte), other numbers to a Float64Array,
// and each distinct string is written once, fields holding its number. The writer checks every value it is
// given (an integer where an integer is expected, a string where a string is) and, rather than throwing, marks
// itself bad: the caller then packs that article the general way (V8's serializer). So the compact form never
// loses anything, whatever an analysis holds.

/** Largest buffer a writer keeps between articles (a 4 KB story needs ~4 KB of numbers). */
export const KEEP_BYTES = 1 << 20;

/** Distinct strings a writer remembers across articles before letting them go. */
const NUMBERS_MAX = 1_024;

/** String number of null in a nullable string field. */
export const NULL_STRING = -1;
/** String number of an optional string field that is absent. */
export const ABSENT_STRING = -2;

/** Fills a growable byte stream, floats and a string table; one writer is reused article after article. */
export class CompactWriter {
  bytes = new Uint8Array(16 * 1024);
  byteCount = 0;
  floats = new Float64Array(512);
  floatCount = 0;
  readonly strings: string[] = [];
  /**
   * Each distinct string met and `numberBase` plus its number in the article that last wrote it: a value under
   * numberBase is from an earlier article, so the map is not emptied per article. Emptied per article, it was
   * grown and rehashed again each time: ~4 bytes allocated per byte of article text, 5 % of an index
   * worker's allocation.
   */
  private readonly numbers = new Map<string, number>();
  /** Strings numbered in earlier articles (since the map was last emptied). */
  private numberBase = 0;
  /** Set when a value is not of the type its field promises: the article is packed the general way. */
  bad = false;
  /**
   * Per column (a field of a kind of mention, numbered by the caller), the last string written there and its
   * number: consecutive mentions repeat a field's value (the country, the feature, the faction's kind) as the
   * same string object, and one comparison costs far less than the table's hash lookup (20-60 ns a string).
   */
  private readonly lastStrings: unknown[] = new Array(64).fill(NOT_A_STRING);
  private readonly lastNumbers = new Int32Array(64);
  /** The previous mention's start and sentence (compactMentions.ts writes the next ones as differences). */
  lastStart = 0;
  lastSentence = 0;

  reset(): void {
    // Buffers grown by a very large article are not kept for the next ones (the main thread packs single files too).
    if (this.bytes.length > KEEP_BYTES) this.bytes = new Uint8Array(16 * 1024);
    if (this.floats.length * 8 > KEEP_BYTES) this.floats = new Float64Array(512);
    this.lastStart = 0;
    this.lastSentence = 0;
    this.lastStrings.fill(NOT_A_STRING);
    this.byteCount = 0;
    this.floatCount = 0;
    this.numberBase += this.strings.length;
    this.strings.length = 0;
    // Bounded: strings of past articles are let go now and then (each stays only as long as its entry).
    if (this.numbers.size > NUMBERS_MAX) {
      this.numbers.clear();
      this.numberBase = 0;
    }
    this.bad = false;
  }

  /** A number the writer produced itself (a count, a tag, flags): a non-negative integer, not checked. */
  push(v: number): void {
    if (this.byteCount + 8 > this.bytes.length) this.grow();
    const b = this.bytes;
    let n = this.byteCount;
    while (v >= 0x80) {
      b[n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 0x80);
    }
    b[n++] = v;
    this.byteCount = n;
  }

  private grow(): void {
    const grown = new Uint8Array(this.bytes.length * 2);
    grown.set(this.bytes);
    this.bytes = grown;
  }

  /** An integer of the analysis that fits 32 bits (-0 does not: it would come back as 0). */
  int(v: unknown): void {
    this.delta(v, 0);
  }

  /**
   * An integer written as its difference from `base` (an offset after the previous one: one byte, mostly);
   * `base` is 0 or an integer written before, so the difference stays exact.
   */
  delta(v: unknown, base: number): void {
    if (typeof v !== 'number' || (v | 0) !== v || (v === 0 && 1 / v < 0)) {
      this.bad = true;
      this.push(0);
      return;
    }
    const d = v - base;
    // Zigzag: small negative differences stay small.
    this.push(d >= 0 ? d * 2 : -d * 2 - 1);
  }

  /** Any number, exactly (NaN, -0 and fractions included). */
  float(v: unknown): void {
    if (typeof v !== 'number') this.bad = true;
    if (this.floatCount === this.floats.length) {
      const grown = new Float64Array(this.floats.length * 2);
      grown.set(this.floats);
      this.floats = grown;
    }
    this.floats[this.floatCount++] = v as number;
  }

  /** A string, by its number in the article's table; `column` (0-63) when the caller numbers its fields, else -1. */
  str(s: unknown, column = -1): void {
    if (column >= 0 && s === this.lastStrings[column]) {
      this.push(this.lastNumbers[column] + 2);
      return;
    }
    if (typeof s !== 'string') {
      this.bad = true;
      this.push(0);
      return;
    }
    const stored = this.numbers.get(s);
    let n: number;
    if (stored !== undefined && stored >= this.numberBase) n = stored - this.numberBase;
    else {
      n = this.strings.length;
      this.numbers.set(s, this.numberBase + n);
      this.strings.push(s);
    }
    if (column >= 0) {
      this.lastStrings[column] = s;
      this.lastNumbers[column] = n;
    }
    // Shifted past the two special numbers, so every number written is non-negative.
    this.push(n + 2);
  }

  /**
   * A string written where it stands, not looked up in the table: for strings that are new objects in every
   * article (a mention's text, a date's explanation), where hashing them for the table cost more than it saved.
   */
  inline(s: unknown): void {
    if (typeof s !== 'string') {
      this.bad = true;
      this.push(0);
      return;
    }
    this.push(this.strings.length + 2);
    this.strings.push(s);
  }

  /** A string or null. */
  strOrNull(s: unknown, column = -1): void {
    if (s === null) this.push(NULL_STRING + 2);
    else this.str(s, column);
  }

  /** An optional string field: absent, or a string. */
  absentOrStr(present: boolean, s: unknown): void {
    if (!present) this.push(ABSENT_STRING + 2);
    else this.str(s);
  }

  /** A list of strings: its length, then each string. */
  strList(list: unknown, column = -1): void {
    if (!Array.isArray(list)) {
      this.bad = true;
      return;
    }
    this.push(list.length);
    for (let i = 0; i < list.length; i++) this.str(list[i], column);
  }

  /** A list of integers: its length, then each as a difference from the one before (lists are mostly ascending). */
  intList(list: unknown): void {
    if (!Array.isArray(list)) {
      this.bad = true;
      return;
    }
    this.push(list.length);
    let prev = 0;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      this.delta(v, prev);
      prev = v;
    }
  }

  /** A {start, end} object with no other field, or null. */
  spanOrNull(s: unknown): void {
    if (s === null) {
      this.push(0);
      return;
    }
    this.push(1);
    if (!hasKeys(s, SPAN_KEYS)) {
      this.bad = true;
      return;
    }
    const span = s as { start: number; end: number };
    this.int(span.start);
    this.delta(span.end, span.start);
  }
}

const SPAN_KEYS = ['start', 'end'] as const;
/** What a column holds before its first string: equal to no value a field can hold (undefined would be). */
const NOT_A_STRING = Symbol('no string yet');

/**
 * True when `value` is an object whose own enumerable keys are exactly `keys`, in that order (the order
 * JSON output shows, which the reader rebuilds). A for-in walk, not Object.keys: nothing allocated.
 */
export function hasKeys(value: unknown, keys: readonly string[]): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  let i = 0;
  for (const k in value) {
    if (k !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/**
 * Like hasKeys, with optional keys allowed after the required ones (in the order given): -1 when the keys do
 * not fit, else a bit mask of the optional keys present (bit i for optional[i]).
 */
export function keysWithOptional(value: unknown, required: readonly string[], optional: readonly string[]): number {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return -1;
  let i = 0;
  let o = 0;
  let mask = 0;
  for (const k in value) {
    if (i < required.length) {
      if (k !== required[i]) return -1;
      i++;
      continue;
    }
    while (o < optional.length && optional[o] !== k) o++;
    if (o === optional.length) return -1;
    mask |= 1 << o;
    o++;
  }
  return i === required.length ? mask : -1;
}

/** Reads back what a CompactWriter wrote, in the same order. */
export class CompactReader {
  private f = 0;
  /** As CompactWriter's. */
  lastStart = 0;
  lastSentence = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** Where the next number starts in `bytes`. */
    public at: number,
    private readonly floats: Float64Array,
    private strings: readonly string[],
  ) {}

  /** The string table, once read (compactBulk.ts reads it from the end of the stream first). */
  setStrings(strings: readonly string[]): void {
    this.strings = strings;
  }

  /** A number written with push(). */
  count(): number {
    const b = this.bytes;
    let x = b[this.at++];
    if (x < 0x80) return x;
    let v = x & 0x7f;
    let scale = 0x80;
    do {
      x = b[this.at++];
      v += (x & 0x7f) * scale;
      scale *= 0x80;
    } while (x >= 0x80);
    return v;
  }

  int(): number {
    return this.delta(0);
  }

  delta(base: number): number {
    const z = this.count();
    return base + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
  }

  float(): number {
    return this.floats[this.f++];
  }

  str(): string {
    return this.strings[this.count() - 2];
  }

  strOrNull(): string | null {
    const n = this.count() - 2;
    return n === NULL_STRING ? null : this.strings[n];
  }

  /** An optional string field: undefined when absent. */
  absentOrStr(): string | undefined {
    const n = this.count() - 2;
    return n === ABSENT_STRING ? undefined : this.strings[n];
  }

  strList(): string[] {
    const n = this.count();
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(this.str());
    return out;
  }

  intList(): number[] {
    const n = this.count();
    const out: number[] = [];
    let prev = 0;
    for (let k = 0; k < n; k++) out.push((prev = this.delta(prev)));
    return out;
  }

  spanOrNull(): { start: number; end: number } | null {
    if (this.count() === 0) return null;
    const start = this.int();
    return { start, end: this.delta(start) };
  }

  /** True when every float was read (the caller checks where the byte stream ended). */
  floatsDone(): boolean {
    return this.f === this.floats.length;
  }
}
