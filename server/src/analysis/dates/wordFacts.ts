// Facts the recognisers ask of nearly every token ("can anything start at this word?", "can this word
// follow 'the'?", "is it a tense word?"), registered here by the modules that own the word lists and
// worked out once per spelling when the tokenizer first meets it (tokens.ts keeps them on each token as
// `f`). Asking a token's bits is one field read; asking a word list hashes the word or checks its shape.

/** One bit per question; each is exactly "the lower-case word is in that module's list". */
export const enum Fact {
  /** grammar.ts: a word some recogniser or modifier starts at. */
  Starter = 1,
  /** grammar.ts: a word that starts a modifier ("late", "the end of", "about"). */
  Modifier = 2,
  /** grammar.ts AFTER_THE, AFTER_A, AFTER_LAST, AFTER_NUMBER: may follow "the", "a", "last", a number. */
  AfterThe = 4,
  AfterA = 8,
  AfterLast = 16,
  AfterNumber = 32,
  /** tense.ts: the tense lists, shifted (TENSE_SHIFT). */
  TenseFuture = 64,
  TensePast = 128,
  TensePresent = 256,
  TenseNotPastEd = 512,
  /** tense.ts: longer than four letters, ends in -ed, and not in its list of -ed words that are no past tense (worked out here, by spelling). */
  TensePastEd = 1024,
  /** tense.ts: "may", "ll", "to": tense cues only next to certain words. */
  TenseMaybe = 2048,
  /** tense.ts: marks that end the clause before a date (; " “ . ? !) and after it (. ? !). */
  ClauseBreakBefore = 4096,
  ClauseBreakAfter = 8192,
  /** grammar.ts: "the"; "a" or "an"; "last", "this" or "next": words whose next token decides whether anything starts at them. */
  GateThe = 16384,
  GateA = 32768,
  GateLast = 65536,
}

/** Above the bits of Fact: grammar.ts's number for the list of recognisers that may start at the word (0: none). */
export const RECOGNISERS_SHIFT = 17;

const facts = new Map<string, number>();
let version = 0;

/**
 * Sets `bits` for each word (at module initialisation). The tokenizer keeps each spelling's facts once
 * read, and starts afresh when the version has changed since (a module loaded after some tokenizing).
 */
export function addWordFacts(words: Iterable<string>, bits: number): void {
  for (const word of words) facts.set(word, (facts.get(word) ?? 0) | bits);
  version++;
}

/** Changes whenever facts are added. */
export function factsVersion(): number {
  return version;
}

/** The bits of a lower-case word (0 for words in no list and of no shape asked about). */
export function wordFacts(l: string): number {
  const bits = facts.get(l) ?? 0;
  // Asked of every word near a date by the tense test: once per spelling here instead.
  if (l.length > 4 && l.endsWith('ed') && (bits & Fact.TenseNotPastEd) === 0) return bits | Fact.TensePastEd;
  return bits;
}

/** For the unit test: every word with a fact (no list holds a number, so numbers carry no facts). */
export function wordsWithFacts(): IterableIterator<string> {
  return facts.keys();
}
