// "The Rwanda-backed rebels", "the Iran-backed group", "the al-Qaida-linked group": a definite phrase whose
// descriptor fits what the dictionary says about a faction just mentioned refers back to that faction.
// "the Iranian-backed forces" after the SDF does not: nothing says Iran backs the SDF.
import { FactionMention } from '../types';
import { FactionEntry } from './dictionary';
import { FactionIndex } from './factionIndex';

export interface DescriptorHead {
  /** Country the descriptor names ("Rwanda-backed", "Iranian-backed"). */
  country?: string;
  /** Faction the descriptor names ("al-Qaida-linked"). */
  id?: string;
}

const NON_STATE = new Set(['armed-group', 'militia', 'coalition']);
/** How many sentences back the antecedent may be. */
const WINDOW = 2;

/** The country or faction a descriptor's first word names. */
export function headOf(word: string, hitId: string | null, index: FactionIndex): DescriptorHead | null {
  if (hitId) return { id: hitId };
  const key = word.toLowerCase();
  const demonym = index.demonyms.get(key)?.find((d) => d.words.length === 1);
  if (demonym) return { country: demonym.code };
  for (const [code, c] of index.countries) if (c.name.toLowerCase() === key) return { country: code };
  return null;
}

/** The faction a definite descriptor phrase refers back to, or null. */
export function antecedentFor(heads: DescriptorHead[], sentence: number, earlier: FactionMention[], index: FactionIndex): FactionEntry | null {
  if (!heads.length) return null;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const m = earlier[k];
    if (m.sentence < sentence - WINDOW) break;
    if (m.resolvedFrom !== 'dictionary' && m.resolvedFrom !== 'user') continue;
    const e = index.byId.get(m.id);
    if (!e || !NON_STATE.has(e.kind) || e.stateParty) continue;
    if (heads.every((h) => fits(e, h, index))) return e;
  }
  return null;
}

function fits(e: FactionEntry, h: DescriptorHead, index: FactionIndex): boolean {
  const links = [...(e.backers ?? []), ...(e.alignments ?? [])];
  if (h.id && (e.parent === h.id || links.some((l) => l.id === h.id))) return true;
  if (h.country && links.some((l) => index.byId.get(l.id)?.country === h.country)) return true;
  return false;
}
