// The claims about one place and the conflicts among them, kept incrementally: adding a claim compares it
// only with the claims it could disagree with (same family of action, near in time, found by binary search);
// removing one drops only its pairs. A place with thousands of claims (Aleppo, Raqqa) stays fast to edit.
import { Conflict, ConflictClaim } from './types';
import { Entry } from './entry';
import { compareHolds, comparePrediction, compareSiege, compareTolls, PairFinding } from './rules';
import { hashText } from '../claims/claimText';

// Longest interval a time-bound rule accepts, and the widest gap between two claims any rule compares.
const MAX_SPAN = 31;
const HOLD_GAP = 14;
const TOLL_GAP = 1;

type Group = 'holds' | 'tolls' | 'siege' | 'prediction' | 'none';

function groupOf(e: Entry): Group {
  const a = e.claim.action;
  if (e.claim.modality === 'predicted') return a === 'took-control' ? 'prediction' : 'none';
  if (e.claim.modality === 'denied') return 'none';
  if (a === 'took-control' || a === 'controls') return 'holds';
  if (a === 'casualties') return e.claim.count === null ? 'none' : 'tolls';
  if (a === 'besieged') return 'siege';
  return 'none';
}

function timed(e: Entry): boolean {
  return e.from !== null && e.to !== null && e.to - e.from <= MAX_SPAN;
}

/** Sorted by `from`: insert keeping order (appends are the common case when loading in date order). */
function insertSorted(list: Entry[], e: Entry): void {
  let lo = 0;
  let hi = list.length;
  if (hi === 0 || list[hi - 1].from! <= e.from!) {
    list.push(e);
    return;
  }
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].from! <= e.from!) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, e);
}

function firstFrom(list: Entry[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].from! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last day a siege is reported for. */
function siegeKey(e: Entry): number | null {
  return e.to ?? e.from;
}

function firstKey(list: Entry[], at: number, key: (e: Entry) => number | null): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid])! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertByKey(list: Entry[], e: Entry, key: (e: Entry) => number | null): void {
  list.splice(firstKey(list, key(e)! + 0.5, key), 0, e);
}

function removeFrom(list: Entry[], e: Entry): void {
  const i = list.indexOf(e);
  if (i >= 0) list.splice(i, 1);
}

function refKey(e: Entry): string {
  return `${e.uri}#${e.claim.id}`;
}

export class PlaceConflicts {
  private readonly holds: Entry[] = [];
  private readonly tolls: Entry[] = [];
  /** Captures by side (predictions meet only their own side's captures), and all captures by time. */
  private readonly takesBySide = new Map<string, Entry[]>();
  private readonly takes: Entry[] = [];
  /** Sieges sorted by their last day: a capture meets only sieges reported around and after it. */
  private readonly sieges: Entry[] = [];
  private readonly predictions: Entry[] = [];
  /** conflict key → pair key → finding. */
  private readonly findings = new Map<string, Map<string, PairFinding>>();
  private readonly pairsOf = new Map<Entry, Set<string>>();
  private readonly built = new Map<string, Conflict>();
  private list: Conflict[] | null = null;
  /** Prediction checks, rebuilt when captures or predictions change: each prediction meets its first outcome only. */
  private predictionList: Conflict[] | null = null;
  size = 0;

  /** Compares a new claim with the ones it could disagree with, then keeps it. */
  add(e: Entry): void {
    const g = groupOf(e);
    this.size++;
    if (g === 'none') return;
    const isTake = g === 'holds' && e.claim.action === 'took-control';
    if (g === 'holds' && timed(e)) this.window(this.holds, e, HOLD_GAP, (o) => this.record(compareHolds(e, o), e, o));
    if (g === 'tolls' && timed(e)) this.window(this.tolls, e, TOLL_GAP, (o) => this.record(compareTolls(e, o), e, o));
    if (isTake && e.from !== null && e.to !== null) {
      // status: the siege's last day within [capture start, capture end + 30].
      for (let i = firstKey(this.sieges, e.from, siegeKey); i < this.sieges.length && siegeKey(this.sieges[i])! <= e.to + 30; i++) {
        this.record(compareSiege(e, this.sieges[i]), e, this.sieges[i]);
      }
    }
    if (isTake) this.predictionList = null;
    if (g === 'siege' && siegeKey(e) !== null) {
      for (const t of this.takes) if (t.from !== null && t.to !== null && siegeKey(e)! >= t.from && siegeKey(e)! <= t.to + 30) this.record(compareSiege(t, e), t, e);
    }
    if (g === 'prediction') this.predictionList = null;

    if (g === 'holds' && timed(e)) insertSorted(this.holds, e);
    if (g === 'tolls' && timed(e)) insertSorted(this.tolls, e);
    if (isTake) {
      this.takes.push(e);
      if (e.side) {
        let list = this.takesBySide.get(e.side);
        if (!list) this.takesBySide.set(e.side, (list = []));
        list.push(e);
      }
    }
    if (g === 'siege' && siegeKey(e) !== null) insertByKey(this.sieges, e, siegeKey);
    if (g === 'prediction') this.predictions.push(e);
  }

  /** Forgets a claim and every pair it took part in. */
  remove(e: Entry): void {
    this.size--;
    const g = groupOf(e);
    if (g === 'none') return;
    removeFrom(this.holds, e);
    removeFrom(this.tolls, e);
    if (g === 'prediction' || e.claim.action === 'took-control') this.predictionList = null;
    removeFrom(this.takes, e);
    if (e.side) removeFrom(this.takesBySide.get(e.side) ?? [], e);
    removeFrom(this.sieges, e);
    removeFrom(this.predictions, e);
    const pairs = this.pairsOf.get(e);
    if (!pairs) return;
    this.pairsOf.delete(e);
    for (const tag of pairs) {
      const cut = tag.indexOf('\u0000');
      const key = tag.slice(0, cut);
      const pair = tag.slice(cut + 1);
      const byPair = this.findings.get(key);
      if (!byPair) continue;
      const f = byPair.get(pair);
      if (!f) continue;
      byPair.delete(pair);
      const other = f.sides[0] === e ? f.sides[1] : f.sides[0];
      this.pairsOf.get(other)?.delete(tag);
      if (byPair.size === 0) this.findings.delete(key);
      this.built.delete(key);
      this.list = null;
    }
  }

  /** The conflicts about this place, built once per change. */
  conflicts(): Conflict[] {
    if (this.list && this.predictionList) return this.list;
    this.predictionList ??= this.predictionChecks();
    const out: Conflict[] = [...this.predictionList];
    for (const [key, byPair] of this.findings) {
      let c = this.built.get(key);
      if (!c) {
        c = toConflict(byPair);
        this.built.set(key, c);
      }
      out.push(c);
    }
    this.list = out;
    return out;
  }

  /** Each prediction against the earliest later capture by the same side that a later report gives. */
  private predictionChecks(): Conflict[] {
    const out: Conflict[] = [];
    for (const p of this.predictions) {
      let best: PairFinding | null = null;
      for (const t of (p.side && this.takesBySide.get(p.side)) || []) {
        if (best && t.from! >= best.sides[1].from!) continue;
        best = comparePrediction(p, t) ?? best;
      }
      if (best) out.push(toConflict(new Map([[`${refKey(p)}|${refKey(best.sides[1])}`, best]])));
    }
    this.list = null;
    return out;
  }

  /** Claims whose `from` lies close enough to e's interval for a rule with `gap` days of tolerance. */
  private window(list: Entry[], e: Entry, gap: number, fn: (o: Entry) => void): void {
    for (let i = firstFrom(list, e.from! - MAX_SPAN - gap); i < list.length && list[i].from! <= e.to! + gap; i++) {
      const o = list[i];
      if (o.to! + gap >= e.from!) fn(o);
    }
  }

  private record(f: PairFinding | null, a: Entry, b: Entry): void {
    if (!f) return;
    const ka = refKey(a);
    const kb = refKey(b);
    const pair = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
    let byPair = this.findings.get(f.key);
    if (!byPair) this.findings.set(f.key, (byPair = new Map()));
    byPair.set(pair, f);
    const tag = `${f.key}\u0000${pair}`;
    for (const e of [a, b]) {
      let set = this.pairsOf.get(e);
      if (!set) this.pairsOf.set(e, (set = new Set()));
      set.add(tag);
    }
    this.built.delete(f.key);
    this.list = null;
  }
}

function ref(e: Entry, value: string): ConflictClaim {
  const c = e.claim;
  return {
    uri: e.uri,
    claimId: c.id,
    range: { start: c.start, end: c.end },
    sentence: c.sentence,
    source: c.source,
    value,
    summary: c.summary,
    modality: c.modality,
    dateLabel: c.time?.label ?? null,
    published: e.published,
  };
}

/** One conflict from every pair that shares its key; the first pair (in claim order) words the message. */
function toConflict(byPair: Map<string, PairFinding>): Conflict {
  const found = [...byPair.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map((x) => x[1]);
  const f = found[0];
  const claims: ConflictClaim[] = [];
  const seen = new Set<string>();
  for (const g of found) {
    g.sides.forEach((e, i) => {
      const k = refKey(e);
      if (seen.has(k)) return;
      seen.add(k);
      claims.push(ref(e, g.values[i]));
    });
  }
  claims.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.range.start - y.range.start));
  const place = f.sides[0].claim.place;
  const words = f.describe();
  return {
    id: `${f.kind}-${hashText(f.key)}`,
    kind: f.kind,
    place: place ? { id: place.id, name: place.name } : null,
    dates: words.dates,
    outcome: f.outcome,
    message: words.message,
    claims,
    files: claims.map((c) => c.uri),
    ranges: claims.map((c) => c.range),
    sources: claims.map((c) => c.source.name),
    values: claims.map((c) => c.value),
  };
}
