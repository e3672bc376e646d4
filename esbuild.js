// Builds everything into dist/: the client and server bundles, the CLI, the bench script,
// the webview scripts, and the compiled knowledge data. `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** Node bundles: vscode is provided by the editor, everything else is bundled. */
const nodeEntries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  // dist/server.js loads dist/server-main.js with a V8 code cache (server/src/codeCache.ts).
  { in: 'server/src/serverEntry.ts', out: 'server' },
  { in: 'server/src/main.ts', out: 'server-main' },
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'scripts/bench/main.ts', out: 'bench' },
];

/** Browser bundles for webviews (no Node APIs, no network). */
const webEntries = [
  { in: 'media/src/timeline/main.ts', out: 'media/timeline' },
  { in: 'media/src/map/main.ts', out: 'media/map' },
];

/** Data compilers run before bundling: each writes into dist/data/. */
const dataSteps = ['scripts/data/build-gazetteer.js', 'scripts/data/build-basemap.js', 'scripts/data/build-faction-snapshot.js'];

function existing(entries) {
  return entries.filter((e) => fs.existsSync(path.join(__dirname, e.in)));
}

async function main() {
  fs.mkdirSync(path.join(__dirname, 'dist', 'data'), { recursive: true });
  // A step may return constants for the bundles (`define`), e.g. the key of the data it wrote.
  const define = {};
  for (const step of dataSteps) {
    if (fs.existsSync(path.join(__dirname, step))) Object.assign(define, require(path.join(__dirname, step)).build(path.join(__dirname, 'dist', 'data'), { watch })?.define);
  }
  // jsonc-parser's default (UMD) build requires its parts at run time, which a bundle cannot follow: use its ESM build.
  const alias = { 'jsonc-parser': path.join(__dirname, 'node_modules', 'jsonc-parser', 'lib', 'esm', 'main.js') };
  const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', alias, define };
  const contexts = [];
  for (const e of existing(nodeEntries)) {
    contexts.push(
      await esbuild.context({
        ...common,
        entryPoints: { [e.out]: e.in },
        outdir: 'dist',
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
      }),
    );
  }
  for (const e of existing(webEntries)) {
    contexts.push(
      await esbuild.context({ ...common, entryPoints: { [e.out]: e.in }, outdir: 'dist', platform: 'browser', target: 'es2020', format: 'iife' }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (fs.existsSync(path.join(__dirname, 'dist', 'cli.js'))) fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
