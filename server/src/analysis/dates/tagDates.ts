// OWNED BY the dates work (issue 4).
// The date tagger: tokens -> recognised expressions -> spans -> values anchored on the publication date.
import { DateMention, Publication, Sentence, TimexPart } from '../types';
import { asciiDigits as digits, Day, dayNumber, parseIsoDay } from './calendar';
import { isSpace, Token } from './tokens';
import { firstEndingAfter, firstStartingAtOrAfter, StretchTokens } from './stretchTokens';
import { codeUnits } from './codeUnits';
import { findExpressionsInto } from './grammar';
import { nextTrigger } from './triggers';
import { groupSpans, isSpan, Item } from './spans';
import { w } from './grammarUtil';
import { Anchor, anchorOf, resolve, Resolved } from './resolve';
import { resolveKept } from './resolveMemo';
import { ongoing, Tense, tenseNear, tenseWithin } from './tense';
import { Expr, Match, SpanMatch } from './expr';
import { spanLabel } from './labels';
import { orderSpanEnds } from './spanOrder';
import { dayPeriod, periodLabel } from './period';

/** Finds temporal expressions and normalises them to TIMEX3 values anchored on the publication date. */
export function tagDates(text: string, sentences: Sentence[], publication: Publication): DateMention[] {
  if (typeof text !== 'string') return [];
  const anchor = anchorOf(parseIsoDay(publication?.date ?? null));
  const out: DateMention[] = [];
  const context: DiscourseContext = { lastDay: null };
  const codes = codeUnits(text, true);
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    tagStretch(text, Math.max(0, s.start), Math.min(text.length, s.end), i, anchor, out, context, codes);
  }
  const ev = publication?.evidence;
  if (ev && !sentences.some((s) => s.start < ev.end && ev.start < s.end)) {
    const line: DateMention[] = [];
    tagStretch(text, Math.max(0, ev.start), Math.min(text.length, ev.end), -1, anchor, line, { lastDay: null }, codes);
    for (let k = 0; k < line.length; k++) line[k].explanation += ' — this is the publication date that anchors the article\u2019s relative dates';
    // The source line lies outside the sentences (before them, mostly): its mentions are merged in by
    // position rather than sorted with the rest.
    if (line.length > 0) return merge(out, line);
  }
  // Sentences and the windows inside them are tagged in text order, so the mentions nearly always are.
  return inOrder(out) ? out : out.sort(byPosition);
}

/** a and b in one list by position (each sorted first if it is not already). */
function merge(a: DateMention[], b: DateMention[]): DateMention[] {
  if (!inOrder(a)) a.sort(byPosition);
  if (!inOrder(b)) b.sort(byPosition);
  const out: DateMention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byPosition(a[i], b[j]) <= 0 ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function byPosition(a: DateMention, b: DateMention): number {
  return a.start - b.start || a.end - b.end;
}

function inOrder(out: DateMention[]): boolean {
  for (let k = 1; k < out.length; k++) if (byPosition(out[k - 1], out[k]) > 0) return false;
  return true;
}

/** What earlier sentences said that later ones lean on: the last day named ("to end the day", "at 18:00"). */
export interface DiscourseContext {
  lastDay: Day | null;
}

/**
 * Tags one sentence (or the source line); pure function of the text, the anchor and the context.
 * `codes` are the text's code units (codeUnits.ts): callers tagging many stretches of one text make them once.
 */
export function tagStretch(text: string, start: number, end: number, sentence: number, anchor: Anchor | null, out: DateMention[], context: DiscourseContext = { lastDay: null }, codes: Uint16Array = codeUnits(text)): void {
  // Only the neighbourhood of a digit or a time word is tokenized: most of a news text has no dates,
  // and this keeps the tagger fast. The window leaves room for modifiers before and spans after.
  const first = out.length;
  let p = nextTrigger(codes, start, end);
  // Most sentences name no date: their tokens are never made.
  if (p < 0) return;
  const tokens = STRETCH.restart(text, codes, start, end);
  let winStart = -1;
  let winEnd = -1;
  for (; p >= 0; p = nextTrigger(codes, Math.max(p + 1, winEnd - SKIP_MARGIN), end)) {
    if (p <= winEnd) {
      winEnd = Math.min(end, Math.max(winEnd, p + AFTER));
    } else {
      if (winStart >= 0) tagWindow(text, codes, tokens, winStart, winEnd, start, end, first, sentence, anchor, out, context);
      winStart = Math.max(start, p - BEFORE);
      winEnd = Math.min(end, p + AFTER);
    }
  }
  if (winStart >= 0) tagWindow(text, codes, tokens, winStart, winEnd, start, end, first, sentence, anchor, out, context);
  // Lets go of the text and its tokens (a long text is not kept alive until the next sentence tagged).
  tokens.restart('', NO_CODES, 0, 0);
}

/** The tokens of the sentence being tagged: one object made over per sentence (stretchTokens.ts restart). */
const STRETCH = new StretchTokens('', new Uint16Array(0), 0, 0);
const NO_CODES = new Uint16Array(0);

const BEFORE = 36;
const AFTER = 48;
const SKIP_MARGIN = 24;

/** Tags one window [start, end) of a stretch, snapped outwards to whitespace so no word is cut. */
function tagWindow(text: string, codes: Uint16Array, tokens: StretchTokens, start: number, end: number, min: number, max: number, first: number, sentence: number, anchor: Anchor | null, out: DateMention[], context: DiscourseContext): void {
  let s = start;
  let e = end;
  for (let k = 0; k < 40 && s > min && !isSpace(codes[s - 1]); k++) s--;
  for (let k = 0; k < 40 && e < max && !isSpace(codes[e]); k++) e++;
  const before = out.length;
  const prevEnd = before > first ? out[before - 1].end : -1;
  tagTokens(text, tokens, s, e, min, max, sentence, anchor, out, context);
  // Snapping may re-read a few characters of the previous window: drop mentions that overlap it.
  if (prevEnd > s) {
    for (let k = out.length - 1; k >= before; k--) if (out[k].start < prevEnd) out.splice(k, 1);
  }
}

/** The matches and items of the window being tagged (reused: see scratch.ts); entries past the counts are stale. */
const MATCHES: Match[] = [];
const ITEMS: Item[] = [];

function tagTokens(text: string, tokens: StretchTokens, start: number, end: number, min: number, max: number, sentence: number, anchor: Anchor | null, out: DateMention[], context: DiscourseContext): void {
  const T = tokens.range(start, end);
  if (T.length === 0) return;
  const matches = findExpressionsInto(T, MATCHES);
  if (matches === 0) return;
  let lastDay: Day | null = context.lastDay;
  const items = groupSpans(T, MATCHES, matches, ITEMS);
  for (let k = 0; k < items; k++) {
    const item = ITEMS[k];
    const next = k + 1 < items ? ITEMS[k + 1] : undefined;
    if (!isSpan(item)) {
      const tense = needsTense(item.expr) ? tenseAround(tokens, T, item, min, max) : null;
      // "at 6:40 p.m. on Tuesday": the clock time sits on the day written right after it.
      if (item.expr.k === 'time' && !item.expr.on && next && !isSpan(next) && next.start - item.end <= 1) {
        const day = resolveKept(next.expr, anchor, tenseAround(tokens, T, next, min, max)).day;
        if (day) lastDay = day;
      }
      const r = resolveKept(item.expr, anchor, tense, lastDay);
      if (r.day) lastDay = r.day;
      const m = mention(text, T, item.start, item.end, sentence, r);
      const e = item.expr;
      if (e.yearAt !== undefined && e.yearRel !== undefined) {
        // "October of next year": TimeML tags "October" and "next year" apart.
        const year = resolve({ k: 'rel', unit: 'year', n: e.yearRel }, anchor, tense);
        m.parts = [
          { start: m.start, end: T[w(T, e.yearAt - 1) === 'of' ? e.yearAt - 2 : e.yearAt - 1].e, type: r.type, value: r.value, mod: r.mod },
          { start: T[e.yearAt].s, end: m.end, type: year.type, value: year.value, mod: null },
        ];
      }
      out.push(m);
    } else {
      // "from 8 a.m. to 6 p.m. on Friday": the clock times sit on the day written right after them.
      let spanDay = lastDay;
      if (item.to?.expr.k === 'time' && !item.to.expr.on && next && !isSpan(next) && next.start - item.end <= 1) {
        spanDay = resolveKept(next.expr, anchor, tenseAround(tokens, T, next, min, max)).day ?? spanDay;
      }
      const m = spanMention(text, tokens, T, item, sentence, anchor, min, max, spanDay);
      if (m) out.push(m);
    }
  }
  context.lastDay = lastDay;
}

function mention(text: string, T: Token[], a: number, b: number, sentence: number, r: Resolved): DateMention {
  const start = T[a].s;
  const end = T[b - 1].e;
  return {
    kind: 'date', start, end, text: text.slice(start, end), id: r.value, name: r.label, sentence,
    type: r.type, value: r.value, mod: r.mod, relative: r.relative, label: r.label, interval: r.interval, explanation: r.explanation,
  };
}

function part(T: Token[], m: Match, r: Resolved): TimexPart {
  return { start: T[m.start].s, end: T[m.end - 1].e, type: r.type, value: r.value, mod: r.mod };
}

/** Only expressions whose value depends on the direction of time need the tense of their clause. */
function needsTense(e: Expr): boolean {
  if (e.k === 'weekday' || e.k === 'season' || e.k === 'quarter' || e.k === 'half' || e.k === 'holiday') return true;
  if (e.k === 'cal') return !e.y;
  if (e.k === 'rel') return !!e.nearest;
  if (e.k === 'time') return !!e.on && needsTense(e.on);
  return false;
}

const TENSE_REACH = 64;

/** What widen() found: read before widen() is called again (one object for all calls, not one per date). */
const WIDE: { T: Token[]; start: number; end: number } = { T: [], start: 0, end: 0 };

/** The tokens of the clause around a match: the window is kept small for speed, so re-read wider text. */
function widen(tokens: StretchTokens, T: Token[], m: { start: number; end: number }, min: number, max: number): { T: Token[]; start: number; end: number } {
  const s = T[m.start].s;
  const e = T[m.end - 1].e;
  const from = Math.max(min, s - TENSE_REACH);
  const to = Math.min(max, e + TENSE_REACH);
  if (from >= T[0].s && to <= T[T.length - 1].e) return widened(T, m.start, m.end);
  const W = tokens.range(from, to);
  let i = 0;
  while (i < W.length && W[i].s < s) i++;
  let j = i;
  while (j < W.length && W[j].e <= e) j++;
  return widened(W, i, j);
}

function widened(T: Token[], start: number, end: number): { T: Token[]; start: number; end: number } {
  WIDE.T = T;
  WIDE.start = start;
  WIDE.end = end;
  return WIDE;
}

function tenseAround(tokens: StretchTokens, T: Token[], m: Match, min: number, max: number): Tense {
  const quick = tenseInWindow(tokens, T, m, min, max);
  if (quick !== undefined) return quick;
  const wide = widen(tokens, T, m, min, max);
  return tenseNear(wide.T, wide.start, wide.end);
}

/**
 * The tense around a match read from the window's own tokens, or undefined when it needs tokens the
 * window lacks. Tokens of the window that lie between two places no token crosses, inside the wider
 * range widen() would read, are exactly that range's tokens there; if the tense words sit among them
 * (as they usually do), the wider range is never tokenized.
 */
function tenseInWindow(tokens: StretchTokens, T: Token[], m: { start: number; end: number }, min: number, max: number): Tense | undefined {
  const from = Math.max(min, T[m.start].s - TENSE_REACH);
  const to = Math.min(max, T[m.end - 1].e + TENSE_REACH);
  // Binary searches, not walks from the window's ends: a window can be a whole sentence, and a 1 MB line with
  // no full stop is one (walking it for each of its dates took 5.6 of the 6.1 s that line took).
  let lo = firstStartingAtOrAfter(T, from);
  if (lo === 0 && !tokens.boundary(T[0].s)) lo = 1;
  let hi = Math.max(lo, firstEndingAfter(T, 0, to));
  while (hi > lo && !tokens.boundary(T[hi - 1].e)) hi--;
  if (m.start < lo || m.end > hi) return undefined;
  return tenseWithin(T, m.start, m.end, lo, hi);
}

/** "since 2015" is one mention with value 2015 and an open range; "between X and Y" spans both ends. */
function spanMention(text: string, tokens: StretchTokens, T: Token[], span: SpanMatch, sentence: number, anchor: Anchor | null, min: number, max: number, lastDay: Day | null): DateMention | null {
  let tense: Tense = null;
  if ((span.from && needsTense(span.from.expr)) || (span.to && needsTense(span.to.expr))) {
    const wide = widen(tokens, T, span, min, max);
    tense = tenseNear(wide.T, wide.start, wide.end);
    // "markets will stay closed until Friday", "has kept them shut until Friday": a state running into the future.
    if (span.kind === 'until' && (tense !== 'past' || ongoing(wide.T, wide.start - 12, wide.start))) tense = 'future';
  }
  let from = span.from ? resolveKept(span.from.expr, anchor, tense, lastDay) : null;
  let to = span.to ? resolveKept(span.to.expr, anchor, tense, lastDay) : null;
  if (span.kind === 'between' && span.from && span.to && from && to) [from, to] = orderSpanEnds(span.from.expr, span.to.expr, from, to, tense);
  const now = anchor ? anchor.iso : null;
  // Written as literals of their final length (an empty [] grows a 16-slot store on its first push).
  const first = span.from && from ? part(T, span.from, from) : null;
  const second = span.to && to ? part(T, span.to, to) : null;
  const parts: TimexPart[] = first ? (second ? [first, second] : [first]) : second ? [second] : [];
  const main = from ?? to!;
  const start = T[span.start].s;
  const end = T[span.end - 1].e;
  if (span.kind === 'since') {
    const label = spanLabel('since', from!.label, null);
    return spanObject(text, start, end, main.value, label, sentence, main.type, main.value, main.mod, from!.relative, main.interval, `from ${from!.label} up to the publication date: ${from!.explanation}`, { from: startOf(from, now), to: now }, parts);
  }
  if (span.kind === 'until') {
    const label = spanLabel('until', null, to!.label);
    return spanObject(text, start, end, main.value, label, sentence, main.type, main.value, main.mod, main.relative, main.interval, `up to ${to!.label}: ${to!.explanation}`, { from: null, to: endOf(to, now) }, parts);
  }
  const label = spanLabel('between', endLabel(from, anchor), endLabel(to, anchor));
  const range = { from: startOf(from, now), to: endOf(to, now) };
  const value = spanDuration(from, to);
  return spanObject(
    text, start, end, value, label, sentence, 'DURATION', value, null, !!(from?.relative || to?.relative),
    range.from && range.to ? { from: range.from, to: range.to } : null,
    `a span from ${from?.label ?? '?'} (${from?.explanation ?? ''}) to ${to?.label ?? '?'} (${to?.explanation ?? ''})`,
    range, parts,
  );
}

/** The first day of a span's end; "now" is the publication day. */
function startOf(r: Resolved | null, now: string | null): string | null {
  return r ? (r.interval?.from ?? (r.value === 'PRESENT_REF' ? now : null)) : null;
}

/** The last day of a span's end; "now" is the publication day. */
function endOf(r: Resolved | null, now: string | null): string | null {
  return r ? (r.interval?.to ?? (r.value === 'PRESENT_REF' ? now : null)) : null;
}

/** A span end's label; "between now and the end of this month": "now" is shown as the publication day it stands for. */
function endLabel(r: Resolved | null, anchor: Anchor | null): string | null {
  return r && r.value === 'PRESENT_REF' && anchor ? `now (${periodLabel(dayPeriod(anchor.day))})` : r?.label ?? null;
}

/** A span's mention, built in one literal with the same key order as a single mention plus range and parts. */
function spanObject(
  text: string, start: number, end: number, id: string, label: string, sentence: number, type: DateMention['type'], value: string,
  mod: DateMention['mod'], relative: boolean, interval: DateMention['interval'], explanation: string, range: { from: string | null; to: string | null }, parts: TimexPart[],
): DateMention {
  return { kind: 'date', start, end, text: text.slice(start, end), id, name: label, sentence, type, value, mod, relative, label, interval, explanation, range, parts };
}

/** "2009 to 2011" is P2Y, "March to May" P2M, "Aug. 18-20" P2D; mixed ends give an unknown amount. */
function spanDuration(a: Resolved | null, b: Resolved | null): string {
  if (!a || !b) return 'PXD';
  const va = a.value;
  const vb = b.value;
  // "from 8 a.m. to 6 p.m." on one day: PT10H (an overnight span keeps an unknown amount).
  if (isClock(va) && isClock(vb) && va.startsWith(vb.slice(0, 10))) {
    const minutes = (digits(vb, 11, 2) - digits(va, 11, 2)) * 60 + (digits(vb, 14, 2) - digits(va, 14, 2));
    if (minutes <= 0) return 'PXD';
    return `PT${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}H` : ''}${minutes % 60 ? `${minutes % 60}M` : ''}`;
  }
  const ga = calendarShape(va);
  const gb = calendarShape(vb);
  if (ga === 0 || gb === 0) return 'PXD';
  if (ga === 4 && gb === 4) return `P${digits(vb, 0, 4) - digits(va, 0, 4)}Y`;
  if (ga === 7 && gb === 7) return `P${(digits(vb, 0, 4) - digits(va, 0, 4)) * 12 + (digits(vb, 5, 2) - digits(va, 5, 2))}M`;
  if (ga === 10 && gb === 10 && a.interval && b.interval) {
    return `P${Math.round(daysBetween(a.interval.from, b.interval.from))}D`;
  }
  return 'PXD';
}

/**
 * Days from ISO day a to ISO day b. Two valid "YYYY-MM-DD" days by calendar arithmetic (a Date.parse of
 * each was 0.6% of the stage's profile; both count whole UTC days); anything else by Date.parse, as before.
 */
function daysBetween(a: string, b: string): number {
  const da = a.length === 10 ? parseIsoDay(a) : null;
  const db = b.length === 10 ? parseIsoDay(b) : null;
  return da && db ? dayNumber(db) - dayNumber(da) : (Date.parse(b) - Date.parse(a)) / 86_400_000;
}

/** A value that starts "YYYY-MM-DDTHH:MM". */
function isClock(v: string): boolean {
  return v.length >= 16 && digits(v, 0, 4) >= 0 && v.charCodeAt(4) === 45 && digits(v, 5, 2) >= 0 && v.charCodeAt(7) === 45 && digits(v, 8, 2) >= 0 && v.charCodeAt(10) === 84 && digits(v, 11, 2) >= 0 && v.charCodeAt(13) === 58 && digits(v, 14, 2) >= 0;
}

/** 4, 7 or 10 for a value that is exactly "YYYY", "YYYY-MM" or "YYYY-MM-DD"; 0 otherwise. */
function calendarShape(v: string): number {
  const n = v.length;
  if ((n !== 4 && n !== 7 && n !== 10) || digits(v, 0, 4) < 0) return 0;
  if (n >= 7 && (v.charCodeAt(4) !== 45 || digits(v, 5, 2) < 0)) return 0;
  if (n === 10 && (v.charCodeAt(7) !== 45 || digits(v, 8, 2) < 0)) return 0;
  return n;
}
