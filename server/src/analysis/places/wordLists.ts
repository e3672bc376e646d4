// The word lists the place rules consult: words that never are or never start a place name, verbs of
// saying, words that do or do not join a neighbouring capitalised name, and the nouns of place kinds.

// Words that are never places when capitalised, whatever the gazetteer says (months, weekdays, page furniture).
export const NEVER = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'video', 'editor', 'source', 'photo', 'xinhua', 'reuters', 'afp', 'god', 'allah', 'islam', 'christ',
  // Peoples and faiths are not places even where a town shares the name ("Arab", Alabama).
  'arab', 'arabs', 'kurd', 'kurds', 'kurdish', 'turkmen', 'assyrian', 'christian', 'christians', 'muslim', 'muslims',
  'sunni', 'sunnis', 'shia', 'shiite', 'shiites', 'alawite', 'alawites', 'druze', 'yazidi', 'yazidis', 'jewish', 'persian',
  'qaida', 'qaeda', 'nusra', 'daesh', 'isis', 'isil',
  'christmas', 'easter', 'ramadan', 'eid', 'hanukkah', 'diwali',
]);

/** Capitalised at a sentence start, never the start of a place name (and skipping them saves a lookup each). */
export const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'as', 'by', 'for', 'with', 'from', 'to', 'of', 'and', 'but', 'or', 'if', 'so', 'he', 'she', 'it', 'its', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'this', 'that', 'these', 'those', 'there', 'when', 'while', 'after', 'since', 'until', 'where', 'which', 'who', 'what', 'some', 'many', 'most', 'more', 'one', 'two', 'three', 'all', 'no', 'not', 'yet', 'also', 'then', 'thus', 'last', 'next', 'other', 'both', 'each', 'such', 'only', 'even', 'over', 'under', 'about', 'among', 'amid', 'despite', 'during', 'meanwhile', 'however', 'earlier', 'later', 'today', 'mr', 'mrs', 'ms', 'dr']);

/** Verbs of saying: "Obama said" is a person, whatever small town shares the name. */
export const SAYS = new Set(['said', 'says', 'told', 'added', 'stated', 'announced', 'explained', 'wrote', 'tweeted', 'argued', 'noted']);

// Capitalised words before a name that do not make it part of a longer proper name ("The Raqqa offensive").
export const FREE_BEFORE = new Set(['the', 'in', 'at', 'on', 'of', 'from', 'to', 'and', 'or', 'for', 'by', 'with', 'near', 'as', 'but', 'into', 'while', 'after', 'before', 'since', 'eastern', 'western', 'northern', 'southern', 'central', 'east', 'west', 'north', 'south', 'northeastern', 'northwestern', 'southeastern', 'southwestern', 'greater', 'rural', 'occupied']);

/** Capitalised words after a name that do not make it part of a longer name ("Damascus And ..." in titles). */
export const FREE_AFTER = new Set(['the', 'in', 'at', 'on', 'of', 'from', 'to', 'and', 'or', 'for', 'by', 'with', 'as', 'but']);

export const INSTITUTIONS = new Set(['bank', 'university', 'ministry', 'department', 'council', 'court', 'museum', 'college', 'institute', 'office', 'school', 'chamber', 'board', 'federation', 'association', 'union', 'party', 'league', 'commission', 'embassy', 'consulate', 'government', 'parliament', 'church', 'diocese', 'archbishop', 'bishop', 'duke', 'prince', 'princess', 'king', 'queen', 'mayor', 'governor', 'secretary', 'minister', 'president']);

const CUE_NOUNS = new Set(['province', 'provinces', 'governorate', 'city', 'town', 'village', 'region', 'river', 'desert', 'district', 'countryside', 'state', 'oblast', 'county', 'valley', 'mountain', 'mountains', 'border', 'crossing', 'airport', 'camp', 'strip', 'heights', 'plain', 'plains', 'sea', 'ocean', 'gulf', 'island', 'islands', 'peninsula', 'bay']);

/** A noun that says what kind of place precedes it ("province", "river", "border"). */
export function isCueNoun(word: string): boolean {
  return CUE_NOUNS.has(word);
}
