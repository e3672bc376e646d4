// The built-in factions and sources dictionaries, bundled with the server (static JSON imports),
// validated once; problems in built-in data are a bug caught by test/unit/factions/dictionary.test.ts.
import factionsJson from '../../data/factions.json';
import sourcesJson from '../../data/sources.json';
import { FactionDictionary, DictionaryProblem, validateDictionary } from '../analysis/factions/dictionary';
import { buildFactionIndex, FactionIndex } from '../analysis/factions/factionIndex';

let cached: { dictionary: FactionDictionary; problems: DictionaryProblem[] } | null = null;

/** The built-in dictionary (factions, countries and sources), validated. */
export function builtInFactionDictionary(): { dictionary: FactionDictionary; problems: DictionaryProblem[] } {
  if (cached) return cached;
  const raw = { ...(factionsJson as object), sources: (sourcesJson as { sources: unknown[] }).sources };
  cached = validateDictionary(raw);
  return cached;
}

/** The factions index from built-in data, with an optional user dictionary merged over it. */
export function loadFactionIndex(user?: FactionDictionary): FactionIndex {
  return buildFactionIndex(builtInFactionDictionary().dictionary, user);
}
