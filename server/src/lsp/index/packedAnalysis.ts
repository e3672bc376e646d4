// How the index holds the analysis of an article that is not open: the fields every workspace feature reads
// all the time (publication, headline, claims, diagnostics) stay as objects; the bulky ones (structure,
// sentences, mentions: ~75 KB of objects for a 4 KB wire story) are kept in a compact binary form (~13 KB, outside
// the JS heap) and unpacked on demand, with the last few unpacked kept. Lossless: an unpacked analysis
// equals the one analyzeArticle returned.
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { ArticleAnalysis, Mention } from '../../analysis';
import { decodeBulk, decodeMentionSpans, encodeBulk, isCompactBulk } from './compactBulk';
import { keysAndDigests } from './entityDigests';
import { PartPool } from './partPool';
import { readSpilled, releaseSpilled, SpillRef, SpillStore } from './spillStore';

/**
 * Brotli at quality 0: on serialized analyses as small as deflate level 1 (~9 KB a 4 KB story) in half the
 * time (0.17 vs 0.39 ms), and packing was a third of an index worker's time.
 */
function compress(bytes: Uint8Array): Uint8Array {
  // Copied out: the result is a view on a larger chunk, which a worker message and the index would keep whole.
  return new Uint8Array(brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
}

export interface PackedAnalysis {
  skipped: string | null;
  length: number;
  publication: ArticleAnalysis['publication'];
  headline: string | null;
  claims: ArticleAnalysis['claims'];
  diagnostics: ArticleAnalysis['diagnostics'];
  /**
   * {structure, sentences, mentions} in the compact form (compactBulk.ts), or when an analysis does not fit
   * it, V8's serialization; empty once spilled.
   */
  bulk: Uint8Array;
  /** The bulk is Brotli-compressed (V8's serialization always; the compact form when kept in memory, keepBulk). */
  compressed: boolean;
  /** Where the bulk went when the store spilled it to a temporary file (spillStore.ts). */
  spilled?: SpillRef;
  /** `kind\0id` of each distinct place, faction and source mentioned, so workspace look-ups by id need no unpacking. */
  mentionKeys: string[];
  /**
   * For each mention key (same order): what workspace hovers count about it (an EntityDigest, see
   * entityMentions()), as JSON: one short string a key takes ~2 KB less per article than objects do, and a
   * hover reads only the key it asks about.
   */
  entities: string[];
}

type Bulk = Pick<ArticleAnalysis, 'structure' | 'sentences' | 'mentions'>;


/** Packs an analysis for the index (run in index workers or, for single files, in the main thread). */
export function packAnalysis(a: ArticleAnalysis): PackedAnalysis {
  const bulk: Bulk = { structure: a.structure, sentences: a.sentences, mentions: a.mentions };
  const { keys, entities } = keysAndDigests(a.mentions);
  return {
    skipped: a.skipped,
    length: a.length,
    publication: a.publication,
    headline: a.headline,
    claims: a.claims,
    diagnostics: a.diagnostics,
    ...packBulk(bulk),
    mentionKeys: keys,
    entities,
  };
}

/**
 * The compact form where the analysis fits it, not compressed: per article of the generated corpus it packs in
 * ~0.24 ms to ~13 KB and unpacks in ~0.14 ms, against 0.31 ms to ~9 KB and ~0.68 ms to unpack for V8's
 * serializer and brotli (scripts/bench/packBench.ts) (which on the compact bytes would cost 0.1 ms more for 13 -> 6 KB, in a spill file;
 * keepBulk compresses only bytes that stay in memory).
 */
function packBulk(bulk: Bulk): { bulk: Uint8Array; compressed: boolean } {
  let compact: Uint8Array | null = null;
  try {
    compact = encodeBulk(bulk);
  } catch {
    // Cannot happen (the writer checks what it reads); the general way below then.
  }
  // Copied out of the encoder's reused buffer. V8's serializer rather than JSON: a third cheaper to pack (no
  // UTF-8 re-encoding of a string), as cheap to unpack, ~10% more bytes.
  return compact ? { bulk: new Uint8Array(compact), compressed: false } : { bulk: compress(serialize(bulk)), compressed: true };
}

const NO_BYTES = new Uint8Array(0);

/** Where packed bytes are kept: in the spill store when there is one that takes them, else in memory, compressed. */
function place(bytes: Uint8Array, compressed: boolean, store: SpillStore | null): { bytes: Uint8Array; compressed: boolean; spilled?: SpillRef } {
  const spilled = store?.write(bytes);
  if (spilled) return { bytes: NO_BYTES, compressed, spilled };
  return compressed ? { bytes, compressed } : { bytes: compress(bytes), compressed: true };
}

/**
 * Moves the bulk of a packed analysis to the spill store; when there is none or it cannot take the bytes, they
 * stay in memory, compressed (index workers leave that to here: most bytes go to the spill file as they are).
 */
export function keepBulk(p: PackedAnalysis, store: SpillStore | null): void {
  if (p.spilled || p.bulk.length === 0) return;
  const kept = place(p.bulk, p.compressed, store);
  [p.bulk, p.compressed, p.spilled] = [kept.bytes, kept.compressed, kept.spilled];
}

/** Moves a packed text's bytes to the spill store, or compresses them in memory, as keepBulk. */
export function keepText(p: PackedText, store: SpillStore | null): void {
  if (p.spilled || p.bytes.length === 0) return;
  const kept = place(p.bytes, p.compressed, store);
  [p.bytes, p.compressed, p.spilled] = [kept.bytes, kept.compressed, kept.spilled];
}

/** A packed analysis or text is dropped from the index: its spilled bytes may be freed. */
export function releaseSpill(p: PackedAnalysis | PackedText): void {
  if (p.spilled) releaseSpilled(p.spilled);
  p.spilled = undefined;
}

/** The full analysis back, as fresh objects. */
export function unpackAnalysis(p: PackedAnalysis): ArticleAnalysis {
  const bulk = unpackBulk(p);
  return { skipped: p.skipped, length: p.length, structure: bulk.structure, publication: p.publication, headline: p.headline, sentences: bulk.sentences, mentions: bulk.mentions, claims: p.claims, diagnostics: p.diagnostics };
}

/** The last few values unpacked, most recently used last: repeated reads of one article (a hover, a panel) unpack once. */
class Recent<K, V> {
  private static readonly MAX = 64;
  private readonly map = new Map<K, V>();

  get(key: K): V | undefined {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }

  put(key: K, value: V): V {
    this.map.set(key, value);
    if (this.map.size > Recent.MAX) this.map.delete(this.map.keys().next().value as K);
    return value;
  }

  clear(): void {
    this.map.clear();
  }
}

/** Packed bytes as packed, wherever they are kept (in memory or the spill file), decompressed; null when the spill file cannot be read. */
function storedBytes(p: { spilled?: SpillRef; compressed: boolean }, inMemory: Uint8Array): Uint8Array | null {
  const stored = p.spilled ? readSpilled(p.spilled) : inMemory;
  return stored && p.compressed ? brotliDecompressSync(stored) : stored;
}

const recent = new Recent<PackedAnalysis, Bulk>();

/** Bulks and texts unpacked so far (reads the recent ones answered are not counted): tests count a request's. */
export const unpackCounts = { bulk: 0, text: 0 };

function unpackBulk(p: PackedAnalysis): Bulk {
  const hit = recent.get(p);
  if (hit) return hit;
  unpackCounts.bulk++;
  let bulk: Bulk;
  try {
    const bytes = storedBytes(p, p.bulk);
    if (!bytes) throw new Error('spilled bulk unreadable');
    bulk = isCompactBulk(bytes) ? decodeBulk(bytes) : (deserialize(bytes) as Bulk);
  } catch {
    // Cannot happen for what packAnalysis wrote; an empty article is better than a failed request.
    bulk = { structure: { headline: null, sourceLine: null, dateline: null, agency: null, datelineCity: null, sections: [] }, sentences: [], mentions: [] };
  }
  return recent.put(p, bulk);
}

/**
 * The spans of one entity's mentions (in order), read from the compact bytes without unpacking the rest (and
 * without keeping anything among the recent ones); counted as an unpack.
 */
export function mentionSpans(p: PackedAnalysis, kind: Mention['kind'], id: string): { start: number; end: number }[] {
  const spans = recent.get(p) ? null : spansFromBytes(p, kind, id);
  if (spans) return spans;
  const out: { start: number; end: number }[] = [];
  for (const m of unpackBulk(p).mentions) if (m.kind === kind && m.id === id) out.push({ start: m.start, end: m.end });
  return out;
}

/** Null when the bulk is not in the compact form (or unreadable): the caller unpacks it whole. */
function spansFromBytes(p: PackedAnalysis, kind: Mention['kind'], id: string): { start: number; end: number }[] | null {
  try {
    const bytes = storedBytes(p, p.bulk);
    if (!bytes || !isCompactBulk(bytes)) return null;
    const spans = decodeMentionSpans(bytes, kind, id);
    unpackCounts.bulk++;
    return spans;
  } catch {
    // Cannot happen for what packAnalysis wrote.
    return null;
  }
}

/**
 * An ArticleAnalysis view of a packed one: the light fields are plain properties, structure, sentences and
 * mentions are enumerable getters that unpack on first use (JSON.stringify and spreading see every field).
 */
export function lazyAnalysis(p: PackedAnalysis): ArticleAnalysis {
  const a = { skipped: p.skipped, length: p.length, publication: p.publication, headline: p.headline, claims: p.claims, diagnostics: p.diagnostics, [PACKED]: p };
  // One set of getter functions for all (no closures per article); they find the packed data by a symbol key.
  return Object.defineProperties(a, LAZY_FIELDS) as unknown as ArticleAnalysis;
}

const PACKED = Symbol('packed analysis');
type WithPacked = { [PACKED]: PackedAnalysis };
const LAZY_FIELDS: PropertyDescriptorMap = {
  structure: { enumerable: true, get(this: WithPacked) { return unpackBulk(this[PACKED]).structure; } },
  sentences: { enumerable: true, get(this: WithPacked) { return unpackBulk(this[PACKED]).sentences; } },
  mentions: { enumerable: true, get(this: WithPacked) { return unpackBulk(this[PACKED]).mentions; } },
};

/** Pools of the repeated parts of indexed claims; cleared when large (that only loses sharing, never data). */
const POOL_MAX = 200_000;
const sharedParts = new PartPool<object>();
const sharedKeys = new Map<string, string>();
/** The parts of a claim that recur across articles (shared between indexed claims, numbered on the worker wire). */
export const CLAIM_PARTS = ['actor', 'patient', 'place', 'extent', 'time', 'source', 'incident'] as const;
/**
 * A claim's string fields that recur (a workspace has a few thousand distinct summaries among 200,000 claims):
 * pooled too, as each arrives from a worker as a fresh copy (~30 MB at 10,000 articles). Typed as strings or
 * null, never numbers, so the worker wire can send a repeat as its number (all but the summary, wireParts.ts).
 */
export const CLAIM_STRINGS = ['action', 'modality', 'summary', 'victims', 'eventKind', 'countQualifier'] as const;

/** The pooled claim part equal to `value` (`value` itself the first time). */
export function sharedPart(kind: string, value: object): object {
  const hit = sharedParts.find(kind, value);
  if (hit) return hit;
  if (sharedParts.size > POOL_MAX) sharedParts.clear();
  sharedParts.add(kind, value, value);
  return value;
}

/** The pooled copy of a mention key, digest or claim string. */
export function sharedString(s: string): string {
  const hit = sharedKeys.get(s);
  if (hit !== undefined) return hit;
  if (sharedKeys.size > POOL_MAX) sharedKeys.clear();
  sharedKeys.set(s, s);
  return s;
}

/** Packed analyses whose parts were shared as they arrived (wireParts.ts): nothing left to pool. */
const alreadyShared = new WeakSet<PackedAnalysis>();

/** Marks a packed analysis as sharing its repeated parts already. */
export function markShared(p: PackedAnalysis): PackedAnalysis {
  alreadyShared.add(p);
  return p;
}

/**
 * Makes a packed analysis that arrived from a worker (fresh copies of everything) share what repeats across
 * articles: the small objects inside claims (actor, place, source, time…: a claim's ~1.2 KB drops to ~0.3 KB)
 * and the mention keys. Shared objects are read-only by contract, as all analysis data is.
 */
export function shareRepeatedParts(p: PackedAnalysis): PackedAnalysis {
  if (alreadyShared.has(p)) return p;
  for (const claim of p.claims) shareClaimParts(claim);
  shareStrings(p.mentionKeys);
  shareStrings(p.entities);
  return markShared(p);
}

/** Makes one claim share its repeated parts and strings (in place). */
export function shareClaimParts(claim: ArticleAnalysis['claims'][number]): void {
  const c = claim as unknown as Record<string, object | null>;
  for (const part of CLAIM_PARTS) {
    const v = c[part];
    if (v && typeof v === 'object') c[part] = sharedPart(part, v);
  }
  const f = claim as unknown as Record<string, unknown>;
  for (const field of CLAIM_STRINGS) {
    const v = f[field];
    if (typeof v === 'string') f[field] = sharedString(v);
  }
}

function shareStrings(list: string[]): void {
  for (let i = 0; i < list.length; i++) list[i] = sharedString(list[i]);
}

/** An indexed article's text: as bytes in a spill file, or compressed in memory (a 4 KB wire story takes ~1.5 KB). */
export interface PackedText {
  /** Empty once spilled. */
  bytes: Uint8Array;
  /** Where the bytes went when the store spilled them (spillStore.ts). */
  spilled?: SpillRef;
  /** Stored as UTF-16 (any character above U+00FF, lone surrogates included, survive) rather than Latin-1. */
  wide: boolean;
  /** Brotli-compressed (keepText does it to bytes kept in memory). */
  compressed: boolean;
  length: number;
}

/**
 * Packs a text losslessly: Latin-1 bytes when every character fits, UTF-16 otherwise; not compressed, as most go
 * to the spill file (keepText): compressing took 0.034 ms an article of the generated corpus, copying 0.006.
 */
export function packText(text: string): PackedText {
  const wide = /[^\u0000-\u00ff]/.test(text);
  // Copied out: a short text's Buffer is a view on a shared 8 KB slab, which a worker message would copy whole.
  return { bytes: new Uint8Array(Buffer.from(text, wide ? 'utf16le' : 'latin1')), wide, compressed: false, length: text.length };
}

const recentTexts = new Recent<PackedText, string>();

/** The text back (the last few unpacked are kept: a hover or a conflict list reads one article many times). */
export function unpackText(p: PackedText): string {
  const hit = recentTexts.get(p);
  if (hit !== undefined) return hit;
  unpackCounts.text++;
  let text: string;
  try {
    const bytes = storedBytes(p, p.bytes);
    if (!bytes) throw new Error('spilled text unreadable');
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(p.wide ? 'utf16le' : 'latin1');
  } catch {
    text = '';
  }
  return recentTexts.put(p, text);
}

/** Drops the unpacked copies kept for reuse (tests measuring memory; nothing else needs to). */
export function forgetUnpacked(): void {
  recent.clear();
  recentTexts.clear();
}
