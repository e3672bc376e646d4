// The user's .dateline/factions.json: problems located in the file while valid entries apply, merged over
// the built-in dictionary, and "Add as faction…" editing the file in place, atomically, keeping what it
// does not know.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseUserFactions } from '../../../server/src/analysis/factions/userFactions';
import { buildFactionIndex } from '../../../server/src/analysis/factions/factionIndex';
import { findFactions } from '../../../server/src/analysis/factions/findFactions';
import { builtInFactionDictionary } from '../../../server/src/knowledge/loadFactions';
import { detectStructure } from '../../../server/src/analysis';
import { findPublication } from '../../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { addFaction } from '../../../server/src/lsp/userData/factionsActions';

const builtIn = builtInFactionDictionary().dictionary;
const known = new Set(builtIn.factions.map((f) => f.id));

test('user factions: each defect is located in the file; the valid entries still apply', () => {
  const text = `{
  "factions": [
    { "id": "third-brigade", "name": "3rd Brigade", "kind": "armed-group", "country": "UA", "aliases": ["Third Brigade"], "parent": "ua-forces" },
    { "id": "Bad Id", "name": "x", "kind": "armed-group" },
    { "id": "odd-kind", "name": "Odd", "kind": "army", "aliases": ["Oddballs"] }
  ],
}`;
  const { dictionary, problems } = parseUserFactions(text, known);
  assert.deepEqual(dictionary.factions.map((f) => f.id), ['third-brigade', 'odd-kind']);
  const where = problems.map((p) => text.slice(p.start, p.end));
  assert.deepEqual(where, ['"id": "Bad Id"', '"kind": "army"']);
  assert.match(problems[1].message, /kind must be one of/);
});

test('user factions: broken JSON gives a located error, never an exception', () => {
  const { dictionary, problems } = parseUserFactions('{ "factions": [ { "id": "a", ', known);
  assert.equal(dictionary.factions.length, 0);
  assert.ok(problems.length >= 1 && problems.every((p) => p.start >= 0 && p.end >= p.start));
  assert.deepEqual(parseUserFactions('', known).problems, []);
  assert.equal(parseUserFactions('[1,2]', known).problems.length, 1);
});

test('user factions: merged over the built-in dictionary, a user entry is found in articles', () => {
  const { dictionary } = parseUserFactions('{ "factions": [ { "id": "lions-of-raqqa", "name": "Lions of Raqqa", "kind": "militia", "country": "SY", "aliases": ["Raqqa Lions"] } ] }', known);
  const index = buildFactionIndex(builtIn, dictionary);
  const text = 'Headline\n\nPublished: May 1, 2017\n\nRAQQA (Reuters) - The Raqqa Lions and the SDF advanced.';
  const s = detectStructure(text);
  const found = findFactions(text, splitSentences(text, s), index, { publication: findPublication(text, s, {}), blocked: [] });
  assert.deepEqual(found.map((m) => `${m.text}:${m.id}:${m.resolvedFrom}`), ['Raqqa Lions:lions-of-raqqa:user', 'SDF:sdf:dictionary']);
});

test('"Add as faction…" creates the file, then adds entries keeping unknown fields and comments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-factions-'));
  const file = path.join(dir, '.dateline', 'factions.json');
  assert.equal(addFaction(file, '3rd Assault Brigade', 'state', 'UA', known), null);
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.deepEqual(json.factions, [{ id: '3rd-assault-brigade', name: '3rd Assault Brigade', kind: 'state', country: 'UA', aliases: ['3rd Assault Brigade'] }]);
  fs.writeFileSync(file, '// my notes\n{ "mine": 1, "factions": [ { "id": "x-y", "name": "X Y", "kind": "militia", "custom": true, "aliases": ["X Y"] } ] }\n');
  assert.equal(addFaction(file, 'SDF', 'coalition', 'SY', known), null); // "sdf" is built in: a fresh id
  assert.equal(addFaction(file, 'X Y', 'militia', null, known), null); // same spelling again: no change
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.startsWith('// my notes'));
  const parsed = parseUserFactions(text, known).dictionary;
  assert.deepEqual(parsed.factions.map((f) => f.id), ['x-y', 'user-sdf']);
  assert.match(text, /"custom": true/);
  assert.match(text, /"mine": 1/);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['factions.json']); // no temporary file left behind
  fs.rmSync(dir, { recursive: true, force: true });
});

test('"Add as faction…" never overwrites a file with JSON errors', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-factions-'));
  const file = path.join(dir, 'factions.json');
  fs.writeFileSync(file, '{ "factions": [ ');
  assert.match(addFaction(file, 'Some Brigade', 'militia', null, known) ?? '', /JSON errors/);
  assert.equal(fs.readFileSync(file, 'utf8'), '{ "factions": [ ');
  fs.rmSync(dir, { recursive: true, force: true });
});
