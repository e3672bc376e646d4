// Workspace symbols (Ctrl+T): any place or faction in any article, found by any spelling.
// Spellings meet through the places' transliteration-aware key ("Qaryatain" finds al-Qarayatayn).
import { basicFold, placeKey } from '../places/placeKey';
import { FactionMention, PlaceMention } from '../types';
import { collapse, fileName, readingOrder, spanIn } from './articleText';
import { NameKnowledge, NO_NAMES } from './knownNames';
import { At, OutlineArticle } from './types';

export interface FoundSymbol {
  /** The entity's name, with the matching spelling in brackets when the name alone would not show the match. */
  name: string;
  kind: 'place' | 'faction';
  id: string;
  /** Its first mention in the article. */
  at: At;
  /**
   * The article (headline or file name), then the other spellings the workspace uses. Editors send only the first
   * word of a multi-word query and match the rest against this text, so "Deir ez-Zor" finds Deir al-Zour as long
   * as some article writes it so.
   */
  container: string;
}

type Named = PlaceMention | FactionMention;

/** Spellings listed after the article's name in a result. */
const MAX_SPELLINGS = 4;

/** One place or faction in one article: what a search result is made of. */
interface Entry {
  key: string;
  mention: Named;
  at: At;
  /** Headline or file name, with the other spellings the workspace uses. */
  container: string;
}

/** What every query needs, built once per workspace state: entries in reading order and every entity's spellings. */
export interface SymbolIndex {
  entries: Entry[];
  /** Spellings as written plus the dictionaries' aliases, per "kind:id". */
  spellings: Map<string, string[]>;
  names: NameKnowledge;
}

/** Indexes the places and factions of the articles for searchSymbols (reuse it while the articles do not change). */
export function symbolIndex(articles: readonly OutlineArticle[], names: NameKnowledge = NO_NAMES): SymbolIndex {
  try {
    return buildIndex(articles, names);
  } catch {
    return { entries: [], spellings: new Map(), names };
  }
}

function buildIndex(articles: readonly OutlineArticle[], names: NameKnowledge): SymbolIndex {
  const ordered = readingOrder(articles);
  // Spellings of every entity across the workspace, so one article's spelling finds the entity in all of them
  // (`written`: as the articles write it; `spellings`: that plus the dictionaries' aliases).
  const spellings = new Map<string, Set<string>>();
  const written = new Map<string, Map<string, string>>();
  for (const a of ordered) {
    for (const m of a.analysis.mentions) {
      if (m.kind !== 'place' && m.kind !== 'faction') continue;
      const key = `${m.kind}:${m.id}`;
      let set = spellings.get(key);
      if (!set) {
        set = new Set([m.name, ...names.aliases(m.kind, m.id)]);
        spellings.set(key, set);
        written.set(key, new Map());
      }
      // "the army" resolved from context is a reference, not a spelling of the name.
      if (m.kind === 'faction' && m.resolvedFrom === 'context') continue;
      set.add(m.text);
      const lower = m.text.toLowerCase();
      const seen = written.get(key)!;
      if (!seen.has(lower)) seen.set(lower, m.text);
    }
  }
  const entries: Entry[] = [];
  for (const a of ordered) {
    const seen = new Set<string>();
    const title = a.analysis.headline ? collapse(a.analysis.headline) : fileName(a.uri);
    for (const m of a.analysis.mentions) {
      if (m.kind !== 'place' && m.kind !== 'faction') continue;
      const key = `${m.kind}:${m.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const others = [...written.get(key)!.entries()].filter(([lower]) => lower !== m.name.toLowerCase()).map(([, w]) => w).slice(0, MAX_SPELLINGS);
      entries.push({ key, mention: m, at: spanIn(a, m), container: others.length ? `${title} · also written ${others.join(', ')}` : title });
    }
  }
  return { entries, spellings: new Map([...spellings].map(([k, v]) => [k, [...v]])), names };
}

/** Places and factions whose name or any spelling (in any article, or given as aliases) matches the query. */
export function searchSymbols(
  articles: readonly OutlineArticle[] | SymbolIndex,
  query: string,
  options: { limit?: number; names?: NameKnowledge } = {},
): FoundSymbol[] {
  try {
    const index = Array.isArray(articles) ? symbolIndex(articles, options.names) : (articles as SymbolIndex);
    return search(index, typeof query === 'string' ? query : '', options.limit ?? 500);
  } catch {
    return [];
  }
}

function search(index: SymbolIndex, query: string, limit: number): FoundSymbol[] {
  const q = query.trim().slice(0, 200);
  const qKey = placeKey(q);
  const qFold = basicFold(q).replace(/\s+/g, ' ');
  // Places the gazetteer says the typed name can mean, even if no article spells them so.
  const gazetteerIds = q.length >= 3 ? index.names.placeIdsFor(q) : new Set<string>();
  const matching = new Map<string, string | null>();
  const matchOf = (key: string): string | null => {
    if (matching.has(key)) return matching.get(key)!;
    let found = q === '' ? '' : ((index.spellings.get(key) ?? []).find((s) => matches(s, qKey, qFold)) ?? null);
    if (found === null && key.startsWith('place:') && gazetteerIds.has(key.slice('place:'.length))) found = q;
    matching.set(key, found);
    return found;
  };
  const out: FoundSymbol[] = [];
  for (const e of index.entries) {
    const spelling = matchOf(e.key);
    if (spelling === null) continue;
    out.push({ name: displayName(e.mention, spelling, q), kind: e.mention.kind, id: e.mention.id, at: e.at, container: e.container });
    if (out.length >= limit) break;
  }
  return out;
}

// Folding a spelling costs more than comparing it, and the same few thousand spellings meet every query.
const FOLDED = new Map<string, { fold: string; key: string }>();
const MAX_FOLDED = 50_000;

function folded(spelling: string): { fold: string; key: string } {
  let f = FOLDED.get(spelling);
  if (!f) {
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear();
    f = { fold: basicFold(spelling).replace(/\s+/g, ' '), key: ` ${placeKey(spelling)}` };
    FOLDED.set(spelling, f);
  }
  return f;
}

function matches(spelling: string, qKey: string, qFold: string): boolean {
  const { fold, key } = folded(spelling);
  // Very short queries ("IS") match at word starts only, or every name containing "is" would come back.
  if (qFold.length < 3) return qFold !== '' && (fold.startsWith(qFold) || fold.includes(` ${qFold}`) || fold.includes(`-${qFold}`));
  if (fold.includes(qFold)) return true;
  // Folded keys meet at word starts only: "SAA" must not match a key that merely contains "sa".
  return qKey !== '' && key.includes(` ${qKey}`);
}

/** Editors filter symbols by fuzzy-matching the query against the name, so the name must contain what was typed. */
function displayName(m: Named, spelling: string, query: string): string {
  if (query === '' || subsequence(query, m.name)) return m.name;
  if (spelling && subsequence(query, spelling)) return `${m.name} (${spelling})`;
  return `${m.name} (${query})`;
}

/** Whether the query's letters occur in order in the text (case-insensitive, spaces ignored). */
export function subsequence(query: string, text: string): boolean {
  const q = basicFold(query).replace(/\s+/g, '');
  const t = basicFold(text);
  let i = 0;
  for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
  return i === q.length;
}
