// Token positions of offsets and spans: first token starting at or after an offset, and each sentence's
// token range, found once per article and shared by the factions, coreference and sources passes.
import type { Token } from './tokens';
import { firstAtLeast } from './sortedStarts';
import { describeWithRanges, isDescribed, tokenClasses, tokenStarts } from './tokenArrays';

/** First token index whose start is >= offset (binary search, over the start offsets in one typed array). */
export function tokenAt(tokens: Token[], offset: number): number {
  return firstAtLeast(tokenStarts(tokens), 0, tokens.length, offset);
}

/**
 * tokenAt(tokens, offset), searching on from `from` when every token before it starts before offset:
 * steps of 1, 2, 4… find a range that holds the answer, then a search by halves inside it, so an answer
 * a few tokens on costs a few steps and one far away no more than a search of the whole text.
 */
export function tokenAtFrom(tokens: Token[], offset: number, from: number): number {
  const starts = tokenStarts(tokens);
  if (!(from >= 0 && from <= tokens.length && (from === 0 || starts[from - 1] < offset))) return tokenAt(tokens, offset);
  // Invariant: every token before lo starts before offset; the answer is in [lo, hi].
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < tokens.length && starts[hi] < offset) {
    lo = hi + 1;
    hi = Math.min(tokens.length, hi + step);
    step *= 2;
  }
  return firstAtLeast(starts, lo, hi, offset);
}

/** Writes the spans' start and end offsets into `offsets` (from index 0); are they in order (none before the one before)? */
function spansInOrder(spans: readonly { start: number; end: number }[], offsets: number[]): boolean {
  let last = -Infinity;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const start = s.start;
    const end = s.end;
    if (!(start >= last && end >= start)) return false;
    offsets[2 * k] = start;
    offsets[2 * k + 1] = end;
    last = end;
  }
  return true;
}

/**
 * The lists below are reused from article to article, cut or grown to the size asked (three new lists per
 * article, the offsets grown push by push, were a twentieth of the stages' allocation). Plain arrays: a typed
 * array of a few hundred bytes lives outside the heap and costs more to allocate than the walk. Spans beyond
 * this many get lists of their own (a huge text must not pin its lists for good).
 */
const MAX_POOLED_SPANS = 1 << 14;
const offsetsPool: number[] = [];
const rangesPool: number[] = [];
const masksPool: number[] = [];

/** `list` with exactly `n` entries: cut, or grown by the writes that follow (indexes from 0 on). */
function sized(list: number[], n: number): number[] {
  if (list.length > n) list.length = n;
  return list;
}

/** Tokens the ranges below were computed for (null: none), with the span offsets to notice any change. */
let rangesTokens: Token[] | null = null;
let rangesOffsets: number[] = [];
let rangesCache: number[] = [];
/** Counts the ranges computed: the masks are those of rangesCache when made for the same count. */
let rangesVersion = 0;
let masksVersion = -1;
let masksCache: number[] = [];

/** Forgets the ranges computed: tokenize reuses its token list for the next article. */
export function forgetRanges(): void {
  rangesTokens = null;
  masksVersion = -1;
}

/**
 * Token range of each span (sentence): [from, to) at 2i and 2i+1, as tokenAt(start) and tokenAt(end) give.
 * One forward walk for spans in order; cached for the last tokens and offsets (each stage asks for the same).
 * The list is reused: valid until the next call with other tokens or spans.
 */
export function spanTokenRanges(tokens: Token[], spans: readonly { start: number; end: number }[]): readonly number[] {
  const n = spans.length;
  if (tokens === rangesTokens && rangesOffsets.length === 2 * n) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = rangesOffsets[2 * i] === spans[i].start && rangesOffsets[2 * i + 1] === spans[i].end;
    if (same) return rangesCache;
  }
  rangesTokens = null;
  rangesVersion++;
  const pooled = n <= MAX_POOLED_SPANS;
  const out = pooled ? sized(rangesPool, 2 * n) : [];
  const offsets = pooled ? sized(offsetsPool, 2 * n) : [];
  // Tokens not described yet (the first pass of an article) and spans in order (sentences): one pass for all.
  if (!isDescribed(tokens) && spansInOrder(spans, offsets)) {
    const masks = pooled ? sized(masksPool, n) : [];
    describeWithRanges(tokens, offsets, out, masks);
    rangesTokens = tokens;
    rangesOffsets = offsets;
    rangesCache = out;
    masksVersion = rangesVersion;
    masksCache = masks;
    return out;
  }
  const starts = tokenStarts(tokens);
  let p = 0;
  let last = 0;
  for (let i = 0; i < 2 * n; i++) {
    const offset = i & 1 ? spans[i >> 1].end : spans[i >> 1].start;
    offsets[i] = offset;
    // Offsets mostly increase: walk on from the last answer while every token before it starts before the
    // offset (the binary search's own test, so odd offsets get its answer); otherwise, or a long way on, search.
    if ((p > 0 && !(starts[p - 1] < offset)) || offset - last > 4096) p = tokenAt(tokens, offset);
    else while (p < tokens.length && starts[p] < offset) p++;
    out[i] = p;
    last = offset;
  }
  rangesTokens = tokens;
  rangesOffsets = offsets;
  rangesCache = out;
  return out;
}


/**
 * The word classes present in each range of `ranges` (as spanTokenRanges gives them): the OR of its tokens'
 * classes. A pass whose trigger words are all absent from a sentence skips it whole; the factions matcher,
 * coreference and sources each walked every sentence's tokens for that. Cached for the last ranges computed.
 */
export function rangeClassMasks(tokens: Token[], ranges: readonly number[]): readonly number[] {
  const current = tokens === rangesTokens && ranges === rangesCache;
  if (current && masksVersion === rangesVersion) return masksCache;
  const classes = tokenClasses(tokens);
  const n = ranges.length >> 1;
  const out = current && n <= MAX_POOLED_SPANS ? sized(masksPool, n) : [];
  for (let r = 0; r < n; r++) {
    let mask = 0;
    const to = ranges[2 * r + 1];
    for (let i = ranges[2 * r]; i < to; i++) mask |= classes[i];
    out[r] = mask;
  }
  if (current) {
    masksVersion = rangesVersion;
    masksCache = out;
  }
  return out;
}
