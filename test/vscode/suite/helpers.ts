// Shared helpers for the extension-host tests: open a sample article, poll for a condition.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SAMPLE = '2017-09-02-army-advances-in-hama.txt';
export const EXTENSION_ID = 'dateline.dateline';

/** Polls `probe` until it returns a value (not undefined/null/false); fails naming `what` after `timeout` ms. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeout = 30_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v as T;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens a workspace article in an editor and returns its document. */
export async function openArticle(name = SAMPLE): Promise<vscode.TextDocument> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the sample workspace (see test/vscode/vscode-test.mjs)');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Position just inside the n-th occurrence of `word` in the document. */
export function positionOf(doc: vscode.TextDocument, word: string, occurrence = 1): vscode.Position {
  let at = -1;
  const text = doc.getText();
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(word, at + 1);
    assert.ok(at >= 0, `"${word}" (occurrence ${occurrence}) is not in ${doc.uri.path}`);
  }
  return doc.positionAt(at + 1);
}

/** The text of every hover part at a position. */
export async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
