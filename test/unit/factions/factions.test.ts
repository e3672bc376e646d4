// Factions and sources, data-driven: each article in, the factions found (with how they were resolved) and
// the sources with the sentences attributed to them out. The pipeline runs without places or dates, so
// these expectations pin the factions work alone (analyzeArticle is checked in samples.test.ts).
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectJsonFile } from '../../support/expectFile';
import { factionsAndSources } from './pipeline';
import { loadAnnotated } from '../../../scripts/eval/factionAnnotations';

const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

function check(name: string, text: string): void {
  expectJsonFile(factionsAndSources(text), 'factions', 'expected', name.replace(/\.[a-z]+$/, '.json'));
}

for (const name of fs.readdirSync(SAMPLES).filter((f) => /^\d{4}-.*\.txt$/.test(f))) {
  test(`factions: samples/${name}`, () => check(`sample-${name}`, fs.readFileSync(path.join(SAMPLES, name), 'utf8')));
}
for (const doc of loadAnnotated()) {
  test(`factions: eval/${doc.name}`, () => check(`eval-${doc.name}`, doc.text));
}
