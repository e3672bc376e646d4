// Workspace symbols (Ctrl+T): any place or faction in any article, found by any spelling.
// Spellings meet through the places' transliteration-aware key ("Qaryatain" finds al-Qarayatayn).
import { basicFold, placeKey } from '../places/placeKey';
import { collapse, fileName, readingOrder } from './articleText';
import { firstMention } from './navigation';
import { NameKnowledge, NO_NAMES } from './knownNames';
import { At, OutlineArticle } from './types';
import { runSteps } from '../steps';

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

/** One place or faction in one article, as the index needs it: from the article's mentions or an index's digests. */
export interface SymbolEntity {
  kind: 'place' | 'faction';
  id: string;
  /** The entity's name (as its mentions give it). */
  name: string;
  /**
   * Spellings the article writes, in order, context references ("the army") left out. A spelling equal to the name
   * but for case may be left out: searching and the "also written" list ignore case.
   */
  written: readonly string[];
}

/** An article as the symbol index reads it: its places and factions in order of first mention. */
export interface SymbolArticle {
  uri: string;
  analysis: { publication: { date: string | null }; headline: string | null };
  entities: readonly SymbolEntity[];
}

/** The first mention of an entity in an article (a result's location), or null when there is none. */
export type LocateSymbol = (uri: string, kind: 'place' | 'faction', id: string) => At | null;

/** Spellings listed after the article's name in a result. */
const MAX_SPELLINGS = 4;

/** One place or faction in one article: what a search result is made of. */
interface Entry {
  key: string;
  kind: 'place' | 'faction';
  id: string;
  name: string;
  uri: string;
  /** Its first mention, found when a query first returns it (undefined until then). */
  at?: At | null;
  /** Headline or file name, with the other spellings the workspace uses. */
  container: string;
}

/** What every query needs, built once per workspace state: entries in reading order and every entity's spellings. */
export interface SymbolIndex {
  entries: Entry[];
  /** Spellings as written plus the dictionaries' aliases, per "kind:id". */
  spellings: Map<string, string[]>;
  names: NameKnowledge;
  locate: LocateSymbol;
}

/** The places and factions of an analysed article, for symbolIndex. */
export function articleSymbols(article: OutlineArticle): SymbolArticle {
  const byKey = new Map<string, SymbolEntity & { written: string[] }>();
  for (const m of article.analysis.mentions) {
    if (m.kind !== 'place' && m.kind !== 'faction') continue;
    const key = `${m.kind}:${m.id}`;
    let e = byKey.get(key);
    if (!e) byKey.set(key, (e = { kind: m.kind, id: m.id, name: m.name, written: [] }));
    if (m.kind === 'faction' && m.resolvedFrom === 'context') continue;
    e.written.push(m.text);
  }
  return { uri: article.uri, analysis: article.analysis, entities: [...byKey.values()] };
}

/** Finds the first mention of an entity in analysed articles. */
function locateIn(articles: readonly OutlineArticle[]): LocateSymbol {
  const byUri = new Map(articles.map((a) => [a.uri, a]));
  return (uri, kind, id) => {
    const a = byUri.get(uri);
    return a ? firstMention([a], kind, id) : null;
  };
}

/**
 * Indexes the places and factions of the articles for searchSymbols (reuse it while the articles do not change).
 * `locate` is asked only for the entries a query returns: an index of ten thousand stored articles needs none of
 * their mentions to be built (reading each one's took 15-38 s).
 */
export function symbolIndex(articles: readonly SymbolArticle[], names: NameKnowledge = NO_NAMES, locate: LocateSymbol = () => null): SymbolIndex {
  return runSteps(symbolIndexSteps(articles, names, locate));
}

/** Articles read between two yields of symbolIndexSteps. */
const ARTICLES_PER_STEP = 64;

/** symbolIndex, yielding every few articles (10,000 articles: 0.6-0.9 s in one piece). Never throws. */
export function* symbolIndexSteps(articles: readonly SymbolArticle[], names: NameKnowledge = NO_NAMES, locate: LocateSymbol = () => null): Generator<void, SymbolIndex> {
  try {
    return yield* buildIndex(articles, names, locate);
  } catch {
    return { entries: [], spellings: new Map(), names, locate };
  }
}

function* buildIndex(articles: readonly SymbolArticle[], names: NameKnowledge, locate: LocateSymbol): Generator<void, SymbolIndex> {
  const ordered = readingOrder(articles);
  // Spellings of every entity across the workspace, so one article's spelling finds the entity in all of them
  // (`written`: as the articles write it, by lower case; `spellings`: that plus the dictionaries' aliases).
  const spellings = new Map<string, Set<string>>();
  const written = new Map<string, Map<string, string>>();
  for (let i = 0; i < ordered.length; i++) {
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const a = ordered[i];
    for (const e of a.entities) {
      const key = `${e.kind}:${e.id}`;
      let set = spellings.get(key);
      if (!set) {
        set = new Set([e.name, ...names.aliases(e.kind, e.id)]);
        spellings.set(key, set);
        written.set(key, new Map());
      }
      const seen = written.get(key)!;
      for (const text of e.written) {
        set.add(text);
        const lower = text.toLowerCase();
        if (!seen.has(lower)) seen.set(lower, text);
      }
    }
  }
  const entries: Entry[] = [];
  // Entities share their "also written" list across articles: made once per entity.
  const others = new Map<string, string>();
  for (let i = 0; i < ordered.length; i++) {
    if (i % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const a = ordered[i];
    const title = a.analysis.headline ? collapse(a.analysis.headline) : fileName(a.uri);
    for (const e of a.entities) {
      const key = `${e.kind}:${e.id}`;
      let also = others.get(key);
      if (also === undefined) {
        const name = e.name.toLowerCase();
        also = [...written.get(key)!.entries()].filter(([lower]) => lower !== name).map(([, w]) => w).slice(0, MAX_SPELLINGS).join(', ');
        others.set(key, also);
      }
      entries.push({ key, kind: e.kind, id: e.id, name: e.name, uri: a.uri, container: also ? `${title} · also written ${also}` : title });
    }
  }
  return { entries, spellings: new Map([...spellings].map(([k, v]) => [k, [...v]])), names, locate };
}

/** Places and factions whose name or any spelling (in any article, or given as aliases) matches the query. */
export function searchSymbols(
  articles: readonly OutlineArticle[] | SymbolIndex,
  query: string,
  options: { limit?: number; names?: NameKnowledge } = {},
): FoundSymbol[] {
  try {
    const index = Array.isArray(articles) ? symbolIndex(articles.map(articleSymbols), options.names, locateIn(articles)) : (articles as SymbolIndex);
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
    if (e.at === undefined) e.at = index.locate(e.uri, e.kind, e.id);
    if (!e.at) continue;
    out.push({ name: displayName(e.name, spelling, q), kind: e.kind, id: e.id, at: e.at, container: e.container });
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
function displayName(name: string, spelling: string, query: string): string {
  if (query === '' || subsequence(query, name)) return name;
  if (spelling && subsequence(query, spelling)) return `${name} (${spelling})`;
  return `${name} (${query})`;
}

/** Whether the query's letters occur in order in the text (case-insensitive, spaces ignored). */
export function subsequence(query: string, text: string): boolean {
  const q = basicFold(query).replace(/\s+/g, '');
  const t = basicFold(text);
  let i = 0;
  for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
  return i === q.length;
}
