// The six kinds of disagreement, each a pure test on a pair of claims about the same place.
// Precision first: every rule demands precise, overlapping times and independent reports.
import { dayLabel } from '../claims/claimText';
import { placePhrase } from '../claims/summary';
import { ConflictKind } from './types';
import { Entry, factual, independent, overlaps, precise } from './entry';

export interface PairFinding {
  kind: ConflictKind;
  /** Normalised content the conflict id is built from. */
  key: string;
  outcome: 'fulfilled' | 'not-fulfilled' | null;
  /** The claims, in the order of their values. */
  sides: [Entry, Entry];
  /**
   * Value of each side, in user terms; worded only when a conflict is built, like the message: a large workspace
   * finds hundreds of thousands of pairs, and the index only needs their keys.
   */
  values: () => [string, string];
  /** The message and date label, worded only for the conflict shown (not for every pair found). */
  describe: () => { message: string; dates: string | null };
}

const MONTH_DAYS = 31;

/** Every finding for an (unordered) pair of claims about the same place. */
export function comparePair(a: Entry, b: Entry): PairFinding | null {
  if (!independent(a, b)) return null;
  return control(a, b) ?? control(b, a) ?? extent(a, b) ?? date(a, b) ?? casualties(a, b) ?? status(a, b) ?? status(b, a) ?? prediction(a, b) ?? prediction(b, a);
}

/** The rules that can apply to two claims of the holding family (captures and control). */
export function compareHolds(a: Entry, b: Entry): PairFinding | null {
  // What control, extent and date all ask first (most pairs in a busy place stop here).
  if (!a.side || !b.side || !factual(a) || !factual(b) || !independent(a, b)) return null;
  return control(a, b) ?? control(b, a) ?? extent(a, b) ?? date(a, b);
}

/** Two death tolls. */
export function compareTolls(a: Entry, b: Entry): PairFinding | null {
  return independent(a, b) ? casualties(a, b) : null;
}

/** A capture and a siege. */
export function compareSiege(take: Entry, siege: Entry): PairFinding | null {
  return independent(take, siege) ? status(take, siege) : null;
}

/*
 * The key-only forms: the key of the finding compareHolds, compareTolls or compareSiege would return, or null
 * when it returns none. Indexing a large workspace finds hundreds of thousands of pairs and keeps only their
 * keys (the findings are built again for the conflicts shown): building each finding's object and closures
 * there was a large share of the server thread's allocation.
 */

/** The key of compareHolds(a, b), or null. */
export function holdsKey(a: Entry, b: Entry): string | null {
  if (!a.side || !b.side || !factual(a) || !factual(b) || !independent(a, b)) return null;
  return controlKey(a, b) ?? controlKey(b, a) ?? extentKey(a, b) ?? dateKey(a, b);
}

/** The key of compareTolls(a, b), or null. */
export function tollsKey(a: Entry, b: Entry): string | null {
  return independent(a, b) ? casualtiesKey(a, b) : null;
}

/** The key of compareSiege(take, siege), or null. */
export function siegeKey(take: Entry, siege: Entry): string | null {
  return independent(take, siege) ? statusKey(take, siege) : null;
}

/** A prediction and a capture. */
export function comparePrediction(predicted: Entry, take: Entry): PairFinding | null {
  return independent(predicted, take) ? prediction(predicted, take) : null;
}

function areaOf(e: Entry): string {
  return e.extent.area ?? '';
}

function src(e: Entry): string {
  return e.claim.source.name;
}

const DAY_CACHE = new Map<number, string>();

/** Day number → YYYY-MM-DD, memoised: keys and labels ask for the same few thousand days again and again. */
function dayOf(n: number | null): string {
  if (n === null) return '?';
  let s = DAY_CACHE.get(n);
  if (s === undefined) {
    s = new Date(n * 86400000).toISOString().slice(0, 10);
    if (DAY_CACHE.size < 100_000) DAY_CACHE.set(n, s);
  }
  return s;
}

/** A claim's time in calendar terms ("1 Sep 2017", "Oct 2017"), not the article's words ("last month"). */
function niceLabel(e: Entry): string {
  if (e.from !== null && e.from === e.to) return dayLabel(dayOf(e.from));
  const v = e.claim.time?.value ?? '';
  return /^\d{4}(?:-\d{2})?$/.test(v) ? dayLabel(v) : e.claim.time?.label ?? '?';
}

/** Label of the narrower of two claims' times. */
function sharedLabel(a: Entry, b: Entry): string | null {
  const width = (e: Entry) => (e.from !== null && e.to !== null ? e.to - e.from : Infinity);
  const e = width(a) <= width(b) ? a : b;
  return e.claim.time ? niceLabel(e) : null;
}

/** "Syrian Democratic Forces'", "Syrian Arab Army's". */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

function placeName(a: Entry): string {
  return a.claim.place?.name ?? 'an unnamed place';
}

/** (a) Different controllers of the same (part of a) place at the same time. */
function control(a: Entry, b: Entry): PairFinding | null {
  const key = controlKey(a, b);
  if (key === null) return null;
  return {
    kind: 'control',
    sides: [a, b],
    key,
    outcome: null,
    values: () => [a.claim.actor!.name, b.claim.actor!.name],
    describe: () => {
      const where = a.claim.extent.area ? `the ${a.claim.extent.area} of ${placeName(a)}` : placeName(a);
      const dates = sharedLabel(a, b);
      return { dates, message: `Conflicting control of ${where}${dates ? `, ${dates}` : ''}: ${a.claim.actor!.name} (${src(a)}) vs ${b.claim.actor!.name} (${src(b)})` };
    },
  };
}

/**
 * Whether the times of a and b (in that order) let control() find them at odds: two control claims overlap
 * (each known to the month), two captures overlap (each known to the week), or control claimed on the day of a
 * capture or up to 3 days after it (each known to the day). The hold index walks only pairs that pass it.
 */
export function controlTimesAgree(a: Entry, b: Entry): boolean {
  const A = a.action;
  const B = b.action;
  if (A === 'controls' && B === 'controls') return precise(a, MONTH_DAYS) && precise(b, MONTH_DAYS) && overlaps(a, b);
  if (A === 'took-control' && B === 'took-control') return precise(a, 7) && precise(b, 7) && overlaps(a, b);
  // "X took P on d" vs "Y (still) controls P" a few days later: not a handover, a contradiction.
  if (A === 'took-control' && B === 'controls') return precise(a, 1) && precise(b, 1) && b.from! >= a.from! && b.from! - a.to! <= 3;
  return false;
}

function controlKey(a: Entry, b: Entry): string | null {
  if (!factual(a) || !factual(b) || !a.side || !b.side || a.side === b.side) return null;
  if (areaOf(a) !== areaOf(b) || a.extent.kind !== 'full' || b.extent.kind !== 'full') return null;
  if (!controlTimesAgree(a, b)) return null;
  const place = a.claim.place!.id;
  const area = areaOf(a);
  const lo = a.side! < b.side! ? a.side! : b.side!;
  const hi = a.side! < b.side! ? b.side! : a.side!;
  const day = Math.max(a.from!, b.from!);
  const m = lastControl;
  if (m.day === day && m.lo === lo && m.hi === hi && m.area === area && m.place === place) return m.key;
  m.place = place;
  m.area = area;
  m.lo = lo;
  m.hi = hi;
  m.day = day;
  return (m.key = `control|${place}|${area}|${lo}/${hi}|${dayOf(day)}`);
}

/*
 * The last key of each kind built, with what it was built from: the pairs of a new claim follow each other by
 * day, most share their key with the pair before, and the same string object is then found among the place's
 * conflicts without being built and hashed anew (at 10,000 articles, ~200,000 pairs, a fifth of the index
 * pass's conflict time).
 */
const lastControl = { place: '', area: '', lo: '', hi: '', day: NaN, key: '' };
const lastDate = { place: '', side: '', from: NaN, to: NaN, key: '' };
const lastStatus = { place: '', side: '', day: NaN, key: '' };

function extentValue(e: Entry): string {
  const x = e.claim.extent;
  if (x.percent !== null) return `${x.percent} percent`;
  return x.kind === 'full' ? 'full control' : x.text ?? 'partial control';
}

/** (b) Full vs partial control of the same area by the same side, or clearly different percentages. */
function holds(e: Entry): boolean {
  return e.action === 'controls' || e.action === 'took-control';
}

function extent(a: Entry, b: Entry): PairFinding | null {
  const key = extentKey(a, b);
  if (key === null) return null;
  const [p, q] = extentOrder(a, b);
  const vp = extentValue(p);
  const vq = extentValue(q);
  return {
    kind: 'extent',
    sides: [p, q],
    key,
    outcome: null,
    values: () => [vp, vq],
    describe: () => {
      const where = p.claim.extent.area ? `the ${p.claim.extent.area} of ${placeName(p)}` : placeName(p);
      const dates = sharedLabel(a, b);
      return { dates, message: `Conflicting extent of ${possessive(p.claim.actor!.name)} control over ${where}${dates ? `, ${dates}` : ''}: ${vp} (${src(p)}) vs ${vq} (${src(q)})` };
    },
  };
}

/** The wider extent first. */
function extentOrder(a: Entry, b: Entry): [Entry, Entry] {
  const xa = a.claim.extent;
  const xb = b.claim.extent;
  const percents = xa.percent !== null && xb.percent !== null && Math.abs(xa.percent - xb.percent) >= 10;
  return xa.kind === 'full' || (percents && xa.percent! > xb.percent!) ? [a, b] : [b, a];
}

function extentKey(a: Entry, b: Entry): string | null {
  if (!holds(a) || !holds(b) || !factual(a) || !factual(b) || !a.side || a.side !== b.side) return null;
  if (areaOf(a) !== areaOf(b) || !precise(a, MONTH_DAYS) || !precise(b, MONTH_DAYS) || !overlaps(a, b)) return null;
  const xa = a.extent;
  const xb = b.extent;
  const fullVsPartial = xa.kind !== xb.kind && (xa.percent !== null || xb.percent !== null || xa.area !== null);
  const percents = xa.percent !== null && xb.percent !== null && Math.abs(xa.percent - xb.percent) >= 10;
  if (!fullVsPartial && !percents) return null;
  const [p, q] = extentOrder(a, b);
  return `extent|${p.claim.place!.id}|${areaOf(p)}|${p.side}|${extentValue(p)}/${extentValue(q)}|${dayOf(Math.max(a.from!, b.from!))}`;
}

/** (c) The same capture reported on different days. */
function date(a: Entry, b: Entry): PairFinding | null {
  const key = dateKey(a, b);
  if (key === null) return null;
  const [p, q] = a.from! <= b.from! ? [a, b] : [b, a];
  return {
    kind: 'date',
    sides: [p, q],
    key,
    outcome: null,
    values: () => [niceLabel(p), niceLabel(q)],
    describe: () => {
      const vp = niceLabel(p);
      const vq = niceLabel(q);
      return { dates: `${vp} / ${vq}`, message: `Conflicting date for ${possessive(p.claim.actor!.name)} capture of ${placeName(p)}: ${vp} (${src(p)}) vs ${vq} (${src(q)})` };
    },
  };
}

function dateKey(a: Entry, b: Entry): string | null {
  if (a.action !== 'took-control' || b.action !== 'took-control' || !factual(a) || !factual(b)) return null;
  if (!a.side || a.side !== b.side || a.claim.time?.basis !== 'stated' || b.claim.time?.basis !== 'stated') return null;
  if (!precise(a, 2) || !precise(b, 2) || overlaps(a, b, 1)) return null;
  // Weeks apart is more likely a recapture than a disagreement.
  if (Math.abs(a.from! - b.from!) > 14) return null;
  const [p, q] = a.from! <= b.from! ? [a, b] : [b, a];
  const place = p.claim.place!.id;
  const m = lastDate;
  if (m.from === p.from && m.to === q.from && m.side === p.side && m.place === place) return m.key;
  m.place = place;
  m.side = p.side!;
  m.from = p.from!;
  m.to = q.from!;
  return (m.key = `date|${place}|${p.side}|${dayOf(p.from)}|${dayOf(q.from)}`);
}

// A toll "in Syria" or "in Idlib province" sums many incidents: only towns, cities and smaller places compare.
const WIDE = new Set(['country', 'region', 'admin1', 'admin2', 'river', 'desert', 'mountain']);

function local(e: Entry): boolean {
  return !WIDE.has(e.claim.place?.feature ?? '');
}

function sameIncidentKind(x: string | null | undefined, y: string | null | undefined): boolean {
  if (!x || !y) return false;
  return x === y || x === 'bodies-found' || y === 'bodies-found';
}

const WILDCARD_VICTIMS = new Set(['people', 'persons', 'others']);

/**
 * Civilians, fighters or security forces: tolls of different classes are different figures, not a dispute.
 * Children, women and aid or medical workers are a part of a toll ("27 children" of "100 dead"): they compare
 * only with a toll of the same group.
 */
function victimClass(v: string | null | undefined): string | null {
  if (!v) return null;
  if (/^(?:children|women|workers)$/.test(v)) return `part:${v}`;
  if (/^(?:civilians|residents|protesters|migrants|refugees)$/.test(v)) return 'civilians';
  if (/^(?:militants|fighters|jihadists|rebels|terrorists|insurgents|gunmen|attackers|combatants|members)$/.test(v)) return 'fighters';
  if (/^(?:soldiers|troops|policemen|officers)$/.test(v)) return 'security';
  return v;
}

function victimsCompatible(x: string | null, y: string | null): boolean {
  if (x?.startsWith('part:') || y?.startsWith('part:')) return x === y;
  return compatible(x, y, WILDCARD_VICTIMS);
}

function compatible(x: string | null | undefined, y: string | null | undefined, wild: Set<string>): boolean {
  return !x || !y || x === y || wild.has(x) || wild.has(y);
}

function tollValue(e: Entry): string {
  const q = e.claim.countQualifier;
  return `${q ? `${q} ` : ''}${e.claim.count}`;
}

/**
 * The counts a toll allows: exact for "12", up to a quarter more for "at least 10" (a bound is a floor, and a
 * later "12" agrees with it), ±15 % for "about 40", down to 80 % for "up to 100". Reporting noise stays inside.
 */
function tollRange(e: Entry): [number, number] {
  const n = e.claim.count!;
  const q = e.claim.countQualifier ?? '';
  if (/^(?:at least|more than|over)$/.test(q)) return [n, n * 1.25];
  if (/^(?:nearly|almost|about|around|some)$/.test(q)) return [n * 0.85, n * 1.15];
  if (/^(?:up to|as many as|fewer than|less than)$/.test(q)) return [n * 0.8, n];
  return [n, n];
}

/** The counts differ beyond reporting noise: no count fits both tolls. */
function tollsDisagree(a: Entry, b: Entry): boolean {
  const [alo, ahi] = tollRange(a);
  const [blo, bhi] = tollRange(b);
  return ahi < blo || bhi < alo;
}

/**
 * Days a toll may refer to. A toll told without a date ("have been killed", as of publication) may be the day
 * before the article; a stated date is taken as stated (day precision, no slack: Friday's strike is not Thursday's).
 */
function tollDays(e: Entry): [number, number] | null {
  if (e.from === null || e.to === null) return null;
  return e.claim.time?.basis === 'publication' ? [e.from - 1, e.to] : [e.from, e.to];
}

/** The incident cues of both tolls allow one incident: same target and overlapping districts when both name them. */
function sameIncidentCues(a: Entry, b: Entry): boolean {
  const x = a.claim.incident;
  const y = b.claim.incident;
  if (x?.target && y?.target && x.target !== y.target) return false;
  if (x?.districts && y?.districts && !x.districts.some((d) => y.districts!.includes(d))) return false;
  // A sentence that gives the other toll among its own figures explains it (a breakdown, an earlier count).
  if (x?.figures?.includes(b.claim.count!) || y?.figures?.includes(a.claim.count!)) return false;
  return true;
}

/**
 * (d) Different death tolls for the same incident: same place, same day, same kind of event, target, districts
 * and victims, and counts apart beyond reporting noise.
 */
function casualties(a: Entry, b: Entry): PairFinding | null {
  const key = casualtiesKey(a, b);
  if (key === null) return null;
  const [p, q] = a.claim.count! <= b.claim.count! ? [a, b] : [b, a];
  const values: [string, string] = [tollValue(p), tollValue(q)];
  return {
    kind: 'casualties',
    sides: [p, q],
    key,
    outcome: null,
    values: () => values,
    describe: () => {
      const dates = sharedLabel(a, b);
      return { dates, message: `Conflicting death toll for ${placeName(p)}${dates ? `, ${dates}` : ''}: ${values[0]} (${src(p)}) vs ${values[1]} (${src(q)})` };
    },
  };
}

function casualtiesKey(a: Entry, b: Entry): string | null {
  if (a.claim.action !== 'casualties' || b.claim.action !== 'casualties' || !factual(a) || !factual(b)) return null;
  if (a.claim.count === null || b.claim.count === null || a.claim.count === b.claim.count) return null;
  // One article's own tolls of one incident are its story (an earlier count, a part, a separate strike), not a dispute.
  if (a.uri === b.uri) return null;
  // 3 vs 126 in one city on one day is two incidents far more often than one disputed toll; real disputes
  // run to several-fold (Ghouta 2013: from a few hundred to 1,400), hence 8x.
  if (Math.max(a.claim.count, b.claim.count) > 8 * Math.max(1, Math.min(a.claim.count, b.claim.count))) return null;
  if (!tollsDisagree(a, b)) return null;
  const da = tollDays(a);
  const db = tollDays(b);
  if (!da || !db || da[0] > db[1] || db[0] > da[1]) return null;
  if (!local(a) || !local(b) || a.claim.eventKind === 'cumulative' || b.claim.eventKind === 'cumulative') return null;
  // Same kind of event, both known (a grave's bodies may be anyone's): in a city, "killed" alone may be any incident.
  if (!sameIncidentKind(a.claim.eventKind, b.claim.eventKind)) return null;
  if (!victimsCompatible(victimClass(a.claim.victims), victimClass(b.claim.victims))) return null;
  if (a.side && b.side && a.side !== b.side) return null;
  if (!sameIncidentCues(a, b)) return null;
  // A toll over several days ("over the weekend") sums incidents unless both name the same target.
  const wide = a.to! - a.from! > 0 || b.to! - b.from! > 0;
  if (wide && (!a.claim.incident?.target || a.claim.incident.target !== b.claim.incident?.target || !precise(a, 2) || !precise(b, 2))) return null;
  const [p, q] = a.claim.count <= b.claim.count ? [a, b] : [b, a];
  return ['casualties', p.claim.place!.id, p.claim.count, q.claim.count, dayOf(Math.min(a.from!, b.from!))].join('|');
}

/** (e) Captured on a day, yet reported only besieged on or after that day by the same side. */
function status(a: Entry, b: Entry): PairFinding | null {
  const key = statusKey(a, b);
  if (key === null) return null;
  const values: [string, string] = [`captured by ${a.claim.actor?.name ?? 'an unnamed side'}`, 'only besieged'];
  return {
    kind: 'status',
    sides: [a, b],
    key,
    outcome: null,
    values: () => values,
    describe: () => {
      const dates = sharedLabel(a, b);
      return { dates, message: `Conflicting status of ${placeName(a)}${dates ? `, ${dates}` : ''}: ${values[0]} (${src(a)}) vs ${values[1]} (${src(b)})` };
    },
  };
}

function statusKey(a: Entry, b: Entry): string | null {
  if (a.action !== 'took-control' || b.action !== 'besieged' || !factual(a) || !factual(b)) return null;
  // Only the capture of the whole place, by a named side, says the siege is over.
  if (!a.claim.actor || a.claim.extent.kind !== 'full' || a.claim.extent.area) return null;
  if (!precise(a, 7) || b.from === null && b.to === null) return null;
  if (b.side && a.side && b.side !== a.side) return null;
  const bTo = b.to ?? b.from!;
  const bFrom = b.from ?? bTo;
  // The siege is still reported on or after the capture, and not long after (a later siege is a new event).
  if (bTo < a.from! || bFrom > a.to! + 14 || bTo - a.to! > 30) return null;
  const place = a.claim.place!.id;
  const side = a.side ?? '';
  const m = lastStatus;
  if (m.day === a.from && m.side === side && m.place === place) return m.key;
  m.place = place;
  m.side = side;
  m.day = a.from!;
  return (m.key = ['status', place, side, dayOf(a.from)].join('|'));
}

/** (f) A prediction and a later report of the outcome: fulfilled when it happened by the predicted date. */
function prediction(p: Entry, o: Entry): PairFinding | null {
  if (p.claim.modality !== 'predicted' || !factual(o) || o.claim.action !== 'took-control' || p.claim.action !== 'took-control') return null;
  if (!p.side || p.side !== o.side || o.from === null || o.to === null) return null;
  const madeOn = p.publishedDay ?? p.from;
  // Only forecasts with a deadline after they were made ("by the end of October") can be checked.
  if (p.claim.time?.basis !== 'stated' || p.to === null || madeOn === null || p.to <= madeOn) return null;
  if (madeOn === null || o.to < madeOn || (o.publishedDay !== null && o.publishedDay <= madeOn)) return null;
  const deadline = p.to;
  const outcome = o.from <= deadline ? 'fulfilled' : 'not-fulfilled';
  const when = niceLabel(o);
  const label = p.claim.time && p.claim.time.basis === 'stated' ? p.claim.time.label : '';
  const by = label ? (/^(?:by|before|until|in|within|after)\b/i.test(label) ? ` ${label}` : ` by ${label}`) : '';
  const values: [string, string] = [`predicted${by}`, `happened ${when}`];
  const verdict = outcome === 'fulfilled' ? 'Prediction fulfilled' : 'Prediction not fulfilled';
  return {
    kind: 'prediction',
    sides: [p, o],
    key: ['prediction', p.claim.place!.id, p.side, p.claim.id].join('|'),
    outcome,
    values: () => values,
    describe: () => {
      const dates = when;
      return { dates, message: `${verdict}: ${src(p)} expected ${p.claim.actor!.name} to take ${placePhrase(p.claim)}${by}; ${src(o)} reports it happened ${when}` };
    },
  };
}
