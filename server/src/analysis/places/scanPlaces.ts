// Finding place names in a stretch of text (a sentence or the dateline): one pass over its words, walking
// the gazetteer's keys word by word (longest name wins), so the cost is linear in the text whatever the
// size of the gazetteer. Only capitalised words and Arabic articles before them can start a name: the
// tokeniser lists the capitalised ones, and every other word is passed over unread. The rules that reject
// look-alikes ("Steve Jobs", "US$") live here too.
import { KeyLookup, KEYFLAG_ABBREV, KEYFLAG_COMMON, KEYFLAG_COUNTRY_NAME, PlaceIndex } from './placeIndex';
import { placeRecord } from './candidateFacts';
import { SEP_HYPHEN, SEP_SPACE, TokenBuffer, tokenizeStretch } from './placeTokens';
import { isWellKnownLookup, isWellKnownPlace, isWellKnownWord, nextState, PhraseState, placeWordAt, PlaceWord, plainWord, possessiveOf, startsNoName, stateLookup, WordCache, wordCacheFor } from './placeWords';
import { findCue, PlaceCue } from './placeCues';
import { ARTICLES } from './placeKey';
import { BlockedSpans } from './blockedSpans';
import { RawMatches } from './rawMatches';
import { FREE_AFTER, FREE_BEFORE, INSTITUTIONS, isCueNoun, SAYS } from './wordLists';

/** A name found in the text, before disambiguation. Token indices point into the scan's buffer. */
export interface RawMatch {
  start: number;
  end: number;
  sentence: number;
  lookup: KeyLookup;
  cue: PlaceCue | null;
  /** Token range of the stretch the name was found in (lo is also the stretch's identity). */
  lo: number;
  hi: number;
  /** The match's first token. */
  first: number;
  /** First token after any article ("Bukamal" in "al-Bukamal"). */
  firstWord: number;
  last: number;
}

/** Words seen as the end of a longer capitalised name ("Barack Obama"): alone later, they are that name. */
export type NameWords = Set<string>;

/** The tokens of one article and their word info; reused from article to article (one at a time). */
export class PlaceScan {
  readonly buf = new TokenBuffer();
  // Word info per token, valid when its stamp is the current article's: no per-token clearing.
  private words: (PlaceWord | null)[] = [];
  private stamps = new Int32Array(1024);
  private stamp = 0;
  private cache: WordCache | null = null;
  index: PlaceIndex | null = null;
  /** The capitalised tokens of the last stretch added: buf.caps[capLo, capHi). */
  capLo = 0;
  capHi = 0;

  begin(text: string, index: PlaceIndex): void {
    this.buf.reset(text);
    this.stamp = (this.stamp + 1) | 0;
    this.index = index;
    this.cache = wordCacheFor(index);
  }

  /** Drops the article (its text must not stay alive between analyses). */
  end(): void {
    this.buf.reset('');
    this.index = null;
    this.cache = null;
    // What a very long article needed is not kept alive (the stamps make shorter arrays safe to start again).
    if (this.stamps.length > 1 << 18) {
      this.stamps = new Int32Array(1024);
      this.words = [];
    }
  }

  /** Tokenises text[start, end) as one stretch; returns its first token index (the end is buf.length). */
  addStretch(start: number, end: number): number {
    const lo = this.buf.length;
    this.capLo = this.buf.capCount;
    const hi = tokenizeStretch(this.buf, this.buf.text, start, end);
    this.capHi = this.buf.capCount;
    if (hi > this.stamps.length) {
      const stamps = new Int32Array(Math.max(hi, this.stamps.length * 2));
      stamps.set(this.stamps);
      this.stamps = stamps;
    }
    while (this.words.length < hi) this.words.push(null);
    return lo;
  }

  /** The word info of token i. */
  word(i: number): PlaceWord {
    if (this.stamps[i] === this.stamp) return this.words[i]!;
    const b = this.buf;
    const w = placeWordAt(this.cache!, this.index!, b.text, b.ascii !== null ? b.byteView : null, b.start[i], b.end[i], b.cap(i), b.dotted(i));
    this.words[i] = w;
    this.stamps[i] = this.stamp;
    return w;
  }

  plain(i: number): string {
    return this.word(i).plain;
  }

  next(state: PhraseState, key: string): PhraseState {
    return nextState(this.cache!, this.index!, state, key);
  }

  possessive(i: number): PhraseState | null {
    return possessiveOf(this.cache!, this.index!, this.word(i));
  }

  /**
   * True when no name can start at the capitalised token i, whatever its context: startsNoName, or a
   * function word ("The", "For") that cannot be an article form either (those start with a, e, i or u;
   * see isArticle), which nameAt would turn down at its first test.
   */
  capStartsNoName(i: number): boolean {
    const w = this.word(i);
    if (startsNoName(this.cache!, this.index!, w)) return true;
    if (!w.functionWord) return false;
    const c0 = w.raw.charCodeAt(0) | 0x20;
    return c0 < 128 && c0 !== 97 && c0 !== 101 && c0 !== 105 && c0 !== 117;
  }

  /** True when token i is an Arabic article written before a name ("al-", "Al ", "ash-"); hi ends its stretch. */
  isArticle(lo: number, hi: number, i: number, midName = false): boolean {
    const b = this.buf;
    if (i + 1 >= hi || b.end[i] - b.start[i] > 3) return false;
    // Every article form starts with a, e, i or u: "in", "of", "the" before a name are ruled out unread.
    const c0 = b.text.charCodeAt(b.start[i]) | 0x20;
    if (c0 < 128 && c0 !== 97 && c0 !== 101 && c0 !== 105 && c0 !== 117) return false;
    const sep = b.sep(i + 1);
    if (sep !== SEP_HYPHEN && sep !== SEP_SPACE) return false;
    const plain = this.plain(i);
    if (!ARTICLES.has(plain)) return false;
    if (sep === SEP_HYPHEN) return true;
    if (!b.cap(i + 1)) return false;
    // Standalone "Al Qaim", "El Fasher": al/el are not English words; inside a name ("Dayr az Zawr") any article.
    if (midName || plain === 'al' || plain === 'el') return true;
    // "Ar Raqqah", "As Sukhnah", "Ash Shaddadi": a capitalised article assimilated to the name's first
    // (sun) letter. The assimilation is what tells it from "Ash Carter"; "As", "An", "At" also need a
    // lower-case word before them, since sentence-first or title-case they are English ("At Raqqa, ...").
    if (!b.cap(i) || !SUN_ARTICLES.has(plain) || !this.plain(i + 1).startsWith(plain.slice(1))) return false;
    if (!ENGLISH_ARTICLES.has(plain)) return true;
    return i - 1 >= lo && !b.cap(i - 1);
  }
}

// Articles inside a name that are not also English words ("Aqareb es Safi"; not "Turkey at Kasab").
const INNER_ARTICLES = new Set(['al', 'el', 'es', 'ez', 'ash', 'az', 'ar', 'adh', 'ath']);
const SUN_ARTICLES = new Set(['ar', 'as', 'ash', 'ad', 'az', 'at', 'an']);
const ENGLISH_ARTICLES = new Set(['as', 'an', 'at']);

/**
 * Scans the stretch of tokens [lo, hi) just added (sentence si, -1 for the dateline) and appends the
 * plausible names; `blocked` holds the spans taken by other mentions (factions, dates).
 */
export function scanStretch(sc: PlaceScan, lo: number, hi: number, si: number, blocked: BlockedSpans, out: RawMatches, names: NameWords): void {
  const b = sc.buf;
  const caps = b.caps;
  // Tokens before `next` are taken by an earlier name. Only capitalised tokens and an article right before
  // one ("al-Bukamal", "Al Qaim") can start a name: every other token is skipped without a look.
  let next = lo;
  for (let ci = sc.capLo; ci < sc.capHi; ci++) {
    const c = caps[ci];
    if (c < next) continue;
    const a = c - 1;
    if (a >= next && !b.cap(a) && b.end[a] - b.start[a] <= 3 && sc.isArticle(lo, hi, a)) next = nameAt(sc, lo, hi, a, si, blocked, out, names);
    if (c < next) continue;
    // A capitalised word inside a date or faction ("Syrian Observatory for Human Rights", "Saturday") starts
    // no name: any name from it would overlap the span, so it is passed over before its word is looked up.
    if (blocked.overlaps(b.start[c], b.end[c])) next = c + 1;
    // Most capitalised words start no name at all: nameAt would only find that out at more length.
    else next = sc.capStartsNoName(c) ? c + 1 : nameAt(sc, lo, hi, c, si, blocked, out, names);
  }
}

/** Tries a name starting at token i; returns the first token after what it took (i + 1 when nothing). */
function nameAt(sc: PlaceScan, lo: number, hi: number, i: number, si: number, blocked: BlockedSpans, out: RawMatches, names: NameWords): number {
  const b = sc.buf;
  const index = sc.index!;
  const maxWords = index.maxWords;
  if (b.cap(i) && sc.word(i).functionWord && !sc.isArticle(lo, hi, i)) return i + 1;
  // At most two leading articles ("al-", "Al "): bounded so "al-al-al-…" stays linear.
  let j = i;
  while (j < hi - 1 && j - i < 2 && sc.isArticle(lo, hi, j)) j++;
  let state: PhraseState | null = null;
  let best: PhraseState | null = null;
  let bestLast = -1;
  for (let k = j, words = 0; k < hi && words < maxWords && k - j < maxWords + 4; k++) {
    if (k > j) {
      const sep = b.sep(k);
      if (sep !== SEP_SPACE && sep !== SEP_HYPHEN) break;
      if (sc.isArticle(lo, hi, k, true)) continue;
    }
    const w = sc.word(k);
    if (!w.key) break;
    if (state === null) {
      if (w.first === null) break;
      state = w.first;
    } else state = sc.next(state, w.key);
    words++;
    if (state.found) {
      best = state;
      bestLast = k;
    }
    if (!state.prefix) break;
  }
  // Scraped text often loses apostrophes: "Syrias", "Aleppos" are possessives of known places.
  if (bestLast < 0 && j === i) {
    const p = sc.possessive(j);
    if (p) {
      best = p;
      bestLast = j;
    }
  }
  if (best === null) return i + 1;
  const lookup = stateLookup(index, best);
  if (!lookup) return i + 1;
  const start = b.start[i];
  const end = b.end[bestLast];
  if (blocked.overlaps(start, end)) return i + 1;
  // Written into the list's next slot, which only joins the list if the name passes.
  const m = out.slot();
  m.start = start;
  m.end = end;
  m.sentence = si;
  m.lookup = lookup;
  m.cue = findCue(sc, lo, hi, i, bestLast);
  m.lo = lo;
  m.hi = hi;
  m.first = i;
  m.firstWord = j;
  m.last = bestLast;
  if (!plausible(sc, m, names, si)) return i + 1;
  if (!passesWordFilter(sc, m)) return i + 1;
  out.commit();
  return bestLast + 1;
}

/** Rejects spellings that only look like a place: lower-case short forms, demonyms, parts of longer names. */
function plausible(sc: PlaceScan, m: RawMatch, names: NameWords, si: number): boolean {
  const b = sc.buf;
  const index = sc.index!;
  const { lo, hi } = m;
  const fw = m.firstWord;
  const single = fw === m.last;
  const word = sc.word(fw);
  if (single && word.never) return false;
  if (m.lookup.flags & KEYFLAG_ABBREV && single) {
    // "US" but not "Us", nor "OS" (which folds to the same key).
    if ((!word.allCaps && !b.dotted(fw)) || (!b.dotted(fw) && word.key !== word.plain)) return false;
  } else if (single && si >= 0 && word.allCaps && b.end[fw] - b.start[fw] <= 4 && !(m.lookup.flags & KEYFLAG_COUNTRY_NAME)) {
    // A short all-capitals word in running text is an acronym ("GAO", "EADS"), not a town.
    for (let k = lo; k < hi; k++) if (b.cap(k) && !sc.word(k).allCaps) return false;
  }
  if (m.lookup.pinned >= 0) return true;
  // "US$ 40 billion": a currency, not a place.
  if (b.text.charCodeAt(m.end) === 36) return false;
  const strong = isWellKnownLookup(index, m.lookup);
  if (single && !strong && names.has(word.plain)) return false;
  const after = m.last + 1 < hi ? m.last + 1 : -1;
  if (!strong && after >= 0 && b.sep(after) === SEP_SPACE && SAYS.has(sc.plain(after))) return false;
  // Part of a longer capitalised name ("Steve Jobs", "Washington Post", "Ahrar al-Sham"): not a place.
  // A neighbour that is itself a well-known place ("Aleppo Syria" in text that lost its commas) does not count.
  const prev = m.first - 1 >= lo ? m.first - 1 : -1;
  if (prev >= 0 && b.sep(m.first) === SEP_SPACE) {
    const pw = sc.word(prev);
    // "Millis Idlib province" (commas lost): a well-known province with its cue word stands on its own.
    // Nor does a place's possessive that lost its apostrophe, before a well-known place ("Syrias Hama").
    if ((b.cap(prev) || pw.innerUpper) && !prevFree(pw, prev === lo) && !index.demonyms.has(pw.key) && !isWellKnownWord(index, pw) && !(strong && m.cue?.kind === 'admin' && !b.cap(m.last + 1)) && !(strong && sc.possessive(prev) !== null)) {
      if (single) names.add(word.plain);
      return false;
    }
  }
  // "Baar al-Fawaerah", "Aqareb es Safi": the name is one word of a longer Arabic name the gazetteer lacks.
  if (!strong && after >= 0 && after + 1 < hi && b.sep(after + 1) === SEP_HYPHEN && b.sep(after) === SEP_SPACE && !b.cap(after) && ARTICLES.has(sc.plain(after))) return false;
  if (!strong && prev >= 1 + lo && prev === m.firstWord - 1 && !b.cap(prev) && b.sep(m.firstWord) === SEP_SPACE && b.sep(prev) === SEP_SPACE && b.cap(prev - 1) && INNER_ARTICLES.has(sc.plain(prev)) && !FREE_BEFORE.has(sc.plain(prev - 1))) return false;
  // "Save the Children", "Doctors of the World": a name running on through "the" into a capitalised word.
  if (!strong && after >= 0 && after + 1 < hi && b.sep(after) === SEP_SPACE && b.sep(after + 1) === SEP_SPACE && !b.cap(after) && b.cap(after + 1) && sc.plain(after) === 'the') return false;
  // "in Aleppo The opposition ..." (text that lost its full stops): after "in", a well-known place stands.
  const preposition = m.cue?.kind === 'general' && m.cue.text.length <= 4 && prev >= 0 && sc.plain(prev) === m.cue.text;
  if (after >= 0 && b.sep(after) === SEP_SPACE && b.cap(after)) {
    const nw = sc.word(after);
    if (!nw.allCaps && !isCueNoun(nw.plain) && !FREE_AFTER.has(nw.plain) && !isWellKnownWord(index, nw) && !(preposition && strong)) return false;
  }
  // "Bank of England", "University of California": an institution named after a place.
  if (prev >= 0 && sc.plain(prev) === 'of' && b.sep(m.first) === SEP_SPACE && m.first - lo >= 2) {
    const head = m.first - 2;
    if (b.cap(head) && INSTITUTIONS.has(sc.plain(head))) return false;
  }
  return true;
}

/** A capitalised word before a name that does not join it: a function word or, sentence-first, a verb form. */
function prevFree(w: PlaceWord, sentenceFirst: boolean): boolean {
  if (FREE_BEFORE.has(w.plain)) return true;
  // A sentence's first word is capitalised anyway: only "Capturing Uqayribat"-like verbs are let through there.
  return sentenceFirst && (w.plain.endsWith('ing') || w.plain.endsWith('ed') || w.plain.endsWith('ly'));
}

/** Whether a well-known candidate of a lookup has this name itself (compared as plain words). */
function namesWellKnownPlace(index: PlaceIndex, look: KeyLookup, plain: string): boolean {
  // Only single words whose key is an everyday word's reach here, but those come up again and again: the
  // lookup keeps its last answer (folding the candidates' names anew was a twelfth of the stage's garbage).
  if (look.namedAs !== plain) {
    look.namesWellKnown = hasWellKnownNamed(index, look.candidates, plain);
    look.namedAs = plain;
  }
  return look.namesWellKnown;
}

function hasWellKnownNamed(index: PlaceIndex, cands: number[], plain: string): boolean {
  for (let k = 0; k < cands.length; k++) if (isWellKnownPlace(index, cands[k]) && plainWord(placeRecord(index, cands[k]).name) === plain) return true;
  return false;
}

/** The common-English-word filter: "Reading", "Split", "Mobile" are places only with a cue, never sentence-first. */
function passesWordFilter(sc: PlaceScan, m: RawMatch): boolean {
  if (!(m.lookup.flags & KEYFLAG_COMMON) || m.firstWord !== m.last) return true;
  // "Homs" or "Mezzeh" only folds to an everyday word's key ("hums", "meze"): a well-known place called so is no
  // everyday word. Aliases do not count ("Mann" names the Isle of Man, but in news it is a surname).
  const plain = sc.word(m.firstWord).plain;
  if (!sc.index!.everydaySpellings.has(plain) && namesWellKnownPlace(sc.index!, m.lookup, plain)) return true;
  if (m.lookup.flags & KEYFLAG_COUNTRY_NAME) return true;
  // "US", "U.S.": the capitals already proved it is the abbreviation, not the pronoun.
  if (m.lookup.flags & KEYFLAG_ABBREV && (sc.word(m.firstWord).allCaps || sc.buf.dotted(m.firstWord))) return true;
  if (m.first === m.lo) return false;
  return m.cue !== null;
}
