// Builds the built-in factions index and its snapshot bytes: run at build time by
// scripts/data/build-faction-snapshot.js, and by the tests that check a snapshot gives back the same index.
import { buildFactionIndex, FactionIndex } from '../analysis/factions/factionIndex';
import { recordingWords } from '../analysis/factions/tokens';
import { encodeFactionSnapshot } from './factionSnapshot';
import { builtInFactionDictionary } from './loadFactions';

/** The built-in index, built, with the registerWords calls the build made. */
export function buildBuiltInFactionIndex(): { index: FactionIndex; words: [number, string[]][] } {
  const { result, words } = recordingWords(() => buildFactionIndex(builtInFactionDictionary().dictionary));
  return { index: result, words };
}

/** The snapshot file's bytes for the built-in dictionary, labelled with `key`. */
export function builtInFactionSnapshot(key: string): Buffer {
  const { index, words } = buildBuiltInFactionIndex();
  return encodeFactionSnapshot(index, words, key);
}
