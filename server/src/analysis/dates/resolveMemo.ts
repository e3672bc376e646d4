// Resolved dates kept for the article being tagged: news names the same dates again and again ("on
// Thursday", "in 2016"), and an expression resolves to the same result each time it meets the same
// publication date and tense. The recognisers hand out one shared object for each of the commonest
// expressions (expr.ts), so an expression's identity is its key; the rest are simply not found again.
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
/** The round a slot was filled in: a new anchor starts a new round, which leaves every older slot stale. */
const keptRound = new Int32Array(SLOTS);
let round = 1;
let keptAnchor: Anchor | null = null;

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
    round = (round + 1) & 0x3fffffff;
  }
  const slot = (e.id * 4 + tenseIndex(tense)) & (SLOTS - 1);
  if (keptExpr[slot] === e && keptRound[slot] === round) return keptResult[slot]!;
  const r = resolve(e, anchor, tense, lastDay);
  keptExpr[slot] = e;
  keptResult[slot] = r;
  keptRound[slot] = round;
  return r;
}
