// Factions and sources: the rules a user would notice, one small text each.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyzeArticle, FactionMention, SourceMention } from '../../../server/src/analysis';
import { attributionOf } from '../../../server/src/analysis/factions/attribution';
import { factionsAndSources } from './pipeline';
import { testKnowledge } from '../../support/knowledge';

const HEAD = 'Test headline\n\nPublished: September 2, 2017\n\nBEIRUT (Reuters) - ';
const factions = (body: string, head = HEAD) => factionsAndSources(head + body).factions;
const sources = (body: string, head = HEAD) => factionsAndSources(head + body).sources;

test('factions: "IS" is an acronym only in capitals; "is" is a verb', () => {
  assert.deepEqual(factions('The Syrian army is advancing on IS positions.'), ['s1 "Syrian army" → sy-army (dictionary)', 's1 "IS" → is (dictionary)']);
  assert.deepEqual(factions('The militia is strong and it is winning.'), []);
  assert.deepEqual(factions('IS fighters attacked.').map((l) => l.split(' → ')[1]), ['is (dictionary)']);
});

test('factions: short acronyms inside ALL-CAPS text are words', () => {
  assert.deepEqual(factions('WHAT IS NEXT FOR THE REGION. Fighting continued.'), []);
});

test('factions: the longest name wins, and "the Islamic State (IS)" is two mentions', () => {
  assert.deepEqual(factions('The Islamic State of Iraq and the Levant claimed the attack.'), ['s1 "Islamic State of Iraq and the Levant" → is (dictionary)']);
  assert.deepEqual(factions('The Islamic State (IS) lost ground.'), ['s1 "Islamic State" → is (dictionary)', 's1 "IS" → is (dictionary)']);
});

test('factions: demonym + force noun, and coordinated demonyms', () => {
  assert.deepEqual(factions('Syrian and Iraqi troops met at the border.'), ['s1 "Syrian" → sy-army (phrase)', 's1 "Iraqi troops" → iq-army (dictionary)']);
  assert.deepEqual(factions('Turkish-backed rebels and pro-government fighters clashed.'), [
    's1 "Turkish-backed rebels" → actor:turkish-backed-rebels (phrase; Turkish-backed)',
    's1 "pro-government fighters" → actor:pro-government-fighters (phrase; pro-government)',
  ]);
});

test('factions: alignment descriptors are attributes of the actor, not actors', () => {
  assert.deepEqual(factions('The U.S.-backed Syrian Democratic Forces and the al-Qaida-linked Nusra Front fought.'), [
    's1 "Syrian Democratic Forces" → sdf (dictionary; U.S.-backed)',
    's1 "Nusra Front" → nusra (dictionary; al-Qaida-linked)',
  ]);
});

test('factions: aliases hold at the article date (the Syrian army after 8 Dec 2024)', () => {
  const head = 'Test headline\n\nPublished: March 1, 2025\n\nDAMASCUS (Reuters) - ';
  assert.deepEqual(factions('The Syrian army entered Latakia.', head), ['s1 "Syrian army" → sy-new-army (dictionary)']);
});

test('factions: an alias two countries use goes to the country the article is about', () => {
  const yemen = factions('The internationally recognised government said the Houthis shelled Aden.');
  const libya = factions('The internationally recognised government said the LNA shelled Tripoli.');
  assert.ok(yemen[0].includes('ye-government'), yemen[0]);
  assert.ok(libya[0].includes('ly-gna'), libya[0]);
});

test('factions: "the army" resolves to the army of the country in focus; "the group" to the armed group in focus', () => {
  const text = 'Test\n\nPublished: November 9, 2017\n\nDAMASCUS, Nov. 9 (Xinhua) -- The Syrian army took the town. The army said IS had fled. The group still holds desert areas.';
  const a = analyzeArticle(text, testKnowledge());
  const resolved = a.mentions.filter((m): m is FactionMention => m.kind === 'faction' && m.resolvedFrom === 'context');
  assert.deepEqual(resolved.map((m) => `${m.text} → ${m.name}`), ['The army → Syrian Arab Army', 'The group → Islamic State']);
});

test('sources: "X said", "according to X", "said X", "he said" and quotes over several sentences', () => {
  assert.deepEqual(sources('The Syrian Observatory for Human Rights said 12 people died. Fighting went on, according to the Observatory.'), [
    '"Reuters" → reuters [agency] says s0',
    '"Syrian Observatory for Human Rights" → sohr [monitor] says s1',
    '"the Observatory" → sohr [monitor] says s2',
  ]);
  assert.deepEqual(sources('Deputy Foreign Minister Faisal Mekdad spoke on Friday. "We will win. The war is ending," he said.'), [
    '"Reuters" → reuters [agency] says s0 s1',
    '"Faisal Mekdad" → person:faisal-mekdad [official, Deputy Foreign Minister] says nothing',
    '"he" → person:faisal-mekdad [official, Deputy Foreign Minister] says s2 s3',
  ]);
  assert.deepEqual(sources('"It is over," said a military source.'), ['"Reuters" → reuters [agency] says s0', '"a military source" → unnamed:military-source [unnamed] says s1']);
});

test('sources: "he" with nobody named before stays unattributed', () => {
  assert.deepEqual(sources('He said the town fell.'), ['"Reuters" → reuters [agency] says s0 s1']);
});

test('sources: attributionOf gives each sentence its source, the agency by default', () => {
  const text = 'Test\n\nPublished: November 9, 2017\n\nDAMASCUS, Nov. 9 (Xinhua) -- The army took the town. Analysts say the war is ending.';
  const a = analyzeArticle(text, testKnowledge());
  const body = a.sentences.findIndex((s) => text.slice(s.start, s.end).startsWith('The army'));
  assert.equal(attributionOf(a.mentions, body)?.name, 'Xinhua');
  assert.equal(attributionOf(a.mentions, body + 1)?.name, 'Analysts');
  assert.equal(attributionOf(a.mentions, 99), null);
  assert.ok(a.mentions.some((m): m is SourceMention => m.kind === 'source' && m.sourceKind === 'unnamed'));
});

test('factions: odd input never throws and yields nothing silly', () => {
  const k = testKnowledge();
  for (const text of ['', '\u0000\u0000', 'IS'.repeat(5000), '"'.repeat(3000), "'s ".repeat(2000), '- - -- U.S.-'.repeat(500), 'al-'.repeat(4000), 'He said. '.repeat(2000)]) {
    const a = analyzeArticle(text, k);
    for (const m of a.mentions) assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
  }
});
