// The TextMate grammar, tokenised with VS Code's own engine (vscode-textmate + Oniguruma):
// fixture article in, expected scopes of its key pieces out.
import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { expectJsonFile, FIXTURES } from '../../support/expectFile';

const ROOT = path.join(__dirname, '..', '..', '..');

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(ROOT, 'syntaxes', 'news.tmLanguage.json'), 'utf8'), 'news.tmLanguage.json'),
  });
  const grammar = await registry.loadGrammar('text.news');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** Tokenises a fixture and lists every token that got a news-specific scope: "text → scope". */
async function check(name: string): Promise<void> {
  const grammar = await loadGrammar();
  const lines = fs.readFileSync(path.join(FIXTURES, 'grammar', name), 'utf8').split('\n');
  let state = vsctm.INITIAL;
  const scoped: string[] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const own = t.scopes.filter((s) => s !== 'text.news');
      const text = line.slice(t.startIndex, t.endIndex);
      if (own.length && text.trim()) scoped.push(`${text.trim().slice(0, 50)} → ${own[own.length - 1]}`);
    }
    state = r.ruleStack;
  }
  expectJsonFile(scoped, 'grammar', name.replace(/\.news$/, '.expected.json'));
}

for (const name of fs.readdirSync(path.join(FIXTURES, 'grammar')).filter((f) => f.endsWith('.news'))) {
  test(`grammar: ${name}`, () => check(name));
}
