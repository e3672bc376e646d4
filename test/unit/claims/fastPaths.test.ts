// The fast paths that read a sentence in place must give what the plain two-step way gives: the repeat key
// (hash of the normalised text, read without building it) and the lower-cased, masked sentence strings
// (made once per article, each sentence a slice).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hashLabel, hashText, normalisedHash, normalisedHashOfRange, normaliseText } from '../../../server/src/analysis/claims/claimText';
import { masked, SentenceTexts } from '../../../server/src/analysis/claims/sentenceTexts';
import { groupBySentence, mentionsOf } from '../../../server/src/analysis/claims/sentenceView';
import { buildArticle } from '../../support/mentionBuilders';

// Our own lines: capitals, digits, punctuation runs, leading and trailing spaces, curly quotes and accents.
const LINES = [
  'Government forces recaptured Uqayribat on Friday.',
  '  The SDF said 90 percent of the old city -- and the stadium -- was taken.  ',
  'IS lost   Raqqa,Tabqa; and 3,000 fighters!',
  '“Rebels” shelled the café in Deir ez-Zor',
  'ÉCOLE — Deux-cents civils tués à Alep',
  '',
  '...',
  'Kelvin \u212a and dotted \u0130 stay in the two-step path',
];

function check(line: string): void {
  const expected = hashText(normaliseText(line));
  assert.equal(normalisedHash(line), expected, line);
  // The same sentence inside a longer text, read by offsets.
  const text = `Before it. ${line} After it.`;
  const start = 'Before it. '.length;
  assert.equal(hashLabel(normalisedHashOfRange(text, start, start + line.length)), expected, line);
}

test('sentence keys: the in-place hash equals the hash of the normalised text', () => {
  for (const line of LINES) check(line);
  // Edits to spacing and punctuation keep the key; a changed word does not.
  assert.equal(normalisedHash('IS lost Raqqa.'), normalisedHash('  IS lost, Raqqa!'));
  assert.notEqual(normalisedHash('IS lost Raqqa.'), normalisedHash('IS lost Tabqa.'));
});

/** Each sentence's strings from SentenceTexts equal the ones made for the sentence alone; returns how many differ from plain lower case. */
function checkTexts(markup: string): number {
  const { input } = buildArticle(markup);
  const group = groupBySentence(input.mentions, input.sentences.length);
  assert.ok(group);
  const texts = new SentenceTexts(input.text, group, input.sentences, () => true);
  let blanked = 0;
  input.sentences.forEach((s, i) => {
    const lower = input.text.slice(s.start, s.end).toLowerCase();
    const { list, from, to } = mentionsOf(group, i);
    assert.equal(texts.lowerOf(s), lower);
    assert.equal(texts.maskedOf(i, s, lower), masked(lower, list, from, to, s.start));
    assert.equal(texts.keyOf(s), normalisedHashOfRange(lower, 0, lower.length));
    if (texts.maskedOf(i, s, lower) !== lower) blanked++;
  });
  return blanked;
}

test('sentence texts: one pass per article gives each sentence what masking it alone gives', () => {
  const article = [
    '{f:sdf:Syrian Democratic Forces|The SDF} captured {p:raqqa:Raqqa|Raqqa} {d:2017-10-17|on Tuesday}.',
    'No mention here, only words.',
    '{f:is:Islamic State|IS} lost {p:tabqa:Tabqa|Tabqa} to {f:sdf:Syrian Democratic Forces|the SDF}.',
  ];
  assert.equal(checkTexts(article.join('\n')), 2);
  // Non-ASCII text takes the string path; a capital sigma makes each sentence be lower-cased apart.
  assert.equal(checkTexts([...article, '“Rebels” shelled the café in {p:deir:Deir ez-Zor|Deir ez-Zor}.'].join('\n')), 3);
  assert.equal(checkTexts([...article, 'ΟΔΟΣ {p:athens:Athens|Athens} ΚΑΙ ΟΔΟΣ.'].join('\n')), 3);
});
