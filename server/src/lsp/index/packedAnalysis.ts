// How the index holds the analysis of an article that is not open: the fields every workspace feature reads
// all the time (publication, headline, claims, diagnostics) stay as objects; the bulky ones (structure,
// sentences, mentions: ~75 KB of objects for a 4 KB wire story) are kept as deflated JSON (~7 KB, outside
// the JS heap) and unpacked on demand, with the last few unpacked kept. Lossless: an unpacked analysis
// equals the one analyzeArticle returned.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ArticleAnalysis, Mention } from '../../analysis';

export interface PackedAnalysis {
  skipped: string | null;
  length: number;
  publication: ArticleAnalysis['publication'];
  headline: string | null;
  claims: ArticleAnalysis['claims'];
  diagnostics: ArticleAnalysis['diagnostics'];
  /** deflate-raw of JSON {structure, sentences, mentions}. */
  bulk: Uint8Array;
  /** `kind\0id` of each distinct place, faction and source mentioned, so workspace look-ups by id need no unpacking. */
  mentionKeys: string[];
}

type Bulk = Pick<ArticleAnalysis, 'structure' | 'sentences' | 'mentions'>;

/** The key workspace look-ups use for a mention of an entity. */
export function mentionKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** Distinct place, faction and source keys of a list of mentions, in first-seen order. */
export function mentionKeysOf(mentions: readonly Mention[]): string[] {
  const keys = new Set<string>();
  for (const m of mentions) if (m.kind !== 'date') keys.add(mentionKey(m.kind, m.id));
  return [...keys];
}

/** Packs an analysis for the index (run in index workers or, for single files, in the main thread). */
export function packAnalysis(a: ArticleAnalysis): PackedAnalysis {
  const bulk: Bulk = { structure: a.structure, sentences: a.sentences, mentions: a.mentions };
  return {
    skipped: a.skipped,
    length: a.length,
    publication: a.publication,
    headline: a.headline,
    claims: a.claims,
    diagnostics: a.diagnostics,
    // Level 1: a quarter faster than the default for ~15% more bytes; packing is on the indexing path.
    bulk: deflateRawSync(JSON.stringify(bulk), { level: 1 }),
    mentionKeys: mentionKeysOf(a.mentions),
  };
}

/** The full analysis back, as fresh objects. */
export function unpackAnalysis(p: PackedAnalysis): ArticleAnalysis {
  const bulk = unpackBulk(p);
  return { skipped: p.skipped, length: p.length, structure: bulk.structure, publication: p.publication, headline: p.headline, sentences: bulk.sentences, mentions: bulk.mentions, claims: p.claims, diagnostics: p.diagnostics };
}

/** Unpacked bulks kept, most recently used last: repeated reads of one article (a hover, a panel) unpack once. */
const RECENT_MAX = 64;
const recent = new Map<PackedAnalysis, Bulk>();

function unpackBulk(p: PackedAnalysis): Bulk {
  const hit = recent.get(p);
  if (hit) {
    recent.delete(p);
    recent.set(p, hit);
    return hit;
  }
  let bulk: Bulk;
  try {
    bulk = JSON.parse(inflateRawSync(p.bulk).toString('utf8')) as Bulk;
  } catch {
    // Cannot happen for what packAnalysis wrote; an empty article is better than a failed request.
    bulk = { structure: { headline: null, sourceLine: null, dateline: null, agency: null, datelineCity: null, sections: [] }, sentences: [], mentions: [] };
  }
  recent.set(p, bulk);
  if (recent.size > RECENT_MAX) recent.delete(recent.keys().next().value as PackedAnalysis);
  return bulk;
}

/**
 * An ArticleAnalysis view of a packed one: the light fields are plain properties, structure, sentences and
 * mentions are enumerable getters that unpack on first use (JSON.stringify and spreading see every field).
 */
export function lazyAnalysis(p: PackedAnalysis): ArticleAnalysis {
  const a = { skipped: p.skipped, length: p.length, publication: p.publication, headline: p.headline, claims: p.claims, diagnostics: p.diagnostics } as ArticleAnalysis;
  for (const key of ['structure', 'sentences', 'mentions'] as const) {
    Object.defineProperty(a, key, { enumerable: true, get: () => unpackBulk(p)[key] });
  }
  return a;
}

/** Drops the unpacked copies kept for reuse (tests measuring memory; nothing else needs to). */
export function forgetUnpacked(): void {
  recent.clear();
}
