// What workspace summaries read of an indexed article without unpacking it: the places, factions and sources it
// mentions (`kind\0id` keys) and, for each, a digest of its mentions (how many, spellings, descriptors...).
import type { Mention } from '../../analysis';

/**
 * One place, faction or source in one article, reduced to what the workspace summaries of hovers count:
 * how often it is mentioned, the spellings (places), how many mentions were resolved from context and the
 * descriptors used (factions), the sentences attributed (sources).
 */
export interface EntityDigest {
  n: number;
  spellings?: string[];
  resolved?: number;
  descriptors?: string[];
  attributed?: number[];
  /** Factions: the distinct spellings written other than the name (case aside), context references left out, for Ctrl+T. */
  written?: string[];
  /** Factions found as a phrase ("pro-government militias"): the name, made from the words of the first mention. */
  name?: string;
}

/**
 * The mention keys of an article (as mentionKeysOf) and the digest of each as JSON, in one walk over the
 * mentions: entities are found by id in one map per kind, so no key string is built per mention (two passes
 * that built and hashed `kind\0id` twice a mention took 0.084 ms an article of the generated corpus, this 0.037).
 */
export function keysAndDigests(mentions: readonly Mention[]): { keys: string[]; entities: string[] } {
  const article = ++articleCount;
  // Emptied between articles only: an entity met twice in one article must find its entry again.
  for (const byId of ENTITY_TABLES) if (byId.size >= KEYS_KEPT) byId.clear();
  let others: Map<string, Entity> | null = null;
  const keys: string[] = [];
  const found: Entity[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    // (Not a mention: nothing to count. analyzeArticle makes none, but packing must not throw.)
    if (m === null || typeof m !== 'object' || m.kind === 'date') continue;
    const kind = m.kind;
    let e: Entity | undefined;
    if (kind === 'place' || kind === 'faction' || kind === 'source') {
      const byId = kind === 'place' ? places : kind === 'faction' ? factions : sources;
      e = byId.get(m.id);
      if (e === undefined) {
        e = newEntity(kind, m.id);
        byId.set(typeof m.id === 'string' ? detached(m.id) : m.id, e);
      }
    } else {
      // Not a kind analyzeArticle makes: counted for this article only.
      const key = mentionKey(kind, (m as { id: string }).id);
      e = (others ??= new Map()).get(key);
      if (e === undefined) others.set(key, (e = { key, article: 0, digest: NO_DIGEST }));
    }
    if (e.article !== article) {
      e.article = article;
      e.digest = { n: 0 };
      keys.push(e.key);
      found.push(e);
    }
    const d = e.digest;
    d.n++;
    // Fields are added as first met, as before: the JSON of a digest keeps its key order.
    if (m.kind === 'place') (d.spellings ??= []).push(m.text);
    else if (m.kind === 'faction') {
      if (d.n === 1 && m.resolvedFrom === 'phrase' && typeof m.name === 'string') d.name = m.name;
      if (m.resolvedFrom === 'context') d.resolved = (d.resolved ?? 0) + 1;
      else if (typeof m.text === 'string' && typeof m.name === 'string' && m.text.toLowerCase() !== m.name.toLowerCase() && !d.written?.includes(m.text)) (d.written ??= []).push(m.text);
      if (Array.isArray(m.descriptors)) for (const x of m.descriptors) if (!(d.descriptors ??= []).includes(x)) d.descriptors.push(x);
    } else if (Array.isArray(m.attributed)) for (const x of m.attributed) if (!(d.attributed ??= []).includes(x)) d.attributed.push(x);
  }
  const entities: string[] = new Array(found.length);
  for (let i = 0; i < found.length; i++) {
    const d = found[i].digest;
    entities[i] = commonDigestJson(d) ?? digestJson(d);
    // Let go: the digest holds the article's mention texts.
    found[i].digest = NO_DIGEST;
  }
  return { keys, entities };
}

/**
 * A place, faction or source met in some article: its key (made once) and, while an article is counted, that
 * article's digest of it. Kept from article to article by id, so an article's entities are found without maps
 * of its own (three per article, grown as filled, were ~15 % of what packing allocated).
 */
interface Entity {
  readonly key: string;
  /** The article (keysAndDigests call) `digest` counts; another means this article has not met it yet. */
  article: number;
  digest: EntityDigest;
}

const NO_DIGEST: EntityDigest = { n: 0 };
let articleCount = 0;
const places = new Map<unknown, Entity>();
const factions = new Map<unknown, Entity>();
const sources = new Map<unknown, Entity>();
const ENTITY_TABLES = [places, factions, sources];

function newEntity(kind: string, id: unknown): Entity {
  // Copies: an id made from the article's words may be (or hold) a slice of its text.
  const key = typeof id === 'string' ? detached(mentionKey(kind, id)) : mentionKey(kind, id as string);
  return { key, article: 0, digest: NO_DIGEST };
}

/** Entities, and spellings of common digests, kept before the tables are emptied (bounded memory; only sharing is lost). */
const KEYS_KEPT = 8_192;

/** `{"n":k}` by k: a faction or source mentioned k times, nothing else counted (most factions). */
const COUNT_ONLY: string[] = [];
/** `{"n":1,"attributed":[x]}` by x: a source named once, for one sentence (most sources). */
const ONE_SENTENCE: string[] = [];
/** `{"n":k,"spellings":[s × k]}` by s, then k: a place written the same way each time (most places). */
const SAME_SPELLING = new Map<string, { spelling: string; json: string[] }>();
/** Counts and sentence numbers kept in the tables above; larger ones are written each time. */
const SMALL = 64;
const SENTENCES_KEPT = 1_024;

/**
 * The JSON of the digests most entities have, as the same string each time (made once, by digestJson): the
 * worker wire's numbering and the main thread's pool find it without flattening and hashing a new string, and
 * the digest is not written again. Undefined for any other digest.
 */
function commonDigestJson(d: EntityDigest): string | undefined {
  const { n, spellings, resolved, descriptors, attributed, written, name } = d;
  if (resolved !== undefined || descriptors !== undefined || written !== undefined || name !== undefined || !(n >= 0 && n < SMALL && Number.isInteger(n))) return undefined;
  if (spellings === undefined && attributed === undefined) return (COUNT_ONLY[n] ??= digestJson(d));
  if (spellings === undefined && n === 1 && attributed!.length === 1) {
    const x = attributed![0];
    if (Number.isInteger(x) && x >= 0 && x < SENTENCES_KEPT) return (ONE_SENTENCE[x] ??= digestJson(d));
    return undefined;
  }
  if (attributed !== undefined || spellings === undefined || spellings.length !== n) return undefined;
  const s = spellings[0];
  if (typeof s !== 'string') return undefined;
  for (let i = 1; i < n; i++) if (spellings[i] !== s) return undefined;
  let same = SAME_SPELLING.get(s);
  if (same === undefined) {
    // Bounded: spellings of past articles are let go now and then (only sharing is lost).
    if (SAME_SPELLING.size >= KEYS_KEPT) SAME_SPELLING.clear();
    const spelling = detached(s);
    SAME_SPELLING.set(spelling, (same = { spelling, json: [] }));
  }
  // Made from the kept copy, so the JSON kept does not hold on to the article's text either.
  return (same.json[n] ??= digestJson({ n, spellings: new Array<string>(n).fill(same.spelling) }));
}

/**
 * A copy of a string that holds no reference to a longer one, for the tables here that outlive an article: a
 * mention's text is a slice of its article (the engine keeps slices of 13 characters or more as views of the
 * whole, and a string built from one as a pair of pieces), and a table entry would keep that article alive.
 */
function detached(s: string): string {
  // Short strings are copied anyway; JSON.parse makes a new string of its own.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * JSON.stringify(d), written by hand: a digest's few keys, in the order they were added, with its strings
 * quoted as JSON does. JSON.stringify was half of keysAndDigests (~9 % of packing).
 */
function digestJson(d: EntityDigest): string {
  let out = '{';
  // for-in follows insertion order, as JSON.stringify does; only these keys are ever set.
  for (const k in d) {
    const v = d[k as keyof EntityDigest];
    if (v === undefined) continue;
    if (out.length > 1) out += ',';
    out += `"${k}":${typeof v === 'number' ? numberJson(v) : typeof v === 'string' ? stringJson(v) : listJson(v)}`;
  }
  return out + '}';
}

function listJson(list: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out += ',';
    const x = list[i];
    // What JSON.stringify writes in an array for a value it cannot write (undefined, a function): null.
    out += typeof x === 'string' ? stringJson(x) : typeof x === 'number' ? numberJson(x) : (JSON.stringify(x) ?? 'null');
  }
  return out + ']';
}

function numberJson(v: number): string {
  return Number.isFinite(v) ? String(v) : 'null';
}

/** A string quoted as JSON: as it is when no character needs escaping (a quote, a backslash, a control, a surrogate). */
function stringJson(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/**
 * The mentions of one key in an indexed article as workspace summaries see them: kind, id and the digest's
 * facts (text, resolvedFrom, descriptors, attributed) spread over `n` mentions; other fields are absent.
 */
export function entityMentions(p: { readonly mentionKeys: readonly string[]; readonly entities: readonly string[] }, key: string): Mention[] | null {
  const i = p.mentionKeys.indexOf(key);
  if (i < 0) return null;
  const d = parsedDigest(p.entities[i]);
  if (d === null) return null;
  const sep = key.indexOf('\u0000');
  const kind = key.slice(0, sep);
  const id = key.slice(sep + 1);
  const out: Record<string, unknown>[] = [];
  for (let j = 0; j < d.n; j++) {
    if (kind === 'place') out.push({ kind, id, text: d.spellings?.[j] ?? '' });
    else if (kind === 'faction') out.push({ kind, id, resolvedFrom: j < (d.resolved ?? 0) ? 'context' : 'dictionary', descriptors: j === 0 ? (d.descriptors ?? []) : [] });
    else out.push({ kind, id, attributed: j === 0 ? (d.attributed ?? []) : [] });
  }
  return out as unknown as Mention[];
}

/**
 * What Ctrl+T reads of one key in an indexed article, from its digest: the spellings written (every place
 * mention's text, in order; a faction's distinct texts other than its name) and, for a faction found as a phrase,
 * its name; null when the article does not mention it.
 */
export function writtenNames(p: { readonly mentionKeys: readonly string[]; readonly entities: readonly string[] }, key: string): { name: string | null; written: readonly string[] } | null {
  const i = p.mentionKeys.indexOf(key);
  if (i < 0) return null;
  const d = parsedDigest(p.entities[i]);
  return { name: d?.name ?? null, written: (key.startsWith('place\u0000') ? d?.spellings : d?.written) ?? [] };
}

/** Digests parsed, by their JSON (pooled: most articles share the few common ones); let go past KEYS_KEPT. */
const parsed = new Map<string, EntityDigest | null>();

/**
 * A digest's JSON parsed, once for all the articles that share it: workspace summaries read the digests of
 * every indexed article, and parsing each again was the main thread's largest cost of hovers during an index
 * pass (~320 ms of 4,000 articles). The digest is read-only, as all analysis data is.
 */
function parsedDigest(json: string): EntityDigest | null {
  let d = parsed.get(json);
  if (d === undefined) {
    try {
      const value: unknown = JSON.parse(json);
      d = value !== null && typeof value === 'object' ? (value as EntityDigest) : null;
    } catch {
      d = null;
    }
    if (parsed.size >= KEYS_KEPT) parsed.clear();
    parsed.set(json, d);
  }
  return d;
}

/** The key workspace look-ups use for a mention of an entity. */
export function mentionKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** The place, faction and source mentions of a list grouped by key, keys in first-seen order (as mentionKeysOf). */
export function mentionsByKey(mentions: readonly Mention[]): Map<string, Mention[]> {
  const groups = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.kind === 'date') continue;
    const key = mentionKey(m.kind, m.id);
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return groups;
}

/** Distinct place, faction and source keys of a list of mentions, in first-seen order. */
export function mentionKeysOf(mentions: readonly Mention[]): string[] {
  const keys = new Set<string>();
  for (const m of mentions) if (m.kind !== 'date') keys.add(mentionKey(m.kind, m.id));
  return [...keys];
}

