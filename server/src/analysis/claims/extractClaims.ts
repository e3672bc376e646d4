// Claims: who did what to which place, when, according to whom, one sentence at a time.
import { Claim, ClaimAction, DateMention, FactionMention, Mention, PlaceMention, Publication, Sentence, SourceMention } from '../types';
import { findTriggers, Trigger } from './triggers';
import { actorBefore, extentOf, ExtentFound, factionAfter, factionBetween, Local, modalityOf, placeAfter, segmentsBefore } from './claimParts';
import { findCasualties, CasualtyFound } from './casualties';
import { datesByTrigger, timeFromDate, timeFromPublication, usableDates } from './claimTime';
import { sourceOf, sourcesBySentence } from './claimSource';
import { intervalOfValue, normalisedHash } from './claimText';
import { summarise } from './summary';

export interface ClaimInput {
  text: string;
  sentences: Sentence[];
  mentions: Mention[];
  publication: Publication;
  agency: string | null;
}

const MAX_SENTENCE = 3000;
/** At most this many triggers per sentence are read (each looks back over its sentence). */
const MAX_TRIGGERS = 24;

interface SentenceView {
  index: number;
  /** Lower-cased sentence with mentions blanked out; `raw` without blanking. */
  lower: string;
  raw: string;
  places: Local<PlaceMention>[];
  factions: Local<FactionMention>[];
  dates: Local<DateMention>[];
}

/** Who did what to which place when, according to whom, per sentence. */
export function extractClaims(input: ClaimInput): Claim[] {
  try {
    return extractAll(input);
  } catch {
    // The core never throws: a bug here costs the claims, not the rest of the analysis.
    return [];
  }
}

function extractAll(input: ClaimInput): Claim[] {
  const { text, sentences, mentions, publication, agency } = input;
  const sources = mentions.filter((m): m is SourceMention => m.kind === 'source');
  const bySentence = groupBySentence(mentions, sentences.length);
  const attributedTo = sourcesBySentence(sources, sentences.length);
  const claims: Claim[] = [];
  const seenSentence = new Map<string, number>();
  let previousActor: FactionMention | null = null;
  let previousPlace: PlaceMention | null = null;

  sentences.forEach((sentence, index) => {
    if (sentence.section !== 'body' && sentence.section !== 'caption') return;
    // Longer than any real sentence (a table, a data dump, a run-on without stops): skipped, so work stays linear.
    if (sentence.end - sentence.start > MAX_SENTENCE) return;
    const raw = text.slice(sentence.start, sentence.end);
    const view = viewOf(index, raw, sentence.start, bySentence[index]);
    const key = normalisedHash(raw);
    const repeat = seenSentence.get(key) ?? 0;
    seenSentence.set(key, repeat + 1);
    const idBase = `c${key}${repeat ? `~${repeat}` : ''}`;
    const { source, reported } = sourceOf(index, view.lower, attributedTo.get(index) ?? [], view.factions, agency);

    const found = claimsOfSentence(view, previousActor, previousPlace);
    let ordinal = 0;
    for (const f of found) {
      const predicted = f.modality === 'predicted';
      const time = (f.date ? timeFromDate(f.date, publication.date, predicted) : null) ?? timeFromPublication(publication.date, f.present, predicted);
      const modality = f.modality === 'asserted' && reported ? 'reported' : f.modality;
      const place = f.place
        ? { id: f.place.id, name: f.place.name, lat: f.place.lat, lon: f.place.lon, country: f.place.country, admin1: f.place.admin1, feature: f.place.feature }
        : null;
      const claim: Claim = {
        id: `${idBase}.${ordinal++}`,
        start: sentence.start,
        end: sentence.end,
        sentence: index,
        actor: f.actor ? { id: f.actor.id, name: f.actor.name } : null,
        action: f.action,
        patient: f.patient,
        place,
        extent: { kind: f.extent.kind, text: f.extent.text, percent: f.extent.percent, area: f.extent.area },
        time,
        source,
        modality,
        count: f.casualty?.count ?? null,
        summary: '',
        ...(f.casualty ? { victims: f.casualty.victims, eventKind: f.casualty.eventKind, countQualifier: f.casualty.qualifier } : {}),
      };
      claim.summary = summarise(claim);
      claims.push(claim);
    }
    const lastActor = [...found].reverse().find((f) => f.actor)?.actor;
    previousActor = lastActor ?? view.factions[view.factions.length - 1]?.m ?? previousActor;
    // "the town" in a later sentence is most often the place the last claim was about, else the first town named.
    previousPlace = [...found].reverse().find((f) => f.place && SETTLEMENT.has(f.place.feature) && HOLDING.has(f.action))?.place ?? view.places.find((p) => SETTLEMENT.has(p.m.feature))?.m ?? previousPlace;
  });
  return claims;
}

function groupBySentence(mentions: Mention[], n: number): Mention[][] {
  const out: Mention[][] = Array.from({ length: n }, () => []);
  for (const m of mentions) if (m.sentence >= 0 && m.sentence < n) out[m.sentence].push(m);
  return out;
}

function viewOf(index: number, raw: string, offset: number, mentions: Mention[]): SentenceView {
  const local = <M extends Mention>(m: M): Local<M> => ({ m, start: m.start - offset, end: m.end - offset });
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  return {
    index,
    lower: masked(raw.toLowerCase(), sorted, offset),
    raw: raw.toLowerCase(),
    places: sorted.filter((m): m is PlaceMention => m.kind === 'place').map(local),
    factions: sorted.filter((m): m is FactionMention => m.kind === 'faction').map(local),
    dates: usableDates(sorted.filter((m): m is DateMention => m.kind === 'date')).map(local),
  };
}

/** Mention text blanked out ("IS" is not the verb "is"; "2017" is not a toll), offsets kept. */
function masked(lower: string, mentions: Mention[], offset: number): string {
  let out = '';
  let at = 0;
  for (const m of mentions) {
    const s = Math.max(at, m.start - offset);
    const e = Math.min(lower.length, m.end - offset);
    if (e <= s) continue;
    out += lower.slice(at, s) + '_'.repeat(e - s);
    at = e;
  }
  return out + lower.slice(at);
}

interface Found {
  action: ClaimAction;
  actor: FactionMention | null;
  patient: Claim['patient'];
  place: PlaceMention | null;
  extent: ExtentFound;
  modality: 'asserted' | 'predicted' | 'denied';
  present: boolean;
  date: DateMention | null;
  casualty: CasualtyFound | null;
  /** Sentence-relative stretch from trigger to place, for giving dates to the nearest claim. */
  span: { start: number; end: number };
}

function claimsOfSentence(view: SentenceView, previousActor: FactionMention | null, previousPlace: PlaceMention | null): Found[] {
  const { lower } = view;
  const triggers = findTriggers(lower).slice(0, MAX_TRIGGERS);
  const casualties = findCasualties(lower, view.raw).filter((c) => !triggers.some((t) => t.start < c.end && t.end > c.start && t.action === 'attacked'));
  const out: Found[] = [];

  triggers.forEach((t, i) => {
    const next = triggers[i + 1]?.start ?? lower.length;
    const f = claimOfTrigger(view, t, next, previousActor, previousPlace);
    // "X controls P" with no X says nothing a reader or the conflict check can use.
    if (!f || (f.action === 'controls' && !f.actor)) return;
    if (!out.some((o) => o.action === f.action && o.place?.id === f.place?.id && o.actor?.id === f.actor?.id)) out.push(f);
  });
  for (const c of casualties) {
    const place = casualtyPlace(view, c);
    const by = factionAfter(lower, c.end, view.factions);
    const actor = by && /^\s*by\b/.test(lower.slice(c.end, by.start)) ? by.m : actorBefore(lower, c.start, view.factions).faction;
    out.push({
      action: 'casualties',
      actor,
      patient: c.victims ? { id: c.victims, name: c.victims } : null,
      place,
      extent: { kind: 'full', text: null, percent: null, area: null },
      modality: c.denied ? 'denied' : modalityOf(lower, c.start, 0),
      present: true,
      date: null,
      casualty: c,
      span: { start: c.start, end: c.end },
    });
  }
  // Each date goes to the claim whose words are nearest: "a siege on X on 18 Aug before storming it on Friday".
  const dateOf = datesByTrigger(out.map((f) => f.span), view.dates);
  out.forEach((f, i) => {
    // Another claim's date is shared only when no other claim stands between them.
    const shared = nearestDate(view.dates, f.span, lower);
    const d = view.dates.find((x) => x.m === shared);
    const [lo, hi] = d ? (d.start >= f.span.end ? [f.span.end, d.start] : [d.end, f.span.start]) : [0, 0];
    const blocked = d && out.some((o) => o !== f && ((o.span.end > lo && o.span.end <= hi) || (o.span.start >= lo && o.span.start < hi)));
    f.date = dateOf[i] >= 0 ? view.dates[dateOf[i]].m : blocked ? null : shared;
  });
  // An undated claim with no actor ("Capturing Uqayribat is part of …") tells a reader nothing new.
  return out.filter((f) => f.actor || (f.date && (f.date.interval || f.date.range || intervalOfValue(f.date.value))) || f.action === 'casualties' || f.action === 'besieged');
}

/** A date owned by another trigger, shared only across plain coordination ("seized X and took Y on Friday"). */
function nearestDate(dates: Local<DateMention>[], t: { start: number; end: number }, lower = ''): DateMention | null {
  let best: Local<DateMention> | null = null;
  let dist = Infinity;
  for (const d of dates) {
    const x = d.start >= t.end ? d.start - t.end : Math.max(0, t.start - d.end);
    if (x < dist) {
      dist = x;
      best = d;
    }
  }
  if (!best) return null;
  const between = best.start >= t.end ? lower.slice(t.end, best.start) : lower.slice(best.end, t.start);
  return /\b(?:before|after|then|later|earlier|since|until|following|prior)\b/.test(between) ? null : best.m;
}

function claimOfTrigger(view: SentenceView, t: Trigger, next: number, previousActor: FactionMention | null, previousPlace: PlaceMention | null): Found | null {
  const { lower, factions, places } = view;
  // Modality looks back over the clause: read only once the trigger has a place (most have none).
  const baseOf = () => {
    const clauseStart = segmentsBefore(lower, t.start)[0][0];
    return { modality: modalityOf(lower, t.start, clauseStart), present: t.present, date: null, casualty: null, span: { start: t.start, end: t.end } };
  };

  if (t.voice === 'active' || t.voice === 'lost') {
    const earlier = [...places].reverse().find((p) => p.end <= t.start && SETTLEMENT.has(p.m.feature))?.m ?? previousPlace;
    const loose = t.action === 'advanced' || t.action === 'attacked' || /^(?:defeated|routed|vanquished)$/.test(t.word);
    const place = placeAfter(lower, t.end, next, places, loose) ?? townAnaphor(lower, t.end, next, earlier);
    if (!place) return null;
    // "lost Raqqa", "lost their capital of Raqqa", not "losing territory in Syria".
    if (t.voice === 'lost' && /\b(?:in|at|on|near|around|across|throughout)\b/.test(lower.slice(t.end, place.start))) return null;
    const base = baseOf();
    const subject = actorBefore(lower, t.start, factions);
    const subjectFaction = subject.faction ?? (subject.pronoun ? previousActor : null);
    // "largely controls", and for "the west of the city" the words before "the city".
    const gap = lower.slice(t.end, place.start).replace(/(?:the|this|that) (?:town|city|village)\s*$/, '');
    const extent = extentOf(`${/\b(?:largely|mostly|partly|partially)\s*$/.test(lower.slice(Math.max(0, t.start - 12), t.start)) ? 'largely ' : ''}${gap}`, t.full);
    base.span = { start: t.start, end: Math.max(t.end, place.end) };
    if (t.voice === 'lost') {
      // "IS lost Raqqa to the SDF": the winner follows "to".
      const tail = lower.slice(place.end, Math.min(lower.length, place.end + 50));
      const to = /\bto\b/.exec(tail);
      const winner = to ? factionAfter(lower, place.end + to.index + 2, factions) : null;
      if (winner) {
        const patient = subjectFaction ? { id: subjectFaction.id, name: subjectFaction.name } : null;
        return { ...base, action: 'took-control', actor: winner.m, patient, place: place.m, extent };
      }
      return { ...base, action: 'lost-control', actor: subjectFaction, patient: null, place: place.m, extent };
    }
    // "the extremists had been pushed out of the city": the subject lost the place; who took it is not said.
    if (t.action === 'took-control' && /\b(?:been|being|was|were|is|are|get|got)\s+(?:[a-z]+ly\s+)?$/.test(lower.slice(Math.max(0, t.start - 20), t.start))) {
      return { ...base, action: 'took-control', actor: null, patient: subjectFaction ? { id: subjectFaction.id, name: subjectFaction.name } : null, place: place.m, extent };
    }
    const loser = factionBetween(t.end, place.start, factions);
    const patient = loser && loser.id !== subjectFaction?.id ? { id: loser.id, name: loser.name } : null;
    return { ...base, action: t.action, actor: subjectFaction, patient, place: place.m, extent };
  }

  // Place before, actor after: "Raqqa was captured by the SDF", "Raqqa fell to the SDF", "under the control of IS".
  const place = subjectPlace(lower, t.start, places);
  if (!place) return null;
  const base = baseOf();
  const by = factionAfter(lower, t.end, factions);
  const phrase = lower.slice(Math.max(clauseStartOf(lower, place.start), place.start - 60), place.start) + ' ' + lower.slice(place.end, t.start);
  const extent = extentOf(phrase.replace(/[,]/g, ' '), t.full);
  base.span = { start: place.start, end: t.end };
  return { ...base, action: t.action, actor: by?.m ?? null, patient: null, place: place.m, extent };
}

const HOLDING = new Set<ClaimAction>(['took-control', 'besieged', 'controls', 'lost-control']);
const SETTLEMENT = new Set(['city', 'town', 'district', 'area', 'other', 'crossing']);
const ANAPHOR = /^\s*(?:[a-z_-]+ ){0,3}?(?:from |of |in |into )?(?:the|this|that) (?:town|city|village)\b/;

/** "stormed the town": the settlement named last in an earlier sentence, when this one names none. */
function townAnaphor(lower: string, from: number, limit: number, previous: PlaceMention | null): Local<PlaceMention> | null {
  if (!previous) return null;
  const m = ANAPHOR.exec(lower.slice(from, Math.min(limit, from + 60)));
  if (!m || /\b(?:had|has|was|were|is|are|said)\b/.test(m[0])) return null;
  return { m: previous, start: from + m[0].length, end: from + m[0].length };
}

function clauseStartOf(lower: string, at: number): number {
  return segmentsBefore(lower, at)[0][0];
}

/** The subject place of a passive: the head of the noun phrase before the verb, not a place qualifying it. */
function subjectPlace(lower: string, at: number, places: Local<PlaceMention>[]): Local<PlaceMention> | null {
  const before = places.filter((p) => p.end <= at && at - p.end <= 150 && !/[;]| (?:but|while|whereas|after|before) /.test(lower.slice(p.end, at)));
  if (!before.length) return null;
  const head = before.find((p) => !/\b(?:of|in|near|around|outside|across|at)(?: the)? ?$/.test(lower.slice(Math.max(0, p.start - 14), p.start)));
  return head ?? before[before.length - 1];
}

function casualtyPlace(view: SentenceView, c: CasualtyFound): PlaceMention | null {
  const { lower, places } = view;
  const located = places.find((p) => /\b(?:in|near|at|around|outside|of)(?: the)? ?$/.test(lower.slice(Math.max(0, p.start - 12), p.start)));
  const place = located ?? places.find((p) => p.start > c.start) ?? places[0];
  if (!place) return null;
  // "in Idlib and Aleppo": a toll for two places together belongs to neither.
  const joined = places.some((o) => o !== place && (/^\s*(?:and|,)\s*(?:the )?$/.test(lower.slice(place.end, o.start)) || /^\s*(?:and|,)\s*(?:the )?$/.test(lower.slice(o.end, place.start))));
  return joined ? null : place.m;
}
