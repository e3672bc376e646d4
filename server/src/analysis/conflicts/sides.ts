// Which side an actor fights on, so allies ("the army" and "government forces", "the SDF" and "the YPG")
// are never reported as disputing control with each other.
import { Claim } from '../types';

const SIDES: [RegExp, string][] = [
  [/\b(?:islamic state|isis|isil|daesh|is)\b/, 'islamic-state'],
  [/\b(?:syrian democratic forces|sdf|ypg|ypj|kurdish|asayish|manbij military council|deir ez-?zor military council)\b/, 'sdf'],
  [/\b(?:syrian (?:arab )?army|syrian (?:government|regime|troops|forces|soldiers)|government forces|pro-government|regime|national defen[cs]e forces|tiger forces|hezbollah|russian|russia|iranian|iran|syrian army)\b/, 'syrian-government'],
  [/\b(?:iraqi|iraq|popular mobilization|hashd)\b/, 'iraq'],
  [/\b(?:turkish|turkey|free syrian army|fsa|syrian national army)\b/, 'turkey-backed'],
  [/\b(?:nusra|tahrir al-sham|hts|al-qaida|al-qaeda)\b/, 'nusra'],
];

/** A side key for an actor: a known alliance, else the actor's own id. */
export function sideOf(actor: Claim['actor']): string | null {
  if (!actor) return null;
  const probe = `${actor.name} ${actor.id.replace(/[-_]/g, ' ')}`.toLowerCase();
  for (const [re, side] of SIDES) if (re.test(probe)) return side;
  return actor.id;
}
