// The compact form of an indexed analysis's bulk (structure, sentences, mentions) must give back exactly what
// analyzeArticle returned, field for field and key for key, for every kind of mention and optional field (and the
// spans of one entity read alone must be those mentions'); an analysis of a shape it does not know must go the
// general way (V8's serializer) and still come back exactly.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { analyzeArticle, ArticleAnalysis, emptyAnalysis, Mention } from '../../../server/src/analysis';
import { decodeBulk, decodeMentionSpans, encodeBulk, isCompactBulk } from '../../../server/src/lsp/index/compactBulk';
import { packAnalysis, unpackAnalysis } from '../../../server/src/lsp/index/packedAnalysis';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { readFixture } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const texts: { name: string; text: string }[] = [
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') })),
  { name: 'mixed fixture', text: readFixture('index', 'compact-mixed.txt') },
  { name: 'generated wire story', text: generateArticle(4244, 5000) },
  { name: 'lone surrogate in a place name', text: 'HOMS, Sept. 2 (Xinhua) -- Troops entered Homs\ud800 and Aleppo on Friday, activists said.\n' },
  { name: 'empty', text: '' },
];
const analyses = new Map(texts.map(({ name, text }) => [name, analyzeArticle(text, testKnowledge())]));
analyses.set('skipped file', emptyAnalysis(12, 'binary file (NUL bytes)'));

/** Deep copy (V8's clone keeps -0, NaN and undefined fields, which the variants below rely on). */
function clone<T>(x: T): T {
  return deserialize(serialize(x)) as T;
}

/** The bulk of an analysis comes back exactly from its compact bytes (or is refused when `compact` is false), and the whole analysis through the index's pack/unpack. */
function check(name: string, a: ArticleAnalysis, compact: boolean): void {
  const bulk = { structure: a.structure, sentences: a.sentences, mentions: a.mentions };
  const bytes = encodeBulk(bulk);
  assert.equal(bytes !== null, compact, `${name}: compact form ${compact ? 'refused' : 'accepted'}`);
  if (bytes) {
    const copy = new Uint8Array(bytes);
    assert.ok(isCompactBulk(copy), `${name}: not recognised as compact`);
    const back = decodeBulk(copy);
    assert.deepStrictEqual(back, bulk, `${name}: decoded bulk differs`);
    assert.equal(JSON.stringify(back), JSON.stringify(bulk), `${name}: key order differs`);
    checkSpans(name, copy, bulk.mentions);
  }
  const unpacked = unpackAnalysis(packAnalysis(a));
  assert.deepStrictEqual(unpacked, a, `${name}: unpacked analysis differs`);
  assert.equal(JSON.stringify(unpacked), JSON.stringify(a), `${name}: unpacked key order differs`);
}

/** The spans of each entity's mentions, read alone from the bytes, are those of the decoded mentions (and none for an id no mention has). */
function checkSpans(name: string, bytes: Uint8Array, mentions: readonly Mention[]): void {
  const entities = new Map(mentions.map((m) => [`${m.kind} ${m.id}`, m]));
  for (const { kind, id } of entities.values()) {
    const expected = mentions.filter((m) => m.kind === kind && m.id === id).map((m) => ({ start: m.start, end: m.end }));
    assert.deepStrictEqual(decodeMentionSpans(bytes, kind, id), expected, `${name}: spans of ${kind} ${id}`);
  }
  assert.deepStrictEqual(decodeMentionSpans(bytes, 'place', 'no such id'), []);
}

for (const [name, a] of analyses) test(`compact bulk: ${name} round-trips exactly`, () => check(name, a, true));

test('compact bulk: the fixtures hold every kind of mention and every optional field', () => {
  const seen = new Set<string>();
  for (const a of analyses.values()) {
    for (const m of a.mentions) {
      seen.add(m.kind);
      if (m.kind === 'date') {
        if (m.range) seen.add('date range');
        if (m.parts) seen.add('date parts');
        if (m.mod) seen.add('date mod');
        if (m.interval === null) seen.add('date without interval');
      }
      if (m.kind === 'source' && m.role !== undefined) seen.add('source role');
      if (m.kind === 'place' && m.population === null) seen.add('place without population');
      if (m.kind === 'place' && m.alternatives.length) seen.add('place alternatives');
      if (m.kind === 'faction' && m.descriptors.length) seen.add('faction descriptors');
      if (/[\ud800-\udfff]/.test(m.text)) seen.add('lone surrogate');
    }
  }
  const all = ['place', 'date', 'faction', 'source', 'date range', 'date parts', 'date mod', 'date without interval', 'source role', 'place without population', 'place alternatives', 'faction descriptors', 'lone surrogate'];
  assert.deepEqual(all.filter((x) => !seen.has(x)), []);
});

type Edit = (a: ArticleAnalysis) => void;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const mention = (a: ArticleAnalysis, kind: string): any => a.mentions.find((m) => m.kind === kind)!;

/** Analyses of shapes analyzeArticle does not make today: `compact` says whether the compact form takes them. */
const variants: { name: string; compact: boolean; edit: Edit }[] = [
  { name: 'place without coordinates, fractional population, NaN and -0 numbers', compact: true, edit: (a) => Object.assign(mention(a, 'place'), { lat: null, lon: -0, population: 1.5, confidence: NaN }) },
  { name: 'attributed sentences out of order', compact: true, edit: (a) => (mention(a, 'source').attributed = [7, 2, -1, 2 ** 31 - 1]) },
  { name: 'date with a range and no parts', compact: true, edit: (a) => (mention(a, 'date').range = { from: null, to: '2017-09-02' }) },
  { name: 'date with parts and no range', compact: true, edit: (a) => (mention(a, 'date').parts = [{ start: 1, end: 3, type: 'DATE', value: '2017', mod: 'START' }]) },
  { name: 'date whose value is not its id nor its label its name', compact: true, edit: (a) => Object.assign(mention(a, 'date'), { value: 'XXXX-10', label: 'some October' }) },
  { name: 'offset -0', compact: false, edit: (a) => (mention(a, 'place').start = -0) },
  { name: 'offset beyond 32 bits', compact: false, edit: (a) => (mention(a, 'faction').end = 2 ** 31) },
  { name: 'fractional sentence index', compact: false, edit: (a) => (mention(a, 'date').sentence = 1.5) },
  { name: 'a field the form does not know', compact: false, edit: (a) => (mention(a, 'place').extra = { note: 'new field' }) },
  { name: 'a field missing', compact: false, edit: (a) => delete mention(a, 'place').reason },
  { name: 'a field undefined', compact: false, edit: (a) => (mention(a, 'place').admin1 = undefined) },
  { name: 'an optional field present but undefined', compact: false, edit: (a) => (mention(a, 'source').role = undefined) },
  { name: 'keys in another order', compact: false, edit: (a) => { const m = mention(a, 'faction'); const { kind, id, ...rest } = m; a.mentions[a.mentions.indexOf(m)] = { id, kind, ...rest }; } },
  { name: 'optional date fields in another order', compact: false, edit: (a) => { const m = mention(a, 'date'); m.parts = []; m.range = { from: null, to: null }; } },
  { name: 'a number where a string belongs', compact: false, edit: (a) => (mention(a, 'source').name = 42) },
  { name: 'a non-string alternative', compact: false, edit: (a) => mention(a, 'place').alternatives.push(null) },
  { name: 'an interval with another field', compact: false, edit: (a) => Object.assign(mention(a, 'date'), { interval: { from: '2017-09-01', to: '2017-09-02', days: 2 } }) },
  { name: 'a mention of an unknown kind', compact: false, edit: (a) => (mention(a, 'faction').kind = 'weapon') },
  { name: 'a null mention', compact: false, edit: (a) => (a.mentions[0] = null as never) },
  { name: 'a sentence with another field', compact: false, edit: (a) => Object.assign(a.sentences[0], { tense: 'past' }) },
  { name: 'a section without its kind', compact: false, edit: (a) => delete (a.structure.sections[0] as Partial<{ kind: string }>).kind },
  { name: 'mentions not an array', compact: false, edit: (a) => (a.mentions = {} as never) },
];

for (const { name, compact, edit } of variants) {
  test(`compact bulk: ${name} ${compact ? 'round-trips exactly' : 'goes the general way, exactly'}`, () => {
    const a = clone(analyses.get('mixed fixture')!);
    edit(a);
    check(name, a, compact);
  });
}

test('compact bulk: an article too large for the writer\'s buffers round-trips, and a small one after it', () => {
  // ~60 stories in one file: its numbers, floats and bytes outgrow every buffer the writer starts with.
  const big = analyzeArticle(Array.from({ length: 60 }, (_, i) => generateArticle(5000 + i, 5000)).join('\n\n'), testKnowledge());
  assert.ok(big.mentions.length > 5000, `only ${big.mentions.length} mentions`);
  check('very large article', big, true);
  check('small article after it', analyses.get('mixed fixture')!, true);
});

test('compact bulk: damaged bytes are refused, not misread', () => {
  const a = analyses.get('mixed fixture')!;
  const bytes = new Uint8Array(encodeBulk({ structure: a.structure, sentences: a.sentences, mentions: a.mentions })!);
  assert.throws(() => decodeBulk(bytes.subarray(0, bytes.length - 1)));
  assert.ok(!isCompactBulk(serialize({ mentions: [] })), "V8's serialization taken for the compact form");
});
