// What an index worker sends the main thread for one article, without repeats: the small parts of claims
// (actor, place, source, time…), their recurring strings (action, summary…), the mention keys and the entity
// digests recur across thousands of articles, so a worker numbers each one the first time it sends it and
// afterwards sends only the number. The main thread keeps the same numbering per worker (messages from one worker arrive
// in order) and so receives one shared object per part instead of a fresh copy to pool: less to copy between
// threads, and only parts new to a worker are pooled (partPool.ts) in the main thread.
import { CLAIM_PARTS, CLAIM_STRINGS, markShared, PackedAnalysis, sharedPart, sharedString } from './packedAnalysis';
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
    for (const claim of p.claims) {
      const c = claim as unknown as Record<string, unknown>;
      for (const part of CLAIM_PARTS) {
        const v = c[part];
        if (!v || typeof v !== 'object') continue;
        const n = this.parts.find(part, v);
        if (n !== undefined) c[part] = n;
        else this.parts.add(part, v, this.partCount++);
      }
      for (const field of CLAIM_STRINGS) {
        const v = c[field];
        if (typeof v === 'string') c[field] = this.str(v);
      }
    }
    // Entity digests too: ~85 % of those of the generated corpus repeat one sent before (a place named once,
    // a source quoting one sentence), and pooling each whole one cost the main thread a hash lookup.
    const { mentionKeys, entities, ...rest } = p;
    return { ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities), reset };
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
    for (const claim of w.claims) {
      const c = claim as unknown as Record<string, unknown>;
      for (const part of CLAIM_PARTS) {
        const v = c[part];
        if (typeof v === 'number') c[part] = this.parts[v];
        else if (v && typeof v === 'object') {
          const shared = sharedPart(part, v);
          this.parts.push(shared);
          c[part] = shared;
        }
      }
      for (const field of CLAIM_STRINGS) {
        const v = c[field];
        if (typeof v === 'number') c[field] = this.strings[v];
        else if (typeof v === 'string') c[field] = this.str(v);
      }
    }
    const { reset: _reset, mentionKeys, entities, ...rest } = w;
    return markShared({ ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities) });
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
