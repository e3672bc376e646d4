// The diagnostics publisher sends an open document's list again only when it or the version changed: settled
// conflict checks re-publish every open document, and the same list sent again is work for nothing on both
// sides (a 2 MB document's list was 10 MB of JSON). Driven with a stand-in for the server context.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../../../server/src/lsp/handlers/diagnosticsPublisher';
import { ServerContext } from '../../../server/src/lsp/serverContext';
import { ArticleRecord } from '../../../server/src/lsp/articleStore';

const URI = 'file:///tmp/article.news';
const NOTE: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'a conflict' };

type Step = 'publish' | 'edit' | 'new conflict' | 'close';

/** Runs the steps against one open article; returns, per publish step, the number of diagnostics sent (or null: nothing sent). */
async function check(steps: Step[]): Promise<(number | null)[]> {
  let version = 1;
  const sent: { version?: number; diagnostics: Diagnostic[] }[] = [];
  const record = { uri: URI, isArticle: true, analysis: { diagnostics: [] } } as unknown as ArticleRecord;
  const ctx = {
    documents: { get: (uri: string) => (uri === URI ? { uri, version } : undefined), all: () => [] },
    recordFor: async () => record,
    connection: { sendDiagnostics: async (p: { version?: number; diagnostics: Diagnostic[] }) => void sent.push(p) },
  } as unknown as ServerContext;
  const publisher = new DiagnosticsPublisher(ctx);
  const conflicts: Diagnostic[] = [];
  publisher.addSource(() => conflicts.slice());
  const out: (number | null)[] = [];
  for (const step of steps) {
    if (step === 'edit') version++;
    else if (step === 'new conflict') conflicts.push(NOTE);
    // Closed (the server's close handler cancels), and opened again at once with the same version.
    else if (step === 'close') publisher.cancel(URI);
    else {
      const before = sent.length;
      await publisher.publish(URI);
      out.push(sent.length > before ? sent[sent.length - 1].diagnostics.length : null);
    }
  }
  return out;
}

test('diagnostics: the same list for the same version is sent once', async () => {
  assert.deepEqual(await check(['publish', 'publish', 'publish']), [0, null, null]);
});

test('diagnostics: a new version or a changed list is sent', async () => {
  assert.deepEqual(await check(['publish', 'edit', 'publish', 'new conflict', 'publish', 'publish']), [0, 0, 1, null]);
});

test('diagnostics: after a close the document is sent its list again', async () => {
  assert.deepEqual(await check(['new conflict', 'publish', 'close', 'publish']), [1, 1]);
});

/**
 * A publish is waiting for the analysis of the open version when something asks for the document's diagnostics
 * again (a conflict check run as that analysis is stored). Returns how many times the diagnostics were built
 * and the versions sent.
 */
async function askedAgain(editMeanwhile: boolean): Promise<{ built: number; sent: (number | undefined)[] }> {
  let version = 1;
  let release: (r: ArticleRecord) => void = () => undefined;
  const record = { uri: URI, isArticle: true, analysis: { diagnostics: [] } } as unknown as ArticleRecord;
  let first = true;
  const sent: (number | undefined)[] = [];
  const ctx = {
    documents: { get: (uri: string) => (uri === URI ? { uri, version } : undefined), all: () => [] },
    // The first analysis arrives when released; later ones at once.
    recordFor: () => (first ? ((first = false), new Promise<ArticleRecord>((resolve) => (release = resolve))) : Promise.resolve(record)),
    connection: { sendDiagnostics: async (p: { version?: number }) => void sent.push(p.version) },
  } as unknown as ServerContext;
  const publisher = new DiagnosticsPublisher(ctx);
  let built = 0;
  publisher.addSource(() => (built++, []));
  const publishing = publisher.publish(URI);
  if (editMeanwhile) version++;
  publisher.schedule(URI, 0);
  release(record);
  await publishing;
  // Whatever schedule() set going has run once its timer fired.
  for (let i = 0; i < 50 && sent.length < (editMeanwhile ? 1 : 2); i++) await new Promise((r) => setTimeout(r, 5));
  return { built, sent };
}

test('diagnostics: asked again while the same version is being analysed, they are built and sent once', async () => {
  assert.deepEqual(await askedAgain(false), { built: 1, sent: [1] });
});

test('diagnostics: asked again for a newer version while the old one is analysed, the newer one is sent', async () => {
  assert.deepEqual(await askedAgain(true), { built: 1, sent: [2] });
});

test('diagnostics: held while a source is still working a document out, sent once it is done', async () => {
  let busy = true;
  const sent: number[] = [];
  const record = { uri: URI, isArticle: true, analysis: { diagnostics: [] } } as unknown as ArticleRecord;
  const ctx = {
    documents: { get: (uri: string) => (uri === URI ? { uri, version: 1 } : undefined), all: () => [] },
    recordFor: async () => record,
    connection: { sendDiagnostics: async (p: { diagnostics: Diagnostic[] }) => void sent.push(p.diagnostics.length) },
  } as unknown as ServerContext;
  const publisher = new DiagnosticsPublisher(ctx);
  publisher.addSource(() => [NOTE]);
  publisher.holdWhile((uri) => uri === URI && busy);
  await publisher.publish(URI);
  assert.deepEqual(sent, []);
  busy = false;
  await publisher.publish(URI);
  assert.deepEqual(sent, [1]);
});

/**
 * Two publishes of one document overlap: a long list waits a turn before it is sent, and meanwhile another
 * publish (a settled conflict check) or an edit comes. Returns, in order, the number of diagnostics sent.
 */
async function overtaken(meanwhile: 'another publish' | 'edit'): Promise<number[]> {
  let version = 1;
  const record = { uri: URI, isArticle: true, analysis: { diagnostics: [] } } as unknown as ArticleRecord;
  const sent: number[] = [];
  const ctx = {
    documents: { get: (uri: string) => (uri === URI ? { uri, version } : undefined), all: () => [] },
    recordFor: async () => record,
    connection: { sendDiagnostics: async (p: { diagnostics: Diagnostic[] }) => void sent.push(p.diagnostics.length) },
  } as unknown as ServerContext;
  const publisher = new DiagnosticsPublisher(ctx);
  // Long enough to be sent a turn later; one more conflict for the second publish.
  let count = 2000;
  publisher.addSource(() => Array.from({ length: count }, () => NOTE));
  const first = publisher.publish(URI);
  // Let the first publish build its list and start waiting for its turn (a few microtasks: before that turn).
  for (let i = 0; i < 5; i++) await null;
  count++;
  if (meanwhile === 'edit') version++;
  const second = publisher.publish(URI);
  await Promise.all([first, second]);
  return sent;
}

test('diagnostics: a long list overtaken while it waits to be sent is dropped; the newer one goes', async () => {
  assert.deepEqual(await overtaken('another publish'), [2001]);
  assert.deepEqual(await overtaken('edit'), [2001]);
});
