// Article structure and publication date: fixture text in, expected JSON out.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectStructure, looksLikeArticle } from '../../../server/src/analysis';
import { findPublication } from '../../../server/src/analysis/structure/findPublication';
import { splitSentences } from '../../../server/src/analysis/structure/splitSentences';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

/** What a reader would check: the text of each part, not offsets. */
function check(name: string, options: { published?: string } = {}): void {
  const text = fs.readFileSync(path.join(FIXTURES, 'structure', name), 'utf8');
  const s = detectStructure(text);
  const slice = (sp: { start: number; end: number } | null) => (sp ? text.slice(sp.start, sp.end) : null);
  const publication = findPublication(text, s, options);
  const actual = {
    looksLikeArticle: looksLikeArticle(text),
    headline: slice(s.headline),
    sourceLine: slice(s.sourceLine),
    dateline: slice(s.dateline),
    agency: s.agency,
    datelineCity: s.datelineCity,
    published: { date: publication.date, time: publication.time, from: publication.from },
    sections: s.sections.map((sec) => `${sec.kind}: ${text.slice(sec.start, sec.end).slice(0, 60)}`),
    sentences: splitSentences(text, s).map((x) => text.slice(x.start, x.end)),
  };
  expectJsonFile(actual, 'structure', name.replace(/\.[a-z]+$/, '.expected.json'));
  // Each section is split on its own: given in another order, the sections give the same sentences (the
  // stop search keeps positions from section to section, and must search again when sent backwards).
  const reversed = splitSentences(text, { ...s, sections: [...s.sections].reverse() }).map((x) => text.slice(x.start, x.end));
  assert.deepEqual(reversed.sort(), [...actual.sentences].sort());
}

for (const name of fs.readdirSync(path.join(FIXTURES, 'structure')).filter((f) => !f.endsWith('.json'))) {
  test(`structure: ${name}`, () => check(name));
}

test('structure: --published fills in when the article has no date', () => {
  const text = 'SANAA (Reuters) - Fighting resumed on Monday.';
  const s = detectStructure(text);
  assert.deepEqual(findPublication(text, s, { published: '2018-06-11' }).date, '2018-06-11');
  assert.equal(findPublication(text, s).date, null);
});

test('structure: offsets stay inside the text for CRLF and lone CR line ends', () => {
  for (const eol of ['\r\n', '\r']) {
    const text = ['Headline here', '', 'Source: Xinhua| 2017-09-02 20:12:54|Editor: X', '', 'DAMASCUS, Sept. 2 (Xinhua) -- Text. More text.'].join(eol);
    const s = detectStructure(text);
    assert.equal(text.slice(s.headline!.start, s.headline!.end), 'Headline here');
    assert.equal(text.slice(s.dateline!.start, s.dateline!.end), 'DAMASCUS, Sept. 2 (Xinhua) --');
  }
});
