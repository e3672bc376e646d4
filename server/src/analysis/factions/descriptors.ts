// Alignment descriptors: "U.S.-backed", "al-Qaida-linked", "Kurdish-led", "pro-government", and the
// trailing form ", linked to al-Qaida". They are recorded on the actor they describe, not as actors.
import { Span } from '../types';
import { FactionIndex } from './factionIndex';
import { oneLine } from './names';
import * as tokenBits from './tokens';
import { Token } from './tokens';
import * as phraseWords from './phraseWords';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { ABBR, CAP, HYPHENED, PUNCT, UPPER, W_ALIGN_VERB, W_STANCE } = tokenBits;
const { ALIGNMENT_HEADS, ALIGNMENT_VERBS, TRAILING_ALIGNMENT } = phraseWords;

export interface Descriptor extends Span {
  text: string;
  /** Token range [first, last). */
  first: number;
  last: number;
  /** A dictionary hit used as the descriptor's head ("al-Qaida" in "al-Qaida-linked"), by its first token. */
  consumedHit: number | null;
}

/** Dictionary hits by their first token, and their last (exclusive) token. */
export interface HitStarts {
  get(first: number): { last: number } | undefined;
}

/** The descriptor starting at token i, or null. */
export function descriptorAt(text: string, tokens: Token[], i: number, end: number, hits: HitStarts, index: FactionIndex): Descriptor | null {
  const t = tokens[i];
  if (!t || t.flags & PUNCT) return null;
  // pro-government, anti-Assad, pro-Hezbollah
  if (t.cls & W_STANCE && i + 1 < end && tokens[i + 1].flags & HYPHENED && !(tokens[i + 1].flags & PUNCT)) {
    const hit = hits.get(i + 1);
    const last = hit ? hit.last : i + 2;
    return make(text, tokens, i, last, hit ? i + 1 : null);
  }
  // al-Qaida-linked, Hezbollah-led: a dictionary name glued to the verb
  const hit = hits.get(i);
  if (hit) {
    const v = tokens[hit.last];
    if (hit.last < end && v.flags & HYPHENED && ALIGNMENT_VERBS.has(v.key)) return make(text, tokens, i, hit.last + 1, i);
    return null;
  }
  // U.S.-backed, Iranian-backed, Kurdish-led (and "US backed" where wire copy lost the hyphen)
  if (i + 1 >= end) return null;
  const v = tokens[i + 1];
  if (!(v.cls & W_ALIGN_VERB) || v.flags & PUNCT) return null;
  const glued = (v.flags & HYPHENED) !== 0;
  if (!glued && !(t.flags & (ABBR | UPPER))) return null;
  const isHead = (index.demonyms.has(t.key) && t.flags & CAP) || ALIGNMENT_HEADS.has(t.key);
  return isHead ? make(text, tokens, i, i + 2, null) : null;
}

function make(text: string, tokens: Token[], first: number, last: number, consumedHit: number | null): Descriptor {
  const start = tokens[first].start;
  const end = tokens[last - 1].end;
  return { start, end, text: oneLine(text.slice(start, end)), first, last, consumedHit };
}

/**
 * A trailing descriptor right after an actor: ", linked to al-Qaida", "backed by Russia".
 * Returns its text and the token after it, or null.
 */
export function trailingDescriptorAt(text: string, tokens: Token[], i: number, end: number, hits: HitStarts): { text: string; last: number } | null {
  let k = i;
  if (k < end && tokens[k].key === ',') k++;
  if (k + 2 > end) return null;
  const preps = TRAILING_ALIGNMENT.get(tokens[k].key);
  if (!preps || !preps.has(tokens[k + 1].key)) return null;
  let o = k + 2;
  if (o < end && tokens[o].key === 'the') o++;
  if (o >= end) return null;
  const hit = hits.get(o);
  let last: number;
  if (hit) last = hit.last;
  else if (tokens[o].flags & CAP && !(tokens[o].flags & PUNCT)) {
    last = o + 1;
    while (last < end && last - o < 3 && tokens[last].flags & CAP && !(tokens[last].flags & PUNCT)) last++;
  } else return null;
  return { text: oneLine(text.slice(tokens[k].start, tokens[last - 1].end)), last };
}
