// "Arak near Palmyra", "Hamra street in Beirut", "Beirut's Hamra district", "a village 10 km east of Raqqa":
// the text puts a name beside or inside another place, and that place decides between namesakes far better
// than the article's focus or a namesake's size. Only the few characters between two adjacent names are
// read (bounded), so this adds nothing measurable to the stage.
import type { RawMatches } from './rawMatches';

/** How a name relates to the place written next to it, and how close a candidate must lie to it. */
export interface AnchorLink {
  /** Index in the raw list of the place the name is anchored to. */
  at: number;
  relation: 'near' | 'in';
  radiusKm: number;
}

// Longest gap read between two names: "some 25 kilometers southeast of the town of " fits.
const MAX_GAP = 48;

// After the name, before the anchor: ", east of", "village near", "10 km north of the city of", "outside", "on the outskirts of".
const NEAR_GAP =
  /^,? {1,3}(?:(?:village|town|area|district|neighbou?rhood|camp|road|farms|hill|base|airport) )?(?:(?:just|about|some|around) )?(?:\d{1,4}(?:\.\d)? ?(?:km|kms|kilometers|kilometres|miles|mi) )?(?:(?:to the )?(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)(?:ern)? of|near|outside|outside of|close to|on the outskirts of|in the countryside of|in the outskirts of) (?:the )?(?:(?:city|town|village|province|area) of )?$/i;

// "Hamra street in Beirut", "Yarmouk camp in southern Damascus", "Jobar district of Damascus", "X village in the eastern countryside of Y".
const IN_GAP =
  /^ (?:(?:street|road|district|neighbou?rhood|quarter|area|village|town|suburb|camp|square) )?(?:in|of) (?:the )?(?:(?:northern|southern|eastern|western|central|north|south|east|west) )?(?:(?:city|town|capital|countryside|outskirts|suburbs) of )?$/i;

// "Beirut's Hamra", "Damascus' Jobar".
const POSSESSIVE_GAP = /^['’]s? $/;

/**
 * Whether the gap before `at` ends with "of ", "in ", "near ", "outside ", "to " or "the " (every gap the
 * patterns accept does): most pairs of neighbouring names ("Aleppo, Idlib and Hama") are ruled out unread.
 */
function endsWithLinkWord(text: string, at: number): boolean {
  if (text.charCodeAt(at - 1) !== 32) return false;
  const c1 = text.charCodeAt(at - 2) | 0x20;
  const c2 = text.charCodeAt(at - 3) | 0x20;
  // of, in, near, outside, to, the
  return (c1 === 102 && c2 === 111) || (c1 === 110 && c2 === 105) || (c1 === 114 && c2 === 97) || (c1 === 101 && (c2 === 100 || c2 === 104)) || (c1 === 111 && c2 === 116);
}

/** The anchor of raw[r] in text, or null: the next name for "near"/"in" gaps, the previous one for a possessive. */
export function anchorOf(text: string, raw: RawMatches, r: number): AnchorLink | null {
  const m = raw.items[r];
  const next = raw.at(r + 1);
  if (next && next.sentence === m.sentence && next.lo === m.lo && next.start - m.end <= MAX_GAP && next.start > m.end + 2 && endsWithLinkWord(text, next.start)) {
    const gap = text.slice(m.end, next.start);
    if (NEAR_GAP.test(gap)) return { at: r + 1, relation: 'near', radiusKm: 120 };
    if (IN_GAP.test(gap)) return { at: r + 1, relation: 'in', radiusKm: 50 };
  }
  const prev = raw.at(r - 1);
  if (prev && prev.sentence === m.sentence && prev.lo === m.lo && m.start - prev.end <= 3 && m.start > prev.end) {
    if (POSSESSIVE_GAP.test(text.slice(prev.end, m.start))) return { at: r - 1, relation: 'in', radiusKm: 50 };
  }
  return null;
}
