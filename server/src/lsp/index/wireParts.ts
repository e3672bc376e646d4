// What an index worker sends the main thread for one article, without repeats: the small parts of claims
// (actor, place, source, time…) and the mention keys and digests recur across thousands of articles, so a
// worker numbers each one the first time it sends it and afterwards sends only the number. The main thread
// keeps the same numbering per worker (messages from one worker arrive in order) and so receives one shared
// object per part instead of a fresh copy to pool: less to copy between threads and no pooling by JSON key
// in the main thread.
import { CLAIM_PARTS, claimPartKeys, markShared, PackedAnalysis, sharedPart, sharedString } from './packedAnalysis';

/** Distinct parts or strings a worker numbers before it starts over (both sides then forget their tables). */
const TABLE_MAX = 100_000;

/** A packed analysis as sent: repeated claim parts, mention keys and digests replaced by their numbers. */
export interface WirePacked extends Omit<PackedAnalysis, 'mentionKeys' | 'entities' | 'partKeys'> {
  mentionKeys: (string | number)[];
  entities: (string | number)[];
  /** Keys of the claim parts sent whole, in claim and CLAIM_PARTS order (each gets the next number). */
  newPartKeys: string[];
  /** The sender started its tables over before this analysis. */
  reset: boolean;
}

/** The worker side: numbers parts and strings as they are first sent. */
export class WireSender {
  private parts = new Map<string, number>();
  private strings = new Map<string, number>();

  /** `tableMax`: distinct parts or strings numbered before starting over (small in tests). */
  constructor(private readonly tableMax = TABLE_MAX) {}

  /** The wire form of a packed analysis (its claims are changed in place: they are not used again here). */
  encode(p: PackedAnalysis): WirePacked {
    const reset = this.parts.size > this.tableMax || this.strings.size > this.tableMax;
    if (reset) {
      this.parts.clear();
      this.strings.clear();
    }
    const keys = p.partKeys && p.partKeys.length === p.claims.length * CLAIM_PARTS.length ? p.partKeys : claimPartKeys(p.claims);
    const newPartKeys: string[] = [];
    let k = 0;
    for (const claim of p.claims) {
      const c = claim as unknown as Record<string, unknown>;
      for (const part of CLAIM_PARTS) {
        const key = keys[k++];
        if (key === null) continue;
        const n = this.parts.get(key);
        if (n !== undefined) c[part] = n;
        else {
          this.parts.set(key, this.parts.size);
          newPartKeys.push(key);
        }
      }
    }
    const { mentionKeys, entities, partKeys: _unused, ...rest } = p;
    return { ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities), newPartKeys, reset };
  }

  private strs(list: readonly string[]): (string | number)[] {
    const out: (string | number)[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const n = this.strings.get(s);
      if (n !== undefined) out[i] = n;
      else {
        this.strings.set(s, this.strings.size);
        out[i] = s;
      }
    }
    return out;
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
    let fresh = 0;
    for (const claim of w.claims) {
      const c = claim as unknown as Record<string, unknown>;
      for (const part of CLAIM_PARTS) {
        const v = c[part];
        if (typeof v === 'number') c[part] = this.parts[v];
        else if (v && typeof v === 'object') {
          const shared = sharedPart(w.newPartKeys[fresh++], v);
          this.parts.push(shared);
          c[part] = shared;
        }
      }
    }
    const { newPartKeys: _keys, reset: _reset, mentionKeys, entities, ...rest } = w;
    return markShared({ ...rest, mentionKeys: this.strs(mentionKeys), entities: this.strs(entities) });
  }

  private strs(list: readonly (string | number)[]): string[] {
    const out: string[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if (typeof v === 'number') out[i] = this.strings[v];
      else {
        const s = sharedString(v);
        this.strings.push(s);
        out[i] = s;
      }
    }
    return out;
  }
}
