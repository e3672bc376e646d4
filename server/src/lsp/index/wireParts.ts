// What an index worker sends the main thread for one article, without repeats: the small parts of claims
// (actor, place, source, time…), their recurring strings (action, modality…), the mention keys and the entity
// digests recur across thousands of articles, so a worker numbers each one the first time it sends it and
// afterwards sends only the number. The main thread keeps the same numbering per worker (messages from one worker arrive
// in order) and so receives one shared object per part instead of a fresh copy to pool: less to copy between
// threads, and only parts new to a worker are pooled (partPool.ts) in the main thread. A claim travels as a list of
// its values (its keys implied), and is made again as one object literal on arrival.
import type { Claim } from '../../analysis';
import { keysWithOptional } from './compactWriter';
import { markShared, PackedAnalysis, shareClaimParts, sharedPart, sharedString } from './packedAnalysis';
import { PartPool } from './partPool';

/**
 * Distinct parts or strings a worker numbers before it starts over (both sides then forget their tables).
 * Small on purpose: what a worker keeps raises the peak RSS of a pass far more than its size (tables of
 * 20,000: peak 499-526 MB; 2,000: 480-496; none: 458-478, but ~2 s more CPU at 10,000 articles), and parts
 * recur within a few hundred articles anyway.
 */
const TABLE_MAX = 2_000;

/** A packed analysis as sent: claims as WireClaims, repeated mention keys and entity digests replaced by their numbers. */
export interface WirePacked extends Omit<PackedAnalysis, 'claims' | 'mentionKeys' | 'entities'> {
  claims: WireClaim[];
  mentionKeys: (string | number)[];
  entities: (string | number)[];
  /** The sender started its tables over before this analysis. */
  reset: boolean;
}

/**
 * A claim as sent: `[mask, id, start, end, sentence, actor, action, patient, place, extent, time, source, modality,
 * count, summary, …the optional fields present]`, parts and strings by number when sent before; `mask` says which
 * optional fields follow (bit i for OPTIONAL_KEYS[i]). A claim with other keys or values of other types goes as it
 * is, `[AS_IT_IS, claim]`, so nothing is lost.
 *
 * Not the claim object with numbers written over its parts, as before: that encoder was thrown out of optimised
 * code ("wrong map") and compiled again 4 times in each worker, and the main thread wrote the parts back over the
 * numbers. A list also spares V8's serializer each claim's 14 keys (~6.9 -> ~4.6 KB a message per article), and
 * the claims made on arrival all share one hidden class.
 */
export type WireClaim = unknown[];

const AS_IT_IS = -1;
/** A claim's keys, in the order the analysis writes them (claims/extractClaims.ts), then its optional keys. */
const CLAIM_KEYS = ['id', 'start', 'end', 'sentence', 'actor', 'action', 'patient', 'place', 'extent', 'time', 'source', 'modality', 'count', 'summary'];
const OPTIONAL_KEYS = ['victims', 'eventKind', 'countQualifier', 'incident'];
const VICTIMS = 1;
const EVENT_KIND = 2;
const COUNT_QUALIFIER = 4;
const INCIDENT = 8;

/** A claim's fields as the wire reads them, each by name (a property named by a variable is a generic lookup). */
interface AnyClaim {
  id: unknown;
  start: unknown;
  end: unknown;
  sentence: unknown;
  actor: unknown;
  action: unknown;
  patient: unknown;
  place: unknown;
  extent: unknown;
  time: unknown;
  source: unknown;
  modality: unknown;
  count: unknown;
  summary: unknown;
  victims?: unknown;
  eventKind?: unknown;
  countQualifier?: unknown;
  incident?: unknown;
}

/** A part field as the wire takes it: an object (numbered) or null. */
function isPartOrNull(v: unknown): v is object | null {
  return typeof v === 'object';
}

/** True when every value of a claim with these keys is of the type the wire numbers or leaves as it is. */
function wireable(c: AnyClaim, mask: number): boolean {
  return (
    isPartOrNull(c.actor) &&
    typeof c.action === 'string' &&
    isPartOrNull(c.patient) &&
    isPartOrNull(c.place) &&
    isPartOrNull(c.extent) &&
    isPartOrNull(c.time) &&
    isPartOrNull(c.source) &&
    typeof c.modality === 'string' &&
    typeof c.summary === 'string' &&
    (!(mask & VICTIMS) || c.victims === null || typeof c.victims === 'string') &&
    (!(mask & EVENT_KIND) || c.eventKind === null || typeof c.eventKind === 'string') &&
    (!(mask & COUNT_QUALIFIER) || c.countQualifier === null || typeof c.countQualifier === 'string') &&
    (!(mask & INCIDENT) || isPartOrNull(c.incident))
  );
}

/** The worker side: numbers parts and strings as they are first sent. */
export class WireSender {
  private readonly parts = new PartPool<number>();
  /** Every claim part sent whole takes the next number, found again or not (its bucket may be full). */
  private partCount = 0;
  private readonly strings = new Map<string, number>();

  /** `tableMax`: distinct parts or strings numbered before starting over (small in tests). */
  constructor(private readonly tableMax = TABLE_MAX) {}

  /** The wire form of a packed analysis (which is left as it is). */
  encode(p: PackedAnalysis): WirePacked {
    const reset = this.partCount > this.tableMax || this.strings.size > this.tableMax;
    if (reset) {
      this.parts.clear();
      this.partCount = 0;
      this.strings.clear();
    }
    const claims: WireClaim[] = new Array(p.claims.length);
    for (let i = 0; i < claims.length; i++) claims[i] = this.claim(p.claims[i] as unknown as AnyClaim);
    return {
      skipped: p.skipped,
      length: p.length,
      publication: p.publication,
      headline: p.headline,
      claims,
      diagnostics: p.diagnostics,
      bulk: p.bulk,
      compressed: p.compressed,
      // Entity digests too: ~85 % of those of the generated corpus repeat one sent before (a place named once,
      // a source quoting one sentence), and pooling each whole one cost the main thread a hash lookup.
      mentionKeys: this.strs(p.mentionKeys),
      entities: this.strs(p.entities),
      reset,
    };
  }

  private claim(c: AnyClaim): WireClaim {
    const mask = keysWithOptional(c, CLAIM_KEYS, OPTIONAL_KEYS);
    if (mask < 0 || !wireable(c, mask)) return [AS_IT_IS, c];
    const w: WireClaim = [
      mask,
      c.id,
      c.start,
      c.end,
      c.sentence,
      this.part('actor', c.actor as object | null),
      this.str(c.action as string),
      this.part('patient', c.patient as object | null),
      this.part('place', c.place as object | null),
      this.part('extent', c.extent as object | null),
      this.part('time', c.time as object | null),
      this.part('source', c.source as object | null),
      this.str(c.modality as string),
      c.count,
      // Not numbered: most are new to the table (17 of an article's 20), and numbering them filled it in ~100
      // articles, so the tables started over and re-sent the parts and strings that do recur.
      c.summary,
    ];
    if (mask & VICTIMS) w.push(this.strOrNull(c.victims as string | null));
    if (mask & EVENT_KIND) w.push(this.strOrNull(c.eventKind as string | null));
    if (mask & COUNT_QUALIFIER) w.push(this.strOrNull(c.countQualifier as string | null));
    if (mask & INCIDENT) w.push(this.part('incident', c.incident as object | null));
    return w;
  }

  /** A claim part's number when sent before; else the part itself, numbered from now on (null stays null). */
  private part(kind: string, v: object | null): number | object | null {
    if (v === null) return null;
    const n = this.parts.find(kind, v);
    if (n !== undefined) return n;
    this.parts.add(kind, v, this.partCount++);
    return v;
  }

  private strs(list: readonly string[]): (string | number)[] {
    const out: (string | number)[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) out[i] = this.str(list[i]);
    return out;
  }

  private strOrNull(s: string | null): string | number | null {
    return s === null ? null : this.str(s);
  }

  /** A string's number when sent before; else the string, numbered from now on. */
  private str(s: string): string | number {
    const n = this.strings.get(s);
    if (n !== undefined) return n;
    this.strings.set(s, this.strings.size);
    return s;
  }
}

/** The main-thread side for one worker: the same numbering, built from what arrives. */
export class WireReceiver {
  private parts: object[] = [];
  private strings: string[] = [];

  /** The packed analysis back, its claim parts and strings shared with every other indexed article. */
  decode(w: WirePacked): PackedAnalysis {
    if (w.reset) {
      this.parts = [];
      this.strings = [];
    }
    const claims: Claim[] = new Array(w.claims.length);
    for (let i = 0; i < claims.length; i++) claims[i] = this.claim(w.claims[i]);
    return markShared({
      skipped: w.skipped,
      length: w.length,
      publication: w.publication,
      headline: w.headline,
      claims,
      diagnostics: w.diagnostics,
      bulk: w.bulk,
      compressed: w.compressed,
      mentionKeys: this.strs(w.mentionKeys),
      entities: this.strs(w.entities),
    });
  }

  /** A claim as the analysis made it: its keys in the same order, parts and strings shared. */
  private claim(w: WireClaim): Claim {
    const mask = w[0] as number;
    if (mask === AS_IT_IS) {
      const c = w[1] as Claim;
      shareClaimParts(c);
      return c;
    }
    // One literal for every claim: the claims of all indexed articles share its hidden class (and the
    // optional fields' transitions after it, added in the order the analysis adds them).
    const c: AnyClaim = {
      id: w[1],
      start: w[2],
      end: w[3],
      sentence: w[4],
      actor: this.part('actor', w[5]),
      action: this.field(w[6] as number | string),
      patient: this.part('patient', w[7]),
      place: this.part('place', w[8]),
      extent: this.part('extent', w[9]),
      time: this.part('time', w[10]),
      source: this.part('source', w[11]),
      modality: this.field(w[12] as number | string),
      count: w[13],
      summary: sharedString(w[14] as string),
    };
    let k = 15;
    if (mask & VICTIMS) c.victims = this.fieldOrNull(w[k++] as number | string | null);
    if (mask & EVENT_KIND) c.eventKind = this.fieldOrNull(w[k++] as number | string | null);
    if (mask & COUNT_QUALIFIER) c.countQualifier = this.fieldOrNull(w[k++] as number | string | null);
    if (mask & INCIDENT) c.incident = this.part('incident', w[k++]);
    return c as unknown as Claim;
  }

  /** A claim part as the sender wrote it: its number, or the part sent whole (shared and numbered), or null. */
  private part(kind: string, v: unknown): object | null {
    if (typeof v === 'number') return this.parts[v];
    if (v === null) return null;
    const shared = sharedPart(kind, v as object);
    this.parts.push(shared);
    return shared;
  }

  /** A claim string field as the sender wrote it: its number, or the string sent whole (pooled and numbered). */
  private field(v: number | string): string {
    return typeof v === 'number' ? this.strings[v] : this.str(v);
  }

  private fieldOrNull(v: number | string | null): string | null {
    return v === null ? null : this.field(v);
  }

  private strs(list: readonly (string | number)[]): string[] {
    const out: string[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      out[i] = typeof v === 'number' ? this.strings[v] : this.str(v);
    }
    return out;
  }

  /** A string sent whole: pooled, and numbered as the sender numbered it. */
  private str(v: string): string {
    const s = sharedString(v);
    this.strings.push(s);
    return s;
  }
}
