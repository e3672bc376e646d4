// Context cues around a candidate place name: "the town of X", "X province", "eastern X", "X countryside",
// "in X". A cue makes a name a place even when it is also an English word ("in Reading"), and says which
// kind of place is meant ("Hama province" is the governorate, "the city of Hama" the city).
import { SEP_HYPHEN, SEP_OTHER, SEP_SPACE } from './placeTokens';
import type { PlaceScan } from './scanPlaces';
import type { PlaceWord } from './placeWords';

export type CueKind = 'admin' | 'settlement' | 'river' | 'desert' | 'general';

export interface PlaceCue {
  kind: CueKind;
  /** The cue as written, for the hover's reason ("province", "town of", "in"). */
  text: string;
}

const AFTER: Record<string, CueKind> = {
  province: 'admin',
  provinces: 'admin',
  governorate: 'admin',
  governorates: 'admin',
  countryside: 'admin',
  region: 'admin',
  state: 'admin',
  oblast: 'admin',
  county: 'admin',
  district: 'admin',
  city: 'settlement',
  town: 'settlement',
  village: 'settlement',
  suburb: 'settlement',
  suburbs: 'settlement',
  outskirts: 'settlement',
  neighborhood: 'settlement',
  neighbourhood: 'settlement',
  airport: 'settlement',
  river: 'river',
  desert: 'desert',
  valley: 'general',
  border: 'general',
  borders: 'general',
  crossing: 'general',
  area: 'general',
  areas: 'general',
  front: 'general',
  camp: 'general',
};

/** Nouns before "of" that make the next name a place ("the town of X", "the outskirts of X"). */
const BEFORE_OF: Record<string, CueKind> = {
  province: 'admin',
  governorate: 'admin',
  countryside: 'admin',
  region: 'admin',
  state: 'admin',
  district: 'admin',
  city: 'settlement',
  town: 'settlement',
  village: 'settlement',
  villages: 'settlement',
  towns: 'settlement',
  outskirts: 'settlement',
  suburbs: 'settlement',
  neighborhood: 'settlement',
  neighbourhood: 'settlement',
  centre: 'settlement',
  center: 'settlement',
  heart: 'general',
  capital: 'settlement',
  stronghold: 'general',
  north: 'general',
  south: 'general',
  east: 'general',
  west: 'general',
  northeast: 'general',
  northwest: 'general',
  southeast: 'general',
  southwest: 'general',
  borders: 'general',
  border: 'general',
  parts: 'general',
  part: 'general',
  areas: 'general',
  area: 'general',
  siege: 'general',
  battle: 'general',
  fall: 'general',
  liberation: 'general',
  people: 'general',
  residents: 'general',
  government: 'general',
};

/** Words right before a name that point at a place. */
const BEFORE: Record<string, CueKind> = {
  in: 'general',
  at: 'general',
  near: 'general',
  from: 'general',
  to: 'general',
  into: 'general',
  outside: 'general',
  around: 'general',
  across: 'general',
  toward: 'general',
  towards: 'general',
  via: 'general',
  through: 'general',
  within: 'general',
  inside: 'general',
  between: 'general',
  throughout: 'general',
  entered: 'general',
  reached: 'general',
  captured: 'general',
  seized: 'general',
  retook: 'general',
  recaptured: 'general',
  besieged: 'general',
  liberated: 'general',
  stormed: 'general',
  shelled: 'general',
  visited: 'general',
  eastern: 'admin',
  western: 'admin',
  northern: 'admin',
  southern: 'admin',
  central: 'admin',
  northeastern: 'admin',
  northwestern: 'admin',
  southeastern: 'admin',
  southwestern: 'admin',
  rural: 'admin',
  greater: 'admin',
  downtown: 'settlement',
};

/** The cue around tokens[first..last] of the stretch [lo, hi), or null. Looks only inside the stretch. */
export function findCue(sc: PlaceScan, lo: number, hi: number, first: number, last: number): PlaceCue | null {
  const b = sc.buf;
  if (last + 1 < hi) {
    const sep = b.sep(last + 1);
    if (sep === SEP_SPACE || sep === SEP_HYPHEN) {
      const next = sc.word(last + 1);
      const cue = cuesOf(next).afterCue;
      if (cue) return cue;
      // "Syria's", "London-based"
      if (sep === SEP_HYPHEN && next.plain === 'based') return BASED;
    }
  }
  const prev = first - 1;
  if (prev < lo || b.sep(prev) === SEP_OTHER || b.sep(first) !== SEP_SPACE) return null;
  const word = sc.word(prev);
  if (word.plain === 'of') {
    const noun = first - 2;
    return noun >= lo && b.sep(noun) !== SEP_OTHER ? cuesOf(sc.word(noun)).beforeOfCue : null;
  }
  const cue = cuesOf(word).beforeCue;
  if (!cue) return null;
  // "Eastern" capitalised may begin a name the gazetteer lacks; lower-case "eastern" is a cue.
  if (cue.kind === 'admin' && b.cap(prev) && prev - lo > 0) return null;
  return cue;
}

const BASED: PlaceCue = { kind: 'general', text: '-based' };

/**
 * The cues a word gives, made once per spelling: the word right after a name ("province"), right before it
 * ("near") or before "of" ("town of"). Cues are never modified, so every mention of the word shares one
 * (one object per mention, and the "town of" text, were built on every call before).
 */
export interface WordCues {
  afterCue: PlaceCue | null;
  beforeCue: PlaceCue | null;
  beforeOfCue: PlaceCue | null;
}

/** A table's cue for a word: own entries only ("constructor" or "__proto__" in a text would find Object's). */
function cueIn(table: Record<string, CueKind>, word: string): CueKind | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

function cuesOf(w: PlaceWord): WordCues {
  if (w.cues === undefined) {
    const after = cueIn(AFTER, w.plain);
    const before = cueIn(BEFORE, w.plain);
    const beforeOf = cueIn(BEFORE_OF, w.plain);
    w.cues = {
      afterCue: after ? { kind: after, text: w.plain } : null,
      beforeCue: before ? { kind: before, text: w.plain } : null,
      beforeOfCue: beforeOf ? { kind: beforeOf, text: `${w.plain} of` } : null,
    };
  }
  return w.cues;
}
