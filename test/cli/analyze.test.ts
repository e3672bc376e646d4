// `dateline analyze` end to end through runCli: the JSON contract scripts rely on.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/runCliCaptured';

/** A temp folder removed when the test file's process exits. */
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const SAMPLES = path.join(__dirname, '..', '..', 'samples');

interface JsonMention {
  kind: string;
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  value?: string;
  lat?: number | null;
  lon?: number | null;
  country?: string | null;
}

function analyze(...argv: string[]): { file: string; published: string | null; headline: string | null; mentions: JsonMention[] }[] {
  const r = cli('analyze', ...argv);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out).articles;
}

test('cli: a directory means every article file under it, sorted', () => {
  const files = analyze(SAMPLES).map((a) => path.basename(a.file));
  assert.deepEqual(files, ['2017-09-02-army-advances-in-hama.txt', '2017-11-10-al-bukamal-recaptured.txt', 'notes.txt']);
});

test('cli: every mention carries the contract fields and its offsets point at its text', () => {
  for (const article of analyze(SAMPLES)) {
    const text = fs.readFileSync(article.file, 'utf8');
    assert.ok('published' in article && 'headline' in article && Array.isArray(article.mentions));
    for (const m of article.mentions) {
      assert.ok(['place', 'date', 'faction', 'source'].includes(m.kind), m.kind);
      assert.equal(text.slice(m.start, m.end), m.text, `${m.kind} ${m.id}`);
      assert.equal(typeof m.id, 'string');
      assert.equal(typeof m.name, 'string');
      if (m.kind === 'date') assert.equal(typeof m.value, 'string');
      if (m.kind === 'place') assert.ok('lat' in m && 'lon' in m && 'country' in m);
    }
  }
});

test('cli: the 2 Sep sample has Raqqa in Syria, "on Friday" on 1 Sep 2017 and the Syrian army', () => {
  const [hama] = analyze(path.join(SAMPLES, '2017-09-02-army-advances-in-hama.txt'));
  assert.equal(hama.published, '2017-09-02');
  const raqqa = hama.mentions.find((m) => m.kind === 'place' && m.text === 'Raqqa');
  assert.ok(raqqa, 'Raqqa not found');
  assert.equal(raqqa.country, 'SY');
  const friday = hama.mentions.find((m) => m.kind === 'date' && /Friday/.test(m.text));
  assert.equal(friday?.value, '2017-09-01');
  assert.ok(hama.mentions.some((m) => m.kind === 'faction' && m.text === 'the army'), '"the army" not resolved');
});

test('cli: --published anchors an article that states no date; a bad date is refused', () => {
  const dir = tempDir();
  const file = path.join(dir, 'undated.txt');
  fs.writeFileSync(file, 'ADEN (Reuters) - Fighting resumed on Friday near the port.\n');
  const [a] = analyze('--published', '2018-06-11', file);
  assert.equal(a.published, '2018-06-11');
  const bad = cli('analyze', '--published', 'June', file);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /YYYY-MM-DD/);
});

test('cli: a binary file and a missing path are reported on stderr, the rest still analysed', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'blob.txt'), Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01, 0x02]));
  fs.writeFileSync(path.join(dir, 'story.txt'), 'KABUL (AP) - A bomb exploded on Monday.\n');
  const r = cli('analyze', dir, path.join(dir, 'missing.txt'));
  assert.equal(r.code, 0);
  assert.match(r.err, /blob\.txt: binary file/);
  assert.match(r.err, /missing\.txt: no such file/);
  assert.deepEqual(JSON.parse(r.out).articles.map((a: { file: string }) => path.basename(a.file)), ['story.txt']);
});
