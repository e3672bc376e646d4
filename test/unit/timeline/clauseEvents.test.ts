// Events from the extra dated clauses of claim sentences, through the real pipeline: each must read alone
// ("Islamic State militants stormed al-Qaryatayn"), and a fragment ("before storming it") is dropped, not shown.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { buildTimeline, TimelineArticle } from '../../../server/src/analysis/timeline';
import { LineIndex } from '../../../server/src/lsp/lineIndex';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';

const DIR = path.join(FIXTURES, 'timeline', 'clauses');

/** Per sentence with two or more dates: the clause events it gave (none = every extra clause was dropped). */
function check(file: string): void {
  const text = fs.readFileSync(path.join(DIR, file), 'utf8');
  const lines = new LineIndex(text);
  const article: TimelineArticle = { uri: file, text, analysis: analyzeArticle(text, testKnowledge()), rangeOf: (s) => lines.rangeOf(s) };
  const events = buildTimeline([article]).filter((e) => e.kind === 'dated-sentence');
  const a = article.analysis;
  const out: Record<string, string[]> = {};
  a.sentences.forEach((s) => {
    const dates = a.mentions.filter((m) => m.kind === 'date' && m.start >= s.start && m.end <= s.end);
    if (dates.length < 2) return;
    const sentence = text.slice(s.start, s.end).replace(/\s+/g, ' ');
    out[sentence] = events
      .filter((e) => e.location.range.start.line === lines.rangeOf(s).start.line)
      .map((e) => `${e.dateLabel} | ${e.summary} | actor: ${e.actor ?? '-'} | place: ${e.place ?? '-'}`);
  });
  expectJsonFile(out, 'timeline', 'clauses', file.replace(/\.txt$/, '.expected.json'));
}

for (const file of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
  test(`dated clauses: ${file} gives readable clause events or none`, () => check(file));
}
