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
 * Every field of an expression, in one order. Recognisers build each expression as `{ ...BLANK, k, … }`,
 * so all expressions share one object layout from birth, whichever of dozens of literals made them:
 * reading a field an object lacks, at a place that sees dozens of layouts, is slow in V8, and the span,
 * tense and resolver code reads them all. (Making them uniform afterwards, by spreading each one over
 * this object, cost 4% of the tagger's time; copying a known layout is V8's fast path.) Absent fields
 * read as undefined either way: nothing can tell. test/unit/dates/exprLayout.test.ts checks every match.
 */
export const BLANK: Expr = {
  k: 'cal', y: undefined, m: undefined, d: undefined, dow: undefined, dir: undefined, unit: undefined, n: undefined, q: undefined,
  season: undefined, decade: undefined, century: undefined, yearRel: undefined, ref: undefined, value: undefined, mod: undefined,
  part: undefined, time: undefined, sameDay: undefined, nearest: undefined, holiday: undefined, weekOfMonth: undefined,
  yearAt: undefined, anaphoric: undefined, on: undefined,
};
