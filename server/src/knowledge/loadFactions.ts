// The built-in factions and sources dictionaries, bundled with the server (static JSON imports),
// validated once; problems in built-in data are a bug caught by test/unit/factions/dictionary.test.ts.
// The built-in index itself is normally read from its build-time snapshot (factionSnapshot.ts), not built.
import * as fs from 'node:fs';
import { FactionDictionary, DictionaryProblem, validateDictionary } from '../analysis/factions/dictionary';
import { buildFactionIndex, FactionIndex } from '../analysis/factions/factionIndex';
import { decodeFactionSnapshot, replayWordRegistrations } from './factionSnapshot';
import { expectedFactionSnapshotKey } from './factionSnapshotKey';
import { findDataFile } from './loadPlaceIndex';

let cached: { dictionary: FactionDictionary; problems: DictionaryProblem[] } | null = null;

/** The built-in dictionary (factions, countries and sources), validated. */
export function builtInFactionDictionary(): { dictionary: FactionDictionary; problems: DictionaryProblem[] } {
  if (cached) return cached;
  // Required here, not imported: a bundle then builds these objects only when asked (with a user dictionary,
  // or no usable snapshot), not at every start (~1.3 ms of CPU).
  const factionsJson = require('../../data/factions.json') as object;
  const sourcesJson = require('../../data/sources.json') as { sources: unknown[] };
  const raw = { ...factionsJson, sources: sourcesJson.sources };
  cached = validateDictionary(raw);
  return cached;
}

/** The snapshot's file name in dist/data/. */
export const FACTION_SNAPSHOT_FILE = 'factions.snapshot';

export interface FactionIndexLoad {
  index: FactionIndex;
  /** Read from the build-time snapshot, or built from the dictionaries. */
  from: 'snapshot' | 'built';
  /** Why the snapshot was not used, when it was not (building is always a correct fallback). */
  problem: string | null;
}

/** The built-in factions index: from its snapshot when one matches this code and data, else built (same result). */
export function loadBuiltInFactionIndex(snapshotFile: string | null = findDataFile(FACTION_SNAPSHOT_FILE)): FactionIndexLoad {
  let problem: string;
  const key = expectedFactionSnapshotKey();
  if (!snapshotFile) problem = `dist/data/${FACTION_SNAPSHOT_FILE} not found`;
  else if (!key) problem = 'no snapshot key for this code (a watch build?)';
  else {
    let bytes: Buffer | null = null;
    try {
      bytes = fs.readFileSync(snapshotFile);
    } catch (err) {
      problem = `cannot read ${snapshotFile}: ${err instanceof Error ? err.message : String(err)}`;
    }
    const read = bytes ? decodeFactionSnapshot(bytes, key) : null;
    if (read?.index) {
      replayWordRegistrations(read.words);
      return { index: read.index, from: 'snapshot', problem: null };
    }
    problem ??= `${snapshotFile}: ${read?.problem}`;
  }
  return { index: buildFactionIndex(builtInFactionDictionary().dictionary), from: 'built', problem };
}

/** The factions index from built-in data, with an optional user dictionary merged over it. */
export function loadFactionIndex(user?: FactionDictionary): FactionIndex {
  if (!user) return loadBuiltInFactionIndex().index;
  return buildFactionIndex(builtInFactionDictionary().dictionary, user);
}
