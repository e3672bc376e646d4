// The word-class bits the lexicon stamps on tokens (see registerWords in tokens.ts): which passes react to a
// word, tested as bits per token instead of set lookups. Re-exported by tokens.ts.
import { addWords } from './lexicon';

/** Word-class bits (see registerWords). */
export const W_PHRASE_START = 1;
export const W_CORE_FIRST = 2;
export const W_TITLE_HEAD = 4;
export const W_UNNAMED_NOUN = 8;
export const W_SPEECH = 16;
export const W_REFERENCE = 32;
/** First word of some faction name / source name in a dictionary index. */
export const W_FACTION_FIRST = 64;
export const W_SOURCE_FIRST = 128;
/** "pro", "anti"; the second halves of "X-backed"; first words of demonyms; camp adjectives ("Kurdish"). */
export const W_STANCE = 256;
export const W_ALIGN_VERB = 512;
export const W_DEMONYM = 1024;
export const W_CAMP = 2048;
/** "loyal" ("forces loyal to Khalifa Haftar"). */
export const W_LOYAL = 4096;
addWords(W_LOYAL, ['loyal']);
/** First words of the coreference patterns ("army", "government", "militants"). */
export const W_CORE_HEAD = 8192;
/** Name particles ("de", "al", "bin"), registered by the sources pass. */
export const W_PARTICLE = 16384;
/** A whole faction / source name by itself ("SDF"), and second words of longer names ("Democratic" in "Syrian
 * Democratic Forces"): a first word followed by neither cannot start a name, so the trie walk is skipped. */
export const W_FACTION_ALONE = 32768;
export const W_FACTION_SECOND = 65536;
export const W_SOURCE_ALONE = 131072;
export const W_SOURCE_SECOND = 262144;
/** First words of some faction / source name that may start uncapitalised ("al-Nusra", "&"): without this bit,
 * every name starting with the word needs it capitalised ("IS", "Government of National Accord"), and the
 * verb "is" or "the government" start no walk. */
export const W_FACTION_FIRST_LOWER = 524288;
export const W_SOURCE_FIRST_LOWER = 1048576;
