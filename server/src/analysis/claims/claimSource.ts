// Who makes a claim: the source the attribution work tied to the sentence, a faction that "said" it,
// or the outlet itself.
import { Claim, FactionMention, Mention, SourceMention } from '../types';
import { detached, slug } from './claimText';
import { Local } from './claimParts';

const SPEECH = /^\s*(?:(?:also|later|earlier|previously|on [a-z]+|in a statement) )?(?:said|says|say|told|tells|reported|reports|announced|announces|claimed|claims|stated|declared|confirmed|denied|denies|insisted|added)\b/;

/**
 * The sources each sentence is attributed to, in mention order: built once per article so looking up a
 * sentence's sources does not rescan every source (quadratic on long articles). `mentions`: the article's
 * source mentions (other kinds are passed over).
 */
export function sourcesBySentence(mentions: Mention[], sentenceCount: number): (SourceMention[] | undefined)[] {
  // An array by sentence index (not a Map): one lookup per attributed sentence, many per source.
  const out: (SourceMention[] | undefined)[] = new Array(sentenceCount);
  for (let k = 0; k < mentions.length; k++) {
    const s = mentions[k];
    if (s.kind !== 'source') continue;
    for (const i of s.attributed) {
      if (!(i >= 0 && i < sentenceCount) || !Number.isInteger(i)) continue;
      const list = out[i];
      if (!list) out[i] = [s];
      // A source listing a sentence twice still counts once, as with filter(includes) per sentence.
      else if (list[list.length - 1] !== s) list.push(s);
    }
  }
  return out;
}

/** The source of a sentence's claims and whether it is someone other than the outlet. */
export function sourceOf(
  sentence: number,
  lower: string,
  attributed: SourceMention[],
  factions: Local<FactionMention>[],
  agency: string | null,
): { source: Claim['source']; reported: boolean } {
  if (attributed.length) {
    // The sources in the sentence itself if any, else all: the first that is no agency or outlet, else the first.
    const own = hasOwn(attributed, sentence);
    let pick: SourceMention | null = null;
    for (let k = 0; k < attributed.length && !pick; k++) {
      const s = attributed[k];
      if ((!own || s.sentence === sentence) && s.sourceKind !== 'agency' && s.sourceKind !== 'outlet') pick = s;
    }
    if (!pick) for (let k = 0; k < attributed.length && !pick; k++) if (!own || attributed[k].sentence === sentence) pick = attributed[k];
    const p = pick!;
    return { source: { id: p.id, name: p.name }, reported: p.sourceKind !== 'agency' && p.sourceKind !== 'outlet' };
  }
  // "The SDF said …", "… according to the army": a faction speaking for itself.
  for (let k = 0; k < factions.length; k++) {
    const f = factions[k];
    if (SPEECH.test(lower.slice(f.end, f.end + 40))) return { source: { id: f.m.id, name: f.m.name }, reported: true };
  }
  // search(), not exec(): only where it stands is read.
  const according = lower.search(ACCORDING_TO);
  if (according >= 0) {
    for (let k = 0; k < factions.length; k++) {
      const f = factions[k];
      if (f.start > according && f.start - according < 30) return { source: { id: f.m.id, name: f.m.name }, reported: true };
    }
  }
  if (agency) return { source: { id: agencySlug(agency), name: agency }, reported: false };
  return { source: { id: 'article', name: 'the article' }, reported: false };
}

const ACCORDING_TO = /\baccording to\b/;

/** Whether one of the sources stands in the sentence itself. */
function hasOwn(attributed: SourceMention[], sentence: number): boolean {
  for (let k = 0; k < attributed.length; k++) if (attributed[k].sentence === sentence) return true;
  return false;
}

// The last agency's slug: every claim sentence of an article with no other source asks for the same one.
let lastAgency = '';
let lastAgencySlug = '';

function agencySlug(agency: string): string {
  if (agency !== lastAgency) {
    lastAgencySlug = detached(slug(agency));
    // A copy: the name may be a view into the article's text, which is not to be held after it.
    lastAgency = detached(agency);
  }
  return lastAgencySlug;
}
