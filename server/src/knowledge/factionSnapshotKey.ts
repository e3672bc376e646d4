// What a factions snapshot was built from: a hash of the built-in dictionaries and of the code that builds the
// index and reads the snapshot. The build step (scripts/data/build-faction-snapshot.js) writes it into the
// snapshot and hands it to the bundles as the constant DATELINE_FACTION_SNAPSHOT_KEY; code without it (tests
// and scripts under tsx, watch builds) hashes the same files, so an edited dictionary or factions pass is never
// matched with a snapshot built before the edit.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const DATELINE_FACTION_SNAPSHOT_KEY: string | undefined;

/** Files (from the repository root) whose content the built index depends on; every .ts of the factions pass. */
function keyFiles(root: string): string[] {
  const factions = path.join(root, 'server', 'src', 'analysis', 'factions');
  const code = fs
    .readdirSync(factions)
    .filter((n) => n.endsWith('.ts'))
    .sort()
    .map((n) => path.join(factions, n));
  const knowledge = ['loadFactions.ts', 'factionSnapshot.ts', 'factionSnapshotKey.ts'].map((n) => path.join(root, 'server', 'src', 'knowledge', n));
  const data = ['factions.json', 'sources.json'].map((n) => path.join(root, 'server', 'data', n));
  return [...data, ...code, ...knowledge];
}

/** The key of the sources under `root` (a repository checkout), or null when they are not all there. */
export function factionSnapshotKeyOfSources(root: string): string | null {
  try {
    const hash = crypto.createHash('sha256');
    for (const file of keyFiles(root)) {
      hash.update(path.relative(root, file).split(path.sep).join('/'));
      hash.update('\0');
      hash.update(fs.readFileSync(file));
      hash.update('\0');
    }
    return hash.digest('hex');
  } catch {
    return null;
  }
}

/**
 * The key a snapshot must carry for the running code: the bundle's built-in constant, else (sources run with tsx,
 * a watch build, a script's own bundle) the hash of the repository's sources found above this file; null when
 * neither is known (then the index is built).
 */
export function expectedFactionSnapshotKey(): string | null {
  if (typeof DATELINE_FACTION_SNAPSHOT_KEY === 'string') return DATELINE_FACTION_SNAPSHOT_KEY;
  const root = repositoryRoot(__dirname);
  return root ? factionSnapshotKeyOfSources(root) : null;
}

/** The nearest folder at or above `from` holding this file's sources. */
function repositoryRoot(from: string): string | null {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    if (fs.existsSync(path.join(dir, 'server', 'src', 'knowledge', 'factionSnapshotKey.ts'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}
