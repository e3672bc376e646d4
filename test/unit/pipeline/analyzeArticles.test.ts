// analyzeArticles runs the stages over batches of articles: every article must come out exactly as
// analyzeArticle makes it alone, whatever sits next to it in the batch (bad inputs, empty texts, articles
// of other agencies and dates), across batch boundaries and with options.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle, analyzeArticles, AnalyzeOptions } from '../../../server/src/analysis';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

const samplesDir = path.join(__dirname, '../../../samples');
const samples = fs.readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(samplesDir, f), 'utf8'));
const NOT_TEXT = 42 as unknown as string;

/** analyzeArticles over `texts` against analyzeArticle on each, as the JSON the CLI would print. */
function check(texts: string[], options?: AnalyzeOptions): void {
  const knowledge = testKnowledge();
  const many = analyzeArticles(texts, knowledge, options);
  assert.equal(many.length, texts.length);
  texts.forEach((text, i) => assert.equal(JSON.stringify(many[i]), JSON.stringify(analyzeArticle(text, knowledge, options)), `article ${i}`));
}

test('analyzeArticles: each article as analyzeArticle makes it, across several batches, bad inputs among them', () => {
  const texts: string[] = [];
  for (let i = 0; i < 75; i++) {
    if (i % 17 === 3) texts.push('');
    else if (i % 23 === 5) texts.push('DAMASCUS, Sept. 2 (Xinhua) -- a\u0000b');
    else if (i === 40) texts.push(NOT_TEXT);
    else texts.push(i % 5 === 0 ? samples[i % samples.length] : generateArticle(1000 + i, 1500 + ((i * 331) % 3000)));
  }
  check(texts);
  // Not vacuous: the batch holds analysed articles with mentions and claims, and skipped ones.
  const many = analyzeArticles(texts, testKnowledge());
  assert.ok(many.some((a) => a.skipped === null && a.mentions.length > 5 && a.claims.length > 0));
  assert.ok(many[40].skipped !== null);
});

test('analyzeArticles: options reach every article (a publication date from the command line)', () => {
  check(['Troops entered the town on Friday, the army said.', samples[0], 'Rebels shelled Aleppo yesterday.'], { published: '2017-09-02', publishedFrom: 'option' });
});

test('analyzeArticles: an empty list gives an empty list', () => {
  assert.deepEqual(analyzeArticles([], testKnowledge()), []);
});

/** Every .txt under a fixture folder (one level). */
function fixtureTexts(...dirs: string[]): string[] {
  const out: string[] = [];
  for (const dir of dirs) {
    const full = path.join(__dirname, '../../fixtures', dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full).sort()) if (f.endsWith('.txt')) out.push(fs.readFileSync(path.join(full, f), 'utf8'));
  }
  return out;
}

test('analysis: an article comes out the same whatever was analysed before it, forwards, backwards and in batches', () => {
  // The stages reuse lists, tables and scratch objects from article to article (less garbage in the index
  // workers): nothing of one article may reach the next, after a longer or shorter one, or after a bad input.
  const texts = [...samples, ...fixtureTexts('places/articles', 'claims', 'dates', 'factions')];
  for (let i = 0; i < 20; i++) texts.push(generateArticle(7000 + i, 800 + ((i * 997) % 5000)));
  assert.ok(texts.length >= 30, 'fixtures found');
  const knowledge = testKnowledge();
  const odd = ['', 'x'.repeat(200_000), NOT_TEXT, 'DAMASCUS, Sept. 2 (Xinhua) -- \u0000\uD800 captured \u2028 Raqqa'];
  const forwards = texts.map((t) => JSON.stringify(analyzeArticle(t, knowledge)));
  const backwards: string[] = new Array(texts.length);
  for (let i = texts.length - 1; i >= 0; i--) {
    analyzeArticle(odd[i % odd.length], knowledge);
    backwards[i] = JSON.stringify(analyzeArticle(texts[i], knowledge));
  }
  const reversed = [...texts].reverse();
  const batched: string[] = [];
  for (let i = 0; i < reversed.length; i += 7) for (const a of analyzeArticles([...reversed.slice(i, i + 7), odd[i % odd.length]], knowledge).slice(0, -1)) batched.push(JSON.stringify(a));
  batched.reverse();
  texts.forEach((_, i) => {
    assert.equal(backwards[i], forwards[i], `article ${i}, backwards`);
    assert.equal(batched[i], forwards[i], `article ${i}, in reversed batches`);
  });
  assert.ok(forwards.filter((j) => j.includes('"claims":[{')).length >= 10, 'the texts have claims');
});
