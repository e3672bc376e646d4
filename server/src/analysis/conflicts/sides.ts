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

/** Sides already worked out, by actor id and name: a workspace names the same few hundred actors again and again. */
const known = new Map<string, string>();
const KNOWN_MAX = 50_000;

/** A side key for an actor: a known alliance, else the actor's own id. */
export function sideOf(actor: Claim['actor']): string | null {
  if (!actor) return null;
  const key = `${actor.id}\u0000${actor.name}`;
  let side = known.get(key);
  if (side === undefined) {
    side = sideByName(actor.id, actor.name);
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, side);
  }
  return side;
}

function sideByName(id: string, name: string): string {
  const probe = `${name} ${id.replace(/[-_]/g, ' ')}`.toLowerCase();
  for (const [re, side] of SIDES) if (re.test(probe)) return side;
  return id;
}
