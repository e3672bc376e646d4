// The word-class lexicon: lowercase word -> bits saying which passes react to it (see registerWords in
// tokens.ts). The tokenizer stamps each token with its bits once, so later passes test a bit instead of
// looking words up.

/** Word classes by lowercase key (see registerWords in tokens.ts). */
const LEXICON = new Map<string, number>();
/** Bumped when the lexicon grows, so cached tokens and keys computed before (with fewer bits) are not reused. */
let lexiconVersion = 0;

/** Adds `bit` to each word's classes. */
export function addWords(bit: number, words: Iterable<string>): void {
  for (const w of words) {
    const old = LEXICON.get(w) ?? 0;
    if ((old | bit) === old) continue;
    LEXICON.set(w, old | bit);
    lexiconVersion++;
  }
}

/** The current lexicon version (changes whenever a word gains a class). */
export function currentLexiconVersion(): number {
  return lexiconVersion;
}

/** Classes of a lowercase key. */
export function classesOf(key: string): number {
  return LEXICON.get(key) ?? 0;
}
