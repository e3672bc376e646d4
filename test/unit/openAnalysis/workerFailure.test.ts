// When the open-document worker dies, what was sent to it fails (the server then analyses the document in its
// own thread); after two deaths the worker is given up for good, with one warning, instead of being restarted
// for every large document.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Knowledge } from '../../../server/src/analysis';
import { OpenAnalysisWorker } from '../../../server/src/lsp/openAnalysis/openAnalysisPool';

const DYING = path.join(__dirname, 'fixtures', 'dyingWorker.js');
const KNOWLEDGE = {} as Knowledge;
const INPUT = { uri: 'file:///tmp/long.news', text: 'A long report.', languageId: 'news', matchesGlobs: false, defaultPublished: '' };

/** Sends `documents` analyses one after another to a worker that dies; returns how each ended and what was logged. */
async function check(documents: number): Promise<{ outcomes: string[]; available: boolean; warnings: string[]; infos: number }> {
  const warnings: string[] = [];
  let infos = 0;
  const pool = new OpenAnalysisWorker({ entry: DYING, knowledge: () => KNOWLEDGE, overlays: () => ({ places: null, factions: null }), log: (m) => warnings.push(m), info: () => infos++ });
  const outcomes: string[] = [];
  for (let i = 0; i < documents; i++) {
    outcomes.push(await pool.analyse(INPUT).then(() => 'analysed', (err: Error) => (/unavailable/.test(err.message) ? 'not sent' : 'failed')));
  }
  await pool.close();
  return { outcomes, available: pool.available, warnings: warnings.map((w) => w.replace(/\(.*\)/, '(…)')), infos };
}

test('open-document worker: a dying worker fails its analysis, is started again once, then given up', async () => {
  assert.deepEqual(await check(4), {
    outcomes: ['failed', 'failed', 'not sent', 'not sent'],
    available: false,
    warnings: ['Dateline: open-document worker failed twice (…); large documents are analysed in the server thread.'],
    infos: 2,
  });
});
