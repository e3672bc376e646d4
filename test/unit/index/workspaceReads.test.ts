// Workspace requests over many indexed articles: each article's packed mentions are read (unpacked) at most once
// a request, and often not at all, while the answers equal those the full analyses give. Reads are counted, not timed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findConflicts } from '../../../server/src/analysis/conflicts';
import { mapOfPlaces, placeSentences, SENTENCES_PER_PAGE } from '../../../server/src/analysis/map';
import { nameKnowledge, searchSymbols, symbolIndex } from '../../../server/src/analysis/outline';
import { ArticleRecord, ArticleStore } from '../../../server/src/lsp/articleStore';
import { mapArticleReader, sentenceArticles } from '../../../server/src/lsp/handlers/mapArticles';
import { byUri } from '../../../server/src/lsp/handlers/outlineArticles';
import { locateInRecords, symbolArticleReader } from '../../../server/src/lsp/handlers/symbolArticles';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { testKnowledge } from '../../support/knowledge';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');
const ARTICLES = 60;

/** An indexed store of the samples and generated stories, and the same texts analysed in full (open documents). */
function stores(): { disk: ArticleRecord[]; open: ArticleRecord[] } {
  const texts = [
    ...fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(SAMPLES, f), 'utf8')),
    ...Array.from({ length: ARTICLES }, (_, i) => generateArticle(7000 + i, 2500 + ((i * 7919) % 3000))),
  ];
  const disk = new ArticleStore(testKnowledge);
  const open = new ArticleStore(testKnowledge);
  const input = { languageId: 'plaintext', matchesGlobs: true, defaultPublished: '2017-09-02' };
  texts.forEach((text, i) => {
    disk.setDisk(`file:///ws/a-${i}.txt`, text, input, false);
    open.setOpen(`file:///ws/a-${i}.txt`, 1, text, input);
  });
  return { disk: disk.articles(), open: open.articles() };
}

/** The records with every read of an analysis's mentions, sentences or structure counted, by article. */
function counted(records: ArticleRecord[]): { records: ArticleRecord[]; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const wrap = (r: ArticleRecord): ArticleRecord => {
    const analysis = Object.create(r.analysis) as ArticleRecord['analysis'];
    for (const field of ['mentions', 'sentences', 'structure'] as const) {
      Object.defineProperty(analysis, field, { get: () => (reads.set(r.uri, (reads.get(r.uri) ?? 0) + 1), r.analysis[field]) });
    }
    const record = Object.create(r) as ArticleRecord;
    Object.defineProperty(record, 'analysis', { value: analysis });
    return record;
  };
  return { records: records.map(wrap), reads };
}

const { disk, open } = stores();

test('workspace symbols: indexed articles give the full analyses\u2019 results, building the index reads few of them', () => {
  const names = nameKnowledge(testKnowledge());
  const { records, reads } = counted(disk);
  const index = symbolIndex(records.map(symbolArticleReader()), names, locateInRecords(byUri(records)));
  // Only articles naming an entity no article before them did are read (for its name), once each.
  assert.ok(reads.size < records.length / 2, `${reads.size} of ${records.length} articles read to build the index`);
  assert.ok([...reads.values()].every((n) => n === 1), 'an article read more than once');
  for (const query of ['', 'aleppo', 'Qaryatain', 'IS', 'army', 'Deir ez-Zor', 'zz-none']) {
    reads.clear();
    const got = searchSymbols(index, query);
    assert.deepEqual(got, searchSymbols(open, query, { names }), query);
    // A query reads the articles of the results it returns (their first mention's position), no others.
    assert.ok(reads.size <= new Set(got.map((s) => s.at.uri)).size, `${query}: ${reads.size} articles read`);
  }
});

test('map: indexed articles give the full analyses\u2019 places, reading few of them; a place\u2019s sentences read only its articles', () => {
  const conflicts = findConflicts(open.map((r) => ({ uri: r.uri, published: r.analysis.publication.date, claims: r.analysis.claims })));
  const { records, reads } = counted(disk);
  const { result: map, control } = mapOfPlaces(records.map(mapArticleReader()), conflicts);
  assert.ok(reads.size < records.length / 2, `${reads.size} of ${records.length} articles read for the map`);
  assert.ok([...reads.values()].every((n) => n === 1), 'an article read more than once');
  assert.deepEqual({ result: map, control }, mapOfPlaces(open, conflicts));
  assert.ok(map.places.length > 5 && map.places.some((p) => p.control.length > 0));

  // The most mentioned place: its sentences page by page, each article read once a page, as from the full analyses.
  const place = map.places[0];
  const full = (offset: number) => placeSentences(open.filter((r) => r.analysis.mentions.some((m) => m.id === place.id)).map((r) => ({ uri: r.uri, text: r.text, analysis: r.analysis, rangeOf: (s) => r.lines.rangeOf(s) })), place.id, offset);
  let offset: number | null = 0;
  let pages = 0;
  while (offset !== null) {
    reads.clear();
    const page = placeSentences(sentenceArticles(records, place.id), place.id, offset);
    assert.deepEqual(page, full(offset), `page from ${offset}`);
    assert.ok(page.sentences.length <= SENTENCES_PER_PAGE);
    assert.ok([...reads.keys()].every((uri) => open.find((r) => r.uri === uri)!.analysis.mentions.some((m) => m.id === place.id)), 'an article without the place was read');
    // Its mentions and its sentences, once each.
    assert.ok([...reads.values()].every((n) => n <= 2), 'an article read again within a page');
    offset = page.next;
    pages++;
  }
  assert.ok(pages >= 2, `${pages} page(s): the test needs a place with more than one page of sentences`);
});
