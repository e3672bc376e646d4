// The capture and control claims of one place, kept so that a new claim visits only those it could pair with
// under compareHolds (rules.ts): at 10,000 articles a busy place holds thousands, and walking every claim
// within two weeks was half of the server's busy time while indexing. What the rules ask, and so what is
// partitioned on: both claims factual and with a side; other sides only dispute control (same area, both full,
// within 3 days), the same side only disputes extent (same area, overlapping) or the date of a capture (stated,
// known to 2 days, first days at most 14 apart, any area). Claims whose interval runs backwards (to < from)
// escape those bounds, so they are met as before: every claim within 14 days, by a plain walk.
import { Entry, factual } from './entry';

/** Widest gap any hold rule accepts (date: captures 14 days apart), and the longest interval a rule takes. */
const HOLD_GAP = 14;
const MAX_SPAN = 31;
/** Control of a captured place disputed up to 3 days after the capture (rules.ts control()). */
const CONTROL_GAP = 3;
/** Widest interval of a capture compared by date (rules.ts date(): precise to 2 days). */
const DATE_SPAN = 2;

type Visit = (o: Entry) => void;

function keyOf(e: Entry): string {
  return e.claim.extent.area ?? '';
}

function inOrder(e: Entry): boolean {
  return e.to! >= e.from!;
}

function full(e: Entry): boolean {
  return e.claim.extent.kind === 'full';
}

/** A capture the date rule can take: stated, known to 2 days. */
function datable(e: Entry): boolean {
  return e.claim.action === 'took-control' && e.claim.time?.basis === 'stated' && e.to! - e.from! <= DATE_SPAN;
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

function drop(list: Entry[] | undefined, e: Entry): void {
  if (!list) return;
  const i = list.indexOf(e);
  if (i >= 0) list.splice(i, 1);
}

function listIn<K>(map: Map<K, Entry[]>, key: K): Entry[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Lists by side, for one area: every claim, and the full-control ones. */
interface AreaLists {
  all: Map<string, Entry[]>;
  full: Map<string, Entry[]>;
}

/** Timed, factual capture and control claims with a side (the only ones compareHolds can pair). */
export class HoldIndex {
  /** Backward claims by last day. */
  private readonly backward: Entry[] = [];
  /** In-order claims by area, then side, by first day. */
  private readonly areas = new Map<string, AreaLists>();
  /** In-order datable captures by side, by first day. */
  private readonly dates = new Map<string, Entry[]>();

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
      for (const area of this.areas.values()) for (const list of area.all.values()) window(list, from, to, HOLD_GAP, visit);
      return;
    }
    const side = e.side!;
    const area = this.areas.get(keyOf(e));
    if (area) {
      // The same side: extent, overlapping intervals, and only extents extent(e, o) could find apart (at 10,000
      // articles the others were nearly half of all visits, none a conflict).
      const mine = area.all.get(side);
      if (mine) {
        for (let i = lowerBound(mine, from - MAX_SPAN, fromOf); i < mine.length && mine[i].from! <= to; i++) {
          const o = mine[i];
          if (o.to! >= from && mayDifferInExtent(e, o)) visit(o);
        }
      }
      // Other sides: control, both full, within 3 days, and only pairs whose times control() could accept.
      if (full(e)) {
        for (const [s, list] of area.full) {
          if (s === side) continue;
          for (let i = lowerBound(list, from - MAX_SPAN - CONTROL_GAP, fromOf); i < list.length && list[i].from! <= to + CONTROL_GAP; i++) {
            const o = list[i];
            if (o.to! + CONTROL_GAP >= from && mayControl(e, o)) visit(o);
          }
        }
      }
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
    let area = this.areas.get(keyOf(e));
    if (!area) this.areas.set(keyOf(e), (area = { all: new Map(), full: new Map() }));
    insert(listIn(area.all, e.side!), e, fromOf);
    if (full(e)) insert(listIn(area.full, e.side!), e, fromOf);
    if (datable(e)) insert(listIn(this.dates, e.side!), e, fromOf);
  }

  /** Forgets a claim (a no-op for one never kept). */
  remove(e: Entry): void {
    drop(this.backward, e);
    if (!e.side) return;
    const area = this.areas.get(keyOf(e));
    if (area) {
      drop(area.all.get(e.side), e);
      drop(area.full.get(e.side), e);
    }
    drop(this.dates.get(e.side), e);
  }
}

/**
 * Whether control() could take two full, in-order claims of other sides either way round, by their times alone:
 * two captures or two control claims overlap; control claimed on or after a capture, within 3 days of it.
 */
function mayControl(a: Entry, b: Entry): boolean {
  const A = a.claim.action;
  const B = b.claim.action;
  const overlap = a.from! <= b.to! && b.from! <= a.to!;
  if (A === 'controls' && B === 'controls') return overlap;
  if (A === 'took-control' && B === 'took-control') return overlap && span(a) <= 7 && span(b) <= 7;
  if (A === 'took-control' && B === 'controls') return span(a) <= 1 && span(b) <= 1 && b.from! >= a.from! && b.from! - a.to! <= CONTROL_GAP;
  if (A === 'controls' && B === 'took-control') return span(a) <= 1 && span(b) <= 1 && a.from! >= b.from! && a.from! - b.to! <= CONTROL_GAP;
  return true;
}

function span(e: Entry): number {
  return e.to! - e.from!;
}

/**
 * Whether extent(a, b) could find the extents of two claims of one side and area apart, by the extents alone:
 * full against partial (with a percentage, or an area, on a's side), or two percentages.
 */
function mayDifferInExtent(a: Entry, b: Entry): boolean {
  const x = a.claim.extent;
  const y = b.claim.extent;
  return (x.kind !== y.kind && (x.percent !== null || y.percent !== null || x.area !== null)) || (x.percent !== null && y.percent !== null);
}

/** In-order claims of `list` (sorted by first day) whose interval comes within `gap` days of [from, to]. */
function window(list: readonly Entry[], from: number, to: number, gap: number, visit: Visit): void {
  for (let i = lowerBound(list, from - MAX_SPAN - gap, fromOf); i < list.length && list[i].from! <= to + gap; i++) {
    const o = list[i];
    if (o.to! + gap >= from) visit(o);
  }
}
