// Transliteration-aware keys: every spelling of a place that news outlets use folds to one key,
// so "Deir al-Zour", "Deir ez-Zor", "Dayr az Zawr" and "Deir Ezzor" all meet at "der zur".
// This file is also bundled into the gazetteer build (scripts/data/build-gazetteer.js), so the
// index and the matcher can never disagree about a key.

/** Arabic article forms written before a name, with or without a hyphen ("al-", "ez-", "Ash "). */
export const ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'ar', 'as', 'ad', 'ash', 'az', 'ez', 'at', 'an', 'adh', 'ath', 'es', 'er', 'ed', 'en', 'ul', 'il']);

/** Articles that may stand alone before a name ("Al Qaim") without being an English word. */
export const STANDALONE_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

// Sun letters take the article's consonant ("ar-Raqqa", glued "Arraqqa", "Ezzor").
const GLUED_ARTICLE = /^[ae]([tdrzsnl])\1(?=[a-z]{2})/;

/** Lower-cases, strips diacritics and the apostrophes/ayn/hamza marks transliterations use. */
export function basicFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘ʿʾʻʼ`´]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[ł]/g, 'l')
    .replace(/[ı]/g, 'i')
    .replace(/[đ]/g, 'd');
}

/** Folds one word (already basic-folded, letters only) to its variant-insensitive form. */
export function foldToken(word: string): string {
  let w = word;
  if (w.length > 4) w = w.replace(GLUED_ARTICLE, '$1');
  // Vowel digraphs first, before doubled letters collapse "ee" into "e".
  w = w
    .replace(/ee/g, 'i')
    .replace(/oo|ou/g, 'u')
    .replace(/ai|ay|ei|ey/g, 'e')
    .replace(/aw(?![aeiou])/g, 'u')
    .replace(/o/g, 'u')
    .replace(/dh/g, 'z')
    .replace(/q/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/(.)\1/g, '$1');
  // A trailing h after a vowel is the ta marbuta: "Raqqah" = "Raqqa".
  if (w.length > 3) w = w.replace(/([aeiu])h$/, '$1');
  return w;
}

/** Splits a name into basic-folded words (letters and digits only). */
export function nameWords(name: string): string[] {
  return basicFold(name)
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The lookup key of a place name: article prefixes dropped, every word folded, joined by spaces. */
export function placeKey(name: string): string {
  const words = nameWords(name);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    // An article only counts as one when a word follows it.
    if (ARTICLES.has(words[i]) && i + 1 < words.length) continue;
    out.push(foldToken(words[i]));
  }
  return out.join(' ');
}

/** The key of a single word as the matcher meets it in text. */
export function wordKey(word: string): string {
  return foldToken(basicFold(word).replace(/[^a-z0-9]/g, ''));
}
