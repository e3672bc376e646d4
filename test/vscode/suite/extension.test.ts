/// <reference types="mocha" />
// Extension-host tests: the extension as VS Code loads it, talking to its real language server.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverText, openArticle, positionOf, waitFor } from './helpers';

suite('Dateline in the extension host', () => {
  suiteSetup(async () => {
    await openArticle();
    await waitFor('the Dateline extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
  });

  test('contributes and registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['dateline.buildTimeline', 'dateline.reanalyzeWorkspace']) assert.ok(commands.includes(id), `${id} is not registered`);
  });

  test('hover on a place gives its name, country and coordinates', async () => {
    const doc = await openArticle();
    const text = await waitFor('a hover on Uqayribat', async () => {
      const t = await hoverText(doc, positionOf(doc, 'Uqayribat'));
      return /Uqayribat/.test(t) ? t : null;
    });
    assert.match(text, /Syria/);
    assert.match(text, /\d+\.\d+°N, \d+\.\d+°E/);
  });

  test('semantic tokens mark the place as "place" and the date as "date"', async () => {
    const doc = await openArticle();
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend, 'no semantic tokens legend');
    const tokens = await waitFor('semantic tokens', async () => {
      const t = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', doc.uri);
      return t && t.data.length > 0 ? t : null;
    });
    // Decode the relative (line, start, length, type, modifiers) quintuples.
    const decoded: { line: number; start: number; length: number; type: string }[] = [];
    let line = 0;
    let start = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      line += tokens.data[i];
      start = tokens.data[i] === 0 ? start + tokens.data[i + 1] : tokens.data[i + 1];
      decoded.push({ line, start, length: tokens.data[i + 2], type: legend.tokenTypes[tokens.data[i + 3]] });
    }
    const typeAt = (p: vscode.Position): string | undefined => decoded.find((d) => d.line === p.line && d.start <= p.character && p.character < d.start + d.length)?.type;
    assert.equal(typeAt(positionOf(doc, 'Uqayribat')), 'place');
    assert.equal(typeAt(positionOf(doc, 'Aug. 18')), 'date');
  });

  test('the Outline lists the article\u2019s places', async () => {
    const doc = await openArticle();
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length ? s : null;
    });
    const names: string[] = [];
    const walk = (s: vscode.DocumentSymbol[]): void => s.forEach((x) => (names.push(x.name), walk(x.children ?? [])));
    walk(symbols);
    assert.ok(names.includes('Places'), `no "Places" group in ${names.slice(0, 10).join(', ')}`);
    assert.ok(names.some((n) => n.includes('Uqayribat')), 'Uqayribat is not in the Outline');
  });

  test('conflicting claims about Raqqa\u2019s old city are diagnostics', async () => {
    const doc = await openArticle();
    const conflicts = await waitFor('a dateline.conflict.* diagnostic', () => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => String(typeof x.code === 'object' ? x.code.value : x.code).startsWith('dateline.conflict.'));
      return d.length ? d : null;
    }, 45_000);
    assert.ok(conflicts.some((d) => /Raqqa/.test(d.message)), conflicts.map((d) => d.message).join('\n'));
  });
});
