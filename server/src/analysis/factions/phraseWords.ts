// Word lists for actor phrases outside the dictionary ("Iraqi troops", "Iranian-backed militias").
import { registerWords, W_ALIGN_VERB, W_CAMP, W_PHRASE_START, W_STANCE } from './tokens';

/** Nouns naming a state's forces: "<demonym> troops" is that country's army. */
export const STATE_FORCE_NOUNS: ReadonlySet<string> = new Set([
  'troops', 'forces', 'army', 'armies', 'soldiers', 'military', 'militaries', 'warplanes', 'jets', 'aircraft', 'navy', 'police',
  'units', 'marines', 'commandos', 'paratroopers', 'artillery', 'helicopters', 'gunboats', 'servicemen', 'troop',
]);

/** Nouns naming non-state armed actors. */
export const GROUP_FORCE_NOUNS: ReadonlySet<string> = new Set([
  'rebels', 'fighters', 'militants', 'insurgents', 'jihadists', 'militias', 'militia', 'militiamen', 'gunmen', 'separatists',
  'paramilitaries', 'groups', 'group', 'guerrillas', 'mercenaries', 'tribesmen', 'factions', 'extremists', 'allies', 'proxies',
]);

/** Two-word force nouns, keyed by first word. */
export const TWO_WORD_FORCES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['air', new Set(['force', 'forces'])],
  ['special', new Set(['forces'])],
  ['security', new Set(['forces'])],
  ['armed', new Set(['forces'])],
  ['ground', new Set(['forces', 'troops'])],
]);

/** Adjectives naming a people or a camp without a country: "Kurdish fighters", "Shiite militias". */
export const CAMP_ADJECTIVES: ReadonlySet<string> = new Set([
  'kurdish', 'arab', 'sunni', 'shiite', 'shia', "shi'ite", 'druze', 'alawite', 'tuareg', 'fulani', 'amhara', 'oromo', 'tigrayan',
  'rohingya', 'karen', 'kachin', 'islamist', 'jihadist', 'yazidi', 'assyrian', 'turkmen', 'baloch', 'pashtun', 'chechen',
  'foreign', 'tribal', 'opposition', 'rebel', 'western', 'hostile', 'christian', 'palestinian', 'houthi', 'loyalist',
]);

/** Words that may sit between a demonym and the force noun: "Syrian government forces", "Syrian rebel fighters". */
export const FORCE_MODIFIERS: ReadonlySet<string> = new Set([
  'government', 'regime', 'opposition', 'rebel', 'kurdish', 'arab', 'sunni', 'shiite', 'shia', 'islamist', 'jihadist', 'tribal',
  'loyalist', 'militia', 'elite', 'special', 'regular', 'federal',
]);

/** "X-backed", "X-led": the second half of an alignment descriptor. */
export const ALIGNMENT_VERBS: ReadonlySet<string> = new Set([
  'backed', 'led', 'linked', 'affiliated', 'allied', 'aligned', 'supported', 'sponsored', 'funded', 'armed', 'trained',
  'dominated', 'inspired', 'allied', 'commanded', 'financed', 'equipped', 'sanctioned', 'installed', 'friendly',
]);

/** First halves of descriptors that are not demonyms or dictionary names. */
export const ALIGNMENT_HEADS: ReadonlySet<string> = new Set([
  'kurdish', 'arab', 'western', 'gulf', 'foreign', 'government', 'regime', 'state', 'nato', 'un', 'u.n.', 'coalition', 'iran',
  'russia', 'turkey', 'moscow', 'tehran', 'ankara', 'washington', 'riyadh', 'qatar', 'america', 'israel', 'assad', 'kremlin',
  'islamist', 'jihadist', 'shiite', 'sunni', 'opposition', 'rebel', 'tribal', 'army', 'militia', 'uae', 'us', 'u.s.', 'saudi',
  'french', 'france', 'rwanda', 'egypt', 'junta', 'military', 'west', 'terror', 'terrorist',
]);

/** "pro-government", "anti-Assad": the first halves. */
export const STANCE_PREFIXES: ReadonlySet<string> = new Set(['pro', 'anti']);

/** Words allowed between a descriptor and the faction it describes: "Kurdish-led allies of the SDF". */
export const DESCRIPTOR_FILLERS: ReadonlySet<string> = new Set(['allies', 'ally', 'partners', 'partner', 'of', 'the', 'its', 'their', 'and']);

/** Trailing descriptor verbs: "the Nusra Front, linked to al-Qaida". */
export const TRAILING_ALIGNMENT: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['linked', new Set(['to', 'with'])],
  ['backed', new Set(['by'])],
  ['supported', new Set(['by'])],
  ['affiliated', new Set(['with', 'to'])],
  ['allied', new Set(['with', 'to'])],
  ['aligned', new Set(['with', 'to'])],
  ['loyal', new Set(['to'])],
  ['led', new Set(['by'])],
  ['sponsored', new Set(['by'])],
  ['funded', new Set(['by'])],
]);

// Lowercase words that may start a descriptor or a phrase; capitalised tokens are always tried.
registerWords(W_PHRASE_START, [...STANCE_PREFIXES, ...ALIGNMENT_HEADS, ...CAMP_ADJECTIVES, ...FORCE_MODIFIERS]);
registerWords(W_STANCE, STANCE_PREFIXES);
registerWords(W_ALIGN_VERB, ALIGNMENT_VERBS);
registerWords(W_CAMP, CAMP_ADJECTIVES);

/** Lowercase-plural name for a force noun, for the canonical name of a phrase actor. */
export function pluralNoun(noun: string): string {
  if (noun === 'militia') return 'militias';
  if (noun === 'group') return 'groups';
  if (noun === 'troop') return 'troops';
  if (noun === 'army') return 'army';
  return noun;
}
