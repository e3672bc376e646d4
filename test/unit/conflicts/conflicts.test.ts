// Conflicts across articles on hand-built mentions: each fixture holds several articles and its gold
// ("## conflict: extent raqqa" or "none"); the found conflicts are also compared with reviewed JSON.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractClaims } from '../../../server/src/analysis/claims/extractClaims';
import { findConflicts, Conflict, ArticleClaims } from '../../../server/src/analysis/conflicts';
import { buildArticles } from '../../support/mentionBuilders';
import { conflictGold, conflictGoldLines } from '../../support/claimGold';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

const DIR = path.join(FIXTURES, 'conflicts');

export function articlesOf(markup: string): ArticleClaims[] {
  return buildArticles(markup).map(({ uri, article }) => ({ uri, published: article.input.publication.date, claims: extractClaims(article.input) }));
}

function view(c: Conflict) {
  return {
    id: c.id,
    kind: c.kind,
    message: c.message,
    outcome: c.outcome,
    claims: c.claims.map((x) => `${x.uri.replace('file:///fixtures/', '')}: ${x.value} (${x.source.name})`),
  };
}

function check(name: string): void {
  const markup = fs.readFileSync(path.join(DIR, name), 'utf8');
  const conflicts = findConflicts(articlesOf(markup));
  expectJsonFile(conflicts.map(view), 'conflicts', name.replace(/\.txt$/, '.expected.json'));
  assert.deepEqual(conflicts.map(conflictGold).sort(), conflictGoldLines(markup).sort());
}

for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
  test(`conflicts: ${name}`, () => check(name));
}
