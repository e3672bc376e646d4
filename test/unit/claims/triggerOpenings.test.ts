// The opening-word index of the trigger patterns (triggers.ts runs each pattern only where its opening
// words stand) must never hide a match: on every fixture and sample sentence, every match a plain global
// scan of a pattern finds starts where the index offers that pattern.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TRIGGER_PATTERNS, triggerOpenings } from '../../../server/src/analysis/claims/triggers';
import { FIXTURES } from '../../support/expectFile';

// One line per shape the patterns know, in our own words, so every voice is met even if fixtures change.
const SHAPES = [
  'Raqqa was finally captured by the SDF on Friday.',
  'The town had been retaken by government forces.',
  'Deir ez-Zor remained besieged by the jihadists for three years.',
  'The crossing is now controlled by Turkish-backed rebels.',
  'The city fell into the hands of the extremists.',
  'Mosul fell to Iraqi forces after months of fighting.',
  'IS lost Raqqa to the SDF.',
  'The village is under the control of the army and under siege.',
  'The army took full control of the district and took over the airport.',
  'Rebels drove the militants out of the old city.',
  'The militias laid a tight siege on the town and imposed a blockade around it.',
  'The SDF is in full control of the dam and retains control over the bridge; IS keeps control of two villages.',
  'Troops were closing in on the city, moved into the suburbs and pushed towards the centre.',
  'Warplanes struck the market; fighters stormed the base and defeated the garrison.',
  'Government-held areas, the besieged town and a captured soldier are not claims.',
  // Mentions reach the patterns blanked out: "__" stands where "IS" was.
  'The army wrested the town from the rebels and drove __ out of the district.',
  'Troops fighting __ militants in the city clashed with ______________ near the dam.',
  'Sukhnah, which has been ________ taken by the army, is quiet.',
];

function sentencesOf(file: string): string[] {
  // Fixture markup ({p:id:Name|surface}) keeps its surface text; sentences are split roughly: any line piece will do.
  const text = fs.readFileSync(file, 'utf8').replace(/\{[pfds]:[^|{}]*\|([^{}]*)\}/g, '$1');
  return text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.toLowerCase()).filter((s) => s.trim());
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
}

/** Every match of every pattern in `lower` starts where triggerOpenings offers that pattern; returns how many matches were checked. */
function check(lower: string): number {
  const { starts, masks } = triggerOpenings(lower);
  let checked = 0;
  TRIGGER_PATTERNS.forEach((p, k) => {
    const scan = new RegExp(p.re.source, 'g');
    for (let m = scan.exec(lower); m; m = scan.exec(lower)) {
      const at = starts.indexOf(m.index);
      assert.ok(at >= 0 && (masks[at] & (1 << k)) !== 0, `pattern ${k} matches "${m[0]}" at ${m.index} in "${lower}" where the index offers it no try`);
      checked++;
    }
  });
  return checked;
}

test('trigger openings: every match of every pattern in fixtures, samples and the shapes list is offered', () => {
  const files = [...filesUnder(path.join(FIXTURES, 'claims')), ...filesUnder(path.join(__dirname, '..', '..', '..', 'samples'))];
  const sentences = [...SHAPES.map((s) => s.toLowerCase()), ...files.flatMap(sentencesOf)];
  const checked = sentences.reduce((n, s) => n + check(s), 0);
  // Enough matches to mean something: the shapes list alone has more than this.
  assert.ok(checked >= 30, `only ${checked} pattern matches checked`);
});

test('trigger openings: nothing is offered where no pattern can continue', () => {
  // "is", "had" and "under" open patterns only when the words after them fit; plain uses are skipped.
  assert.deepEqual(triggerOpenings('the town is quiet and had water under the bridge').starts, []);
  assert.deepEqual(triggerOpenings('the town is under siege').starts, [12]);
});
