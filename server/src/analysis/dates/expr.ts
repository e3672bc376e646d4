// What the grammar understood, before any anchoring: the bridge between recognisers and the resolver.
import { TimexMod } from '../types';
import { Unit } from './lexicon';
import type { Holiday } from './holidays';

export type RefValue = 'PAST_REF' | 'PRESENT_REF' | 'FUTURE_REF';

export interface TimeOfDay {
  h: number;
  mi: number;
  s: number | null;
  /** "Z" for UTC/GMT, an offset like "+08:00", or null. */
  zone: string | null;
}

export type ExprKind =
  | 'cal' // explicit calendar date, year optional: "Aug. 18", "21 October 2017", "2015"
  | 'decade' // "the 1990s"
  | 'century' // "the 20th century"
  | 'quarter' // "the first quarter of 2009"
  | 'half' // "the first half of 2009"
  | 'season' // "summer 2016", "this spring"
  | 'weekday' // "Friday"
  | 'rel' // "yesterday", "last month", "this week"
  | 'ago' // "two days ago"
  | 'ref' // "now", "recently"
  | 'dur' // "three years", "months-long"
  | 'set' // "daily", "every week"
  | 'time' // "20:12:54", "6:40 p.m." (day from context)
  | 'holiday'; // "Christmas", "Thanksgiving Day"

export interface Expr {
  k: ExprKind;
  y?: number | null;
  m?: number | null;
  d?: number | null;
  /** Weekday written next to a calendar date ("Friday, Sept. 1"), or the weekday of a 'weekday'. */
  dow?: number;
  /** Explicit direction: "last Friday" -1, "this September" 0, "next year" +1. */
  dir?: -1 | 0 | 1;
  unit?: Unit;
  /** Amount for rel/ago/dur; null means unknown ("several years"). */
  n?: number | null;
  /** Quarter, half or season number/code; decade as its first three digits (199); century (19). */
  q?: number;
  season?: string;
  decade?: number;
  century?: number;
  /** Relative year for quarters/halves/seasons ("the first quarter of last year" = -1). */
  yearRel?: number;
  ref?: RefValue;
  /** Precomputed TIMEX3 value for durations and sets. */
  value?: string;
  mod?: TimexMod;
  /** Part of day: MO, AF, EV, NI, MI, DT. */
  part?: string;
  time?: TimeOfDay;
  /** "the day" in "to end the day": the day named earlier in the sentence, else the publication date. */
  sameDay?: boolean;
  /** "the weekend": the nearest one, past or future by tense. */
  nearest?: boolean;
  /** Which holiday, for 'holiday'. */
  holiday?: Holiday;
  /** "the last week of March": which week of the month (1-5, -1 for the last). */
  weekOfMonth?: number;
  /** "October of next year": token index where the relative year starts (TimeML tags it on its own). */
  yearAt?: number;
  /** Anchored on the story's own events ("the next day"), not on the publication date. */
  anaphoric?: boolean;
  /** Day expression a time is attached to ("12:00 UTC Monday"). */
  on?: Expr;
  /** A number of its own, given in order when made: where its resolved results are kept (resolveMemo.ts). */
  id?: number;
}

/** A recogniser's result: tokens [start, end) and their meaning. */
export interface Match {
  start: number;
  end: number;
  expr: Expr;
}

/** A span built from two ends ("between X and Y", "since 2015"). */
export interface SpanMatch {
  start: number;
  end: number;
  kind: 'between' | 'since' | 'until';
  from: Match | null;
  to: Match | null;
}

/**
 * A new expression with every field, in one order, made at this one place: every expression then shares
 * one hidden class, and the code that reads them (spans, tense, resolution) reads each field with a plain
 * load. Built as `{ ...BLANK, k, … }` at each recogniser, they had fourteen (V8 gives each spread site
 * its own), and every field read downstream was a lookup. Absent fields read as undefined either way.
 */
function blank(): Expr {
  return {
    k: 'cal', y: undefined, m: undefined, d: undefined, dow: undefined, dir: undefined, unit: undefined, n: undefined, q: undefined,
    season: undefined, decade: undefined, century: undefined, yearRel: undefined, ref: undefined, value: undefined, mod: undefined,
    part: undefined, time: undefined, sameDay: undefined, nearest: undefined, holiday: undefined, weekOfMonth: undefined,
    yearAt: undefined, anaphoric: undefined, on: undefined, id: made = (made + 1) & 0x3fffffff,
  };
}

/** The last id given (kept a small integer: ids only spread results over slots, identity decides a hit). */
let made = 0;

/** The layout every expression has (test/unit/dates/exprLayout.test.ts checks every match against it). */
export const BLANK: Expr = blank();

/** An expression with the given fields (the rest absent), on the one layout. */
export function expr(fields: Partial<Expr>): Expr {
  return Object.assign(blank(), fields);
}

/** A copy of e with some fields changed ("late" on "last month"), on the one layout. */
export function exprFrom(e: Expr, fields: Partial<Expr>): Expr {
  const c = blank();
  c.k = e.k; c.y = e.y; c.m = e.m; c.d = e.d; c.dow = e.dow; c.dir = e.dir; c.unit = e.unit; c.n = e.n; c.q = e.q;
  c.season = e.season; c.decade = e.decade; c.century = e.century; c.yearRel = e.yearRel; c.ref = e.ref; c.value = e.value; c.mod = e.mod;
  c.part = e.part; c.time = e.time; c.sameDay = e.sameDay; c.nearest = e.nearest; c.holiday = e.holiday; c.weekOfMonth = e.weekOfMonth;
  c.yearAt = e.yearAt; c.anaphoric = e.anaphoric; c.on = e.on;
  return Object.assign(c, fields);
}

// The commonest shapes made without a fields object (Object.assign over one was 2.5% of the tagger's time).
// Expressions are never changed once made (a changed one is a copy: exprFrom), so these are handed out
// shared: a small table keeps the last expression of each shape met, and a hit compares every field
// the shape sets (the rest are absent in every entry). Expressions were a fifth of the stage's bytes.

const SHARED = 512;
const sharedCal: (Expr | null)[] = new Array(SHARED).fill(null);
const sharedUnit: (Expr | null)[] = new Array(SHARED).fill(null);
const sharedRef: (Expr | null)[] = [null, null, null, null];
const sharedWeekday: (Expr | null)[] = new Array(8).fill(null);

/** A small number for a field that may be absent (null and undefined apart); fractions are cut. */
function code(v: number | null | undefined): number {
  return v === undefined ? -2 : v === null ? -1 : v | 0;
}

/** A calendar date: "Oct. 17, 2017", "August", "2015". */
export function calExpr(y: number | null | undefined, m: number | null | undefined, d: number | null | undefined): Expr {
  const slot = ((code(y) * 13 + code(m)) * 32 + code(d)) & (SHARED - 1);
  const c = sharedCal[slot];
  if (c !== null && c.y === y && c.m === m && c.d === d) return c;
  const e = blank();
  e.k = 'cal';
  e.y = y;
  e.m = m;
  e.d = d;
  sharedCal[slot] = e;
  return e;
}

/** An amount of a unit: a duration ("three years"), a relative period ("last week") or "two days ago". */
export function unitExpr(k: 'dur' | 'rel' | 'ago', unit: Unit | undefined, n: number | null | undefined): Expr {
  const slot = (((unit === undefined ? 0 : unit.length * 7 + unit.charCodeAt(1)) * 3 + k.charCodeAt(0)) * 17 + code(n)) & (SHARED - 1);
  const c = sharedUnit[slot];
  if (c !== null && c.k === k && c.unit === unit && c.n === n) return c;
  const e = blank();
  e.k = k;
  e.unit = unit;
  e.n = n;
  sharedUnit[slot] = e;
  return e;
}

/** "now", "recently", "soon". */
export function refExpr(ref: RefValue | undefined): Expr {
  const slot = ref === undefined ? 0 : ref === 'PAST_REF' ? 1 : ref === 'PRESENT_REF' ? 2 : 3;
  const c = sharedRef[slot];
  if (c !== null && c.ref === ref) return c;
  const e = blank();
  e.k = 'ref';
  e.ref = ref;
  sharedRef[slot] = e;
  return e;
}

/** A weekday alone: "Friday". */
export function weekdayExpr(dow: number): Expr {
  const slot = dow & 7;
  const c = sharedWeekday[slot];
  if (c !== null && c.dow === dow) return c;
  const e = blank();
  e.k = 'weekday';
  e.dow = dow;
  sharedWeekday[slot] = e;
  return e;
}

const sharedModified: (Expr | null)[] = new Array(SHARED).fill(null);
const sharedModifiedFrom: (Expr | null)[] = new Array(SHARED).fill(null);

/**
 * e with a modifier ("mid-August", "early 2016", "about three years"), shared like the shapes above: the
 * same modifier on the same shared expression is the same expression, so its resolved result is kept
 * too (resolveMemo.ts; about a sixth of the results not found again on the generated corpus were these).
 */
export function withMod(e: Expr, mod: TimexMod): Expr {
  const slot = ((e.id ?? 0) * 8 + mod.length * 3 + mod.charCodeAt(0)) & (SHARED - 1);
  const c = sharedModified[slot];
  if (c !== null && sharedModifiedFrom[slot] === e && c.mod === mod) return c;
  const modified = exprFrom(e, { mod });
  sharedModified[slot] = modified;
  sharedModifiedFrom[slot] = e;
  return modified;
}
