// The verbs and phrases that make a sentence a claim, with the grammatical shape that tells
// where the actor and the place are (before or after the trigger).
import { ClaimAction } from '../types';

/**
 * active: "X captured P" (actor before, place after);
 * passive: "P was captured by X" (place before, actor after "by");
 * toward: "P fell to X" (place before, actor after "to");
 * lost: "X lost P to Y" (patient before, place after, actor after "to");
 * under: "P is under the control of X" (place before, actor after).
 */
export type Voice = 'active' | 'passive' | 'toward' | 'lost' | 'under';

export interface Trigger {
  /** Sentence-relative offsets. */
  start: number;
  end: number;
  action: ClaimAction;
  voice: Voice;
  /** The trigger as written, lower-cased. */
  word: string;
  /** "full control" and the like, written in the trigger itself. */
  full: boolean;
  /** Present or perfect tense ("controls", "has captured"): true as of publication. */
  present: boolean;
}

interface Pattern {
  re: RegExp;
  action: ClaimAction;
  voice: Voice;
  present?: boolean;
  /**
   * Cheap pre-check for the costly passive shapes: the pattern can only match when the sentence contains
   * every one of `all` and one of `any` (every match of `re` contains them), so skipping never loses a
   * match. Patterns without it run directly: measured, a dozen substring searches cost more than the
   * single regex pass they would spare.
   */
  all?: string[];
  any?: string[];
}

const BE = String.raw`(?:is|are|was|were|been|being|be|remains|remained)`;
const ADV = String.raw`(?:[a-z]+ly |also |now |still |finally |fully |then |reportedly |)`;

const TAKE_PASSIVE = String.raw`captured|seized|liberated|retaken|recaptured|taken|overrun|freed|taken over`;
const TAKE_ACTIVE = [
  String.raw`(?:took|take|takes|taking|taken|seized|seize|seizes|seizing|gained|gain|gains|gaining|regained|regain|regaining|assumed|wrested|wresting|wrest|wrests) (?:full |complete |total |partial )?control (?:of|over)`,
  String.raw`(?:took|take|takes|taking) over`,
  String.raw`(?:drove|drive|drives|driving|driven|pushed|push|pushes|pushing|forced|force|kicked|kick|chased|chase) (?:[a-z-]+ ){0,4}?out`,
  String.raw`captured|captures|capture|capturing|seized|seizes|seize|seizing|liberated|liberates|liberate|liberating|retook|retakes|retake|retaking|recaptured|recaptures|recapture|recapturing|overran|overruns|overrun|expelled|expels|expel|expelling|ousted|oust|ousting|freed|took|takes|take|taking`,
].join('|');

const PATTERNS: Pattern[] = [
  // Shapes with the actor after the trigger come first so they win overlaps.
  { re: new RegExp(String.raw`\b${BE} ${ADV}(?:${TAKE_PASSIVE}) (?:[a-z-]+ ){0,6}?by\b`, 'g'), action: 'took-control', voice: 'passive', all: [' by'], any: ['captured', 'seized', 'liberated', 'taken', 'overrun', 'freed'] },
  { re: /\b(?:fell|fall|falls|falling|fallen) (?:[a-z-]+ ){0,3}?(?:to|into the hands of)\b/g, action: 'took-control', voice: 'toward' },
  { re: /\b(?:lost|lose|loses|losing)\b/g, action: 'lost-control', voice: 'lost' },
  { re: new RegExp(String.raw`\b${BE} ${ADV}(?:besieged|encircled|surrounded|blockaded) (?:[a-z-]+ ){0,6}?by\b`, 'g'), action: 'besieged', voice: 'passive', all: [' by'], any: ['besieged', 'encircled', 'surrounded', 'blockaded'] },
  { re: /\bunder (?:the |full |complete |total )?(?:control|grip|rule) of\b/g, action: 'controls', voice: 'under', present: true },
  { re: new RegExp(String.raw`\b${BE} ${ADV}(?:controlled|held|ruled) (?:[a-z-]+ ){0,6}?by\b`, 'g'), action: 'controls', voice: 'passive', all: [' by'], any: ['controlled', 'held', 'ruled'] },
  { re: /\bunder (?:a |full |complete |total )?siege\b/g, action: 'besieged', voice: 'under', present: true, all: ['under'], any: ['siege'] },
  { re: new RegExp(`\\b(?:${TAKE_ACTIVE})\\b`, 'g'), action: 'took-control', voice: 'active' },
  { re: /\b(?:besieged|besieges|besiege|besieging|encircled|encircles|encircle|encircling|surrounded|surrounds|surround|surrounding|(?:laid|lay|lays|laying|imposed|impose|imposes|imposing|placed) (?:a |an )?(?:full |complete |tight |total )?(?:siege|blockade) (?:on|to|around))\b/g, action: 'besieged', voice: 'active' },
  // Not the bare noun "control" ("the IS control over the town had posed a threat"): a state needs a verb.
  { re: /\b(?:(?:is|are|was|were|remains|remained) in (?:full |complete |total )?control of|(?:has|have|had|having|retains?|retained|keeps?|kept) (?:full |complete |total )?control (?:of|over)|controls|controlled|controlling|holds|hold|held|holding)\b/g, action: 'controls', voice: 'active' },
  // "defeated IS in the barrens of Qara": a victory in a place is taking it.
  { re: /\b(?:defeated|routed|vanquished)\b/g, action: 'took-control', voice: 'active' },
  { re: /\b(?:advanced|advances|advance|advancing|reached|reaches|reach|reaching|entered|enters|enter|entering|closing in on|closed in on|moved into|pushed into|pushed toward|pushed towards|marched on)\b/g, action: 'advanced', voice: 'active' },
  { re: /\b(?:attacked|attacks|attack|attacking|shelled|shells|shelling|struck|strikes|strike|striking|stormed|storms|storm|storming|bombed|bombs|bombing|raided|raids|raiding|assaulted|assault|pounded|pounding|targeted|targeting)\b/g, action: 'attacked', voice: 'active' },
];

// Words that make "took"/"held"/"control" something else ("took part", "held talks", "control room").
const NOT_AFTER = /^ (?:(?:the|an?) (?:stage|point|verge|brink|agreement|deal|conclusion|decision|settlement|ceasefire|truce|peak|level|number|total)\b|part|place|care|note|time|office|power|talks|a meeting|meetings|an? (?:election|vote|referendum|conference|rally|ceremony)|elections|responsibility|hostage|prisoner|captive|positions? on|the view|steps|measures|charge|aim|effect)\b/;

/** Every trigger in a lower-cased sentence, longest first where they overlap. */
export function findTriggers(lower: string): Trigger[] {
  const found: Trigger[] = [];
  for (const p of PATTERNS) {
    if (!mayMatch(lower, p)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(lower); m; m = p.re.exec(lower)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const word = m[0];
      // "government-held", "IS-controlled": an adjective, not a statement.
      if (m.index > 0 && lower[m.index - 1] === '-') continue;
      // "the besieged town", "a captured soldier": a participle before its noun describes, it does not report.
      if (/^(?:besieged|encircled|surrounded|captured|seized|liberated|held|controlled|attacked|shelled)$/.test(word) && /\b(?:the|a|an|its|their|newly|recently)\s+$/.test(lower.slice(Math.max(0, m.index - 10), m.index))) continue;
      if (NOT_AFTER.test(lower.slice(m.index + word.length, m.index + word.length + 40))) continue;
      found.push({
        start: m.index,
        end: m.index + word.length,
        action: p.action,
        voice: p.voice,
        word,
        full: /\b(?:full|complete|total)\b/.test(word),
        // States ("controlled", "held") reported without a date hold as of publication.
        present: !!p.present || p.action === 'controls' || isPresent(lower, m.index, word),
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: Trigger[] = [];
  for (const t of found) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) continue;
    kept.push(t);
  }
  return kept;
}

// Whether a pattern can match at all (see Pattern.any).
function mayMatch(lower: string, p: Pattern): boolean {
  if (!p.all) return true;
  for (const w of p.all) if (!lower.includes(w)) return false;
  if (!p.any) return true;
  for (const w of p.any) if (lower.includes(w)) return true;
  return false;
}

/** Present or perfect tense: the statement holds as of the publication date. */
function isPresent(lower: string, at: number, word: string): boolean {
  if (/^(?:controls|holds|besieges|encircles|surrounds|is |are |remains )/.test(word)) return true;
  const before = lower.slice(Math.max(0, at - 24), at);
  return /\b(?:has|have|had|is|are|still|now|remains|remain)(?: [a-z]+ly| been| not| also| now| already)? ?$/.test(before);
}
