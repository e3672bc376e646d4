// Resolved dates kept: news names the same dates again and again ("on Thursday", "in 2016"), and an
// expression resolves to the same result each time it meets the same publication date and tense (and
// to one result under any, for the expressions anchorFree() names). The recognisers hand out one shared
// object for each of the commonest expressions (expr.ts), so an expression's identity is its key; the
// rest are simply not found again.
import { Day } from './calendar';
import { Expr } from './expr';
import { Anchor, resolve, Resolved } from './resolve';
import { Tense } from './tense';

/**
 * One result a slot, the slot picked by the expression's id and the tense, the hit decided by identity.
 * A table rather than a Map keyed by expression: with the Map, the stage on FA-KES (fewer dates repeat)
 * ran x0.975; with the table x1.00.
 */
const SLOTS = 1024;
const keptExpr: (Expr | null)[] = new Array(SLOTS).fill(null);
const keptResult: (Resolved | null)[] = new Array(SLOTS).fill(null);
/**
 * The round a slot was filled in: a new anchor starts a new round, which leaves every older slot stale.
 * Round 0 is never an anchor's: it marks results that depend on no anchor, kept from article to article.
 */
const keptRound = new Int32Array(SLOTS);
let round = 1;
let keptAnchor: Anchor | null = null;

/**
 * Durations, repetitions, decades, centuries and periods with their year written ("Oct. 17, 2017", "early
 * 2016", "summer 2016"): resolve() reads neither the anchor nor the tense for them.
 */
function anchorFree(e: Expr): boolean {
  const k = e.k;
  if (k === 'dur' || k === 'set' || k === 'decade' || k === 'century') return true;
  return !!e.y && (k === 'cal' || k === 'quarter' || k === 'half' || k === 'season' || k === 'holiday');
}

function tenseIndex(tense: Tense): number {
  return tense === null ? 0 : tense === 'past' ? 1 : tense === 'present' ? 2 : 3;
}

/**
 * resolve(e, anchor, tense, lastDay); the same result object as before when e was resolved under this
 * anchor and tense already, so callers only read it (a mention copies its fields).
 */
export function resolveKept(e: Expr, anchor: Anchor | null, tense: Tense, lastDay: Day | null = null): Resolved {
  // A clock time without its day, "the same day" and "two days later" lean on the day named before.
  if (e.id === undefined || (e.k === 'time' && !e.on) || e.sameDay || e.anaphoric) return resolve(e, anchor, tense, lastDay);
  if (anchor !== keptAnchor) {
    keptAnchor = anchor;
    round = (round & 0x3fffffff) + 1;
  }
  const free = anchorFree(e);
  const slot = (e.id * 4 + (free ? 0 : tenseIndex(tense))) & (SLOTS - 1);
  const wanted = free ? 0 : round;
  if (keptExpr[slot] === e && keptRound[slot] === wanted) return keptResult[slot]!;
  const r = resolve(e, anchor, tense, lastDay);
  keptExpr[slot] = e;
  keptResult[slot] = r;
  keptRound[slot] = wanted;
  return r;
}
