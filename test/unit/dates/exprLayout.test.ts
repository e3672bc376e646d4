// Two speed invariants of the date grammar that no output would show if broken: every expression a
// recogniser builds has the one object layout of expr.ts BLANK (the downstream code reads them fast),
// and each token's facts (wordFacts.ts) are exactly the word lists they stand for.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize, Kind, Token } from '../../../server/src/analysis/dates/tokens';
import { AFTER_A, AFTER_LAST, AFTER_NUMBER, AFTER_THE, findExpressions } from '../../../server/src/analysis/dates/grammar';
import { BLANK, Expr } from '../../../server/src/analysis/dates/expr';
import { Fact, wordFacts, wordsWithFacts } from '../../../server/src/analysis/dates/wordFacts';
import { FIXTURES } from '../../support/expectFile';
import { tagDatesInPlainText } from '../../../server/src/analysis/dates/plainText';

function fixtureTexts(): string[] {
  const dir = path.join(FIXTURES, 'dates');
  return fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
}

const LAYOUT = Object.keys(BLANK);

function checkLayout(e: Expr, where: string): void {
  assert.deepEqual(Object.keys(e), LAYOUT, `expression of ${where} is not built on BLANK`);
  if (e.on !== undefined) checkLayout(e.on, where);
}

test('every expression found in the date fixtures has the BLANK layout', () => {
  let found = 0;
  for (const text of fixtureTexts()) {
    for (const line of text.split('\n')) {
      const T = tokenize(line, 0, line.length);
      for (const m of findExpressions(T)) {
        checkLayout(m.expr, JSON.stringify(line.slice(T[m.start].s, T[m.end - 1].e)));
        found++;
      }
    }
  }
  assert.ok(found > 100, `only ${found} expressions in the fixtures`);
});

function checkFacts(t: Token): void {
  const lists: [number, { has(w: string): boolean }][] = [[Fact.AfterThe, AFTER_THE], [Fact.AfterA, AFTER_A], [Fact.AfterLast, AFTER_LAST], [Fact.AfterNumber, AFTER_NUMBER]];
  for (const [bit, list] of lists) {
    if (t.k === Kind.Number) assert.equal(t.f, 0, `number ${t.t} has facts`);
    else assert.equal((t.f & bit) !== 0, list.has(t.l), `fact ${bit} of ${JSON.stringify(t.t)}`);
  }
  assert.equal(t.f, t.k === Kind.Number ? 0 : wordFacts(t.l), `facts of ${JSON.stringify(t.t)}`);
}

test('expressions are made only by expr.ts constructors, never by a spread or a literal', () => {
  // A spread ({ ...BLANK, k }, { ...m.expr, mod }) gives each place that writes one a hidden class of its
  // own: built that way, expressions had fourteen, and every field read downstream was a slow lookup.
  const dir = path.join(__dirname, '../../../server/src/analysis/dates');
  let files = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.ts') || name === 'expr.ts') continue;
    files++;
    fs.readFileSync(path.join(dir, name), 'utf8').split('\n').forEach((line, k) => {
      assert.ok(!/\{\s*\.\.\.\s*(BLANK|[\w.]*\bexpr|e)\b/.test(line), `${name}:${k + 1} spreads an expression: use expr.ts's constructors`);
      assert.ok(!/\bexpr:\s*\{/.test(line), `${name}:${k + 1} writes an expression literal: use expr.ts's constructors`);
    });
  }
  assert.ok(files > 20, `only ${files} date files read`);
});

test('tagging never writes to an expression: the commonest ones are shared between matches (expr.ts)', () => {
  // calExpr, unitExpr, refExpr and weekdayExpr hand out one object per shape met: a resolver or span step
  // that wrote to one would change every other date that shares it, in this article and later ones.
  const seen: { e: Expr; json: string }[] = [];
  const texts = fixtureTexts();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const T = tokenize(line, 0, line.length);
      for (const m of findExpressions(T)) seen.push({ e: m.expr, json: JSON.stringify(m.expr) });
    }
  }
  let tagged = 0;
  for (const text of texts) for (const published of ['2017-09-02', null]) tagged += tagDatesInPlainText(text, published).length;
  assert.ok(seen.length > 100 && tagged > 100, `only ${seen.length} expressions and ${tagged} mentions`);
  for (const { e, json } of seen) assert.equal(JSON.stringify(e), json, 'an expression was changed while tagging');
});

test('token facts are the word lists, in any case, for words met again and for marks', () => {
  const text = fixtureTexts().join('\n');
  // Twice over: the second pass meets every word again (kept strings and facts).
  for (let pass = 0; pass < 2; pass++) for (const t of tokenize(text, 0, text.length)) checkFacts(t);
  for (const word of ['The', 'THE', 'Last', 'hours', 'Hours', 'few', '-', '/', 'ended']) for (const t of tokenize(word, 0, word.length)) checkFacts(t);
});

test('no word list holds a number, so numbers carry no facts', () => {
  for (const word of wordsWithFacts()) assert.ok(!/^[0-9]/.test(word), `"${word}" starts with a digit`);
});
