// Progress of slow workspace builds: nothing for a quick build, a bar once one runs long, counts sent sparingly,
// phases at once, and always ended.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import { ProgressWindow, readArticlesInSlices, SlowWorkProgress, withSlowWorkProgress } from '../../server/src/lsp/slowWorkProgress';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client window that records what the server sends, as lines. */
function recordingWindow(refuse = false): ProgressWindow & { sent: string[]; asked: number } {
  const sent: string[] = [];
  const reporter = {
    begin: (title: string, percent?: number, message?: string) => sent.push(`begin ${title}: ${message} (${percent ?? '-'}%)`),
    report: (a: number | string, b?: string) => sent.push(typeof a === 'string' ? `report ${a}` : `report ${b} (${a}%)`),
    done: () => sent.push('done'),
  } as unknown as WorkDoneProgressReporter;
  const window = {
    sent,
    asked: 0,
    createWorkDoneProgress: async () => {
      window.asked++;
      if (refuse) throw new Error('no progress support');
      return reporter;
    },
  };
  return window;
}

test('slow work progress: a quick build shows nothing', async () => {
  const window = recordingWindow();
  const progress = new SlowWorkProgress(window, 'Dateline: building the timeline', 30);
  const tick = progress.counter(3, 'articles read');
  tick();
  tick();
  progress.phase('ordering the events');
  progress.end();
  await wait(50);
  assert.equal(window.asked, 0);
  assert.deepEqual(window.sent, []);
});

test('slow work progress: a slow build shows its count, phases at once, counts at most every 250 ms, then ends', async () => {
  const window = recordingWindow();
  let clock = 0;
  const progress = new SlowWorkProgress(window, 'Dateline: building the timeline', 5, () => clock);
  const tick = progress.counter(10_000, 'articles read');
  for (let i = 0; i < 4210; i++) tick();
  await wait(30);
  assert.deepEqual(window.sent, ['begin Dateline: building the timeline: 4,210 / 10,000 articles read (42%)']);
  // Many items done within 250 ms of the last message: none sent for them.
  clock = 249;
  for (let i = 0; i < 100; i++) tick();
  assert.equal(window.sent.length, 1);
  clock = 250;
  tick();
  assert.equal(window.sent.at(-1), 'report 4,311 / 10,000 articles read (43%)');
  progress.phase('ordering and merging 200,000 events');
  assert.equal(window.sent.at(-1), 'report ordering and merging 200,000 events…');
  progress.end();
  progress.end();
  assert.deepEqual(window.sent.slice(3), ['done'], 'ended once');
});

test('slow work progress: a build ended while the client makes the token shows nothing; a client without progress is fine', async () => {
  const window = recordingWindow();
  // The client answers the token request only when the test says so.
  let answer = () => {};
  const slow: ProgressWindow = { createWorkDoneProgress: () => new Promise((r) => (answer = () => r(window.createWorkDoneProgress()))) };
  const progress = new SlowWorkProgress(slow, 'Dateline: building the map', 1);
  await wait(10);
  progress.end();
  answer();
  await wait(10);
  assert.equal(window.asked, 1, 'the token was asked for');
  assert.deepEqual(window.sent, [], 'but nothing was begun');
  const refusing = recordingWindow(true);
  const value = await withSlowWorkProgress(refusing, 'Dateline: building the map', async (p) => {
    p.phase('reading');
    await wait(1100);
    p.count(1, 2, 'articles read');
    return 42;
  });
  assert.equal(value, 42);
  assert.equal(refusing.asked, 1);
  assert.deepEqual(refusing.sent, []);
});

test('slow work progress: ended when the build fails', async () => {
  const window = recordingWindow();
  await assert.rejects(
    withSlowWorkProgress(window, 'Dateline: building the timeline', async () => {
      await wait(1100);
      throw new Error('store gone');
    }),
    /store gone/,
  );
  assert.deepEqual(window.sent, ['begin Dateline: building the timeline: starting… (-%)', 'done']);
});

test('articles read in slices: each read once, in order, counted on the progress, one that fails left out', async () => {
  const window = recordingWindow();
  let clock = 0;
  const progress = new SlowWorkProgress(window, 'Dateline: building the map', 0, () => clock);
  await wait(10);
  const seen: number[] = [];
  clock = 1000;
  await readArticlesInSlices(progress, [1, 2, 3, 4], (n) => {
    if (n === 3) throw new Error('malformed analysis');
    seen.push(n);
  });
  assert.deepEqual(seen, [1, 2, 4]);
  assert.equal(window.sent.at(-1), 'report 1 / 4 articles read (25%)', 'counted as read (then spaced out)');
  clock = 2000;
  progress.count(4, 4, 'articles read');
  assert.equal(window.sent.at(-1), 'report 4 / 4 articles read (100%)');
  progress.end();
});
