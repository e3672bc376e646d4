// The side panel on real analyses: fixture articles through the whole pipeline, rendered as the panel shows them.
// These pin what a reader sees end to end (spellings merged under one place, provinces named as analysts write them).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeArticle } from '../../../server/src/analysis';
import { entityTree, OutlineArticle, OutlineKind } from '../../../server/src/analysis/outline';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';
import { testKnowledge } from '../../support/knowledge';
import { renderShape } from './render';

const DIR = path.join(FIXTURES, 'outline', 'pipeline');

function analysed(name: string): OutlineArticle {
  const text = fs.readFileSync(path.join(DIR, name), 'utf8');
  return { uri: `file:///fixtures/${name}`, text, analysis: analyzeArticle(text, testKnowledge()) };
}

/** Every kind's tree for one fixture article, rendered without the mention rows (entities and groups only). */
function check(name: string): Record<OutlineKind, string[]> {
  const a = analysed(name);
  const out = {} as Record<OutlineKind, string[]>;
  for (const kind of ['place', 'faction', 'date', 'claim'] as OutlineKind[]) {
    out[kind] = renderShape(entityTree([a], kind).nodes);
  }
  expectJsonFile(out, 'outline', 'pipeline', name.replace(/\.txt$/, '.expected.json'));
  return out;
}

test('outline pipeline: every spelling of al-Qaryatayn (headline included) is one place under Syria → Homs', () => {
  const out = check('qaryatain-retaken.txt');
  const i = out.place.findIndex((l) => /^Syria\b/.test(l));
  assert.ok(i >= 0, 'a Syria group');
  const homs = out.place.findIndex((l, j) => j > i && /^ {2}Homs\b/.test(l));
  assert.ok(homs > i, 'Homs under Syria');
  assert.ok(out.place.some((l, j) => j > homs && /^ {4}al-Qaryatayn \(5\)$/.test(l)), `al-Qaryatayn (5) under Homs:\n${out.place.join('\n')}`);
});
