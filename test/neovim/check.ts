// A client that is not ours: headless Neovim (built-in LSP client) runs `node dist/server.js --stdio` for a
// sample article via init.lua; probe.lua asks for a hover on a place and lists the diagnostics. This checks them.
// Part of `npm run test:e2e`; alone: `npm run test:neovim`.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTICLE = '2017-09-02-army-advances-in-hama.txt';

interface ProbeResult {
  attached: boolean;
  initialized: boolean;
  published?: boolean;
  position?: { line: number; character: number };
  hover: string | null;
  diagnostics: { line: number; col: number; message: string; source: string | null; code: string | number | null; severity: number }[];
  errors: string[];
}

/** Whether the conflict diagnostics have landed in the tree (then the check requires one). */
function conflictDiagnosticsLanded(): boolean {
  const dir = path.join(ROOT, 'server', 'src', 'lsp');
  const walk = (d: string): boolean => fs.readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /conflict/i.test(e.name)));
  return fs.existsSync(dir) && walk(dir);
}

function runNvim(nvim: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(nvim, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Runs the probe in headless Neovim and checks hover and diagnostics; returns what it saw, throws on failure. */
export async function checkNeovim(nvim: string, resultsDir?: string): Promise<string> {
  const server = path.join(ROOT, 'dist', 'server.js');
  if (!fs.existsSync(server)) throw new Error('dist/server.js is missing: run `npm run build`');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-nvim-'));
  try {
    const ws = path.join(tmp, 'articles');
    fs.mkdirSync(ws);
    for (const f of fs.readdirSync(path.join(ROOT, 'samples'))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(ws, f));
    const out = path.join(tmp, 'probe.json');
    const wantConflicts = conflictDiagnosticsLanded();
    const env = {
      ...process.env,
      DATELINE_SERVER: server,
      DATELINE_PROBE_OUT: out,
      DATELINE_PROBE_WORD: 'Uqayribat',
      DATELINE_PROBE_CONFLICTS: wantConflicts ? '1' : '0',
      // Keep Neovim's state, logs (lsp.log) and any user config out of the way.
      XDG_CONFIG_HOME: path.join(tmp, 'config'),
      XDG_DATA_HOME: path.join(tmp, 'data'),
      XDG_STATE_HOME: path.join(tmp, 'state'),
      XDG_CACHE_HOME: path.join(tmp, 'cache'),
    };
    const args = ['--headless', '-n', '-i', 'NONE', '-u', path.join(__dirname, 'init.lua'), path.join(ws, ARTICLE), '-c', `luafile ${path.join(__dirname, 'probe.lua')}`];
    const { code, output } = await runNvim(nvim, args, env, ws, 90_000);
    const lspLog = path.join(tmp, 'cache', 'nvim', 'lsp.log');
    if (resultsDir && fs.existsSync(lspLog)) fs.copyFileSync(lspLog, path.join(resultsDir, 'neovim-lsp.log'));
    if (!fs.existsSync(out)) throw new Error(`Neovim wrote no probe result (exit ${code}): ${output.trim().slice(0, 500)}`);
    const r = JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeResult;
    if (resultsDir) fs.writeFileSync(path.join(resultsDir, 'neovim-probe.json'), JSON.stringify(r, null, 2) + '\n');
    const problems: string[] = [...(r.errors ?? [])];
    if (!r.attached) problems.push('the dateline client never attached');
    else if (!r.initialized) problems.push('the server never finished initialize');
    const hover = r.hover ?? '';
    if (!/Uqayribat/.test(hover)) problems.push(`hover lacks the place name: "${hover}"`);
    if (!/Syria/.test(hover)) problems.push('hover lacks the country');
    if (!/\d+\.\d+°[NS], \d+\.\d+°[EW]/.test(hover)) problems.push('hover lacks coordinates');
    if (!r.published) problems.push('the server published no diagnostics for the article');
    const diagnostics = Array.isArray(r.diagnostics) ? r.diagnostics : [];
    const conflicts = diagnostics.filter((d) => typeof d.code === 'string' && d.code.startsWith('dateline.conflict.'));
    if (wantConflicts && conflicts.length === 0) problems.push(`no dateline.conflict.* diagnostic among ${diagnostics.length}`);
    if (problems.length) throw new Error(problems.join('; '));
    const diagText = diagnostics.length
      ? diagnostics.slice(0, 5).map((d) => `${d.line + 1}:${d.col + 1} ${d.code ?? ''} "${d.message.replace(/\s+/g, ' ').slice(0, 100)}"`).join('; ')
      : 'none';
    return `hover at ${r.position!.line + 1}:${r.position!.character + 1}: "${hover.replace(/\s+/g, ' ').trim()}"; ${diagnostics.length} diagnostic(s)${wantConflicts ? '' : ' (conflict diagnostics not in the tree yet: none required)'}: ${diagText}`;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const found = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' }).stdout.trim();
  const nvim = process.env.NVIM_BIN || found;
  if (!nvim) {
    console.error('neovim: nvim not found — install it (Debian: apt-get install neovim) or set NVIM_BIN');
    process.exit(1);
  }
  const t0 = Date.now();
  checkNeovim(nvim).then(
    (saw) => {
      console.log(`✓ Neovim: hover and diagnostics (${((Date.now() - t0) / 1000).toFixed(1)}s): ${saw}`);
    },
    (e) => {
      console.error(`✗ Neovim: hover and diagnostics: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
