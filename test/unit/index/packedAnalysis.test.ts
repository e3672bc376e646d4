// The index's packed analyses: what a closed article keeps must unpack to exactly what analyzeArticle gave,
// and a record read from disk must answer like the same text opened in the editor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, ArticleAnalysis, emptyAnalysis, Mention } from '../../../server/src/analysis';
import { entityMentions, keysAndDigests } from '../../../server/src/lsp/index/entityDigests';
import { lazyAnalysis, packAnalysis, packText, unpackAnalysis, unpackText } from '../../../server/src/lsp/index/packedAnalysis';
import { factionProfile, sourceProfile } from '../../../server/src/analysis/factions/profile';
import { ArticleStore, recordMentionKeys } from '../../../server/src/lsp/articleStore';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const inputs: { name: string; text: string }[] = [
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') })),
  { name: 'generated wire story', text: generateArticle(4242, 4000) },
  { name: 'non-ASCII text', text: 'Café owners in Homs reopen — “at last”\n\nHOMS, Sept. 2 (Xinhua) -- Residents of Homs said on Friday the café had reopened.\n' },
  { name: 'empty', text: '' },
];

/** The keys a workspace look-up needs, computed here from the full mention list. */
function expectedKeys(a: ArticleAnalysis): string[] {
  return [...new Set(a.mentions.filter((m) => m.kind !== 'date').map((m) => `${m.kind}\u0000${m.id}`))].sort();
}

function check(name: string, analysis: ArticleAnalysis): void {
  const packed = packAnalysis(analysis);
  assert.deepEqual(unpackAnalysis(packed), analysis, `${name}: unpacked analysis differs`);
  // The lazy view serialises and spreads like the original (the CLI and panels JSON-encode analyses).
  assert.deepEqual(JSON.parse(JSON.stringify(lazyAnalysis(packed))), JSON.parse(JSON.stringify(analysis)), `${name}: lazy view differs`);
  assert.deepEqual({ ...lazyAnalysis(packed) }.mentions, analysis.mentions, `${name}: spread view differs`);
  assert.deepEqual([...packed.mentionKeys].sort(), expectedKeys(analysis), `${name}: mention keys`);
}

for (const { name, text } of inputs) {
  test(`packed analysis: ${name} round-trips exactly`, () => check(name, analyzeArticle(text, testKnowledge())));
}

test('packed analysis: a skipped file round-trips', () => check('skipped', emptyAnalysis(12, 'binary file (NUL bytes)')));

test('packed analysis: the bulky part is packed to under a third of its JSON', () => {
  const a = analyzeArticle(generateArticle(4243, 4000), testKnowledge());
  const json = JSON.stringify({ structure: a.structure, sentences: a.sentences, mentions: a.mentions }).length;
  const packed = packAnalysis(a).bulk.length;
  assert.ok(a.mentions.length > 50, `only ${a.mentions.length} mentions: not a useful sample`);
  assert.ok(packed * 3 < json, `packed ${packed} bytes for ${json} bytes of JSON`);
});

test('article store: a file from disk answers like the same text open in the editor', () => {
  const store = new ArticleStore(testKnowledge);
  for (const { name, text } of inputs) {
    const input = { languageId: 'plaintext', matchesGlobs: false, defaultPublished: '2017-09-02' };
    const disk = store.setDisk(`file:///disk/${encodeURIComponent(name)}`, text, input, false);
    const open = store.setOpen(`file:///open/${encodeURIComponent(name)}`, 1, text, input);
    assert.equal(disk.text, text, name);
    assert.equal(disk.isArticle, open.isArticle, name);
    assert.deepEqual(JSON.parse(JSON.stringify(disk.analysis)), JSON.parse(JSON.stringify(open.analysis)), name);
    assert.deepEqual(disk.lines.rangeOf({ start: 0, end: text.length }), open.lines.rangeOf({ start: 0, end: text.length }), name);
    assert.deepEqual([...recordMentionKeys(disk)].sort(), [...recordMentionKeys(open)].sort(), name);
  }
});

test('packed text: ASCII, Latin-1, wide characters and a lone surrogate come back exactly', () => {
  const texts = ['', 'DAMASCUS, Sept. 2 (Xinhua) -- Troops advanced.', 'Café owners in Homs', 'Deir ez-Zor — “aid” 🚚 arrives', 'broken \ud800 surrogate'];
  const back = texts.map((t) => unpackText(packText(t)));
  assert.deepEqual(back, texts);
  assert.deepEqual(texts.map((t) => packText(t).wide), [false, false, false, true, true]);
});

test('entity digests: workspace summaries from an indexed article equal those from its full analysis', () => {
  let checked = 0;
  for (const { name, text } of inputs) {
    const a = analyzeArticle(text, testKnowledge());
    const packed = packAnalysis(a);
    for (const key of packed.mentionKeys) {
      const [kind, id] = key.split('\u0000');
      const slim = { mentions: entityMentions(packed, key)! } as ArticleAnalysis;
      const spellings = (x: ArticleAnalysis) => x.mentions.filter((m) => m.kind === kind && m.id === id).map((m) => (kind === 'place' ? m.text : '')).sort();
      assert.equal(slim.mentions.length, a.mentions.filter((m) => m.kind === kind && m.id === id).length, `${name} ${key}`);
      if (kind === 'faction') assert.deepEqual(factionProfile(id, [slim]), factionProfile(id, [a]), `${name} ${key}`);
      if (kind === 'source') assert.deepEqual(sourceProfile(id, [slim]), sourceProfile(id, [a]), `${name} ${key}`);
      if (kind === 'place') assert.deepEqual(spellings(slim), spellings(a), `${name} ${key}`);
      checked++;
    }
    assert.equal(entityMentions(packed, 'place\u0000no-such-id'), null);
  }
  assert.ok(checked > 20, `only ${checked} keys checked`);
});

test('entity digests: spellings and descriptors that JSON must escape are written as JSON.stringify writes them', () => {
  const base = { start: 0, end: 1, name: 'n', sentence: 0 };
  const place = (text: unknown) => ({ ...base, kind: 'place', id: 'p', text });
  const mentions = [
    place('Quote " and back\\slash'),
    place('Line\nbreak'),
    place('lone \ud800 surrogate'),
    place('Ḥamā 😀'),
    place(7),
    { ...base, kind: 'faction', id: 'f', text: 'the "t"', descriptors: ['pro-"government"', 3], resolvedFrom: 'dictionary' },
    { ...base, kind: 'faction', id: 'f', text: 't', descriptors: [], resolvedFrom: 'context' },
    { ...base, kind: 'source', id: 's', text: 't', attributed: [2, Number.NaN, 0.5] },
    { ...base, kind: 'source', id: 'q', text: 't', attributed: [] },
  ] as unknown as Mention[];
  const { entities } = keysAndDigests(mentions);
  assert.deepEqual(entities, [
    '{"n":5,"spellings":["Quote \\" and back\\\\slash","Line\\nbreak","lone \\ud800 surrogate","Ḥamā 😀",7]}',
    '{"n":2,"written":["the \\"t\\""],"descriptors":["pro-\\"government\\"",3],"resolved":1}',
    '{"n":1,"attributed":[2,null,0.5]}',
    '{"n":1}',
  ]);
  for (const json of entities) assert.doesNotThrow(() => JSON.parse(json));
});

test('entity digests: the common ones, made once and reused, are the JSON any other digest would be', () => {
  const base = { start: 0, end: 1, name: 'n', sentence: 0 };
  const place = (id: string, text: unknown) => ({ ...base, kind: 'place', id, text });
  const source = (id: string, attributed: unknown[]) => ({ ...base, kind: 'source', id, text: 't', attributed });
  // Written as named (any case): a faction's digest keeps only the other spellings.
  const faction = (id: string, resolvedFrom = 'dictionary') => ({ ...base, kind: 'faction', id, text: 'N', descriptors: [], resolvedFrom });
  const mentions = [
    place('a', 'Raqqa'), place('a', 'Raqqa'), place('a', 'Raqqa'),
    place('b', 'Raqqa'), place('b', 'Raqqa'),
    place('c', 'Raqqa'), place('c', 'Ar-Raqqah'),
    place('d', 'Homs'),
    source('s', [4]), source('t', [4, 5]), source('u', [4]), source('u', []), source('v', [2000]),
    faction('f'), faction('f'), faction('f'), faction('g'), faction('g', 'context'),
  ] as unknown as Mention[];
  const expected = [
    '{"n":3,"spellings":["Raqqa","Raqqa","Raqqa"]}',
    '{"n":2,"spellings":["Raqqa","Raqqa"]}',
    '{"n":2,"spellings":["Raqqa","Ar-Raqqah"]}',
    '{"n":1,"spellings":["Homs"]}',
    '{"n":1,"attributed":[4]}',
    '{"n":1,"attributed":[4,5]}',
    '{"n":2,"attributed":[4]}',
    '{"n":1,"attributed":[2000]}',
    '{"n":3}',
    '{"n":2,"resolved":1}',
  ];
  // Twice: the second time the kept strings answer.
  assert.deepEqual(keysAndDigests(mentions).entities, expected);
  assert.deepEqual(keysAndDigests(mentions).entities, expected);
});
