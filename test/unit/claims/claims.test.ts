// Claim extraction on hand-built mentions: fixture markup in, claims out (reviewed JSON), gold checked per sentence.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../../server/src/analysis/claims/extractClaims';
import { Claim } from '../../../server/src/analysis/types';
import { buildArticle } from '../../support/mentionBuilders';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';
import { goldIn } from '../../support/claimGold';

const DIR = path.join(FIXTURES, 'claims');

/** What a reader checks: per claim its sentence start, action, actor, place, extent, time, source, modality, count. */
function view(text: string, c: Claim) {
  return {
    sentence: text.slice(c.start, c.end).slice(0, 50),
    summary: c.summary,
    action: c.action,
    actor: c.actor?.id ?? null,
    patient: c.patient?.id ?? null,
    place: c.place?.id ?? null,
    extent: [c.extent.kind, c.extent.area ?? null, c.extent.percent].filter((x) => x !== null).join(' '),
    time: c.time ? `${c.time.label} [${c.time.from ?? '…'}..${c.time.to ?? '…'}] ${c.time.basis}` : null,
    source: c.source.id,
    modality: c.modality,
    count: c.count,
  };
}

function check(name: string): void {
  const built = buildArticle(fs.readFileSync(path.join(DIR, name), 'utf8'));
  const claims = extractClaims(built.input);
  expectJsonFile(claims.map((c) => view(built.input.text, c)), 'claims', name.replace(/\.txt$/, '.expected.json'));
  built.gold.forEach((expected, i) => {
    const got = claims.filter((c) => c.sentence === i).map((c) => goldIn(c, expected)).sort();
    assert.deepEqual(got, [...expected].sort(), `sentence ${i}: ${built.input.text.slice(built.input.sentences[i].start, built.input.sentences[i].end)}`);
  });
}

for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
  test(`claims: ${name}`, () => check(name));
}

test('claims: ids survive edits to other sentences and to spacing', () => {
  const a = buildArticle('# published: 2017-09-02\nFiller first.\n{f:saa:Syrian Arab Army|The army} seized {p:u:Uqayribat|Uqayribat} {d:2017-09-01|on Friday}.');
  const b = buildArticle('# published: 2017-09-02\nA longer, rewritten first sentence.\n{f:saa:Syrian Arab Army|The army}  seized {p:u:Uqayribat|Uqayribat} {d:2017-09-01|on Friday} .');
  const [ca] = extractClaims(a.input);
  const [cb] = extractClaims(b.input);
  assert.ok(ca && cb);
  assert.equal(ca.id, cb.id);
  assert.notEqual(ca.start, cb.start);
});

test('claims: never throws on odd input', () => {
  const input = { text: '', sentences: [{ start: 0, end: 5, section: 'body' as const, paragraph: 0 }], mentions: [], publication: { date: null, time: null, from: 'none' as const, evidence: null }, agency: null };
  assert.deepEqual(extractClaims(input), []);
  const long = buildArticle('x '.repeat(5000) + ' captured '.repeat(500));
  assert.ok(Array.isArray(extractClaims(long.input)));
});

test('claims: lists reused from article to article carry nothing over, in any order of articles', () => {
  // Every fixture article alone, then all of them forwards and backwards after one another (longer articles
  // before shorter ones leave more in the reused lists), and a throwing input in between.
  const articles = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => buildArticle(fs.readFileSync(path.join(DIR, name), 'utf8')).input);
  assert.ok(articles.length >= 5);
  const alone = articles.map((input) => JSON.stringify(extractClaims(input)));
  assert.ok(alone.filter((json) => json !== '[]').length >= 5, 'the fixtures have claims');
  const odd = { text: 'IS captured Raqqa.', sentences: [{ start: 0, end: 18, section: 'body' as const, paragraph: 0 }], mentions: [null as never], publication: { date: null, time: null, from: 'none' as const, evidence: null }, agency: null };
  for (const order of [articles.map((_, i) => i), articles.map((_, i) => articles.length - 1 - i)]) {
    for (const i of order) {
      assert.equal(JSON.stringify(extractClaims(articles[i])), alone[i], `article ${i} after others`);
      assert.deepEqual(extractClaims(odd), []);
    }
  }
});
