// What `npm run package` puts in dist/dateline.vsix: everything the extension loads at run time, nothing else
// (no source maps, no webview CSS sources). Asks vsce itself which files it would ship.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const built = fs.existsSync(path.join(ROOT, 'dist', 'server.js'));

/** The files vsce would package, relative to the project root. */
function shipped(): string[] {
  const r = spawnSync(process.execPath, [VSCE, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
}

/** Every file package.json points to (entry point, icons, grammars, schemas, language configuration). */
function manifestFiles(): string[] {
  const c = pkg.contributes;
  const paths = [
    pkg.main,
    pkg.icon,
    ...c.viewsContainers.activitybar.map((v: { icon: string }) => v.icon),
    ...c.grammars.map((g: { path: string }) => g.path),
    ...c.jsonValidation.map((j: { url: string }) => j.url),
    ...c.languages.map((l: { configuration?: string }) => l.configuration).filter(Boolean),
  ];
  return paths.map((p: string) => path.posix.normalize(p.replace(/^\.\//, '')));
}

test('packaging: the vsix ships every file the manifest and the webviews load, and no source maps or CSS sources', { skip: !built && 'dist/ not built (npm test builds first)' }, () => {
  const files = new Set(shipped());
  const webviews = ['dist/media/timeline.js', 'dist/media/timeline.css', 'dist/media/map.js', 'dist/media/map.css'];
  for (const f of [...manifestFiles(), ...webviews, 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/data/gazetteer.bin', 'CHANGELOG.md']) {
    assert.ok(files.has(f), `${f} is not packaged`);
  }
  const unwanted = [...files].filter((f) => f.endsWith('.map') || /^media\/[^/]+\.css$/.test(f) || f.startsWith('media/src/'));
  assert.deepEqual(unwanted, []);
});

test('packaging: the marketplace icon is a 128×128 PNG', () => {
  const png = fs.readFileSync(path.join(ROOT, pkg.icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  // IHDR: width and height, big-endian, right after the 8-byte signature and the chunk's length and type.
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
});
