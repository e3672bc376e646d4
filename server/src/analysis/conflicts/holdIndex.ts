// The capture and control claims of one place, kept so that a new claim visits only those it could pair with
// under compareHolds (rules.ts): at 10,000 articles a busy place holds thousands, and walking every claim
// within two weeks was half of the server's busy time while indexing. What the rules ask, and so what is
// partitioned on: both claims factual and with a side; other sides only dispute control (same area, both full,
// within 3 days), the same side only disputes extent (same area, overlapping) or the date of a capture (stated,
// known to 2 days, first days at most 14 apart, any area). Claims whose interval runs backwards (to < from)
// escape those bounds, so they are met as before: every claim within 14 days, by a plain walk.
import { Entry, factual } from './entry';
import { controlTimesAgree } from './rules';

/** Widest gap any hold rule accepts (date: captures 14 days apart), and the longest interval a rule takes. */
const HOLD_GAP = 14;
const MAX_SPAN = 31;
/** Control of a captured place disputed up to 3 days after the capture (rules.ts control()). */
const CONTROL_GAP = 3;
/** Widest interval of a capture compared by date (rules.ts date(): precise to 2 days). */
const DATE_SPAN = 2;
/**
 * Full-control claims at most this long are kept apart from longer ones, so a walk for control starts SHORT_SPAN
 * days before a claim instead of a month: most claims are of one day, and walking a month of a busy place's
 * claims to meet those of the last few days was most of the walk.
 */
const SHORT_SPAN = 9;

type Visit = (o: Entry) => void;

function keyOf(e: Entry): string {
  return e.extent.area ?? '';
}

function inOrder(e: Entry): boolean {
  return e.to! >= e.from!;
}

function full(e: Entry): boolean {
  return e.extent.kind === 'full';
}

/** A capture the date rule can take: stated, known to 2 days. */
function datable(e: Entry): boolean {
  return e.action === 'took-control' && e.claim.time?.basis === 'stated' && e.to! - e.from! <= DATE_SPAN;
}

/** First index whose key is >= at, in a list sorted by key. */
function lowerBound(list: readonly Entry[], at: number, key: (e: Entry) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const fromOf = (e: Entry): number => e.from!;
const toOf = (e: Entry): number => e.to!;

function insert(list: Entry[], e: Entry, key: (e: Entry) => number): void {
  const k = key(e);
  if (list.length === 0 || key(list[list.length - 1]) <= k) list.push(e);
  else list.splice(lowerBound(list, k + 0.5, key), 0, e);
}

/** Takes `e` out of `list`; whether it was there. */
function drop(list: Entry[] | undefined, e: Entry): boolean {
  if (!list) return false;
  const i = list.indexOf(e);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

function listIn<K>(map: Map<K, Entry[]>, key: K): Entry[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/**
 * One side's claims of one area, by first day, with counts of what extent() looks at: a new claim whose extent
 * no kept claim could differ from (the common case: full control, no percentage, and no percentage kept) skips
 * the walk.
 */
interface SideClaims {
  list: Entry[];
  /** Claims with a percentage. */
  percents: number;
  /** Claims by kind of extent. */
  kinds: Map<string, number>;
}

/** One side's full-control claims of one area, by first day: those of at most SHORT_SPAN days, and the others. */
interface FullClaims {
  short: Entry[];
  long: Entry[];
}

/** Lists by side, for one area: every claim, and the full-control ones. */
interface AreaLists {
  all: Map<string, SideClaims>;
  full: Map<string, FullClaims>;
}

/** Whether some claim of `mine` could have an extent extent(e, o) finds apart (mayDifferInExtent for one of them). */
function mayDifferFromAny(e: Entry, mine: SideClaims): boolean {
  const x = e.extent;
  const otherKinds = mine.list.length - (mine.kinds.get(x.kind) ?? 0);
  if (x.percent !== null || x.area !== null) return otherKinds > 0 || (x.percent !== null && mine.percents > 0);
  return otherKinds > 0 && mine.percents > 0;
}

function count(mine: SideClaims, e: Entry, by: number): void {
  const x = e.extent;
  if (x.percent !== null) mine.percents += by;
  mine.kinds.set(x.kind, (mine.kinds.get(x.kind) ?? 0) + by);
}

/** Timed, factual capture and control claims with a side (the only ones compareHolds can pair). */
export class HoldIndex {
  /** Backward claims by last day. */
  private readonly backward: Entry[] = [];
  /** In-order claims by area, then side, by first day. */
  private readonly areas = new Map<string, AreaLists>();
  /** In-order datable captures by side, by first day. */
  private readonly dates = new Map<string, Entry[]>();
  /** Claims added so far: each claim's number orders the short and long lists' claims of one day as one list would. */
  private added = 0;

  /** Whether compareHolds can pair this claim with anything (timed is the caller's test). */
  static takes(e: Entry): boolean {
    return e.side !== null && factual(e);
  }

  /** Calls `visit` once for every kept claim o that compareHolds(e, o) could pair with `e` (none twice, none missed). */
  candidates(e: Entry, visit: Visit): void {
    const from = e.from!;
    const to = e.to!;
    // Backward claims, in the window the rules were always given: `from` within 14 days of e's interval (their
    // `to` lies before their `from`, so at most `to + 14`).
    for (let i = lowerBound(this.backward, from - HOLD_GAP, toOf); i < this.backward.length && this.backward[i].to! <= to + HOLD_GAP; i++) {
      const o = this.backward[i];
      if (o.from! <= to + HOLD_GAP) visit(o);
    }
    if (!inOrder(e)) {
      // A backward claim meets every in-order claim of that window, whatever its area and side.
      for (const area of this.areas.values()) for (const mine of area.all.values()) window(mine.list, from, to, HOLD_GAP, visit);
      return;
    }
    const side = e.side!;
    const area = this.areas.get(keyOf(e));
    if (area) {
      // The same side: extent, overlapping intervals, and only extents extent(e, o) could find apart (at 10,000
      // articles the others were nearly half of all visits, none a conflict).
      const mine = area.all.get(side);
      if (mine && mayDifferFromAny(e, mine)) {
        const list = mine.list;
        for (let i = lowerBound(list, from - MAX_SPAN, fromOf); i < list.length && list[i].from! <= to; i++) {
          const o = list[i];
          if (o.to! >= from && mayDifferInExtent(e, o)) visit(o);
        }
      }
      // Other sides: control, both full, within 3 days, and only pairs whose times control() could accept.
      if (full(e)) for (const [s, lists] of area.full) if (s !== side) controlWalk(e, lists, visit);
    }
    if (datable(e)) {
      // The same side's captures up to 14 days apart and a day or more apart (date() takes no others; those
      // overlapping are also the ones the extent walk above met).
      const list = this.dates.get(side);
      if (list) {
        for (let i = lowerBound(list, from - HOLD_GAP, fromOf); i < list.length && list[i].from! <= from + HOLD_GAP; i++) {
          const o = list[i];
          if (o.from! <= to + 1 && from <= o.to! + 1) continue;
          visit(o);
        }
      }
    }
  }

  /** Keeps a claim (one `takes` accepts, timed). */
  add(e: Entry): void {
    if (!inOrder(e)) {
      insert(this.backward, e, toOf);
      return;
    }
    e.seq = ++this.added;
    let area = this.areas.get(keyOf(e));
    if (!area) this.areas.set(keyOf(e), (area = { all: new Map(), full: new Map() }));
    let mine = area.all.get(e.side!);
    if (!mine) area.all.set(e.side!, (mine = { list: [], percents: 0, kinds: new Map() }));
    insert(mine.list, e, fromOf);
    count(mine, e, 1);
    if (full(e)) {
      let lists = area.full.get(e.side!);
      if (!lists) area.full.set(e.side!, (lists = { short: [], long: [] }));
      insert(e.to! - e.from! <= SHORT_SPAN ? lists.short : lists.long, e, fromOf);
    }
    if (datable(e)) insert(listIn(this.dates, e.side!), e, fromOf);
  }

  /** Forgets a claim (a no-op for one never kept). */
  remove(e: Entry): void {
    drop(this.backward, e);
    if (!e.side) return;
    const area = this.areas.get(keyOf(e));
    if (area) {
      const mine = area.all.get(e.side);
      if (mine && drop(mine.list, e)) count(mine, e, -1);
      const lists = area.full.get(e.side);
      if (lists && !drop(lists.short, e)) drop(lists.long, e);
    }
    drop(this.dates.get(e.side), e);
  }
}

/**
 * Whether extent(a, b) could find the extents of two claims of one side and area apart, by the extents alone:
 * full against partial (with a percentage, or an area, on a's side), or two percentages.
 */
function mayDifferInExtent(a: Entry, b: Entry): boolean {
  const x = a.extent;
  const y = b.extent;
  return (x.kind !== y.kind && (x.percent !== null || y.percent !== null || x.area !== null)) || (x.percent !== null && y.percent !== null);
}

/**
 * The full-control claims of another side that control() could pair with e, in the order of one list by first
 * day (ties in the order they were added): the short and long lists walked together.
 */
function controlWalk(e: Entry, lists: FullClaims, visit: Visit): void {
  const from = e.from!;
  const end = e.to! + CONTROL_GAP;
  const { short, long } = lists;
  let i = lowerBound(short, from - SHORT_SPAN - CONTROL_GAP, fromOf);
  let j = lowerBound(long, from - MAX_SPAN - CONTROL_GAP, fromOf);
  for (;;) {
    const s = i < short.length && short[i].from! <= end ? short[i] : null;
    const l = j < long.length && long[j].from! <= end ? long[j] : null;
    let o: Entry;
    if (s && (!l || s.from! < l.from! || (s.from === l.from && s.seq! < l.seq!))) {
      o = s;
      i++;
    } else if (l) {
      o = l;
      j++;
    } else return;
    if (o.to! + CONTROL_GAP >= from && (controlTimesAgree(e, o) || controlTimesAgree(o, e))) visit(o);
  }
}

/** In-order claims of `list` (sorted by first day) whose interval comes within `gap` days of [from, to]. */
function window(list: readonly Entry[], from: number, to: number, gap: number, visit: Visit): void {
  for (let i = lowerBound(list, from - MAX_SPAN - gap, fromOf); i < list.length && list[i].from! <= to + gap; i++) {
    const o = list[i];
    if (o.to! + gap >= from) visit(o);
  }
}
