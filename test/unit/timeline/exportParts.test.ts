// Exports made in pieces (a workspace's can pass V8's longest string): joined, the pieces are exactly the text of
// the export made whole, in every format, for a few events and for thousands (pieces of a thousand items).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildTimeline, exportPieces, exportTimeline, TIMELINE_FORMATS } from '../../../server/src/analysis/timeline';
import { jsonPieces, partsOf, tidyPieces } from '../../../server/src/analysis/timeline/exports/textParts';
import type { TimelineEvent } from '../../../server/src/protocol';
import { novArticle, SAMPLE_CONFLICTS, septArticle } from './sampleClaims';

const events = buildTimeline([septArticle(), novArticle()], SAMPLE_CONFLICTS);

/** The sample events again and again, each copy with its own id, line and year: 2,600 events. */
function thousands(): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  for (let copy = 0; copy < 200; copy++) {
    for (const e of events) {
      const year = String(2000 + (copy % 20));
      const shift = (d: string | null) => (d ? `${year}${d.slice(4)}` : d);
      const range = { start: { ...e.location.range.start, line: e.location.range.start.line + copy }, end: e.location.range.end };
      out.push({ ...e, id: `${e.id}~${copy}`, sortDate: shift(e.sortDate), endDate: shift(e.endDate), location: { ...e.location, range }, reports: e.reports.map((r) => ({ ...r, location: { ...r.location, range } })) });
    }
  }
  return out;
}

test('export pieces: joined, every format is the text made whole', () => {
  for (const list of [[], events, thousands()]) {
    for (const format of TIMELINE_FORMATS) {
      const pieces = [...exportPieces(format, list, { relativeTo: [] })];
      assert.equal(pieces.join(''), exportTimeline(format, list, { relativeTo: [] }), `${format}, ${list.length} events`);
      if (list.length > 2000 && format !== 'geojson' && format !== 'timelinejs') assert.ok(pieces.length > 2, `${format}: ${pieces.length} pieces`);
    }
  }
});

test('export pieces: JSON arrays at any depth, and Markdown blank lines split between pieces', () => {
  const doc = { a: 1, nested: { list: [{ x: [1, 2] }, 'two', null] }, after: true };
  assert.equal([...jsonPieces({ before: 'b', items: [doc, doc], tail: { z: [] } }, 'items')].join(''), JSON.stringify({ before: 'b', items: [doc, doc], tail: { z: [] } }, null, 2) + '\n');
  assert.equal([...jsonPieces({ items: [] }, 'items')].join(''), '{\n  "items": []\n}\n');
  const text = ['# T\n\n', '\n', '\nline  \n\n\n', '\n\n', 'last \n', ' \n\n'];
  assert.equal([...tidyPieces(text)].join(''), text.join('').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n');
});

test('export parts: pieces gathered into parts of a size, the last one saying so', () => {
  const parts = [...partsOf(['ab', 'cd', 'e', 'fgh', 'i'], 4)];
  assert.deepEqual(parts, [
    { content: 'abcd', more: true },
    { content: 'efgh', more: true },
    { content: 'i', more: false },
  ]);
  assert.deepEqual([...partsOf([], 4)], [{ content: '', more: false }]);
  assert.deepEqual([...partsOf(['abcd'], 4)], [{ content: 'abcd', more: false }]);
});
