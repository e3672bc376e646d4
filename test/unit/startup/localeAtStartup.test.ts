// The server reaches its first diagnostics without the engine's locale machinery: the first Intl object or
// toLocaleString of a process loads ICU data (~10 ms each), and a collator made when a module loaded and a
// count formatted when the index pass ended sat on the way to the first diagnostics (cold start target 300 ms).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileUri, startServer } from '../../support/lspClient';

const PRELOAD = path.join(__dirname, 'fixtures', 'recordLocaleCalls.js');
const SAMPLES = path.join(__dirname, '..', '..', '..', 'samples');

/** Starts the server on a workspace holding `files`, opens the first, waits for its diagnostics and the index pass; returns the locale calls made. */
async function check(files: string[]): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-locale-test-'));
  const log = path.join(dir, 'calls.json');
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(workspace);
  for (const f of files) fs.copyFileSync(path.join(SAMPLES, f), path.join(workspace, f));
  const server = await startServer({ workspaceFolder: workspace, execArgv: ['--require', PRELOAD], env: { DATELINE_LOCALE_LOG: log } });
  try {
    const uri = await server.open(fileUri(path.join(workspace, files[0])), fs.readFileSync(path.join(workspace, files[0]), 'utf8'), 'news');
    await server.waitFor('first diagnostics', () => server.diagnostics.get(uri));
    await server.waitFor('index pass logged', () => server.notifications.find((n) => n.method === 'window/logMessage' && /indexed [\d,]+ articles/.test((n.params as { message: string }).message)));
  } finally {
    await server.stop();
  }
  try {
    return JSON.parse(fs.readFileSync(log, 'utf8')) as string[];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('startup: no locale data is loaded on the way to the first diagnostics and the end of the index pass', async () => {
  assert.deepEqual(await check(['2017-09-02-army-advances-in-hama.txt', '2017-11-10-al-bukamal-recaptured.txt']), []);
});
