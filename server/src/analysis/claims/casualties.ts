// Death tolls: "at least 40 bodies were found", "52 civilians were executed", "killing 12 soldiers",
// "the death toll rose to 30", "no civilians were killed".
import { detached } from './claimText';
import { sortShort } from '../smallLists';

export interface CasualtyFound {
  /** Sentence-relative span of the figure and its verb. */
  start: number;
  end: number;
  count: number | null;
  qualifier: string | null;
  victims: string | null;
  eventKind: string | null;
  denied: boolean;
  /** What the sentence says about the incident itself, for telling two incidents apart; null when it says nothing. */
  incident?: IncidentCues | null;
}

/** Incident cues of a toll's sentence (see Claim.incident). */
export interface IncidentCues {
  target?: string;
  districts?: string[];
  figures?: number[];
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
// Digits never stop mid-number ("280000" is not 280); word numbers never inside "twenty-six" (handled whole).
const NUM = String.raw`(?<![\d,.-])(\d{1,3}(?:,\d{3}){1,2}|\d{1,7}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(WORDS).join('|')})(?![\d,]*\d)(?![-a-z])`;
const QUAL_WORDS = 'at least|more than|over|nearly|almost|about|around|some|up to|as many as|fewer than|less than';
const QUAL = String.raw`(${QUAL_WORDS})?`;
const WHO = 'civilians|children|women|people|soldiers|troops|militants|fighters|jihadists|rebels|terrorists|insurgents|gunmen|attackers|members|residents|workers|policemen|officers|bodies|persons|protesters|migrants|refugees|combatants|others';
const VICTIMS = String.raw`(?:(${WHO})|[a-z-]+ (${WHO}))`;
// The verbs a FORWARD toll ends with.
const FORWARD_VERBS = ['killed', 'dead', 'died', 'executed', 'slain', 'massacred', 'found', 'recovered', 'unearthed', 'buried', 'lost their lives'];
const VERB = String.raw`(?:were |was |have been |had been |are |being |)(?:reportedly |)(${FORWARD_VERBS.join('|')})`;

/** The verbs KILLING opens with, each a whole word followed by a space. */
export const KILLING_VERBS = ['killed', 'killing', 'kills', 'executed', 'executing', 'left', 'leaving'];
/** The number words a figure can be written in (a compound, "twenty-six", opens with one). */
export const NUMBER_WORDS = Object.keys(WORDS);
/** The last word of each qualifier: a number word glued to one is still read ("someone", "at leastfive"). */
export const QUALIFIER_ENDS: ReadonlySet<string> = new Set(QUAL_WORDS.split('|').map((q) => q.slice(q.lastIndexOf(' ') + 1)));

const FORWARD = new RegExp(String.raw`\b${QUAL} ?${NUM} ${VICTIMS}?(?: [a-z-]+){0,2}? ?${VERB}\b`, 'g');
// Sticky: tried only where one of its verbs stands (see TollHints.killings).
const KILLING = new RegExp(String.raw`\b(?:${KILLING_VERBS.join('|')}) ${QUAL} ?${NUM} ?${VICTIMS}?`, 'y');
const TOLL = new RegExp(String.raw`\bdeath toll (?:[a-z]+ ){0,3}?(?:to|of|at|reached|stands at|stood at|rose to|climbed to) ${QUAL} ?${NUM}\b`, 'g');
const NONE = /\bno (?:[a-z-]+ ){0,2}?(?:civilians|people|soldiers|troops|fighters|casualties|one|residents) (?:were|was|had been|have been) (?:killed|hurt|injured|executed)\b/g;

// Running totals ("in the past 24 hours", "since the war began", "in five years", "this year") are not one
// incident's toll, nor is a toll "in and around" a city or for it "and its countryside" (a day's strikes summed).
const CUMULATIVE = /\b(?:since (?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|last|early|late|mid|the (?:war|conflict|start|beginning|uprising|revolt|crisis|offensive|campaign|operation))|this (?:year|month)|last (?:year|month)|(?:in|on) and around |and (?:the |its )?(?:surrounding|countryside|suburbs|outskirts)|in the (?:past|last) |during the (?:past|last) |over the (?:past|last) |since the (?:war|conflict|start|beginning|uprising)|so far|to date|in total|overall|altogether|(?:war|conflict) (?:has|have) (?:killed|claimed)|(?:in|over|within) (?:\d+|two|three|four|five|six|seven|several|a few) (?:days|weeks|months|years)|(?:days|weeks|months|years) of)/;

const EVENT_KINDS: [RegExp, string][] = [
  [/\bexecut/, 'execution'],
  // A gas attack is its own incident even when barrel bombs or jets delivered it.
  [/\b(?:chemical|chlorine|sarin|nerve agents?|toxic gas|poison gas|gas attacks?|by gas|gassed)\b/, 'chemical'],
  [/\b(?:air ?strikes?|air raids?|raids|warplanes?|jets|bombardment|barrel bombs?|aerial)\b/, 'airstrike'],
  [/\b(?:(?:car|truck|bus|roadside|double|twin) bombs?|bomb attacks?|suicide|explosions?|exploded|blasts?|bombings?|ied)\b/, 'bombing'],
  [/\b(?:shelling|mortars?|rockets?|artillery)\b/, 'shelling'],
  [/\b(?:clashes|fighting|battles?|ambush|attack)\b/, 'fighting'],
  [/\b(?:mass grave|bodies)\b/, 'bodies-found'],
];

// WORDS by name: a Map lookup of a matched word is cheaper than `in` on the object (and sees no inherited names).
const WORD_VALUE = new Map(Object.entries(WORDS));

// Small patterns made once (a regex literal inside a function is a new RegExp object each time it runs).
const COMMAS = /,/g;
const COMPOUND = /^([a-z]+)-([a-z]+)$/;
const FINDING_VERB = /^(?:found|recovered|unearthed|buried)$/;
const PART_OF_BEFORE = /\b(?:including|among them|among whom|of whom|of them|among|of which)\s*$/;
const ADDITION = /\b(?:more|others?|additional|further)\b/;
/** `text` without a leading "more than " or "at least " (two prefix tests, where a replace() ran a regex for each toll). */
function withoutLeadingQualifier(text: string): string {
  return text.startsWith('more than ') ? text.slice(10) : text.startsWith('at least ') ? text.slice(9) : text;
}
const WOUNDED_AFTER = /^\s*(?:others? |people |civilians )?(?:were |was )?(?:injured|wounded|hurt)\b/;
const FOUR_DIGITS = /^\d{4}$/;
const WOUNDED_NEXT = /^\s(?:(?:more |other |others |people |civilians |persons )?(?:were |others )?)?(?:injured|wounded|hurt)/;

function toNumber(raw: string | undefined): number | null {
  if (!raw) return null;
  // Digits first: most figures are digits, and a digit string is never a number word.
  const c = raw.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(raw.indexOf(',') < 0 ? raw : raw.replace(COMMAS, ''));
    return Number.isFinite(n) ? n : null;
  }
  const word = WORD_VALUE.get(raw);
  if (word !== undefined) return word;
  const compound = COMPOUND.exec(raw);
  if (compound && WORD_VALUE.has(compound[1]) && WORD_VALUE.has(compound[2])) return WORDS[compound[1]] + WORDS[compound[2]];
  const n = Number(raw.replace(COMMAS, ''));
  return Number.isFinite(n) ? n : null;
}

const NO_TOLLS: readonly CasualtyFound[] = [];

/**
 * Where the toll patterns can match in a sentence (offsets, in order): every match of FORWARD has its figure
 * (NUM) among `figures`, every match of KILLING starts at one of `killings`, the first of TOLL at or after
 * `deathToll` and the first of NONE at or after `no` (-1: no match). The claim loop reads them in its one pass
 * over a sentence's words (sentenceWords.ts); hintsOf finds them with regexes.
 *
 * `forwardEnd`: a FORWARD match ends with one of its verbs and a \b, so it ends at the end of the last such verb
 * or before: FORWARD reads the sentence only that far (it scans on from each figure to the end when no match
 * is there), and not at all in sentences with none ("… killing 12").
 */
export interface TollHints {
  /** No FORWARD match ends after this offset (-1: there is none). */
  forwardEnd: number;
  figures: number[];
  figureCount: number;
  killings: number[];
  killingCount: number;
  deathToll: number;
  no: number;
}

/**
 * Casualty figures in a lower-cased sentence. `lower` may have mentions blanked out (so years and names are
 * not read as numbers); `raw` is the same sentence unblanked, for the cause ("warplanes") and period ("in the
 * past week"). `hints`: where the patterns can match, from a caller that knows a toll word is there.
 */
export function findCasualties(lower: string, raw: string = lower, hints: TollHints | null = null): readonly CasualtyFound[] {
  // Every toll pattern needs one of the toll words: most sentences have none and skip the patterns (and get
  // one shared empty list: callers only read it).
  if (hints === null) {
    if (!ANY_TOLL_WORD.test(lower)) return NO_TOLLS;
    hints = hintsOf(lower);
  }
  const out: CasualtyFound[] = [];
  cause = undefined;
  const { forwardEnd, figures, figureCount, killings, killingCount, deathToll, no } = hints;
  // Cut at the end of the last FORWARD verb: every match lies before, and the \b after that verb holds in the cut
  // text as in the sentence (what follows it is no word character).
  const forwardText = forwardEnd < 0 ? '' : forwardEnd >= lower.length ? lower : lower.slice(0, forwardEnd);
  for (let m = nextFigureMatch(forwardText, figures, figureCount, 0); m; m = nextFigureMatch(forwardText, figures, figureCount, FORWARD.lastIndex)) {
    if (FINDING_VERB.test(m[5] ?? '') && (m[3] ?? m[4]) !== 'bodies') continue;
    addToll(out, lower, raw, m.index, m.index + m[0].length, m[1], m[2], m[3] ?? m[4]);
  }
  // Tried at each verb in turn, after the last match's end: the matches a global scan finds.
  for (let k = 0, from = 0; k < killingCount; k++) {
    if (killings[k] < from) continue;
    KILLING.lastIndex = killings[k];
    const m = KILLING.exec(lower);
    if (!m) continue;
    from = m.index + m[0].length;
    addToll(out, lower, raw, m.index, from, m[1], m[2], m[3] ?? m[4]);
  }
  // TOLL and NONE open with their own words: the scan starts at the first place they stand, and is not run
  // where neither stands (most toll sentences: a call each that found nothing, 2,700 a MB of generated copy).
  if (deathToll >= 0) {
    TOLL.lastIndex = deathToll;
    for (let m = TOLL.exec(lower); m; m = TOLL.exec(lower)) addToll(out, lower, raw, m.index, m.index + m[0].length, m[1], m[2], undefined);
  }
  if (no >= 0) {
    NONE.lastIndex = no;
    for (let m = NONE.exec(lower); m; m = NONE.exec(lower)) {
      out.push({ start: m.index, end: m.index + m[0].length, count: 0, qualifier: null, victims: null, eventKind: causeOf(raw), denied: true });
    }
  }
  return sortShort(out, byStart);
}

// The cause of the sentence findCasualties is reading, once found (undefined: not yet): it is read only when a
// figure is found (it scans the whole sentence six times).
let cause: string | null | undefined;

function causeOf(raw: string): string | null {
  return cause === undefined ? (cause = kindOf(raw)) : cause;
}

/** Files the toll at [start, end) of `lower` in `out`, unless it is part of, an addition to or a repeat of another, or no toll. */
function addToll(out: CasualtyFound[], lower: string, raw: string, start: number, end: number, qual: string | undefined, num: string | undefined, victims: string | undefined): void {
  if (overlapsAny(out, start, end)) return;
  // "including three children", "among them two women": a part of another toll, not a toll.
  if (PART_OF_BEFORE.test(lower.slice(Math.max(0, start - 16), start))) return;
  // "six more people", "five others were killed": an addition to another toll, not a toll.
  if (ADDITION.test(withoutLeadingQualifier(lower.slice(start, end)))) return;
  // "killed one, six others injured": the figure belongs to the wounded.
  if (WOUNDED_AFTER.test(lower.slice(end, end + 30))) return;
  const count = toNumber(num);
  // A year or a unit number is not a toll ("in 2015 killed", "Division 17 killed").
  // The range first: most figures are no year, and the pattern need not run.
  if (count === null || (count >= 1900 && count <= 2100 && FOUR_DIGITS.test(num ?? ''))) return;
  const who = victims && victims !== 'bodies' ? victims : null;
  // The same figure twice in one sentence ("26 were killed … killing 26") is one toll.
  if (countedBefore(out, count)) return;
  const kind = CUMULATIVE.test(raw.slice(Math.max(0, start - 60), end + 80)) ? 'cumulative' : victims === 'bodies' && !causeOf(raw) ? 'bodies-found' : causeOf(raw);
  out.push({ start, end, count, qualifier: qual ?? null, victims: who, eventKind: kind, denied: false, incident: incidentOf(raw, count) });
}

/** A toll of `out` overlapping [start, end). */
function overlapsAny(out: CasualtyFound[], start: number, end: number): boolean {
  for (let i = 0; i < out.length; i++) if (start < out[i].end && end > out[i].start) return true;
  return false;
}

/** A toll of `out`, not denied, of `count`. */
function countedBefore(out: CasualtyFound[], count: number): boolean {
  for (let i = 0; i < out.length; i++) if (out[i].count === count && !out[i].denied) return true;
  return false;
}

function byStart(a: CasualtyFound, b: CasualtyFound): number {
  return a.start - b.start;
}

// Where the figure (NUM) of a FORWARD match can begin: a digit that starts a number, as NUM's
// lookbehind asks (not the other digits of "2,000", one regex step each before), or a number word (group 1)
// at a word start, alone or right after a qualifier written without its space ("someone": "some" + "one").
// Both patterns reach NUM only at their own start (a word edge), after a space or after a qualifier, so no
// figure of theirs is missed; number words inside other words ("often", "tone") are no longer offered, and
// the scan that offered them cost a quarter more (toll-word sentences of FA-KES, 4.2 -> 3.1 ms).
const FIGURE_START = new RegExp(String.raw`(?<![\d,.-])\d|\b(?:${QUAL_WORDS})?(${Object.keys(WORDS).join('|')})`, 'g');
// How far before its figure a FORWARD match can begin: it opens with the qualifier ("as many as " is the longest).
const FORWARD_REACH = 11;
// KILLING's verbs as whole words with the space after them, for hintsOf.
const KILLING_START = new RegExp(String.raw`\b(?:${KILLING_VERBS.join('|')}) `, 'g');

/** The toll hints of a sentence found with regexes (any superset of the places TollHints names would do). */
function hintsOf(lower: string): TollHints {
  const figures: number[] = [];
  FIGURE_START.lastIndex = 0;
  for (let m = FIGURE_START.exec(lower); m; m = FIGURE_START.exec(lower)) {
    // A number word's match may open with its qualifier: the figure is where the word begins.
    figures.push(m[1] === undefined ? m.index : m.index + m[0].length - m[1].length);
    FIGURE_START.lastIndex = m.index + 1;
  }
  const killings: number[] = [];
  KILLING_START.lastIndex = 0;
  for (let m = KILLING_START.exec(lower); m; m = KILLING_START.exec(lower)) killings.push(m.index);
  return { forwardEnd: lower.length, figures, figureCount: figures.length, killings, killingCount: killings.length, deathToll: lower.indexOf('death toll'), no: lower.indexOf('no ') };
}

/**
 * The next match of FORWARD at or after `from`, as a global scan from `from` finds it, but started just before
 * the next figure (`figures`, the first `count` of them): no match can begin earlier, and the pattern is
 * costly to try at every word. Any list of offsets that holds every match's figure gives the same matches.
 */
function nextFigureMatch(lower: string, figures: number[], count: number, from: number): RegExpExecArray | null {
  let k = 0;
  while (k < count && figures[k] < from) k++;
  if (k === count || figures[k] >= lower.length) return null;
  FORWARD.lastIndex = Math.max(from, figures[k] - FORWARD_REACH);
  return FORWARD.exec(lower);
}

// A superset of the verbs of FORWARD, KILLING, TOLL and NONE (substrings, so no pattern can match without one).
const ANY_TOLL_WORD = /kill|dead|died|execut|slain|massacred|found|recovered|unearthed|buried|lost their lives|left|leaving|death toll|hurt|injured/;

/**
 * The words no toll pattern matches without, each ending a letter run (a character that is no letter after it),
 * with the words its pattern puts right before or after it: FORWARD's verbs end their run (\b after, letters or
 * a hyphen before: "overkilled", "half-dead"), KILLING's and NONE's words are whole runs, TOLL opens with
 * "death toll". The claim loop finds them in its one pass over a sentence's words (sentenceWords.ts), more
 * tightly than ANY_TOLL_WORD ("skilled", "founded", "deadline" no longer send a sentence to the patterns).
 */
export const TOLL_WORDS: readonly TollWord[] = [
  // "lost their lives" as "lives" with the words before it.
  ...FORWARD_VERBS.map((verb) => ({ word: verb.slice(verb.lastIndexOf(' ') + 1), before: verb.slice(0, verb.lastIndexOf(' ') + 1), after: '', forward: true })),
  ...['killing', 'kills', 'executing', 'left', 'leaving', 'hurt', 'injured'].map((word) => ({ word, before: '', after: '', forward: false })),
  { word: 'death', before: '', after: ' toll', forward: false },
];

export interface TollWord {
  word: string;
  before: string;
  after: string;
  /** A verb a FORWARD toll ends with. */
  forward: boolean;
}

// EVENT_KINDS as one alternation, a group per kind in priority order: at any position the first group that
// matches is the best kind matching there, so one scan that visits every matching position finds the kind
// the list order picks (seven scans of the sentence cost about twice as much, measured on toll sentences).
// Every pattern opens with \b: written once before the groups, the scan tests it once a position instead of once
// a group (FA-KES toll-word sentences 5.9 -> 3.7 ms); the groups match where they did.
const ANY_KIND = EVENT_KINDS.every(([re]) => re.source.startsWith('\\b'))
  ? new RegExp(String.raw`\b(?:${EVENT_KINDS.map(([re]) => `(${re.source.slice(2)})`).join('|')})`, 'g')
  : new RegExp(EVENT_KINDS.map(([re]) => `(${re.source})`).join('|'), 'g');

/** The kind of the first EVENT_KINDS pattern that matches anywhere in `lower`. */
function kindOf(lower: string): string | null {
  let best = EVENT_KINDS.length;
  ANY_KIND.lastIndex = 0;
  for (let m = ANY_KIND.exec(lower); m; m = ANY_KIND.exec(lower)) {
    let k = 0;
    while (m[k + 1] === undefined) k++;
    if (k < best && (best = k) === 0) break;
    // From the next character, not the match's end: a better kind may start inside this match.
    ANY_KIND.lastIndex = m.index + 1;
  }
  return best < EVENT_KINDS.length ? EVENT_KINDS[best][1] : null;
}

// What was hit: two tolls naming different targets (a market, a hospital) are two incidents.
const TARGET = /\b(market(?:place)?|hospital|clinic|school|bakery|mosque|church|convoy|bus|wedding|funeral|checkpoint|camp|prison|university|park|stadium|bread line|queue)s?\b/;
// District and village names, where the sentence says it names them ("al-Midan neighbourhood", "the districts
// of al-Kalaseh and Bustan al-Qasr", "the village of Oweijel"). Names are lower-cased words; "al-" is dropped.
const DISTRICT_NEAR = /\b(?:neighbou?rhoods?|districts?|quarters?|village of|villages of)\b/g;
const NAME_WORD = /\b(?:al|el|as|ad|ash|ar|az)-([a-z]{3,20})\b|\b(?:of|including) ([a-z]{4,20})\b/g;
// Words that follow "al-" or "of" near a district word without naming a district.
const NOT_DISTRICT = new Set(['islam', 'qaeda', 'nusra', 'sham', 'assad', 'them', 'whom', 'which', 'these', 'those', 'their', 'several', 'syria', 'damascus', 'aleppo', 'homs', 'idlib', 'hama', 'city', 'town', 'province', 'capital', 'eastern', 'western', 'northern', 'southern', 'central', 'residential', 'rebel-held', 'government-held', 'opposition-held', 'other', 'many', 'various', 'people', 'civilians', 'children', 'women']);
// Number words other than "one" ("one of the"), compounds first ("twenty-six" whole).
const WORD_FIGURE = new RegExp(String.raw`\b((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)|${Object.keys(WORDS).filter((w) => w !== 'one' && w !== 'hundred').join('|')})\b`, 'g');
const OTHER_FIGURE = /(?<![\d,.-])(\d{1,3}(?:,\d{3}){1,2}|\d{1,6})(?![\d,]*\d)/g;
// TARGET, DISTRICT_NEAR and WORD_FIGURE as one scan (groups 1, 2 and 3): their words are whole words of three
// lists that share none, so no match of one can hide a match of another, and one scan meets every match of
// each in order, at about half the cost of three scans (toll sentences of FA-KES: 6.0 -> 3.1 ms).
const INCIDENT_WORDS = new RegExp(String.raw`\b(?:${TARGET.source.slice(2, -2)}|(${DISTRICT_NEAR.source.slice(2, -2)})|${WORD_FIGURE.source.slice(2, -2)})\b`, 'g');

const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const MONTH_AFTER = new RegExp(String.raw`^\s?(?:${MONTH})`);
const MONTH_BEFORE = new RegExp(String.raw`(?:${MONTH})[a-z]*\.?\s?$`);

/** A figure that counts dead: not a day of a month ("6 October"), not the wounded ("58 others injured"). */
function counted(raw: string, start: number, end: number): boolean {
  const after = raw.slice(end, end + 24);
  if (MONTH_AFTER.test(after) || MONTH_BEFORE.test(raw.slice(Math.max(0, start - 11), start))) return false;
  return !WOUNDED_NEXT.test(after);
}

/** The incident cues of a sentence around a toll of `count`: target, named districts, the other figures. */
function incidentOf(raw: string, count: number): IncidentCues | null {
  const cues: IncidentCues = {};
  const districts = new Set<string>();
  // Number words are read after the digits (as the figures were always listed): kept until then.
  const wordFigures: RegExpExecArray[] = [];
  INCIDENT_WORDS.lastIndex = 0;
  for (let m = INCIDENT_WORDS.exec(raw); m; m = INCIDENT_WORDS.exec(raw)) {
    if (m[1] !== undefined) {
      if (cues.target === undefined) cues.target = m[1] === 'marketplace' ? 'market' : m[1];
    } else if (m[2] !== undefined) {
      if (districts.size < 8) addDistricts(raw, m.index, m.index + m[0].length, districts);
    } else wordFigures.push(m);
  }
  if (districts.size) cues.districts = sortShort([...districts], inCodeUnitOrder);
  // Other figures of the sentence ("21 killed: 15 in the north, six in the village"): a breakdown, not a dispute.
  const figures: number[] = [];
  OTHER_FIGURE.lastIndex = 0;
  for (let m = OTHER_FIGURE.exec(raw); m && figures.length < 8; m = OTHER_FIGURE.exec(raw)) {
    const n = Number(m[1].indexOf(',') < 0 ? m[1] : m[1].replace(COMMAS, ''));
    // The plain tests first: the toll's own figure and years (most figures met) need no look around them.
    if (n !== count && n > 0 && !(n >= 1900 && n <= 2100) && !figures.includes(n) && counted(raw, m.index, m.index + m[0].length)) figures.push(n);
  }
  for (let k = 0; k < wordFigures.length && figures.length < 8; k++) {
    const m = wordFigures[k];
    const n = toNumber(m[3]);
    if (n !== null && n !== count && !figures.includes(n) && counted(raw, m.index, m.index + m[0].length)) figures.push(n);
  }
  if (figures.length) cues.figures = sortShort(figures, ascending);
  return cues.target || cues.districts || cues.figures ? cues : null;
}

/** The district names near a district word at [start, end) (up to eight in all). */
function addDistricts(raw: string, start: number, end: number, districts: Set<string>): void {
  // Names stand just before "neighbourhood" or within the list that follows it ("districts of X, Y and Z").
  const near = raw.slice(Math.max(0, start - 45), Math.min(raw.length, end + 70));
  NAME_WORD.lastIndex = 0;
  for (let w = NAME_WORD.exec(near); w && districts.size < 8; w = NAME_WORD.exec(near)) {
    const name = w[1] ?? w[2];
    if (!NOT_DISTRICT.has(name)) districts.add(detached(name));
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** The order the default sort gives strings. */
function inCodeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
