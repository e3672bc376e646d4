// Word classes, flags and start offsets of an article's tokens in typed arrays, for the passes that skip most
// tokens by a bit test and the searches by offset: 4 bytes a token read in order, instead of a token object
// each (those loops waited on memory: the sources pass's "which classes are present" loop was its hottest line).
import type { Token } from './tokens';

/** Tokens the arrays below describe; rebuilt when asked about other tokens (the next article). */
let described: Token[] | null = null;
/** Reused from one article to the next (grown when needed): only [0, described.length) is meaningful. */
let classes = new Int32Array(4096);
let flags = new Int32Array(4096);
let starts = new Int32Array(4096);

/** Forgets which tokens the arrays describe: tokenize reuses its list for the next article. */
export function forgetDescribed(): void {
  described = null;
}

/** Room for the tokens' arrays. */
function reserve(tokens: Token[]): void {
  if (classes.length < tokens.length) {
    const size = Math.max(tokens.length, 2 * classes.length);
    classes = new Int32Array(size);
    flags = new Int32Array(size);
    starts = new Int32Array(size);
  }
}

function describe(tokens: Token[]): void {
  if (tokens === described) return;
  reserve(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    classes[i] = t.cls;
    flags[i] = t.flags;
    starts[i] = t.start;
  }
  described = tokens;
}

/** Token i's word classes at [i] (valid until asked about other tokens; longer than the tokens). */
export function tokenClasses(tokens: Token[]): Int32Array {
  describe(tokens);
  return classes;
}

/** Token i's flags at [i] (valid until asked about other tokens; longer than the tokens). */
export function tokenFlags(tokens: Token[]): Int32Array {
  describe(tokens);
  return flags;
}

/** Token i's start offset at [i] (valid until asked about other tokens; longer than the tokens). */
export function tokenStarts(tokens: Token[]): Int32Array {
  describe(tokens);
  return starts;
}

/** Are the arrays those of `tokens` already? */
export function isDescribed(tokens: Token[]): boolean {
  return tokens === described;
}

/**
 * Describes `tokens` and, in the same pass, the range of each span whose offsets are in `offsets` (start and end
 * of each, in order, never decreasing): ranges[2k], ranges[2k + 1] as tokenAt gives them, and masks[k] the OR
 * of the classes of the tokens in [ranges[2k], ranges[2k + 1]). One pass over the tokens where describing them,
 * walking to each sentence's ends and OR-ing each sentence's classes were three (~1.5% of the stage in profiles).
 */
export function describeWithRanges(tokens: Token[], offsets: readonly number[], ranges: number[], masks: number[]): void {
  reserve(tokens);
  const n = tokens.length;
  const m = offsets.length;
  let j = 0;
  let next = m > 0 ? offsets[0] : Infinity;
  let mask = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const start = t.start;
    const cls = t.cls;
    classes[i] = cls;
    flags[i] = t.flags;
    starts[i] = start;
    // Token i is the first to start at or after the next offsets: they get i, and a range that ends its mask.
    while (next <= start) {
      ranges[j] = i;
      if (j & 1) masks[j >> 1] = mask;
      mask = 0;
      j++;
      next = j < m ? offsets[j] : Infinity;
    }
    mask |= cls;
  }
  for (; j < m; j++) {
    ranges[j] = n;
    if (j & 1) masks[j >> 1] = mask;
    mask = 0;
  }
  described = tokens;
}
