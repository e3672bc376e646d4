// Forces named by their leader: "forces loyal to eastern commander Khalifa Haftar", "Assad's forces".
// The dictionary's dated `leaders` say who commands what (Hadi's forces before April 2022, al-Alimi's after).
import { activeAt, FactionEntry } from './dictionary';
import { FactionIndex } from './factionIndex';
import * as tokenBits from './tokens';
import { Token } from './tokens';

// Read once: under per-file transpilation (tsx runs the tests, the eval and the profiles) each read of an
// imported binding is a getter call, and these are tested per token.
const { CAP, PUNCT, POSSESSIVE } = tokenBits;

const FORCE_HEADS = new Set(['forces', 'troops', 'fighters', 'militias', 'militiamen', 'units', 'soldiers', 'gunmen', 'loyalists']);
/** Words between "loyal to" and the name: "President", "eastern commander", "Field Marshal". */
const TITLE_WORDS = new Set([
  'president', 'commander', 'eastern', 'western', 'general', 'gen', 'field', 'marshal', 'strongman', 'leader', 'military', 'chief',
  'prime', 'minister', 'the', 'former', 'rebel', 'renegade', 'warlord', 'ousted', 'deposed', 'exiled', 'army', 'de', 'facto', 'late',
  'libyan', 'syrian', 'yemeni', 'sudanese', 'paramilitary', 'top', 'powerful', '.',
]);
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'abd', 'de']);

export interface LeaderPhrase {
  first: number;
  last: number;
  entry: FactionEntry;
}

/** A leader phrase starting at token i, or null. */
export function leaderPhraseAt(tokens: Token[], i: number, end: number, index: FactionIndex, date: string | null): LeaderPhrase | null {
  if (!index.leaders.size) return null;
  const t = tokens[i];
  // "Haftar's forces"
  if (t.flags & CAP && i + 2 < end && tokens[i + 1].flags & POSSESSIVE && FORCE_HEADS.has(tokens[i + 2].key)) {
    const entry = leaderOf(t.key, index, date);
    return entry ? { first: i, last: i + 3, entry } : null;
  }
  // "forces loyal to (President) Abd-Rabbu Mansour Hadi"
  if (!FORCE_HEADS.has(t.key) || tokens[i + 1]?.key !== 'loyal' || tokens[i + 2]?.key !== 'to') return null;
  let k = i + 3;
  while (k < end && k - i < 9 && TITLE_WORDS.has(tokens[k].key) && !(tokens[k + 1] && tokens[k + 1].flags & PUNCT && tokens[k + 1].key !== '.')) k++;
  let n = k;
  while (n < end && n - k < 5 && !(tokens[n].flags & (PUNCT | POSSESSIVE)) && (tokens[n].flags & CAP || (PARTICLES.has(tokens[n].key) && n + 1 < end && tokens[n + 1].flags & CAP))) n++;
  if (n === k) return null;
  const entry = leaderOf(tokens[n - 1].key, index, date);
  return entry ? { first: i, last: n, entry } : null;
}

function leaderOf(surname: string, index: FactionIndex, date: string | null): FactionEntry | null {
  const found = (index.leaders.get(surname) ?? []).find((l) => activeAt(date, l.from, l.to));
  return found ? found.entry : null;
}
