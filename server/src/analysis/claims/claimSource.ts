// Who makes a claim: the source the attribution work tied to the sentence, a faction that "said" it,
// or the outlet itself.
import { Claim, FactionMention, Mention, SourceMention } from '../types';
import { slug } from './claimText';
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
    const own = attributed.filter((s) => s.sentence === sentence);
    const pick = (own.length ? own : attributed).find((s) => s.sourceKind !== 'agency' && s.sourceKind !== 'outlet') ?? (own.length ? own : attributed)[0];
    return { source: { id: pick.id, name: pick.name }, reported: pick.sourceKind !== 'agency' && pick.sourceKind !== 'outlet' };
  }
  // "The SDF said …", "… according to the army": a faction speaking for itself.
  for (const f of factions) if (SPEECH.test(lower.slice(f.end, f.end + 40))) return { source: { id: f.m.id, name: f.m.name }, reported: true };
  const according = /\baccording to\b/.exec(lower);
  if (according) {
    const f = factions.find((x) => x.start > according.index && x.start - according.index < 30);
    if (f) return { source: { id: f.m.id, name: f.m.name }, reported: true };
  }
  if (agency) return { source: { id: slug(agency), name: agency }, reported: false };
  return { source: { id: 'article', name: 'the article' }, reported: false };
}
