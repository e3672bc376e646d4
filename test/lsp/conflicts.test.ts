// Conflicts over a real LSP connection: diagnostics with relatedInformation across files, code actions,
// "Mark as reviewed" (written to .dateline/reviewed.json, surviving unrelated edits), and dateline/conflicts.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { ConflictsRequest, ConflictsResult, MarkReviewedCommand, OpenLocationCommand, StatusRequest, StatusResult } from '../../server/src/protocol';

const SAMPLES = path.join(__dirname, '..', '..', 'samples');
let server: TestServer;
let folder: string;
let septUri: string;
let novUri: string;
let septText: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-conflicts-'));
  for (const name of ['2017-09-02-army-advances-in-hama.txt', '2017-11-10-al-bukamal-recaptured.txt']) fs.copyFileSync(path.join(SAMPLES, name), path.join(folder, name));
  // Unknown fields in the reviewed file must survive our writes.
  fs.mkdirSync(path.join(folder, '.dateline'));
  fs.writeFileSync(path.join(folder, '.dateline', 'reviewed.json'), JSON.stringify({ note: 'kept', reviewed: {} }));
  septUri = fileUri(path.join(folder, '2017-09-02-army-advances-in-hama.txt'));
  novUri = fileUri(path.join(folder, '2017-11-10-al-bukamal-recaptured.txt'));
  septText = fs.readFileSync(path.join(folder, '2017-09-02-army-advances-in-hama.txt'), 'utf8');
  server = await startServer({ workspaceFolder: folder });
});
after(async () => {
  await server.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

const conflictDiags = (uri: string, kind: string): Diagnostic[] => (server.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => d.code === `dateline.conflict.${kind}`);

test('lsp conflicts: one diagnostic per claim, on its sentence, with the other claim as related information', async () => {
  await server.open(septUri, septText);
  const extent = await server.waitFor('extent diagnostics', () => (conflictDiags(septUri, 'extent').length === 2 ? conflictDiags(septUri, 'extent') : null), 15_000);
  const lines = septText.split(/\r?\n/);
  for (const d of extent) {
    assert.match(String(d.message), /^Conflicting extent of Syrian Democratic Forces' control over the old city of Raqqa, 2 Sep 2017: full control \(Syrian Democratic Forces\) vs 90 percent \(Syrian Observatory for Human Rights\)$/);
    assert.equal(d.severity, 2, 'warning by default');
    assert.match(lines[d.range.start.line].slice(d.range.start.character), /SDF (said it controlled|held 90 percent)/);
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(d.relatedInformation![0].location.uri, septUri);
  }
  // The prediction is checked against the November article, which is only on disk: related info points there.
  const prediction = await server.waitFor('prediction diagnostic', () => conflictDiags(septUri, 'prediction')[0], 15_000);
  assert.equal(prediction.severity, 3, 'information');
  assert.match(String(prediction.message), /^Prediction fulfilled: Staffan de Mistura expected Syrian Democratic Forces to take Raqqa/);
  assert.equal(prediction.relatedInformation?.[0].location.uri, novUri);
  assert.match(prediction.relatedInformation![0].message, /happened Oct 2017 \(Xinhua, published 2017-11-10\)/);
});

test('lsp conflicts: code actions open the other report and mark as reviewed', async () => {
  const [d] = conflictDiags(septUri, 'prediction');
  assert.ok(d);
  const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: septUri },
    range: d.range,
    context: { diagnostics: [d] },
  });
  const open = actions.find((a) => a.title.startsWith('Open the other report'));
  assert.ok(open, actions.map((a) => a.title).join(', '));
  assert.equal(open.command?.command, OpenLocationCommand);
  assert.equal((open.command?.arguments?.[0] as { uri: string }).uri, novUri);
  const mark = actions.find((a) => a.title === 'Mark conflict as reviewed');
  assert.equal(mark?.command?.command, MarkReviewedCommand);
});

test('lsp conflicts: marking as reviewed removes the diagnostics, keeps a count, and survives unrelated edits', async () => {
  const [d] = conflictDiags(septUri, 'extent');
  const conflictId = (d.data as { conflictId: string }).conflictId;
  await server.connection.sendRequest('workspace/executeCommand', { command: MarkReviewedCommand, arguments: [conflictId] });
  await server.waitFor('extent diagnostics gone', () => conflictDiags(septUri, 'extent').length === 0);
  const file = JSON.parse(fs.readFileSync(path.join(folder, '.dateline', 'reviewed.json'), 'utf8'));
  assert.equal(file.note, 'kept');
  assert.ok(file.reviewed[conflictId], 'stored by conflict id');
  const status = await server.connection.sendRequest<StatusResult>(StatusRequest);
  assert.equal(status.reviewed, 1);
  assert.equal(status.conflicts, 1, 'the prediction check stays open');

  // An edit elsewhere in the article changes offsets but not the conflict: it stays reviewed.
  const edited = septText.replace('Islamic State (IS) fighters kept losing territory', 'Islamic State (IS) fighters, already weakened, kept losing territory');
  assert.notEqual(edited, septText);
  await server.change(septUri, 2, edited);
  await server.waitFor('diagnostics for version 2', () => server.diagnostics.get(septUri)?.version === 2);
  assert.equal(conflictDiags(septUri, 'extent').length, 0);
  assert.equal(conflictDiags(septUri, 'prediction').length, 1);

  const all = await server.connection.sendRequest<ConflictsResult>(ConflictsRequest, { scope: 'workspace' });
  const reviewed = all.conflicts.find((c) => c.id === conflictId);
  assert.ok(reviewed?.reviewed);
  assert.equal(reviewed.kind, 'extent');
  assert.deepEqual(reviewed.claims.map((c) => c.source).sort(), ['Syrian Democratic Forces', 'Syrian Observatory for Human Rights']);
  assert.deepEqual(reviewed.claims.map((c) => c.value).sort(), ['90 percent', 'full control']);
  assert.equal(all.open, 1);
  assert.equal(all.reviewed, 1);
});

test('lsp conflicts: article scope lists the conflicts that touch the article', async () => {
  const r = await server.connection.sendRequest<ConflictsResult>(ConflictsRequest, { scope: 'article', uri: novUri });
  assert.deepEqual(r.conflicts.map((c) => c.kind), ['prediction']);
  const claim = r.conflicts[0].claims.find((c) => c.location.uri === novUri);
  assert.ok(claim);
  assert.match(claim.sentence, /IS lost Raqqa to the SDF last month/);
  assert.equal(claim.article.published, '2017-11-10');
});
