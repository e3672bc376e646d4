// Inputs built to hit worst cases: long runs of what the grammars and the sentence splitter look at.
import { generateArticle } from '../../../scripts/bench/newsCorpus';

/** Each builds a text of about n characters. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'one long article of wire copy': (n) => generateArticle(3, n),
  'one line of news text': (n) => 'the Syrian army captured Raqqa on Friday and al-Bukamal last month '.repeat(Math.ceil(n / 68)).slice(0, n),
  '"al-" repeated': (n) => 'al-'.repeat(Math.ceil(n / 3)).slice(0, n),
  'nested quotes': (n) => {
    const open = '"“‘«'.repeat(Math.ceil(n / 8)).slice(0, n / 2);
    return open + 'said' + [...open].reverse().join('').replace(/“/g, '”').replace(/‘/g, '’').replace(/«/g, '»');
  },
  'digits, dots and dashes': (n) => {
    let s = '';
    const r = seeded(7);
    while (s.length < n) s += '0123456789.-/:, '[Math.floor(r() * 16)];
    return s;
  },
  'capitalised words': (n) => 'Al Deir Abu Tal Jabal Ras Wadi '.repeat(Math.ceil(n / 31)).slice(0, n),
  'control characters': (n) => {
    let s = '';
    for (let i = 0; s.length < n; i++) s += String.fromCharCode((i * 7) % 32 || 1);
    return s;
  },
  'lone surrogates': (n) => '\ud800a\udfff\udc00'.repeat(Math.ceil(n / 4)).slice(0, n),
  'one-word sentences': (n) => 'Aleppo. '.repeat(Math.ceil(n / 8)).slice(0, n),
  'dateline lines': (n) => 'DAMASCUS, Sept. 2 (Xinhua) --\n'.repeat(Math.ceil(n / 30)).slice(0, n),
  'open parentheses': (n) => '( Islamic State '.repeat(Math.ceil(n / 16)).slice(0, n),
};

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

