// The built-in factions index's snapshot (server/src/knowledge/factionSnapshot.ts): a dictionary in, what its
// snapshot holds out (the words its build registers with the lexicon, the names in its tries, and what a
// reader makes of damaged or foreign snapshots). A snapshot must give back exactly the index and lexicon words
// a build makes, for the fixture dictionaries and for the built-in one.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateDictionary } from '../../../server/src/analysis/factions/dictionary';
import { buildFactionIndex, FactionIndex, TrieNode } from '../../../server/src/analysis/factions/factionIndex';
import * as tokenBits from '../../../server/src/analysis/factions/tokens';
import { recordingWords } from '../../../server/src/analysis/factions/tokens';
import { buildBuiltInFactionIndex, builtInFactionSnapshot } from '../../../server/src/knowledge/buildFactionSnapshot';
import { decodeFactionSnapshot, encodeFactionSnapshot, FACTION_SNAPSHOT_FORMAT, mergeWordRegistrations } from '../../../server/src/knowledge/factionSnapshot';
import { expectedFactionSnapshotKey } from '../../../server/src/knowledge/factionSnapshotKey';
import { FACTION_SNAPSHOT_FILE, loadBuiltInFactionIndex } from '../../../server/src/knowledge/loadFactions';
import { findDataFile } from '../../../server/src/knowledge/loadPlaceIndex';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

const DIR = path.join(FIXTURES, 'knowledge', 'faction-snapshot');
const KEY = 'fixture-key';

/** Word-class bit → its name in tokens.ts (W_…), for a readable expectation. */
const BIT_NAMES = new Map(Object.entries(tokenBits).filter(([name, v]) => name.startsWith('W_') && typeof v === 'number').map(([name, v]) => [v as number, name]));

/** How each token of a name must match: any case, Capitalised, eXactly as written (CaseRule 0, 1, 2). */
const RULE_LETTERS = ['a', 'C', 'X'];

/** Every name in a trie, as its token keys joined by spaces, with its target's id, dates and case rules. */
function names<E extends { id: string }>(node: TrieNode<E>, prefix: string[] = [], out: string[] = []): string[] {
  for (const t of node.targets ?? []) {
    const dates = t.from || t.to ? ` [${t.from ?? ''}, ${t.to ?? ''})` : '';
    out.push(`${prefix.join(' ')} → ${t.entry.id}${dates} ${t.rules.map((r) => RULE_LETTERS[r]).join('')}`);
  }
  for (const [key, child] of node.next) names(child, [...prefix, key], out);
  return out;
}

/** Targets whose entry is not the very object byId / sourceById holds (a snapshot must keep them shared). */
function unsharedEntries(index: FactionIndex): number {
  let n = 0;
  const walk = (node: TrieNode<{ id: string }>, byId: Map<string, unknown>) => {
    for (const t of node.targets ?? []) if (byId.get(t.entry.id) !== t.entry) n++;
    for (const child of node.next.values()) walk(child, byId);
  };
  walk(index.factions, index.byId);
  walk(index.sources, index.sourceById);
  return n;
}

/** What readers make of the snapshot bytes and of damaged or foreign variants of them. */
function reads(bytes: Buffer): Record<string, string> {
  const other = Buffer.from(bytes);
  const headerLength = other.readUInt32LE(4);
  const header = JSON.parse(other.toString('utf8', 8, 8 + headerLength));
  const withHeader = (h: object) => {
    const json = Buffer.from(JSON.stringify(h).padEnd(headerLength, ' '), 'utf8');
    return Buffer.concat([bytes.subarray(0, 8), json, bytes.subarray(8 + headerLength)]);
  };
  const variants: Record<string, Buffer> = {
    'as written': bytes,
    'another key': withHeader({ ...header, key: 'fixture-kez' }),
    'an older format': withHeader({ ...header, format: FACTION_SNAPSHOT_FORMAT - 1 }),
    'cut short': bytes.subarray(0, Math.floor(bytes.length / 2)),
    'header only': bytes.subarray(0, 8 + headerLength),
    'not a snapshot': Buffer.from('{"factions": []}'),
    'empty file': Buffer.alloc(0),
  };
  return Object.fromEntries(Object.entries(variants).map(([name, b]) => [name, decodeFactionSnapshot(b, KEY).problem ?? 'read']));
}

function check(name: string): void {
  const raw = JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8'));
  const { dictionary, problems } = validateDictionary(raw);
  assert.deepEqual(problems, [], 'the fixture dictionary is valid');
  const built = recordingWords(() => buildFactionIndex(dictionary));
  const bytes = encodeFactionSnapshot(built.result, built.words, KEY);
  const read = decodeFactionSnapshot(bytes, KEY);
  assert.equal(read.problem, null);
  assert.deepStrictEqual(read.index, built.result, 'the snapshot gives back the index a build makes');
  assert.equal(unsharedEntries(read.index!), 0, 'trie targets share their entries with byId, as built');
  assert.deepStrictEqual(read.words, mergeWordRegistrations(built.words), 'the snapshot replays the words the build registered');
  const actual = {
    words: Object.fromEntries(read.words!.map(([bit, words]) => [BIT_NAMES.get(bit) ?? String(bit), words])),
    factionNames: names(read.index!.factions),
    sourceNames: names(read.index!.sources),
    demonyms: Object.fromEntries(read.index!.demonyms),
    leaders: Object.fromEntries([...read.index!.leaders].map(([k, list]) => [k, list.map((l) => l.entry.id)])),
    reads: reads(bytes),
  };
  expectJsonFile(actual, 'knowledge', 'faction-snapshot', name.replace(/\.dictionary\.json$/, '.expected.json'));
}

for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.dictionary.json'))) {
  test(`faction snapshot: ${name}`, () => check(name));
}

test('faction snapshot: the built-in index and lexicon words read back equal a fresh build', () => {
  const key = expectedFactionSnapshotKey();
  assert.ok(key, 'the tests run from the sources, so the key is their hash');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-snapshot-')), FACTION_SNAPSHOT_FILE);
  try {
    fs.writeFileSync(file, builtInFactionSnapshot(key));
    const load = loadBuiltInFactionIndex(file);
    assert.equal(load.from, 'snapshot', `read from the snapshot (${load.problem})`);
    const fresh = buildBuiltInFactionIndex();
    assert.ok(fresh.index.size > 100, 'the built-in dictionary is there');
    assert.deepStrictEqual(load.index, fresh.index);
    assert.equal(unsharedEntries(load.index), 0);
    const read = decodeFactionSnapshot(fs.readFileSync(file), key);
    assert.deepStrictEqual(read.words, mergeWordRegistrations(fresh.words));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});

test('faction snapshot: a missing or stale snapshot means building, with the same index', () => {
  const fresh = buildBuiltInFactionIndex().index;
  const missing = loadBuiltInFactionIndex(null);
  assert.equal(missing.from, 'built');
  assert.match(missing.problem ?? '', /not found/);
  assert.deepStrictEqual(missing.index, fresh);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-snapshot-'));
  try {
    const stale = path.join(dir, FACTION_SNAPSHOT_FILE);
    fs.writeFileSync(stale, builtInFactionSnapshot('built from other sources'));
    const load = loadBuiltInFactionIndex(stale);
    assert.equal(load.from, 'built');
    assert.match(load.problem ?? '', /another dictionary or code version/);
    assert.deepStrictEqual(load.index, fresh);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('faction snapshot: the built dist/data snapshot, when current, equals a fresh build', (t) => {
  const file = findDataFile(FACTION_SNAPSHOT_FILE);
  const load = loadBuiltInFactionIndex(file);
  if (load.from !== 'snapshot') {
    t.skip(`dist/data/${FACTION_SNAPSHOT_FILE} not usable here (${load.problem}): run \`node esbuild.js\``);
    return;
  }
  assert.deepStrictEqual(load.index, buildBuiltInFactionIndex().index);
});
