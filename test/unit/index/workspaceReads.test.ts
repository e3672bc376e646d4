// Workspace requests over many indexed articles: each article's packed mentions are read (unpacked) at most once
// a request, and often not at all, while the answers equal those the full analyses give. Reads are counted, not timed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nameKnowledge, searchSymbols, symbolIndex } from '../../../server/src/analysis/outline';
import { ArticleRecord, ArticleStore } from '../../../server/src/lsp/articleStore';
import { byUri } from '../../../server/src/lsp/handlers/outlineArticles';
import { locateInRecords, symbolArticles } from '../../../server/src/lsp/handlers/symbolArticles';
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
  const index = symbolIndex(symbolArticles(records), names, locateInRecords(byUri(records)));
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
