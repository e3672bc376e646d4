// One sentence as the claim finders read it: lower-cased, with mentions blanked out and listed by kind
// with sentence-relative offsets. Built in one pass per sentence, so the hot loop does no sorting,
// filtering or mapping of mention lists.
import { DateMention, FactionMention, Mention, PlaceMention, SourceMention } from '../types';
import { ClauseBreaks, Local } from './claimParts';
import { isUsableDate } from './claimTime';
import { cut } from '../smallLists';

export interface SentenceView {
  index: number;
  /** Lower-cased sentence with mentions blanked out. */
  lower: string;
  places: Local<PlaceMention>[];
  factions: Local<FactionMention>[];
  dates: Local<DateMention>[];
  /** Clause breaks of `lower`, made on first use: most sentences never need them. */
  breaks: ClauseBreaks | null;
  /** firstDenialEnd(lower): where its first denial word ends (Infinity: none). */
  denialEnd: number;
}

/** The clause breaks of a view's sentence, found once however many triggers ask. */
export function breaksOf(view: SentenceView): ClauseBreaks {
  return view.breaks ?? (view.breaks = (view === VIEW ? BREAKS.reset(view.lower) : new ClauseBreaks(view.lower)));
}

/**
 * Mentions grouped by sentence in one flat list: sentence i owns order[first[i]] up to order[first[i + 1]], in
 * order of start (stable). Each mention's start, end and kind are read once, into lists beside `order`: mentions
 * of different kinds have different shapes, so every read of a field of theirs is a slow lookup, and the claim
 * loop asked each mention for its start five times and its kind twice.
 */
export interface MentionsBySentence {
  order: Mention[];
  /**
   * Plain arrays, reused from article to article (see groupBySentence): only the first `first[n]` entries (and
   * the first n + 1 of `first`) belong to the article; the rest are left from a longer one.
   */
  first: number[];
  starts: number[];
  ends: number[];
  /** KIND codes. */
  kinds: number[];
  /** Every grouped mention's start and end are integers (what masking the article at once needs). */
  integral: boolean;
  /** All source mentions, in a sentence or not, in order. */
  sources: Mention[];
}

/** Mention kinds by code (what MentionsBySentence.kinds holds). */
export const KIND = { other: 0, place: 1, faction: 2, date: 3, source: 4 } as const;

function kindCode(kind: Mention['kind']): number {
  return kind === 'place' ? KIND.place : kind === 'faction' ? KIND.faction : kind === 'date' ? KIND.date : kind === 'source' ? KIND.source : KIND.other;
}

/**
 * Groups mentions by sentence, each sentence's in order of start (one pass when they come sentence by sentence,
 * else a counting sort: two passes, no list per sentence). Null when a mention names a sentence by a
 * non-integer index, which no analysis does (the caller gives up on claims, as indexing by it always did).
 * The lists are reused: the group is good until the next call, and releaseGroup() lets go of its mentions.
 */
export function groupBySentence(mentions: Mention[], n: number): MentionsBySentence | null {
  const group = inSentenceOrder(mentions, n) ?? countingSort(mentions, n);
  if (group) inStartOrder(group, n);
  return group;
}

// The lists of the last group, kept for the next article: made anew for each, they were a tenth of the bytes
// the stage allocates (five lists grown mention by mention, 36,000 mentions a MB of generated copy). Not kept
// past this many mentions, so one huge article does not hold its memory.
const GROUP_KEPT = 1 << 16;
let kept: MentionsBySentence | null = null;

function emptyGroup(n: number): MentionsBySentence {
  const group = kept ?? { order: [], first: [], starts: [], ends: [], kinds: [], integral: true, sources: [] };
  kept = null;
  group.integral = true;
  group.sources = [];
  group.first[n] = 0;
  return group;
}

/**
 * Done with the article: the group of the last groupBySentence call is kept for the next (mentions dropped), and
 * the reused view lets go of the article's text and mentions (nothing of an article is held after it).
 */
export function releaseArticle(group: MentionsBySentence, n: number): void {
  releaseView();
  releaseGroup(group, n);
}

function releaseGroup(group: MentionsBySentence, n: number): void {
  if (!(group.order.length <= GROUP_KEPT && group.first.length <= GROUP_KEPT)) return;
  const count = group.first[n];
  // The article's mentions are not held after it.
  group.order.fill(undefined as unknown as Mention, 0, count);
  group.sources = [];
  kept = group;
}

/** Files mention m, at [start, end), at index k of the group's lists. */
function file(group: MentionsBySentence, k: number, m: Mention, kind: number, start: number, end: number): void {
  group.order[k] = m;
  group.starts[k] = start;
  group.ends[k] = end;
  group.kinds[k] = kind;
  if (!Number.isInteger(start) || !Number.isInteger(end)) group.integral = false;
}

/**
 * The grouping when the mentions already come sentence by sentence (the pipeline sorts them by start), in one
 * pass: the counting sort reads every mention's sentence twice (1.4 % of the stage on the 1 MB generated
 * corpus). Null when a mention's sentence is out of order or not an integer: the counting sort decides then.
 */
function inSentenceOrder(mentions: Mention[], n: number): MentionsBySentence | null {
  const group = emptyGroup(n);
  const first = group.first;
  first[0] = 0;
  // Sentences up to `filled` have their first mention set.
  let filled = 0;
  let count = 0;
  for (let k = 0; k < mentions.length; k++) {
    const m = mentions[k];
    const kind = kindCode(m.kind);
    // Each kind's fields are read at a site of its own. Mentions come in five shapes: read at one site, every
    // field is a megamorphic lookup (a call each); read per kind, a site sees one or two shapes and the read is
    // inline (this pass alone: gen 1.51 -> 1.11 ms a MB, FA-KES 1.05 -> 0.87, medians of 12 alternated passes).
    let s: number;
    let start: number;
    let end: number;
    if (kind === KIND.place) {
      const p = m as PlaceMention;
      s = p.sentence;
      start = p.start;
      end = p.end;
    } else if (kind === KIND.faction) {
      const f = m as FactionMention;
      s = f.sentence;
      start = f.start;
      end = f.end;
    } else if (kind === KIND.date) {
      const d = m as DateMention;
      s = d.sentence;
      start = d.start;
      end = d.end;
    } else if (kind === KIND.source) {
      const o = m as SourceMention;
      group.sources.push(o);
      s = o.sentence;
      start = o.start;
      end = o.end;
    } else {
      s = m.sentence;
      start = m.start;
      end = m.end;
    }
    // In no sentence (a date in the dateline): left out, as the counting sort leaves it.
    if (!(s >= 0 && s < n)) continue;
    if (s < filled || !Number.isInteger(s)) return null;
    while (filled < s) first[++filled] = count;
    file(group, count++, m, kind, start, end);
  }
  while (filled < n) first[++filled] = count;
  return group;
}

function countingSort(mentions: Mention[], n: number): MentionsBySentence | null {
  const group = emptyGroup(n);
  const first = group.first.fill(0, 0, n + 1);
  for (const m of mentions) {
    const s = m.sentence;
    if (!(s >= 0 && s < n)) continue;
    if (!Number.isInteger(s)) return null;
    first[s + 1]++;
  }
  for (let i = 0; i < n; i++) first[i + 1] += first[i];
  const next = first.slice(0, n);
  for (const m of mentions) {
    const kind = kindCode(m.kind);
    if (kind === KIND.source) group.sources.push(m);
    const s = m.sentence;
    if (s >= 0 && s < n) file(group, next[s]++, m, kind, m.start, m.end);
  }
  return group;
}

/** Sorts by start (stably) the sentences whose mentions are not in order of start (hand-made input only). */
function inStartOrder(group: MentionsBySentence, n: number): void {
  const { order, first, starts } = group;
  for (let i = 0; i < n; i++) {
    const from = first[i];
    const to = first[i + 1];
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) if (starts[k] < starts[k - 1]) sorted = false;
    if (sorted) continue;
    const list = order.slice(from, to).sort((a, b) => a.start - b.start);
    for (let k = from; k < to; k++) {
      const m = list[k - from];
      file(group, k, m, kindCode(m.kind), m.start, m.end);
    }
  }
}

/** A sentence's mentions in order of start: group.order[from] up to group.order[to]. */
export function mentionsOf(group: MentionsBySentence, index: number): { list: Mention[]; from: number; to: number } {
  return { list: group.order, from: group.first[index], to: group.first[index + 1] };
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
export function castOf(group: MentionsBySentence, from: number, to: number): SentenceCast {
  const { order, kinds } = group;
  let hasPlace = false;
  let lastFaction: FactionMention | null = null;
  let lastState: FactionMention | null = null;
  let firstTown: PlaceMention | null = null;
  for (let k = from; k < to; k++) {
    const kind = kinds[k];
    if (kind === KIND.place) {
      hasPlace = true;
      const m = order[k] as PlaceMention;
      if (!firstTown && SETTLEMENT.has(m.feature)) firstTown = m;
    } else if (kind === KIND.faction) {
      const m = order[k] as FactionMention;
      lastFaction = m;
      if (m.factionKind === 'state') lastState = m;
    }
  }
  return { hasPlace, lastFaction, lastState, firstTown };
}

/**
 * The sentence view with its places, factions and usable dates (see usableDates), sentence-relative, and
 * `denialEnd`: firstDenialEnd(lower), which the word pass finds. One view and its lists are reused from sentence
 * to sentence (a view, three lists and an object per mention for each sentence with a trigger or a toll were a
 * seventh of the stage's bytes): the view is good until the next call, and what outlives the sentence is taken
 * from it (a Local's mention, never the Local).
 */
export function viewOf(index: number, lower: string, group: MentionsBySentence, from: number, to: number, offset: number, denialEnd: number): SentenceView {
  const { order, kinds, starts, ends } = group;
  let places = 0;
  let factions = 0;
  let dates = 0;
  for (let k = from; k < to; k++) {
    const kind = kinds[k];
    if (kind === KIND.place) local(PLACES, places++, order[k] as PlaceMention, starts[k] - offset, ends[k] - offset);
    else if (kind === KIND.faction) local(FACTIONS, factions++, order[k] as FactionMention, starts[k] - offset, ends[k] - offset);
    else if (kind === KIND.date && isUsableDate(order[k] as DateMention)) local(DATES, dates++, order[k] as DateMention, starts[k] - offset, ends[k] - offset);
  }
  const view = VIEW;
  view.index = index;
  view.lower = lower;
  view.places = listOf(PLACES, places) as Local<PlaceMention>[];
  view.factions = listOf(FACTIONS, factions) as Local<FactionMention>[];
  view.dates = listOf(DATES, dates) as Local<DateMention>[];
  view.breaks = null;
  view.denialEnd = denialEnd;
  return view;
}

/** A kind's reused list, with the Local objects ever made for its places in it (`pool`: never shortened). */
interface LocalList {
  list: Local<Mention>[];
  pool: Local<Mention>[];
}

const PLACES: LocalList = { list: [], pool: [] };
const FACTIONS: LocalList = { list: [], pool: [] };
const DATES: LocalList = { list: [], pool: [] };
// The clause breaks of the reused view, reused with it.
const BREAKS = new ClauseBreaks('');
const VIEW: SentenceView = { index: 0, lower: '', places: [], factions: [], dates: [], breaks: null, denialEnd: Infinity };
// What a view lists for a kind it has none of: shared, never written (the reused list is never emptied, as
// emptying an array drops its storage and the next sentence would allocate it again). Not frozen, and given
// an object element once, so it has the element kind of the lists (one kind at every site that reads a list).
const NONE: Local<Mention>[] = [VIEW as unknown as Local<Mention>];
NONE.pop();

function releaseView(): void {
  VIEW.lower = '';
  VIEW.breaks = null;
  BREAKS.reset('');
  releasePool(PLACES);
  releasePool(FACTIONS);
  releasePool(DATES);
}

function releasePool(kinds: LocalList): void {
  for (let j = 0; j < kinds.pool.length; j++) kinds.pool[j].m = NO_MENTION;
}

// What a pooled Local holds between articles.
const NO_MENTION = null as unknown as Mention;

/** Sets entry j of a kind's list to the pooled Local for j, holding mention m at [start, end). */
function local(kinds: LocalList, j: number, m: Mention, start: number, end: number): void {
  let l = kinds.pool[j];
  if (l === undefined) kinds.pool[j] = l = { m, start, end };
  else {
    l.m = m;
    l.start = start;
    l.end = end;
  }
  kinds.list[j] = l;
}

/** The kind's list cut to `count` entries (NONE for none). */
function listOf(kinds: LocalList, count: number): readonly Local<Mention>[] {
  if (count === 0) return NONE;
  return cut(kinds.list, count);
}
