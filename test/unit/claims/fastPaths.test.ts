// The fast paths of the claims stage must give what the plain way gives: the repeat key (hash of the
// normalised text, read without building it), the lower-cased, masked sentence strings (made once per
// article, each sentence a slice) and the clause breaks (scanned only as far as asked).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { hashLabel, hashText, normalisedHash, normalisedHashOfRange, normaliseText } from '../../../server/src/analysis/claims/claimText';
import { masked, SentenceTexts } from '../../../server/src/analysis/claims/sentenceTexts';
import { findCasualties } from '../../../server/src/analysis/claims/casualties';
import { scanWords, SentenceWords } from '../../../server/src/analysis/claims/sentenceWords';
import { groupBySentence, mentionsOf } from '../../../server/src/analysis/claims/sentenceView';
import { ClauseBreaks, firstDenialEnd, modalityOf } from '../../../server/src/analysis/claims/claimParts';
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
  const texts = new SentenceTexts().start(input.text, group, input.sentences, () => true);
  let blanked = 0;
  input.sentences.forEach((s, i) => {
    const lower = input.text.slice(s.start, s.end).toLowerCase();
    const { list, from, to } = mentionsOf(group, i);
    assert.equal(texts.lowerOf(s), lower);
    assert.equal(texts.maskedOf(i, s), masked(lower, list, from, to, s.start));
    assert.equal(texts.keyOf(s), normalisedHashOfRange(lower, 0, lower.length));
    // The word pass over the masked article, skipping inside its blanks, finds what it finds in the slice alone.
    const alone = wordsOf(scanWords(texts.maskedOf(i, s)));
    const bytes = texts.maskedBytes;
    if (bytes !== null) assert.deepEqual(wordsOf(scanWords(texts.maskedOf(i, s), bytes, s.start, texts.blanks, texts.firstBlankOf(i), texts.blankCount)), alone, lower);
    if (texts.maskedOf(i, s) !== lower) blanked++;
  });
  return blanked;
}

/** What a word pass found, copied out of its reused holder. */
function wordsOf(w: SentenceWords): unknown {
  const { flags, count, any, forwardEnd, figureCount, killingCount, deathToll, no } = w;
  return { flags, any, forwardEnd, deathToll, no, starts: w.starts.slice(0, count), masks: w.masks.slice(0, count), figures: w.figures.slice(0, figureCount), killings: w.killings.slice(0, killingCount) };
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
  // Latin-1 letters but nothing above them: the one-byte-a-character path.
  assert.equal(checkTexts([...article, 'Rebels shelled the Café Ñandú in {p:deir:Deir ez-Zor|Deir ez-Zor}, 40 km away.'].join('\n')), 3);
  // Blanks the word pass skips: glued to words and figures on either side, one character long, at the ends.
  const glued = [
    '{f:is:Islamic State|IS}killed 12 people in{p:raqqa:Raqqa|Raqqa}.',
    '{p:tabqa:Tabqa|T}5 civilians were killed {d:2017-10-17|Tuesday}',
    'The army seized{p:manbij:Manbij|Manbij}and{p:raqqa:Raqqa|Raqqa} then the town{d:2017-10-17|2017}.',
    'At least{d:2017-10-17|5}0 died near {f:sdf:Syrian Democratic Forces|SDF} {f:is:Islamic State|IS} lines, leaving 7 dead.',
  ];
  assert.equal(checkTexts(glued.join('\n')), 4);
});

// Clause breaks as one plain global scan finds them: punctuation, clause words and speech verbs between spaces.
const BREAK_WORDS = 'while|whereas|as|after|before|when|but|which|who|that|since|because|following|amid|saying|adding|said|says|say|told|tells|reported|reports|announced|announces|claimed|claims|stated|added|declared|confirmed|denied|denies';
const PLAIN_BREAK = new RegExp(`[,;:()\u2013\u2014"\u201c\u201d]| (?:${BREAK_WORDS}) `, 'g');

/** Breaks before each offset, asked in the order given, equal the plain scan's; returns how many offsets had breaks before them. */
function checkBreaks(lower: string, offsets: number[]): number {
  const plain: number[] = [];
  for (const m of lower.matchAll(PLAIN_BREAK)) plain.push(m.index, m.index + m[0].length);
  const breaks = new ClauseBreaks(lower);
  let withBreaks = 0;
  for (const at of offsets) {
    const got = breaks.upTo(at).filter((_, k, all) => all[k - (k % 2)] < at);
    const want = plain.filter((_, k, all) => all[k - (k % 2)] < at);
    assert.deepEqual(got, want, `breaks before ${at} in "${lower}"`);
    if (want.length) withBreaks++;
  }
  return withBreaks;
}

test('clause breaks: found as far as asked, the same as one plain scan', () => {
  const lower = 'the army, backed by russian jets, said it had taken the town following heavy fighting while rebels (fsa) withdrew';
  const offsets = [5, 8, 9, 40, 41, 42, 60, 70, 75, 76, 77, 78, 79, 80, 90, 200];
  assert.ok(checkBreaks(lower, offsets) > 10);
  // Asked out of order and from far ahead first.
  assert.ok(checkBreaks(lower, [...offsets].reverse()) > 10);
  // " following " starts just after an offset and runs past the cut a near offset makes.
  const tight = 'x'.repeat(30) + ' following ' + 'y'.repeat(5) + ', z';
  assert.equal(checkBreaks(tight, [28, 29, 30, 31, 32, 46, 60]), 4);
});

test('clause breaks: found as far as asked, the same as the plain scan, on text glued and cut every way', () => {
  // Pieces that make near misses: a break word glued to letters, capitalised, hyphenated, at either end, one
  // letter short or long, a dash or curly quote beside it, runs of spaces.
  const pieces = [' said ', ' says', 'said ', ' Said ', ' saidx ', ' sai ', 'x', ' ', '  ', ',', '(', '\u2014', '\u201c', '-', 'é', ' following ', ' followin ', ' as ', ' a ', ' who', 'who ', ' whereas ', ' while', 'rebels', '.'];
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  let withBreaks = 0;
  for (let round = 0; round < 400; round++) {
    let lower = '';
    for (let k = next(12); k >= 0; k--) lower += pieces[next(pieces.length)];
    const offsets = [next(lower.length + 2), next(lower.length + 2), next(lower.length + 2), lower.length + 20];
    withBreaks += checkBreaks(lower, offsets);
  }
  assert.ok(withBreaks > 400);
});

test('sentence keys: labels spell the hash in seven base-36 digits', () => {
  for (const u of [0, 1, 35, 36, 1679615, 1679616, 2 ** 31, 4294967295, 0x811c9dc5]) assert.equal(hashLabel(u), u.toString(36).padStart(7, '0'), String(u));
});

// Denial words as one plain scan of the words before an offset finds them, on lines in our own words.
const PLAIN_DENY = /\b(?:denied|denies|deny|denying|dismissed|rejected|refuted)\b/;
const DENIAL_LINES = [
  'the army denied that rebels had captured the town, and the rebels denying it seized the dam',
  'officials dismissed reports; the denyingly odd word and undenied claims do not count, but deny does',
  'rebels seized the dam, officials said; the ministry later rejected the report',
  'no denial at all in this line of 12 words',
];

/** Every word start (where triggers and tolls begin) and every space before a word: offsets no word runs across. */
function wordEdges(lower: string): number[] {
  const edges: number[] = [];
  for (let at = 0; at <= lower.length; at++) if (!(at > 0 && /[a-z0-9_]/.test(lower[at - 1]) && /[a-z0-9_]/.test(lower[at] ?? ''))) edges.push(at);
  return edges;
}

test('denials: the first denial word ends by a word start exactly when the words before it hold one', () => {
  let starts = 0;
  for (const lower of DENIAL_LINES) {
    const end = firstDenialEnd(lower);
    for (const at of wordEdges(lower)) {
      assert.equal(end <= at, PLAIN_DENY.test(lower.slice(0, at)), `at ${at} in "${lower}"`);
      starts++;
    }
  }
  assert.ok(starts > 40);
});

test('denials: the word pass finds where the first denial word ends, as the pattern over the whole sentence does', () => {
  // Our lines, and each glued to a digit, an underscore or a capital on either side of every word.
  const lines = DENIAL_LINES.flatMap((line) => [line, line.replace(/ /g, '_ '), line.replace(/ /g, ' 7'), line.replace(/ (\w)/g, ' X$1'), line.replace(/(\w) /g, '$1D '), `${line} denied`, `${line} denied2`]);
  let found = 0;
  for (const lower of lines) {
    const end = firstDenialEnd(lower);
    assert.equal(scanWords(lower).denialEnd, end, `"${lower}"`);
    if (end !== Infinity) found++;
  }
  assert.ok(found >= 10, `${found} lines with a denial`);
});

test('modality: the two-letter check before the purpose and aim patterns skips only what they cannot match', () => {
  // modalityOf with no denial, as the regexes alone answer it.
  const plain = (lower: string, at: number): string => {
    if (/\b(?:not|never|no longer|n't|neither|nor|failed to|fails to)\b/.test(lower.slice(Math.max(0, at - 24), at))) return 'denied';
    if (/\b(?:(?:almost|nearly|close to)(?! \d)|on the verge of|will|would|shall|won't|likely to|unlikely to|expected to|set to|poised to|going to|about to|plans? to|planning to|aims? to|aiming to|aimed (?:at|to)|intends? to|could|may|might|vowed to|vows to|threatened to|threatens to|hopes? to|seeks? to|prepares? to|preparing to|preparations to|ready to)\b/.test(lower.slice(Math.max(0, at - 100), at))) return 'predicted';
    if (/\bto (?:[a-z]+ly )?$/.test(lower.slice(Math.max(0, at - 14), at)) && !/\b(?:managed|able|succeeded|went on|continued|failed)(?: in)? to (?:[a-z]+ly )?$/.test(lower.slice(Math.max(0, at - 30), at))) return 'predicted';
    if (/\b(?:operations?|offensive|campaign|battle|bid|push|efforts?|attempts?) (?:on|for|at|in) (?:[a-z]+ly )?$/.test(lower.slice(Math.max(0, at - 30), at))) return 'predicted';
    return 'asserted';
  };
  const lines = [
    'the army launched an offensive to seize the town and managed to quickly take the dam',
    'rebels moved to swiftly retake the hill',
    'the operation on liberating the city began; a push for fully retaking it and a bid at taking the airport followed',
    'troops advanced to the north as forces captured the village, then attempts in retaking it failed',
    'to seize it, rebels said their effort for taking the hill was succeeded by the campaign in earnest',
  ];
  const seen = new Set<string>();
  for (const lower of lines) {
    for (let at = 0; at <= lower.length; at++) {
      const got = modalityOf(lower, at, 0, Infinity);
      assert.equal(got, plain(lower, at), `at ${at} in "${lower}"`);
      seen.add(got);
    }
  }
  assert.deepEqual([...seen].sort(), ['asserted', 'denied', 'predicted']);
});

test('mentions by sentence: read in one pass when in sentence order, else sorted, both as a plain filter and sort give', () => {
  const { input } = buildArticle(
    [
      '{f:sdf:Syrian Democratic Forces|The SDF} captured {p:raqqa:Raqqa|Raqqa} {d:2017-10-17|on Tuesday}.',
      'No mention here, only words.',
      '{f:is:Islamic State|IS} lost {p:tabqa:Tabqa|Tabqa} to {f:sdf:Syrian Democratic Forces|the SDF}.',
      'Nothing again.',
    ].join('\n'),
  );
  const n = input.sentences.length;
  // Each sentence's mentions in order of start (a stable sort), with their starts, ends and kinds read beside them.
  const plain = (mentions: typeof input.mentions) =>
    Array.from({ length: n }, (_, i) => mentions.filter((m) => m.sentence === i).sort((a, b) => a.start - b.start)).map((list) => ({ list, fields: list.map((m) => [m.start, m.end, m.kind]) }));
  const kindName = ['other', 'place', 'faction', 'date', 'source'];
  const grouped = (mentions: typeof input.mentions) => {
    const group = groupBySentence(mentions, n);
    assert.ok(group);
    assert.deepEqual(group.sources, mentions.filter((m) => m.kind === 'source'));
    return Array.from({ length: n }, (_, i) => {
      const { list, from, to } = mentionsOf(group, i);
      const fields = [];
      for (let k = from; k < to; k++) fields.push([group.starts[k], group.ends[k], kindName[group.kinds[k]]]);
      return { list: list.slice(from, to), fields };
    });
  };
  const inOrder = input.mentions;
  assert.ok(inOrder.length >= 5);
  assert.deepEqual(grouped(inOrder), plain(inOrder));
  // Sentences out of order, and a mention naming a sentence outside the article (left out).
  const shuffled = [...inOrder].reverse();
  assert.deepEqual(grouped(shuffled), plain(shuffled));
  const stray = [...inOrder, { ...inOrder[0], sentence: n + 3 }];
  assert.deepEqual(grouped(stray), plain(stray));
  // Mentions in no sentence (the dateline's date) are left out, leading the list or among the others.
  const headed = [{ ...inOrder[0], sentence: -1 }, { ...inOrder[1], sentence: -1 }, ...inOrder];
  assert.deepEqual(grouped(headed), plain(headed));
  const inside = [...inOrder.slice(0, 2), { ...inOrder[0], sentence: -1 }, ...inOrder.slice(2)];
  assert.deepEqual(grouped(inside), plain(inside));
  // A sentence index that is no integer gives up, wherever it stands.
  assert.equal(groupBySentence([{ ...inOrder[0], sentence: 0.5 }, ...inOrder.slice(1)], n), null);
});

test('tolls: figures are tried where a number can open a toll, glued to its qualifier or not', () => {
  const cases: [string, (number | null)[], (string | null)[]][] = [
    ['someone was killed in the blast', [1], ['some']],
    ['the raid killed twenty-six people and left nine dead', [26, 9], [null, null]],
    ['rebels said about 40 fighters were executed, and often ten more', [40], ['about']],
    ['as many as seventeen civilians died near the tone of the sirens', [17], ['as many as']],
    ['a shell killed 3,000 head of cattle', [3000], [null]],
    ['the toll stood unclear; no figure at all was found', [], []],
  ];
  for (const [lower, counts, qualifiers] of cases) {
    const tolls = findCasualties(lower);
    assert.deepEqual(tolls.map((t) => t.count), counts, lower);
    assert.deepEqual(tolls.map((t) => t.qualifier), qualifiers, lower);
  }
});
