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

function describe(tokens: Token[]): void {
  if (tokens === described) return;
  if (classes.length < tokens.length) {
    const size = Math.max(tokens.length, 2 * classes.length);
    classes = new Int32Array(size);
    flags = new Int32Array(size);
    starts = new Int32Array(size);
  }
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
