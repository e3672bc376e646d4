// Expected text files next to fixtures (Markdown, CSV, GeoJSON exports). UPDATE_EXPECT=1 rewrites them; review the diff.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES } from './expectFile';

/** Compares `actual` with the file at fixtures/<parts> byte for byte; UPDATE_EXPECT=1 writes it instead. */
export function expectTextFile(actual: string, ...parts: string[]): void {
  const file = path.join(FIXTURES, ...parts);
  if (process.env.UPDATE_EXPECT === '1' || !fs.existsSync(file)) {
    if (process.env.CI && !fs.existsSync(file)) assert.fail(`missing expectation ${file}: run the tests with UPDATE_EXPECT=1 locally`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}
