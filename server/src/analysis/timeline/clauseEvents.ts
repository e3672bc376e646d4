// A sentence can date two things: "The army captured al-Bukamal on Wednesday and declared victory on Thursday."
// The claim takes Wednesday; this finds the clause around each date no claim used ("declared victory", Thursday)
// so the timeline shows that moment too, with the claim's actor and place as context.
import type { Claim, DateMention, FactionMention, Mention, PlaceMention } from '../types';
import { clauseSummary } from './clauseSummary';

export interface DatedClause {
  date: DateMention;
  /** The clause without its date: "declared victory". */
  text: string;
  /** What the timeline shows: the clause read alone, actor named and "it"/"the town" resolved ("Syrian Arab Army declared victory"). */
  summary: string;
  actor: { id: string; name: string; kind: FactionMention['factionKind'] | null } | null;
  place: PlaceMention | { id: string; name: string; lat: number | null; lon: number | null; country: string | null; admin1: string | null } | null;
}

/** Clause boundaries, looked for before the date (the clause starts after one) and after it (the clause ends at one). */
const BEFORE = /(?:[,;:]\s|\s(?:and|but|while|before|after|then|as)\s)/g;
const AFTER = /[,;:.!?]|\s(?:and|but|while|before|after)\s/;
const LEADING_WORDS = /^(?:and|but|then|also|later|finally)\s+/i;
const TRAILING_PREPOSITION = /\s+(?:on|in|at|by|since|from|until|of)$/i;
const MAX_CLAUSE = 120;

/** Dated clauses of a claim sentence whose dates none of its claims use. */
export function datedClauses(text: string, claims: Claim[], mentions: Mention[]): DatedClause[] {
  if (claims.length === 0) return [];
  const used = new Set(claims.map((c) => c.time?.value).filter(Boolean));
  const out: DatedClause[] = [];
  const sentenceStart = Math.min(...claims.map((c) => c.start));
  const sentenceEnd = Math.max(...claims.map((c) => c.end));
  for (const m of mentions) {
    if (m.kind !== 'date' || m.type !== 'DATE' || !m.interval || used.has(m.value)) continue;
    if (m.start < sentenceStart || m.end > sentenceEnd) continue;
    const clause = clauseAround(text, sentenceStart, sentenceEnd, m);
    if (!clause) continue;
    const inClause = mentions.filter((x) => x.start >= clause.start && x.end <= clause.end);
    const faction = inClause.find((x): x is FactionMention => x.kind === 'faction');
    const place = inClause.find((x): x is PlaceMention => x.kind === 'place');
    const claim = claims[0];
    const actor = faction ? { id: faction.id, name: faction.name, kind: faction.factionKind } : claim.actor ? { ...claim.actor, kind: null } : null;
    // "it" and "the town" point back at the place the sentence is about: the claim's, else the clause's own.
    const refersTo = claim.place ?? place ?? null;
    const read = clauseSummary(clause.text, actor && { name: actor.name, surface: faction ? text.slice(faction.start, faction.end) : null }, refersTo?.name ?? null);
    if (!read) continue; // a fragment ("before storming it") is noise on a timeline, not an event
    out.push({
      date: m,
      text: clause.text,
      summary: read.summary,
      actor: read.aboutActor ? actor : null,
      place: place ?? claim.place,
    });
    used.add(m.value);
  }
  return out;
}

/** The words of the clause holding the date, with the date (and its preposition) taken out; null when too short. */
function clauseAround(text: string, start: number, end: number, date: DateMention): { start: number; end: number; text: string } | null {
  const before = text.slice(Math.max(start, date.start - MAX_CLAUSE), date.start);
  let from = date.start - before.length;
  for (const b of before.matchAll(BEFORE)) from = date.start - before.length + b.index! + b[0].length;
  const after = text.slice(date.end, Math.min(end, date.end + MAX_CLAUSE));
  const stop = AFTER.exec(after);
  const to = date.end + (stop ? stop.index : after.length);
  const words = `${text.slice(from, date.start).trimEnd().replace(TRAILING_PREPOSITION, '')} ${text.slice(date.end, to)}`
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_WORDS, '');
  const count = words ? words.split(' ').length : 0;
  if (count < 2 || count > 14 || !/[a-z]/.test(words)) return null;
  return { start: from, end: to, text: words };
}
