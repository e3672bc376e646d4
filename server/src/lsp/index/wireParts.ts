// What an index worker sends the main thread for one article, without repeats: the small parts of claims
// (actor, place, source, time…), their recurring strings (action, modality…), the mention keys and the entity
// digests recur across thousands of articles, so a worker numbers each one the first time it sends it and
// afterwards sends only the number. The main thread keeps the same numbering per worker (messages from one worker arrive
// in order) and so receives one shared object per part instead of a fresh copy to pool: less to copy between
// threads, and only parts new to a worker are pooled (partPool.ts) in the main thread.
import { markShared, PackedAnalysis, sharedPart, sharedString } from './packedAnalysis';
import { PartPool } from './partPool';

/**
 * Distinct parts or strings a worker numbers before it starts over (both sides then forget their tables).
 * Small on purpose: what a worker keeps raises the peak RSS of a pass far more than its size (tables of
 * 20,000: peak 499-526 MB; 2,000: 480-496; none: 458-478, but ~2 s more CPU at 10,000 articles), and parts
 * recur within a few hundred articles anyway.
 */
const TABLE_MAX = 2_000;

/** A packed analysis as sent: repeated claim parts, claim strings, mention keys and entity digests replaced by their numbers. */
export interface WirePacked extends Omit<PackedAnalysis, 'mentionKeys' | 'entities'> {
  mentionKeys: (string | number)[];
  entities: (string | number)[];
  /** The sender started its tables over before this analysis. */
  reset: boolean;
}

/**
 * A claim's fields as the wire reads and writes them, each by name (not by a loop over CLAIM_PARTS and
 * CLAIM_STRINGS: a property named by a variable is a generic lookup, and that loop was a quarter of encoding).
 * Absent optional fields stay absent; values of other types are left as they are.
 */
interface WireClaim {
  actor?: unknown;
  patient?: unknown;
  place?: unknown;
  extent?: unknown;
  time?: unknown;
  source?: unknown;
  incident?: unknown;
  action?: unknown;
  modality?: unknown;
  summary?: unknown;
  victims?: unknown;
  eventKind?: unknown;
  countQualifier?: unknown;
}

/** A part to number: an object (null and other values stay as they are). */
function isPart(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

/** A part as sent: its number, or the part itself. */
function isSent(v: unknown): v is number | object {
  return typeof v === 'number' || (typeof v === 'object' && v !== null);
}

/** A string field as sent: its number, or the string itself. */
function isString(v: unknown): v is number | string {
  return typeof v === 'number' || typeof v === 'string';
}

/** The worker side: numbers parts and strings as they are first sent. */
export class WireSender {
  private readonly parts = new PartPool<number>();
  /** Every claim part sent whole takes the next number, found again or not (its bucket may be full). */
  private partCount = 0;
  private readonly strings = new Map<string, number>();

  /** `tableMax`: distinct parts or strings numbered before starting over (small in tests). */
  constructor(private readonly tableMax = TABLE_MAX) {}

  /** The wire form of a packed analysis (its claims are changed in place: they are not used again here). */
  encode(p: PackedAnalysis): WirePacked {
    const reset = this.partCount > this.tableMax || this.strings.size > this.tableMax;
    if (reset) {
      this.parts.clear();
      this.partCount = 0;
      this.strings.clear();
    }
    const claims = p.claims as unknown as WireClaim[];
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i];
      const { actor, patient, place, extent, time, source, incident, action, modality, victims, eventKind, countQualifier } = c;
      if (isPart(actor)) c.actor = this.part('actor', actor);
      if (isPart(patient)) c.patient = this.part('patient', patient);
      if (isPart(place)) c.place = this.part('place', place);
      if (isPart(extent)) c.extent = this.part('extent', extent);
      if (isPart(time)) c.time = this.part('time', time);
      if (isPart(source)) c.source = this.part('source', source);
      if (isPart(incident)) c.incident = this.part('incident', incident);
      if (typeof action === 'string') c.action = this.str(action);
      if (typeof modality === 'string') c.modality = this.str(modality);
      // Not numbered: most are new to the table (17 of an article's 20), and numbering them filled it in ~100
      // articles, so the tables started over and re-sent the parts and strings that do recur.
      if (typeof victims === 'string') c.victims = this.str(victims);
      if (typeof eventKind === 'string') c.eventKind = this.str(eventKind);
      if (typeof countQualifier === 'string') c.countQualifier = this.str(countQualifier);
    }
    // Entity digests too: ~85 % of those of the generated corpus repeat one sent before (a place named once,
    // a source quoting one sentence), and pooling each whole one cost the main thread a hash lookup.
    const { mentionKeys, entities, ...rest } = p;
    return { ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities), reset };
  }

  /** A claim part's number when sent before; else the part itself, numbered from now on. */
  private part(kind: string, v: object): number | object {
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
    const claims = w.claims as unknown as WireClaim[];
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i];
      const { actor, patient, place, extent, time, source, incident, action, modality, summary, victims, eventKind, countQualifier } = c;
      if (isSent(actor)) c.actor = this.part('actor', actor);
      if (isSent(patient)) c.patient = this.part('patient', patient);
      if (isSent(place)) c.place = this.part('place', place);
      if (isSent(extent)) c.extent = this.part('extent', extent);
      if (isSent(time)) c.time = this.part('time', time);
      if (isSent(source)) c.source = this.part('source', source);
      if (isSent(incident)) c.incident = this.part('incident', incident);
      if (isString(action)) c.action = this.field(action);
      if (isString(modality)) c.modality = this.field(modality);
      if (typeof summary === 'string') c.summary = sharedString(summary);
      if (isString(victims)) c.victims = this.field(victims);
      if (isString(eventKind)) c.eventKind = this.field(eventKind);
      if (isString(countQualifier)) c.countQualifier = this.field(countQualifier);
    }
    const { reset: _reset, mentionKeys, entities, ...rest } = w;
    return markShared({ ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities) });
  }

  /** A claim part as the sender wrote it: its number, or the part sent whole (shared and numbered). */
  private part(kind: string, v: number | object): object {
    if (typeof v === 'number') return this.parts[v];
    const shared = sharedPart(kind, v);
    this.parts.push(shared);
    return shared;
  }

  /** A claim string field as the sender wrote it: its number, or the string sent whole (pooled and numbered). */
  private field(v: number | string): string {
    return typeof v === 'number' ? this.strings[v] : this.str(v);
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
