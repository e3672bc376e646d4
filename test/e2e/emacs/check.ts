// Another client that is not ours: Emacs with eglot, configured as docs/editors.md says (dateline.el),
// opens the September sample as plain text (language id "text"), hovers a place and lists the diagnostics.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lib/install';
import { filesMatching } from '../lib/tree';

const ARTICLE = '2017-09-02-army-advances-in-hama.txt';

interface ProbeResult {
  errors?: string[] | null;
  mode?: string;
  connected?: boolean;
  line?: number;
  hover?: string | null;
  diagnostics?: string[];
}

/** Why Emacs cannot run the check here (no emacs, or no eglot package), or null when it can. */
export function emacsMissing(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v emacs'], { encoding: 'utf8' }).stdout.trim();
  if (!which) return 'emacs is not installed (Debian: apt-get install emacs-nox elpa-eglot)';
  const r = spawnSync('emacs', ['--batch', '--eval', "(condition-case nil (progn (require 'eglot) (princ \"ok\")) (error (princ \"no\")))"], {
    encoding: 'utf8',
    env: { ...process.env, HOME: os.tmpdir() },
    timeout: 30_000,
  });
  return r.stdout.includes('ok') ? null : 'emacs has no eglot (Emacs 29+, or Debian: apt-get install elpa-eglot)';
}

/** Runs the probe in `emacs --batch` and checks hover and diagnostics; returns what it saw, throws on failure. */
export async function checkEmacs(resultsDir?: string): Promise<string> {
  const server = path.join(ROOT, 'dist', 'server.js');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-emacs-'));
  try {
    const ws = path.join(tmp, 'articles');
    fs.mkdirSync(ws);
    for (const f of fs.readdirSync(path.join(ROOT, 'samples'))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(ws, f));
    // A project root for eglot (it asks for one otherwise): the folder of articles, marked by .git.
    fs.mkdirSync(path.join(ws, '.git'));
    const out = path.join(tmp, 'probe.json');
    const env = { ...process.env, HOME: tmp, DATELINE_SERVER: server, DATELINE_ARTICLE: path.join(ws, ARTICLE), DATELINE_PROBE_OUT: out };
    const output = await new Promise<string>((resolve) => {
      const child = spawn('emacs', ['--batch', '-l', path.join(__dirname, 'probe.el')], { env, cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (d) => (text += d));
      child.stderr.on('data', (d) => (text += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    if (resultsDir) fs.writeFileSync(path.join(resultsDir, 'emacs.log'), output);
    if (!fs.existsSync(out)) throw new Error(`Emacs wrote no probe result: ${output.trim().split('\n').slice(-5).join(' | ')}`);
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
    const problems: string[] = [...(r.errors ?? [])];
    if (r.connected !== true) problems.push('eglot never connected to the server');
    const hover = r.hover ?? '';
    if (!/Uqayribat/.test(hover) || !/Syria/.test(hover) || !/\d+\.\d+°N, \d+\.\d+°E/.test(hover)) problems.push(`hover lacks name, country or coordinates: "${hover}"`);
    const diagnostics = r.diagnostics ?? [];
    const conflictsLanded = filesMatching('server/src/lsp', /conflict/i).length > 0;
    if (conflictsLanded && !diagnostics.some((d) => d.includes('dateline.conflict.'))) problems.push(`no dateline.conflict.* diagnostic among ${diagnostics.length}`);
    if (problems.length) throw new Error(problems.join('; '));
    return `${r.mode} buffer, hover at line ${r.line}: "${hover.replace(/\s+/g, ' ').slice(0, 120)}"; ${diagnostics.length} Flymake diagnostic(s): ${diagnostics.slice(0, 3).map((d) => `"${d.slice(0, 90)}"`).join('; ') || 'none'}`;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
