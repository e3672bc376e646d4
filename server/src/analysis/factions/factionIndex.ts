// The factions dictionary indexed for matching: a trie over word tokens (linear in the text, whatever
// the number of names), plus lookups by id and the country table for demonyms and "the army".
import { aliasText, Alias, CountryEntry, FactionDictionary, FactionEntry, SourceEntry } from './dictionary';
import {
  aliasTokens,
  CAP,
  PUNCT,
  registerWords,
  UPPER,
  W_DEMONYM,
  W_FACTION_ALONE,
  W_FACTION_FIRST,
  W_FACTION_FIRST_LOWER,
  W_FACTION_SECOND,
  W_SOURCE_ALONE,
  W_SOURCE_FIRST,
  W_SOURCE_FIRST_LOWER,
  W_SOURCE_SECOND,
} from './tokens';

/** How a dictionary token must match the text's token. */
export const enum CaseRule {
  /** Lowercase in the dictionary: any case in the text. */
  Any = 0,
  /** Capitalised in the dictionary: must be capitalised in the text. */
  Cap = 1,
  /** Acronym or mixed case (IS, SDF, FAMa): exactly as written. */
  Exact = 2,
}

export interface AliasTarget<E> {
  entry: E;
  alias: string;
  rules: CaseRule[];
  /** Exact surface of each token, for CaseRule.Exact. */
  surface: string[];
  from?: string;
  to?: string;
  /** Came from the user's .dateline/factions.json. */
  user: boolean;
}

export interface TrieNode<E> {
  next: Map<string, TrieNode<E>>;
  targets: AliasTarget<E>[] | null;
  /**
   * The matcher's memo: subsets of `targets` in date order, by the subset's bit mask and the targets' activity
   * key (which dated targets are active, and whether there is a date), kept from article to article.
   * `datedFor` is the last date asked (undefined: none yet) and `datedKey` its activity key.
   */
  datedFor: string | null | undefined;
  datedKey: number;
  datedMasks: number[] | null;
  datedKeys: number[] | null;
  datedLists: AliasTarget<E>[][] | null;
}

export interface FactionIndex {
  size: number;
  factions: TrieNode<FactionEntry>;
  sources: TrieNode<SourceEntry>;
  byId: Map<string, FactionEntry>;
  sourceById: Map<string, SourceEntry>;
  countries: Map<string, CountryEntry>;
  /** Lowercased demonym ("syrian", "u.s.") → country code; multi-word demonyms keyed by first word. */
  demonyms: Map<string, { code: string; words: string[] }[]>;
  /** Ids that came from the user's dictionary. */
  userIds: Set<string>;
  /** Leader's surname (lowercase, last word) → the factions they command, with the dates. */
  leaders: Map<string, { entry: FactionEntry; name: string; from?: string; to?: string }[]>;
}

export function emptyFactionIndex(): FactionIndex {
  return {
    size: 0,
    factions: newNode(),
    sources: newNode(),
    byId: new Map(),
    sourceById: new Map(),
    countries: new Map(),
    demonyms: new Map(),
    userIds: new Set(),
    leaders: new Map(),
  };
}

/** Builds the index from the built-in dictionary, with the user's entries (if any) merged over it. */
export function buildFactionIndex(builtIn: FactionDictionary, user?: FactionDictionary): FactionIndex {
  const index = emptyFactionIndex();
  const userIds = new Set((user?.factions ?? []).map((f) => f.id));
  const userSourceIds = new Set((user?.sources ?? []).map((s) => s.id));
  for (const [code, c] of Object.entries({ ...builtIn.countries, ...(user?.countries ?? {}) })) addCountry(index, code, c);
  // A user entry with a built-in id replaces it (their correction wins); new ids add to it.
  for (const f of builtIn.factions) if (!userIds.has(f.id)) addFaction(index, f, false);
  for (const f of user?.factions ?? []) addFaction(index, f, true);
  for (const s of builtIn.sources) if (!userSourceIds.has(s.id)) addSource(index, s, false);
  for (const s of user?.sources ?? []) addSource(index, s, true);
  index.userIds = userIds;
  index.size = index.byId.size;
  return index;
}

function addCountry(index: FactionIndex, code: string, c: CountryEntry): void {
  index.countries.set(code, c);
  for (const d of c.demonyms) {
    const words = aliasTokens(d).filter((t) => !(t.flags & PUNCT)).map((t) => t.key);
    if (!words.length) continue;
    registerWords(W_DEMONYM, [words[0]]);
    const list = index.demonyms.get(words[0]) ?? [];
    list.push({ code, words });
    index.demonyms.set(words[0], list);
  }
}

function addFaction(index: FactionIndex, f: FactionEntry, user: boolean): void {
  index.byId.set(f.id, f);
  for (const l of f.leaders ?? []) {
    const words = aliasTokens(l.name).filter((t) => !(t.flags & PUNCT));
    if (!words.length) continue;
    const key = words[words.length - 1].key;
    const list = index.leaders.get(key) ?? [];
    list.push({ entry: f, name: l.name, from: l.from, to: l.to });
    index.leaders.set(key, list);
  }
  const seen = new Set<string>();
  for (const a of [f.name, ...f.aliases]) insert(index.factions, f, a, user, seen, [W_FACTION_FIRST, W_FACTION_ALONE, W_FACTION_SECOND, W_FACTION_FIRST_LOWER]);
}

function addSource(index: FactionIndex, s: SourceEntry, user: boolean): void {
  index.sourceById.set(s.id, s);
  const seen = new Set<string>();
  for (const a of [s.name, ...s.aliases]) insert(index.sources, s, a, user, seen, [W_SOURCE_FIRST, W_SOURCE_ALONE, W_SOURCE_SECOND, W_SOURCE_FIRST_LOWER]);
}

function newNode<E>(): TrieNode<E> {
  return { next: new Map(), targets: null, datedFor: undefined, datedKey: 0, datedMasks: null, datedKeys: null, datedLists: null };
}

function insert<E>(root: TrieNode<E>, entry: E, alias: Alias, user: boolean, seen: Set<string>, [firstBit, aloneBit, secondBit, lowerBit]: number[]): void {
  const text = aliasText(alias);
  const key = `${text}|${typeof alias === 'string' ? '' : `${alias.from ?? ''}|${alias.to ?? ''}`}`;
  if (seen.has(key)) return;
  seen.add(key);
  const toks = aliasTokens(text).filter((t) => !(t.flags & PUNCT) || t.key === '&');
  if (!toks.length) return;
  // The tokenizer marks first words of names, so the matcher skips every other token by a bit test.
  registerWords(firstBit, [toks[0].key]);
  // And whether a name can end there or which words may come second, so most first words need no walk at all.
  registerWords(toks.length === 1 ? aloneBit : secondBit, [toks[toks.length === 1 ? 0 : 1].key]);
  let node = root;
  for (const t of toks) {
    let child = node.next.get(t.key);
    if (!child) {
      child = newNode();
      node.next.set(t.key, child);
    }
    node = child;
  }
  const rules = toks.map((t) => caseRule(text.slice(t.start, t.end), t.flags));
  // Unless some name can start with the word uncapitalised, the matcher skips it when it is (see matcher.ts).
  if (mayStartUncapitalised(rules[0], text.slice(toks[0].start, toks[0].end))) registerWords(lowerBit, [toks[0].key]);
  const target: AliasTarget<E> = { entry, alias: text, rules, surface: toks.map((t) => text.slice(t.start, t.end)), user };
  if (typeof alias !== 'string') {
    if (alias.from) target.from = alias.from;
    if (alias.to) target.to = alias.to;
  }
  (node.targets ??= []).push(target);
}

/**
 * Can a text token without the CAP flag meet this first token's rule? Cap needs CAP; Exact needs the same
 * characters, so a capital A-Z first does too. Anything else (lowercase, "alQaeda", "&") may.
 */
function mayStartUncapitalised(rule: CaseRule, surface: string): boolean {
  if (rule === CaseRule.Cap) return false;
  if (rule === CaseRule.Exact) {
    const c = surface.charCodeAt(0);
    return !(c >= 65 && c <= 90);
  }
  return true;
}

function caseRule(surface: string, flags: number): CaseRule {
  if (flags & UPPER) return CaseRule.Exact;
  // Mixed case after the first letter ("FAMa", "LeT", "alQaeda") is an acronym-like spelling.
  if (/[A-Z]/.test(surface.slice(1))) return CaseRule.Exact;
  if (flags & CAP) return CaseRule.Cap;
  return CaseRule.Any;
}
