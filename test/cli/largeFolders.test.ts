// The CLI over folders too large to hold at once: articles are analysed a batch at a time and let go, and long
// output is written a part at a time. The output must be exactly what the whole-at-once pipeline makes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeArticle } from '../../server/src/analysis';
import { findConflicts } from '../../server/src/analysis/conflicts';
import { controlHistory } from '../../server/src/analysis/map';
import { buildTimeline, exportTimeline, TIMELINE_FORMATS, TimelineArticle, toTimelineConflicts } from '../../server/src/analysis/timeline';
import { arrayPieces } from '../../server/src/analysis/timeline/exports/textParts';
import { loadKnowledge } from '../../server/src/knowledge/loadKnowledge';
import { LineIndex } from '../../server/src/lsp/lineIndex';
import { analyzedArticles } from '../../server/src/cli/loadInputs';
import { writeLines } from '../../server/src/cli/writeLines';
import { generateArticle } from '../../scripts/bench/newsCorpus';
import { cli } from '../support/runCliCaptured';

const knowledge = loadKnowledge();

/** A temp folder of `count` generated articles (more than one analysis batch), removed at exit. */
function folderOf(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-cli-large-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, `a-${String(i).padStart(3, '0')}.txt`), generateArticle(7000 + i, 1500 + ((i * 389) % 2500)));
  return dir;
}

/** What `dateline timeline --format F DIR` printed before it streamed: every article analysed, then one string. */
function wholeTimeline(dir: string, format: (typeof TIMELINE_FORMATS)[number]): string {
  const articles: TimelineArticle[] = fs.readdirSync(dir).sort().map((f) => {
    const file = path.join(dir, f);
    const text = fs.readFileSync(file, 'utf8');
    const lines = new LineIndex(text);
    return { uri: file, text, analysis: analyzeArticle(text, knowledge, { published: null, publishedFrom: 'option' }), rangeOf: (s) => lines.rangeOf(s) };
  });
  const conflicts = toTimelineConflicts(findConflicts(articles.map((a) => ({ uri: a.uri, published: a.analysis.publication.date, claims: a.analysis.claims }))));
  const control = format === 'geojson' ? controlHistory(articles, conflicts) : null;
  const placeProperties = control ? (id: string) => ({ control: control.get(id)?.periods ?? [] }) : undefined;
  return exportTimeline(format, buildTimeline(articles, conflicts), { articles: articles.length, groupBy: 'faction', placeProperties }).replace(/\n$/, '') + '\n';
}

test('cli: `dateline timeline` over 70 articles prints, in every format, what the whole-at-once pipeline makes', () => {
  const dir = folderOf(70);
  for (const format of TIMELINE_FORMATS) {
    const r = cli('timeline', '--format', format, dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, wholeTimeline(dir, format), format);
  }
});

test('cli: articles are read and analysed a batch at a time, in order', () => {
  const dir = folderOf(40);
  // A binary file after the first batch: its warning comes only once the first batch has been handed on.
  fs.writeFileSync(path.join(dir, 'a-035.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0]));
  const warned: string[] = [];
  const files = fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
  const stream = analyzedArticles(files, knowledge, null, (m) => warned.push(m));
  const first = stream.next();
  assert.equal(first.done, false);
  assert.equal(path.basename(first.value!.file), 'a-000.txt');
  assert.deepEqual(warned, [], 'the second batch is not read yet');
  const rest = [...stream].map((a) => path.basename(a.file));
  assert.equal(warned.length, 1);
  assert.match(warned[0], /a-035\.txt: .*binary/i);
  assert.deepEqual(rest, files.map((f) => path.basename(f)).filter((f) => f !== 'a-000.txt' && f !== 'a-035.txt'));
});

/** Checks that the text written through a line writer (a newline after each call) is `expected`, in `calls` calls. */
function check(pieces: string[], expected: string, calls: number): void {
  const written: string[] = [];
  writeLines(pieces, (s) => written.push(s + '\n'));
  assert.equal(written.join(''), expected);
  assert.equal(written.length, calls, `${written.length} calls`);
}

test('cli: long output is written in parts cut at newlines, exactly as one string would be', () => {
  const line = 'x'.repeat(400_000);
  check([], '\n', 1);
  check(['a\nb', '\n'], 'a\nb\n', 1);
  check(['no newline at the end'], 'no newline at the end\n', 1);
  check([`${line}\n`, `${line}\n`, `${line}\n`, 'tail\n'], `${line}\n${line}\n${line}\ntail\n`, 2);
  check([`${line}\n${line}\n${line}\n`], `${line}\n${line}\n${line}\n`, 2);
  check([line, line, line, line], `${line}${line}${line}${line}\n`, 1);
  check([`${line}\n`, `${line}\n`, `${line}\n`, '\n\n'], `${line}\n${line}\n${line}\n\n\n`, 2);
});

test('cli: JSON arrays written an item at a time are JSON.stringify of the whole', () => {
  const items = [{ a: 1, b: [1, { c: 'd' }], e: undefined }, 'two', null, [], { nested: { deep: [3] } }];
  for (const indent of ['', '  ', '    ']) {
    const streamed = (function* () {
      yield* items;
    })();
    const whole = JSON.stringify(items, null, 2).replace(/\n/g, `\n${indent}`);
    assert.equal([...arrayPieces(streamed, indent)].join(''), whole, `indent ${indent.length}`);
    assert.equal([...arrayPieces([], indent)].join(''), '[]');
  }
});
