// A large open document's analysis travels from its worker in pieces: put back together it must equal what
// analyzeArticle gave, each piece must stay small (one is decoded per turn of the event loop), and the open
// record's grouped mentions must give workspace summaries what a full scan gives.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { analyzeArticle, ArticleAnalysis } from '../../../server/src/analysis';
import { fromPieces, toPieces } from '../../../server/src/lsp/openAnalysis/analysisPieces';
import { ArticleStore, recordMentionKeys } from '../../../server/src/lsp/articleStore';
import { mentionKeysOf } from '../../../server/src/lsp/index/entityDigests';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const inputs: { name: string; text: string }[] = [
  ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: fs.readFileSync(path.join(SAMPLES, f), 'utf8') })),
  // Large enough for several pieces of every list.
  { name: 'generated 300 KB document', text: generateArticle(7117, 300 * 1024) },
  { name: 'empty', text: '' },
];

/** Largest piece allowed: decoding one must stay a short turn of the event loop. */
const MAX_PIECE_BYTES = 512 * 1024;

async function check(name: string, analysis: ArticleAnalysis): Promise<void> {
  const { pieces, transfer } = toPieces(analysis);
  assert.equal(transfer.length, pieces.pieces.length, `${name}: one transferable buffer per piece`);
  for (const p of pieces.pieces) {
    assert.ok(p.bytes.byteLength <= MAX_PIECE_BYTES, `${name}: a ${p.list} piece of ${p.bytes.byteLength} bytes`);
    assert.equal(p.bytes.byteOffset, 0, `${name}: a piece must own its buffer to be transferred`);
    assert.equal(p.bytes.buffer.byteLength, p.bytes.byteLength, `${name}: a piece must own its whole buffer`);
  }
  // Through a real structured clone, as postMessage sends it.
  const sent = v8.deserialize(v8.serialize(pieces)) as typeof pieces;
  let turns = 0;
  const back = await fromPieces(sent, async () => void turns++);
  assert.equal(turns, pieces.pieces.length, `${name}: one turn per piece`);
  assert.deepEqual(back, analysis, `${name}: analysis put back together differs`);
}

for (const { name, text } of inputs) {
  test(`analysis pieces: ${name} round-trips exactly`, () => check(name, analyzeArticle(text, testKnowledge())));
}

test('analysis pieces: the 300 KB document needs several pieces of mentions and claims', () => {
  const { pieces } = toPieces(analyzeArticle(inputs.find((i) => i.name.startsWith('generated'))!.text, testKnowledge()));
  const lists = new Map<string, number>();
  for (const p of pieces.pieces) lists.set(p.list, (lists.get(p.list) ?? 0) + 1);
  assert.ok((lists.get('mentions') ?? 0) > 1, `mentions in ${lists.get('mentions')} piece(s)`);
  assert.ok((lists.get('claims') ?? 0) > 1, `claims in ${lists.get('claims')} piece(s)`);
});

test('open record: grouped mentions give the keys and per-key mentions of a full scan', () => {
  const store = new ArticleStore(testKnowledge);
  const text = inputs.find((i) => i.name.startsWith('generated'))!.text;
  const record = store.setOpen('file:///ws/big.news', 1, text, { languageId: 'news', matchesGlobs: false, defaultPublished: '' });
  const keys = recordMentionKeys(record);
  assert.deepEqual(keys, mentionKeysOf(record.analysis.mentions));
  assert.ok(keys.length > 5, `only ${keys.length} keys`);
  for (const key of keys) {
    const [kind, id] = key.split('\u0000');
    assert.deepEqual(record.entityMentions!(key), record.analysis.mentions.filter((m) => m.kind === kind && m.id === id), key);
  }
  assert.equal(record.entityMentions!('place\u0000no-such-place'), null);
});
