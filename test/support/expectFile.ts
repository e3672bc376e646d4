// Expected-JSON files next to fixtures. Run with UPDATE_EXPECT=1 to (re)write them, then review the git diff.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

/** Compares `actual` with the JSON file at fixtures/<parts>; UPDATE_EXPECT=1 writes it instead. */
export function expectJsonFile(actual: unknown, ...parts: string[]): void {
  const file = path.join(FIXTURES, ...parts);
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_EXPECT === '1' || !fs.existsSync(file)) {
    if (process.env.CI && !fs.existsSync(file)) assert.fail(`missing expectation ${file}: run the tests with UPDATE_EXPECT=1 locally`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, json);
    return;
  }
  assert.deepEqual(JSON.parse(json), JSON.parse(fs.readFileSync(file, 'utf8')));
}
