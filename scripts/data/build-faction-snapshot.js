// Builds the built-in factions index at build time and stores it as dist/data/factions.snapshot, read by
// server/src/knowledge/loadFactions.ts instead of building the index at every start (see factionSnapshot.ts).
// The index is built by the server's own code, bundled here with esbuild. Returns the snapshot's key as a
// define for the bundles (DATELINE_FACTION_SNAPSHOT_KEY): a bundle only reads a snapshot built with it.
// In watch mode no key is handed out (bundles rebuilt later could carry changed code): watch bundles hash the
// sources they find instead (factionSnapshotKey.ts), so a changed factions pass builds its index.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const esbuild = require('esbuild');

const ROOT = path.join(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'server', 'src', 'knowledge');

/** Loads a server module bundled with its imports (so the build uses exactly the server's code). */
function loadServerModule(file) {
  const out = esbuild.buildSync({ entryPoints: [file], bundle: true, write: false, format: 'cjs', platform: 'node', logLevel: 'silent' });
  // Named inside the knowledge folder so code that finds files from its own place finds the repository's.
  const filename = path.join(KNOWLEDGE, `${path.basename(file, '.ts')}.bundled.js`);
  const m = new Module(filename);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(KNOWLEDGE);
  m._compile(out.outputFiles[0].text, filename);
  return m.exports;
}

function build(outDir, options = {}) {
  const { factionSnapshotKeyOfSources } = loadServerModule(path.join(KNOWLEDGE, 'factionSnapshotKey.ts'));
  const { builtInFactionSnapshot } = loadServerModule(path.join(KNOWLEDGE, 'buildFactionSnapshot.ts'));
  const key = factionSnapshotKeyOfSources(ROOT);
  if (!key) throw new Error('build-faction-snapshot: the factions sources are incomplete');
  const bytes = builtInFactionSnapshot(key);
  const file = path.join(outDir, 'factions.snapshot');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
  return { file, bytes: bytes.length, define: options.watch ? {} : { DATELINE_FACTION_SNAPSHOT_KEY: JSON.stringify(key) } };
}

module.exports = { build };

if (require.main === module) console.log(build(path.join(ROOT, 'dist', 'data')));
