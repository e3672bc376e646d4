// The server's entry loads its bundle with a V8 code cache: the bundle must run the same with no cache, a
// written cache and a corrupt one, and the cache must appear after a first run (written at exit); the built
// server's cache must be accepted by its next start.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileFor } from '../../../server/src/codeCache';
import { SERVER } from '../../support/lspClient';

const LOADER = path.join(__dirname, '..', '..', '..', 'server', 'src', 'codeCache.ts');

/** Runs the bundle through the loader in a fresh Node process; returns what it printed. */
function check(bundle: string, cacheDir: string): string {
  const script = `require(${JSON.stringify(LOADER)}).loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)})`;
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' }).trim();
}

test('code cache: the bundle runs as a module of its own, with no cache, a written cache and a corrupt one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-code-cache-test-'));
  try {
    const bundle = path.join(dir, 'bundle.js');
    // Uses what a bundle needs: require, module, __filename, __dirname.
    fs.writeFileSync(bundle, `const p = require('node:path'); module.exports.ok = true; console.log([p.basename(__filename), p.basename(__dirname) === p.basename(${JSON.stringify(dir)}), module.exports.ok, typeof module.require].join(' '));`);
    const cacheDir = path.join(dir, 'cache');
    const expected = 'bundle.js true true function';
    assert.equal(check(bundle, cacheDir), expected);
    const cacheFile = cacheFileFor(bundle, cacheDir)!;
    assert.ok(fs.existsSync(cacheFile), 'cache written at exit');
    assert.ok(fs.statSync(cacheFile).size > 0);
    assert.equal(check(bundle, cacheDir), expected);
    fs.writeFileSync(cacheFile, 'not a code cache');
    assert.equal(check(bundle, cacheDir), expected);
    assert.notEqual(fs.readFileSync(cacheFile, 'utf8'), 'not a code cache', 'a rejected cache is replaced');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Starts the built server and lets it exit at once (its input closed); the cache goes to `tmp`'s cache folder. */
function startAndExit(tmp: string): void {
  try {
    execFileSync(process.execPath, [SERVER, '--stdio'], { input: '', env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp }, stdio: ['pipe', 'ignore', 'ignore'], timeout: 30_000 });
  } catch {
    // The server exits with an error code when its input ends before an exit notification: expected here.
  }
}

test('code cache: the cache the server writes at one start is accepted at the next (not written again)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-server-cache-test-'));
  try {
    const cacheFile = cacheFileFor(path.join(path.dirname(SERVER), 'server-main.js'), path.join(tmp, 'dateline-code-cache'))!;
    startAndExit(tmp);
    assert.ok(fs.existsSync(cacheFile), 'the first start writes the cache');
    const first = fs.statSync(cacheFile);
    startAndExit(tmp);
    const second = fs.statSync(cacheFile);
    // A cache V8 rejects (say, made under other flags than it is read with) is written again at every start.
    assert.equal(second.mtimeMs, first.mtimeMs, 'the second start found the cache usable');
    assert.equal(second.ino, first.ino);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
