// Property-based checks of the pure core (analyzeArticle): for any input it finishes, never throws,
// keeps every range inside the text and in order, and gives the same result twice.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeArticle } from '../../server/src/analysis';
import { testKnowledge } from '../support/knowledge';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import { checkInvariants } from './support/invariants';
import { counted } from './support/tally';

/** Analyses twice: checks the invariants and that both results are identical. */
function analyseChecked(text: string): void {
  const first = analyzeArticle(text, testKnowledge());
  checkInvariants(text, first);
  const second = analyzeArticle(text, testKnowledge());
  assert.equal(JSON.stringify(second), JSON.stringify(first), 'not deterministic');
}

const property = (arb: fc.Arbitrary<string>) => fc.property(arb, counted(analyseChecked));
/** A fixed seed keeps CI reproducible; FC_SEED=random explores new cases locally. */
const params = (numRuns: number): fc.Parameters<[string]> => ({ numRuns, seed: process.env.FC_SEED === 'random' ? undefined : 20170902, endOnFailure: true });

// Pieces of wire copy and of trouble, shuffled together: reaches the grammars much more often than noise.
const FRAGMENTS = [
  'DAMASCUS, Sept. 2 (Xinhua) -- ', 'Source: Xinhua| 2017-09-02 18:40:10|Editor: Desk\n', '\n\n', '\n', ' ', '. ', ', ', '"', '“', '”', '‘', '’', '«', '»', "'",
  'the Syrian army', 'Islamic State (IS)', 'al-', 'Deir ez-Zor', 'Raqqa', 'Aleppo', 'the group', 'SDF', 'U.S.-backed', 'Kurdish-led', 'militants',
  'captured', 'recaptured', 'besieged', 'killed', 'at least 12', '1,000', '2017', 'Sept.', 'on Friday', 'last month', 'since 2015', 'between Aug. 20 and',
  'said', 'told Xinhua', 'the Observatory', 'percent of', '(', ')', '[', ']', '—', '-', '--', ':', '|', '12:30', '03/09/2017', '2017-09-01', 'W35',
  '\t', '\r\n', '\u200b', '\u00a0', '\ud800', '\udc00', '😀', 'é', 'ü', 'ال', '\u0000'.slice(1), 'A.', 'U.S.', 'Mr.', 'No.', '...', '?!',
];
const newsLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((xs) => xs.join(''));
const mutatedArticle = fc
  .tuple(fc.nat(10_000), fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 12 }))
  .map(([seed, edits]) => {
    let text = generateArticle(seed, 1500);
    for (const [at, s] of edits) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + s + text.slice(i);
    }
    return text;
  });

test('core: any Unicode string, lone surrogates included', () => {
  fc.assert(property(fc.string({ unit: 'binary', maxLength: 3000 })), params(150));
});

test('core: any ASCII string, control characters included', () => {
  fc.assert(property(fc.string({ unit: 'binary-ascii', maxLength: 3000 })), params(150));
});

test('core: shuffled wire-copy fragments', () => {
  fc.assert(property(newsLike), params(250));
});

test('core: generated articles with random insertions', () => {
  fc.assert(property(mutatedArticle), params(120));
});

/** Inputs built to hit worst cases: long runs of what the grammars look at. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'one long article of wire copy': (n) => generateArticle(3, n),
  'one line of news text': (n) => 'the Syrian army captured Raqqa on Friday and al-Bukamal last month '.repeat(Math.ceil(n / 68)).slice(0, n),
  '"al-" repeated': (n) => 'al-'.repeat(Math.ceil(n / 3)).slice(0, n),
  'nested quotes': (n) => {
    const open = '"“‘«'.repeat(Math.ceil(n / 8)).slice(0, n / 2);
    return open + 'said' + [...open].reverse().join('').replace(/“/g, '”').replace(/‘/g, '’').replace(/«/g, '»');
  },
  'digits, dots and dashes': (n) => {
    let s = '';
    const r = seeded(7);
    while (s.length < n) s += '0123456789.-/:, '[Math.floor(r() * 16)];
    return s;
  },
  'capitalised words': (n) => 'Al Deir Abu Tal Jabal Ras Wadi '.repeat(Math.ceil(n / 31)).slice(0, n),
  'control characters': (n) => {
    let s = '';
    for (let i = 0; s.length < n; i++) s += String.fromCharCode((i * 7) % 32 || 1);
    return s;
  },
  'lone surrogates': (n) => '\ud800a\udfff\udc00'.repeat(Math.ceil(n / 4)).slice(0, n),
  'one-word sentences': (n) => 'Aleppo. '.repeat(Math.ceil(n / 8)).slice(0, n),
  'dateline lines': (n) => 'DAMASCUS, Sept. 2 (Xinhua) --\n'.repeat(Math.ceil(n / 30)).slice(0, n),
  'open parentheses': (n) => '( Islamic State '.repeat(Math.ceil(n / 16)).slice(0, n),
};

function seeded(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const MB = 1 << 20;
for (const [name, make] of Object.entries(PATHOLOGICAL)) {
  test(`core: 1 MB of ${name} finishes, in range, deterministic`, () => {
    counted(analyseChecked)(make(MB));
  });
}

/** Best of three, in milliseconds: the least disturbed run. */
function bestTime(text: string): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    analyzeArticle(text, testKnowledge());
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

// Linear time: work on 4n is compared with work on n. Linear is ~4; quadratic would be ~16.
// The bound is generous (noise on a shared machine), and tiny timings are lifted to a floor.
const LINEAR_BOUND = 10;
for (const [name, make] of Object.entries(PATHOLOGICAL)) {
  test(`core: time on ${name} grows linearly (4× input, under ${LINEAR_BOUND}× time)`, () => {
    counted(() => {
      const n = 128 * 1024;
      const small = Math.max(bestTime(make(n)), 2);
      const large = bestTime(make(4 * n));
      assert.ok(large / small < LINEAR_BOUND, `${name}: ${small.toFixed(1)} ms on ${n} chars, ${large.toFixed(1)} ms on ${4 * n} (×${(large / small).toFixed(1)})`);
    })();
  });
}
