// The Outline, workspace symbol search, navigation and citations over the fixture articles.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { citationAt, documentOutline, entityMentions, firstMention, mentionAtOffset, OutlineSymbol, searchSymbols, subsequence } from '../../../server/src/analysis/outline';
import { expectJsonFile } from '../../support/expectFile';
import { loadOutlineFixture } from './buildArticles';

const articles = loadOutlineFixture('two-articles');
const byName = (uri: string) => articles.find((a) => a.uri.endsWith(uri.split('/').pop()!))!;

/** The Outline of one fixture article, as "name — detail [covered text]" lines; spans must nest. */
function checkOutline(file: string): void {
  const a = byName(file);
  const lines: string[] = [];
  const walk = (symbols: OutlineSymbol[], depth: number, parent: OutlineSymbol | null) => {
    for (const s of symbols) {
      // Below the groups, spans nest (the groups themselves are only reached from the article, see below).
      if (parent && parent.role !== 'group') assert.ok(s.span.start >= parent.span.start && s.span.end <= parent.span.end, `${s.name} lies outside ${parent.name}`);
      assert.ok(s.selection.start >= s.span.start && s.selection.end <= s.span.end, `${s.name}: selection outside its range`);
      lines.push(`${'  '.repeat(depth)}${s.name} — ${s.detail} [${a.text.slice(s.selection.start, s.selection.end)}]`);
      walk(s.children, depth + 1, s);
    }
  };
  walk(documentOutline(a), 0, null);
  expectJsonFile(lines, 'outline', `${file.replace(/\.txt$/, '')}.outline.expected.json`);
}

test('outline: document symbols of an article (headline, Places, Factions, Dates, Claims)', () => {
  checkOutline('a-qaryatain.txt');
  const top = documentOutline(byName('a-qaryatain.txt'));
  assert.deepEqual(
    top.map((s) => s.name),
    ['Army retakes desert town east of Homs', 'Places', 'Factions', 'Dates', 'Claims'],
  );
  // An Outline sorted by position keeps that order: the groups start one after another, after the headline.
  const starts = top.map((s) => s.span.start);
  assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
  assert.equal(new Set(starts).size, starts.length);
});

test('outline: breadcrumbs never name a group the cursor is not in', () => {
  // The editor walks the symbols in order and descends into the first whose range holds the cursor.
  const enclosing = (list: OutlineSymbol[], pos: number): OutlineSymbol[] => {
    for (const s of list) if (pos >= s.span.start && pos <= s.span.end) return [s, ...enclosing(s.children, pos)];
    return [];
  };
  for (const a of articles) {
    const symbols = documentOutline(a);
    for (const m of a.analysis.mentions) {
      const chain = enclosing(symbols, m.start + 1).map((s) => s.name);
      assert.deepEqual(chain, [symbols[0].name], `${m.text}: ${chain.join(' › ')}`);
    }
  }
});

/** Workspace symbol search: query in, "name — container" lines out. */
function checkSearch(queries: string[]): void {
  const out: Record<string, string[]> = {};
  for (const q of queries) out[q] = searchSymbols(articles, q).map((s) => `${s.name} — ${s.container} [${s.kind}:${s.id}]`);
  expectJsonFile(out, 'outline', 'search.expected.json');
}

test('outline: workspace symbols find a place by any spelling, in every article', () => {
  checkSearch(['Qaryatain', 'al-qarayatayn', 'Karyatein', 'Syrian army', 'IS', 'Kamal', 'nowhere']);
  const hits = searchSymbols(articles, 'Qaryatain');
  // Article B only writes "al-Qarayatayn", yet the spelling of article A finds it there too.
  assert.deepEqual(hits.filter((h) => h.id === 'geo:qaryatayn').map((h) => h.at.uri).sort(), articles.map((a) => a.uri).sort());
  for (const h of searchSymbols(articles, 'Karyatein')) assert.ok(subsequence('Karyatein', h.name), `${h.name} must contain the query for the editor's filter`);
});

test('outline: first mention is in the earliest article; references match by id across spellings', () => {
  const a = byName('a-qaryatain.txt');
  const b = byName('b-bukamal.txt');
  const inB = b.analysis.mentions.find((m) => m.text === 'al-Qarayatayn')!;
  const first = firstMention(articles, 'place', inB.id)!;
  assert.equal(first.uri, a.uri);
  assert.equal(a.text.slice(first.start, first.end), 'Qaryatain');
  const all = entityMentions(articles, 'place', inB.id).map((at) => `${at.uri.split('/').pop()}:${byName(at.uri).text.slice(at.start, at.end)}`);
  assert.deepEqual(all, ['a-qaryatain.txt:Qaryatain', 'a-qaryatain.txt:al-Qaryatayn', 'a-qaryatain.txt:Qaryatain', 'b-bukamal.txt:al-Qarayatayn']);
  assert.equal(mentionAtOffset(b.analysis.mentions, inB.end)?.id, inB.id, 'the end of a word still counts');
  assert.equal(mentionAtOffset(b.analysis.mentions, 0), null);
});

test('outline: citation names sentence, source, date and file', () => {
  const b = byName('b-bukamal.txt');
  const at = b.text.indexOf('still held');
  assert.equal(
    citationAt(b, at).text,
    '“The monitor said IS still held parts of the town, which the militants had seized from the Syrian army in 2014.” — Syrian Observatory for Human Rights, 10 Nov 2017, b-bukamal.txt, line 7',
  );
  // No attribution in the sentence: the agency of the article.
  const c = citationAt(b, b.text.indexOf('drove IS'));
  assert.equal(c.source, 'Dateline Wire');
  assert.equal(c.line, 9);
});
