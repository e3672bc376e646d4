// Word sets and maps that answer "no" for most words without hashing them. A Set or Map lookup on a
// token's text first computes the string's hash, which for a freshly cut token is a slow runtime call;
// a table indexed by the word's length and first three letters rejects nearly every other word first.

/** Length and first three code units of a word, folded into a small number (collisions allowed). */
export function shapeOf(l: string): number {
  const n = l.length;
  if (n === 0) return 0;
  const a = l.charCodeAt(0) & 31;
  const b = n > 1 ? l.charCodeAt(1) & 31 : 0;
  const c = n > 2 ? l.charCodeAt(2) & 31 : 0;
  const shape = ((n > 15 ? 15 : n) << 15) | (a << 10) | (b << 5) | c;
  // Spread over a 2 KB table: one table per list indexed by the whole shape was 512 KB, and with three dozen
  // lists the lookups missed the processor's caches (most of all inside the full analysis, where the other
  // stages' data competes for them). A list holds at most a few hundred words, so few shapes share a slot.
  return Math.imul(shape, 0x9e3779b1) >>> (32 - SHAPE_BITS);
}

const SHAPE_BITS = 11;

function shapeTable(words: Iterable<string>): Uint8Array {
  const table = new Uint8Array(1 << SHAPE_BITS);
  for (const word of words) table[shapeOf(word)] = 1;
  return table;
}

/** A set of lower-case words; has() is exactly Set#has. */
export class WordSet {
  private readonly set: ReadonlySet<string>;
  private readonly shapes: Uint8Array;

  constructor(words: Iterable<string>) {
    this.set = new Set(words);
    this.shapes = shapeTable(this.set);
  }

  has(l: string): boolean {
    return this.shapes[shapeOf(l)] === 1 && this.set.has(l);
  }

  keys(): IterableIterator<string> {
    return this.set.values();
  }

  [Symbol.iterator](): IterableIterator<string> {
    return this.set.values();
  }
}

/** A map from lower-case words; get() is exactly Map#get. */
export class WordMap<V> {
  private readonly shapes: Uint8Array;

  constructor(private readonly map: ReadonlyMap<string, V>) {
    this.shapes = shapeTable(map.keys());
  }

  get(l: string): V | undefined {
    return this.shapes[shapeOf(l)] === 1 ? this.map.get(l) : undefined;
  }

  has(l: string): boolean {
    return this.shapes[shapeOf(l)] === 1 && this.map.has(l);
  }

  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}
