// Prepares `npm run test:vscode`: bundles test/vscode/suite/*.test.ts into out/test/vscode/ (the extension
// host loads plain JavaScript; vscode and mocha come from the host) and writes a workspace of sample articles.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'out', 'test', 'vscode');
const workspace = path.join(root, 'out', 'test', 'vscode-workspace');

function main() {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.mkdirSync(workspace, { recursive: true });
  for (const f of fs.readdirSync(path.join(root, 'samples'))) {
    if (f.endsWith('.txt')) fs.copyFileSync(path.join(root, 'samples', f), path.join(workspace, f));
  }
  const suite = path.join(__dirname, 'suite');
  const entries = fs.readdirSync(suite).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(suite, f));
  esbuild.buildSync({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  console.log(`test:vscode: ${entries.length} test file(s) bundled into out/test/vscode, workspace in out/test/vscode-workspace`);
}

main();
