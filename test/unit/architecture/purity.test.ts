// Architecture invariants that a reviewer would otherwise have to remember.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(full));
    else if (e.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push(m[1] ?? m[2] ?? m[3]);
  }
  return found;
}

// The core may import only itself and data files: no editor API, no I/O, no processes, no network.
const FORBIDDEN_IN_CORE = /^(?:vscode|vscode-languageserver.*|vscode-languageclient.*|(?:node:)?(?:fs|fs\/promises|path|child_process|net|http|https|tls|dgram|dns|os|worker_threads|cluster|readline))$/;

test('architecture: server/src/analysis imports no editor API and no I/O modules', () => {
  const offenders: string[] = [];
  for (const file of tsFiles(path.join(ROOT, 'server', 'src', 'analysis'))) {
    for (const spec of importsOf(file)) if (FORBIDDEN_IN_CORE.test(spec)) offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
    const src = fs.readFileSync(file, 'utf8');
    if (/\bprocess\.(?:env|argv|exit|stdout|stderr|cwd)\b/.test(src)) offenders.push(`${path.relative(ROOT, file)} touches process`);
  }
  assert.deepEqual(offenders, []);
});

test('architecture: the protocol module is shared and imports nothing from either side', () => {
  const specs = importsOf(path.join(ROOT, 'server', 'src', 'protocol.ts'));
  assert.deepEqual(specs.filter((s) => /^vscode/.test(s) || s.startsWith('./lsp') || s.includes('client/')), []);
});

test('architecture: the client never imports the analysis core (it renders what the server sends)', () => {
  const offenders = tsFiles(path.join(ROOT, 'client', 'src')).flatMap((f) =>
    importsOf(f).filter((s) => s.includes('server/src/analysis') || s.includes('server/src/lsp')).map((s) => `${path.relative(ROOT, f)} imports ${s}`),
  );
  assert.deepEqual(offenders, []);
});
