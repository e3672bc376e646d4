// One sentence as the claim finders read it: lower-cased, with mentions blanked out and listed by kind
// with sentence-relative offsets. Built in one pass per sentence, so the hot loop does no sorting,
// filtering or mapping of mention lists.
import { DateMention, FactionMention, Mention, PlaceMention } from '../types';
import { ClauseBreaks, denialEndBefore, firstDenialEnd, Local } from './claimParts';
import { isUsableDate } from './claimTime';

export interface SentenceView {
  index: number;
  /** Lower-cased sentence with mentions blanked out; `raw` without blanking. */
  lower: string;
  raw: string;
  places: Local<PlaceMention>[];
  factions: Local<FactionMention>[];
  dates: Local<DateMention>[];
  /** Clause breaks of `lower`, made on first use: most sentences never need them. */
  breaks: ClauseBreaks | null;
  /** firstDenialEnd(lower) once found; Infinity while lower.slice(0, denialRead) holds none. */
  denialEnd: number;
  denialRead: number;
}

/**
 * firstDenialEnd(view.lower) if it is at most `at`, else Infinity (what modalityOf needs): the words up to the
 * furthest `at` asked are read once, however many triggers ask.
 */
export function denialEndOf(view: SentenceView, at: number): number {
  if (view.denialEnd !== Infinity || at <= view.denialRead) return view.denialEnd;
  const lower = view.lower;
  if (isWordChar(lower.charCodeAt(at - 1)) && isWordChar(lower.charCodeAt(at))) {
    // Inside a word (no trigger or toll starts there) a cut could split a denial word: read all of it.
    view.denialEnd = firstDenialEnd(lower);
    view.denialRead = lower.length;
  } else {
    view.denialEnd = denialEndBefore(lower, view.denialRead, at);
    view.denialRead = at;
  }
  return view.denialEnd;
}

/** A character that \b counts as part of a word (NaN, off either end of the text: none). */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);
}

/** The clause breaks of a view's sentence, found once however many triggers ask. */
export function breaksOf(view: SentenceView): ClauseBreaks {
  return view.breaks ?? (view.breaks = new ClauseBreaks(view.lower));
}

/** Mentions grouped by sentence in one flat list: sentence i owns order[first[i]] up to order[first[i + 1]]. */
export interface MentionsBySentence {
  order: Mention[];
  /** A plain array: a small typed array costs several times as much to make, and there is one per article. */
  first: number[];
}

/**
 * Groups mentions by sentence, keeping their order within a sentence (one pass when they come sentence by sentence,
 * else a counting sort: two passes, no list per sentence). Null when a mention names a sentence by a non-integer index, which no analysis does
 * (the caller gives up on claims, as indexing by it always did).
 */
export function groupBySentence(mentions: Mention[], n: number): MentionsBySentence | null {
  return inSentenceOrder(mentions, n) ?? countingSort(mentions, n);
}

/**
 * The grouping when the mentions already come sentence by sentence (the pipeline sorts them by start), in one
 * pass: each mention's fields are a slow read (mentions of different kinds have different shapes), and the
 * counting sort reads every mention's sentence twice (1.4 % of the stage on the 1 MB generated corpus). Null
 * when a mention's sentence is out of order or not an integer: the counting sort decides then.
 */
function inSentenceOrder(mentions: Mention[], n: number): MentionsBySentence | null {
  const first = new Array<number>(n + 1);
  first[0] = 0;
  const order: Mention[] = [];
  // Sentences up to `filled` have their first mention set.
  let filled = 0;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const s = m.sentence;
    // In no sentence (a date in the dateline): left out, as the counting sort leaves it.
    if (!(s >= 0 && s < n)) continue;
    if (s < filled || !Number.isInteger(s)) return null;
    while (filled < s) first[++filled] = order.length;
    order.push(m);
  }
  while (filled < n) first[++filled] = order.length;
  return { order, first };
}

function countingSort(mentions: Mention[], n: number): MentionsBySentence | null {
  const first = new Array<number>(n + 1).fill(0);
  for (const m of mentions) {
    const s = m.sentence;
    if (!(s >= 0 && s < n)) continue;
    if (!Number.isInteger(s)) return null;
    first[s + 1]++;
  }
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  const order: Mention[] = new Array(first[n]);
  const next = first.slice(0, n);
  for (const m of mentions) {
    const s = m.sentence;
    if (s >= 0 && s < n) order[next[s]++] = m;
  }
  return { order, first };
}

/** A sentence's mentions in order of start (stable, as the pipeline gives them: usually no copy). */
export function mentionsOf(group: MentionsBySentence, index: number): { list: Mention[]; from: number; to: number } {
  const from = group.first[index];
  const to = group.first[index + 1];
  const list = group.order;
  for (let k = from + 1; k < to; k++) {
    if (list[k].start < list[k - 1].start) return { list: list.slice(from, to).sort((a, b) => a.start - b.start), from: 0, to: to - from };
  }
  return { list, from, to };
}

/** Settlement features: the places "the town" can stand for. */
export const SETTLEMENT = new Set(['city', 'town', 'district', 'area', 'other', 'crossing']);

/** What the claim loop reads of every sentence's mentions, besides its claims. */
export interface SentenceCast {
  hasPlace: boolean;
  /** The last faction named, and the last state's forces named. */
  lastFaction: FactionMention | null;
  lastState: FactionMention | null;
  /** The first settlement named (see SETTLEMENT). */
  firstTown: PlaceMention | null;
}

/**
 * The sentence's cast in one pass over its mentions. Mentions of different kinds have different shapes, so
 * each field read is a slow lookup: four scans of the list (one per question) cost about three times this.
 */
export function castOf(list: Mention[], from: number, to: number): SentenceCast {
  let hasPlace = false;
  let lastFaction: FactionMention | null = null;
  let lastState: FactionMention | null = null;
  let firstTown: PlaceMention | null = null;
  for (let k = from; k < to; k++) {
    const m = list[k];
    if (m.kind === 'place') {
      hasPlace = true;
      if (!firstTown && SETTLEMENT.has(m.feature)) firstTown = m;
    } else if (m.kind === 'faction') {
      lastFaction = m;
      if (m.factionKind === 'state') lastState = m;
    }
  }
  return { hasPlace, lastFaction, lastState, firstTown };
}

/** The sentence view with its places, factions and usable dates (see usableDates), sentence-relative. */
export function viewOf(index: number, lower: string, raw: string, list: Mention[], from: number, to: number, offset: number): SentenceView {
  const places: Local<PlaceMention>[] = [];
  const factions: Local<FactionMention>[] = [];
  const dates: Local<DateMention>[] = [];
  for (let k = from; k < to; k++) {
    const m = list[k];
    if (m.kind === 'place') places.push({ m, start: m.start - offset, end: m.end - offset });
    else if (m.kind === 'faction') factions.push({ m, start: m.start - offset, end: m.end - offset });
    else if (m.kind === 'date' && isUsableDate(m)) dates.push({ m, start: m.start - offset, end: m.end - offset });
  }
  return { index, lower, raw, places, factions, dates, breaks: null, denialEnd: Infinity, denialRead: 0 };
}
