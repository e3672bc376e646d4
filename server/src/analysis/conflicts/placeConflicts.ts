// The claims about one place and the conflicts among them, kept incrementally: adding a claim compares it
// only with the claims it could disagree with (same family of action, near in time, found by binary search);
// removing one drops only its pairs. A place with thousands of claims (Aleppo, Raqqa) stays fast to edit.
import { Conflict, ConflictClaim, ConflictKind } from './types';
import { Entry } from './entry';
import { compareHolds, comparePrediction, compareSiege, compareTolls, holdsKey, PairFinding, siegeKey as siegePairKey, tollsKey } from './rules';
import { hashText } from '../claims/claimText';
import { HoldIndex } from './holdIndex';

// Longest interval a time-bound rule accepts, and the widest gap between two claims any rule compares.
const MAX_SPAN = 31;
const TOLL_GAP = 1;
/** Captures a siege can be checked against: known to this many days, and the siege reported up to SIEGE_AFTER days after. */
const WEEK = 7;
const SIEGE_AFTER = 30;

type Group = 'holds' | 'tolls' | 'siege' | 'prediction' | 'none';

/** A rule comparing two claims (rules.ts). */
type Rule = (a: Entry, b: Entry) => PairFinding | null;
/** The key-only form of a rule: the key of the finding it would return, or null. */
type KeyRule = (a: Entry, b: Entry) => string | null;

/**
 * The pairs of claims that share a conflict key, as kept: the rule that found them (one per key: its kind names
 * it) and the two claims of each pair, in the order the rule was given them, flat (a, b, a, b, ...). The finding
 * (values, wording) is asked of the rule again when the conflict is shown: with hundreds of thousands of pairs
 * in a large workspace, keeping every finding was most of the server's memory, and an object per pair most of
 * the index pass's conflict time. Also the conflict's id (for counts) and the conflict once built.
 */
interface PairGroup {
  key: string;
  rule: Rule;
  pairs: Entry[];
  id: string | null;
  conflict: Conflict | null;
}

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

/**
 * A toll the casualty rule can compare (rules.ts casualties()): of a known kind of event, not a running total.
 * Tolls told as "killed" alone or as totals for a war never meet other tolls.
 */
function comparableToll(e: Entry): boolean {
  const kind = e.claim.eventKind;
  return !!kind && kind !== 'cumulative';
}

/**
 * A capture that can end a siege (rules.ts status()): of the whole place, by a named side, known to the week.
 * Others (most captures are partial) never meet the sieges.
 */
function endsSiege(e: Entry): boolean {
  const x = e.claim.extent;
  return e.from !== null && e.to !== null && e.to - e.from <= WEEK && !!e.claim.actor && x.kind === 'full' && !x.area;
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
  private readonly holds = new HoldIndex();
  private readonly tolls: Entry[] = [];
  /** Captures by side (predictions meet only their own side's captures), and all captures by time. */
  private readonly takesBySide = new Map<string, Entry[]>();
  /**
   * Captures known to the week, of the whole place, by a named side, by first day: the only ones that can end a
   * siege (rules.ts status()), so a new siege meets those starting in its last 37 days, found by
   * binary search instead of a walk over every capture of the place.
   */
  private readonly weekTakes: Entry[] = [];
  /** Sieges sorted by their last day: a capture meets only sieges reported around and after it. */
  private readonly sieges: Entry[] = [];
  private readonly predictions: Entry[] = [];
  /**
   * conflict key → its group of pairs (each claim's groups are kept on its entry, groupsOf). The groups
   * themselves are the links (no string key per pair): with tens of thousands of pairs in a large workspace,
   * strings were most of the memory.
   */
  private readonly findings = new Map<string, PairGroup>();
  /** The group the last pair went to (until a claim is removed: the group may be gone). */
  private lastGroup: PairGroup | null = null;
  private list: Conflict[] | null = null;
  /** The place, as the first claim kept named it (what a workspace list of places shows before any conflict is built). */
  place: { id: string; name: string } | null = null;
  /** Prediction checks, rebuilt when captures or predictions change: each prediction meets its first outcome only. */
  private predictionList: Conflict[] | null = null;
  size = 0;

  /** Compares a new claim with the ones it could disagree with, then keeps it. */
  add(e: Entry): void {
    const g = groupOf(e);
    this.size++;
    this.place ??= { id: e.claim.place!.id, name: e.claim.place!.name };
    if (g === 'none') return;
    const isTake = g === 'holds' && e.claim.action === 'took-control';
    const holds = g === 'holds' && timed(e) && HoldIndex.takes(e);
    if (holds) this.holds.candidates(e, (o) => this.check(holdsKey, compareHolds, e, o));
    const toll = g === 'tolls' && timed(e) && comparableToll(e);
    if (toll) this.window(this.tolls, e, TOLL_GAP, (o) => this.check(tollsKey, compareTolls, e, o));
    const ends = isTake && endsSiege(e);
    if (ends) {
      // status: the siege's last day within [capture start, capture end + 30].
      for (let i = firstKey(this.sieges, e.from!, siegeKey); i < this.sieges.length && siegeKey(this.sieges[i])! <= e.to! + SIEGE_AFTER; i++) {
        this.check(siegePairKey, compareSiege, e, this.sieges[i]);
      }
    }
    if (isTake) this.predictionList = null;
    if (g === 'siege' && siegeKey(e) !== null) {
      const last = siegeKey(e)!;
      for (let i = firstFrom(this.weekTakes, last - SIEGE_AFTER - WEEK); i < this.weekTakes.length && this.weekTakes[i].from! <= last; i++) {
        const t = this.weekTakes[i];
        if (last <= t.to! + SIEGE_AFTER) this.check(siegePairKey, compareSiege, t, e);
      }
    }
    if (g === 'prediction') this.predictionList = null;

    if (holds) this.holds.add(e);
    if (toll) insertSorted(this.tolls, e);
    if (isTake) {
      if (ends) insertSorted(this.weekTakes, e);
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
    this.lastGroup = null;
    const g = groupOf(e);
    if (g === 'none') return;
    this.holds.remove(e);
    removeFrom(this.tolls, e);
    if (g === 'prediction' || e.claim.action === 'took-control') this.predictionList = null;
    removeFrom(this.weekTakes, e);
    if (e.side) removeFrom(this.takesBySide.get(e.side) ?? [], e);
    removeFrom(this.sieges, e);
    removeFrom(this.predictions, e);
    const groups = groupsOf(e);
    if (!groups) return;
    e.groups = null;
    for (const g of new Set(groups)) {
      this.unpair(g, e);
      g.conflict = null;
      if (g.pairs.length === 0 && this.findings.get(g.key) === g) this.findings.delete(g.key);
      this.list = null;
    }
  }

  /**
   * Takes e's pairs out of a group, and each one's link from the other claim: the k-th link to the group in the
   * other's list is its k-th pair of the group (both were appended together), so its list stays as if that
   * pair had never been found.
   */
  private unpair(g: PairGroup, e: Entry): void {
    const p = g.pairs;
    // From the end, so that the links counted for each pair are all still there.
    for (let r = p.length - 2; r >= 0; r -= 2) {
      if (p[r] !== e && p[r + 1] !== e) continue;
      const other = p[r] === e ? p[r + 1] : p[r];
      let k = 0;
      for (let q = 0; q < r; q += 2) if (p[q] === other || p[q + 1] === other) k++;
      const theirs = groupsOf(other);
      if (theirs) dropNth(theirs, g, k);
      p.splice(r, 2);
    }
  }

  /** The conflicts about this place, built once per change. */
  conflicts(): Conflict[] {
    if (this.list && this.predictionList) return this.list;
    this.predictionList ??= this.predictionChecks();
    const out: Conflict[] = [...this.predictionList];
    for (const g of this.findings.values()) out.push(conflictOf(g));
    this.list = out;
    return out;
  }

  /** The conflicts with a claim among `entries` (all from the article `uri`), building only those. */
  conflictsWith(entries: readonly Entry[], uri: string): Conflict[] {
    const groups = new Set<PairGroup>();
    for (const e of entries) for (const g of groupsOf(e) ?? []) groups.add(g);
    const out: Conflict[] = [];
    for (const g of groups) out.push(conflictOf(g));
    this.predictionList ??= this.predictionChecks();
    for (const c of this.predictionList) if (c.files.includes(uri)) out.push(c);
    return out;
  }

  /** Ids of the conflicts about this place, without building them. */
  conflictIds(): string[] {
    this.predictionList ??= this.predictionChecks();
    const out = this.predictionList.map((c) => c.id);
    for (const g of this.findings.values()) out.push((g.id ??= conflictId({ kind: kindOfKey(g.key), key: g.key })));
    return out;
  }

  /** One conflict by id, building only that one (null when the place has none of that id). */
  conflictById(id: string): Conflict | null {
    this.predictionList ??= this.predictionChecks();
    const predicted = this.predictionList.find((c) => c.id === id);
    if (predicted) return predicted;
    for (const g of this.findings.values()) if ((g.id ??= conflictId({ kind: kindOfKey(g.key), key: g.key })) === id) return conflictOf(g);
    return null;
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
      if (best) out.push(toConflict([best]));
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

  /** Keeps the pair when the rule finds the claims apart (only its key is worked out here; see refind). */
  private check(keyRule: KeyRule, rule: Rule, a: Entry, b: Entry): void {
    const key = keyRule(a, b);
    if (key === null) return;
    // The same key string as the pair before (rules.ts keeps its last key): its group, without a lookup.
    let group = key === this.lastGroup?.key ? this.lastGroup : this.findings.get(key);
    if (!group) this.findings.set(key, (group = { key, rule, pairs: [], id: null, conflict: null }));
    else group.conflict = null;
    this.lastGroup = group;
    group.pairs.push(a, b);
    this.link(a, group);
    this.link(b, group);
    this.list = null;
  }

  private link(e: Entry, group: PairGroup): void {
    const mine = groupsOf(e);
    if (!mine) e.groups = [group];
    else mine.push(group);
  }
}

/**
 * A claim's groups, once per pair it is in, in the order the pairs were found. Kept on the claim's entry (it
 * belongs to this place alone): a map from entry to groups was a tenth of the index pass's conflict time.
 */
function groupsOf(e: Entry): PairGroup[] | null {
  return (e.groups as PairGroup[] | null | undefined) ?? null;
}

/** A group's conflict, built once until its pairs change. */
function conflictOf(g: PairGroup): Conflict {
  return (g.conflict ??= toConflict(refind(g)));
}

/** Takes out the k-th (from 0) occurrence of `item`. */
function dropNth<T>(list: T[], item: T, k: number): void {
  for (let i = 0; i < list.length; i++) {
    if (list[i] !== item) continue;
    if (k-- === 0) {
      list.splice(i, 1);
      return;
    }
  }
}

/**
 * The findings of a group's pairs, in the order of their claims' article and claim ids (the first words the
 * message). A rule that takes its claims either way round (holds, tolls) gets them in that order too: otherwise
 * which report arrived first decided the wording ("X vs Y" or "Y vs X" for two sides each said to hold a town),
 * and an index pass's wording varied with how its files were grouped.
 */
function refind(g: PairGroup): PairFinding[] {
  const eitherWay = g.rule === compareHolds || g.rule === compareTolls;
  const pairs: { key: string; a: Entry; b: Entry; swap: boolean }[] = [];
  for (let i = 0; i < g.pairs.length; i += 2) {
    const a = g.pairs[i];
    const b = g.pairs[i + 1];
    const ka = refKey(a);
    const kb = refKey(b);
    pairs.push({ key: ka <= kb ? `${ka}|${kb}` : `${kb}|${ka}`, a, b, swap: eitherWay && ka > kb });
  }
  return pairs.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map((p) => findingOf(g.rule, p.a, p.b, p.swap));
}

/**
 * The rule's finding for a pair found as (a, b), asked as (b, a) when `swap`. Either order gives the same key,
 * so the conflict's id does not depend on it; should it not, (a, b) stands.
 */
function findingOf(rule: Rule, a: Entry, b: Entry, swap: boolean): PairFinding {
  const found = rule(a, b)!;
  if (!swap) return found;
  const swapped = rule(b, a);
  return swapped && swapped.key === found.key ? swapped : found;
}

/** A finding's kind, the first part of its key (rules.ts). */
function kindOfKey(key: string): ConflictKind {
  return key.slice(0, key.indexOf('|')) as ConflictKind;
}

function conflictId(f: { kind: ConflictKind; key: string }): string {
  return `${f.kind}-${hashText(f.key)}`;
}

/** The kind a conflict id names (its first part, see conflictId), so ids can be counted by kind unbuilt. */
export function conflictKindOf(id: string): ConflictKind {
  return id.slice(0, id.indexOf('-')) as ConflictKind;
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

/** One conflict from the findings of every pair that shares its key; the first words the message. */
function toConflict(found: readonly PairFinding[]): Conflict {
  const f = found[0];
  const claims: ConflictClaim[] = [];
  const seen = new Set<string>();
  for (const g of found) {
    let values: [string, string] | null = null;
    g.sides.forEach((e, i) => {
      const k = refKey(e);
      if (seen.has(k)) return;
      seen.add(k);
      values ??= g.values();
      claims.push(ref(e, values[i]));
    });
  }
  claims.sort((x, y) => (x.uri < y.uri ? -1 : x.uri > y.uri ? 1 : x.range.start - y.range.start));
  const place = f.sides[0].claim.place;
  const words = f.describe();
  return {
    id: conflictId(f),
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
