// `dateline conflicts` and the `conflicts` list of `dateline analyze`, through runCli on our samples.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/runCliCaptured';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

test('cli conflicts: a readable report with file:line, values, sources and the sentences', () => {
  const r = cli('conflicts', SAMPLES);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^1 conflict and 1 prediction check among \d+ articles/);
  assert.match(r.out, /\nEXTENT {2}Conflicting extent of Syrian Democratic Forces' control over the old city of Raqqa, 2 Sep 2017: full control \(Syrian Democratic Forces\) vs 90 percent \(Syrian Observatory for Human Rights\)\n/);
  assert.match(r.out, /2017-09-02-army-advances-in-hama\.txt:\d+ {2}90 percent \(Syrian Observatory for Human Rights\)\n {6}"The Syrian Observatory for Human Rights said the SDF held 90 percent of the old city of Raqqa\."/);
  assert.match(r.out, /\nPREDICTION {2}Prediction fulfilled: Staffan de Mistura expected Syrian Democratic Forces to take Raqqa/);
});

test('cli conflicts: --format json carries kind, claims, files, ranges, sources, values and the reviewed flag', () => {
  const r = cli('conflicts', '--format', 'json', SAMPLES);
  assert.equal(r.code, 0, r.err);
  const { conflicts } = JSON.parse(r.out) as { conflicts: { kind: string; files: string[]; ranges: { start: number; end: number }[]; sources: string[]; values: string[]; reviewed: boolean }[] };
  const extent = conflicts.find((c) => c.kind === 'extent');
  assert.ok(extent);
  assert.equal(extent.files.length, 2);
  assert.deepEqual([...extent.values].sort(), ['90 percent', 'full control']);
  const text = fs.readFileSync(extent.files[0], 'utf8');
  assert.match(text.slice(extent.ranges[0].start, extent.ranges[0].end), /old city of Raqqa/);
  assert.equal(extent.reviewed, false);
});

test('cli conflicts: reviewed conflicts from .dateline/reviewed.json are counted, not shown', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-conflicts-'));
  try {
    for (const f of fs.readdirSync(SAMPLES).filter((f) => f.startsWith('2017-'))) fs.copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
    const json = JSON.parse(cli('conflicts', '--format', 'json', dir).out) as { conflicts: { id: string; kind: string }[] };
    const id = json.conflicts.find((c) => c.kind === 'extent')!.id;
    fs.mkdirSync(path.join(dir, '.dateline'));
    fs.writeFileSync(path.join(dir, '.dateline', 'reviewed.json'), JSON.stringify({ version: 1, reviewed: { [id]: {} } }));
    const r = cli('conflicts', dir);
    assert.match(r.out, /^0 conflicts and 1 prediction check among 2 articles \(1 reviewed, not shown\)/);
    assert.doesNotMatch(r.out, /EXTENT/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('cli analyze: a top-level conflicts list next to the articles', () => {
  const r = cli('analyze', SAMPLES);
  const json = JSON.parse(r.out) as { articles: unknown[]; conflicts: { kind: string; claims: unknown[]; message: string }[] };
  assert.deepEqual(json.conflicts.map((c) => c.kind).sort(), ['extent', 'prediction']);
  assert.ok(json.conflicts.every((c) => c.claims.length === 2 && c.message.length > 0));
});

test('cli conflicts: an unknown format is refused', () => {
  const r = cli('conflicts', '--format', 'xml', SAMPLES);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown --format xml/);
});
