// End-to-end tests in a real VS Code (code-server in headless Chromium, driven by playwright-core), then
// LSP clients that are not ours (headless Neovim; Emacs with eglot when installed).
// Run by `npm run test:e2e`, after `npm run package`.
// Prints one line per step: ✓ with what it saw, ✗ with why, or "skipped: <why>" for features not built yet.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { checkNeovim } from '../neovim/check';
import { checkEmacs, emacsMissing } from './emacs/check';
import { CodeServer, installExtension, startCodeServer } from './lib/codeServer';
import { ensureTools, ROOT } from './lib/install';
import { waitFor } from './lib/poll';
import { runScenario, ScenarioContext, Step, StepResult, writeResults } from './lib/scenario';
import { commandPalette, dateToken, hoverInLongReport, hoverRaqqa, hoverUqayribat, openArticle, placeToken } from './steps/articleSteps';
import { datelineView, problemsConflicts, statusBar } from './steps/panelSteps';
import { hostileTimeline, map, mapControl, timeline, timelineOpensSentence } from './steps/webviewSteps';

const STEPS: Step[] = [
  openArticle,
  hoverUqayribat,
  hoverRaqqa,
  placeToken,
  dateToken,
  commandPalette,
  datelineView,
  statusBar,
  problemsConflicts,
  timeline,
  timelineOpensSentence,
  hostileTimeline,
  map,
  mapControl,
  // Last: its report joins the workspace, whose counts the steps above check.
  hoverInLongReport,
];

/** The whole run must end in minutes: a hung browser or server must not hold CI for its 90-minute limit. */
const RUN_LIMIT_MS = 10 * 60_000;

/** Set while code-server runs, so the time limit can kill it instead of leaving it behind. */
let runningServer: CodeServer | null = null;

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** User settings for a quiet, deterministic workbench (no welcome page, chat, minimap, update checks). */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
};

/** A temp workspace: our sample articles plus the e2e fixtures (never ../shared texts). */
function makeWorkspace(tmp: string): string {
  const ws = path.join(tmp, 'articles');
  fs.mkdirSync(ws, { recursive: true });
  for (const dir of ['samples', 'test/e2e/fixtures']) {
    for (const f of fs.readdirSync(path.join(ROOT, dir))) if (f.endsWith('.txt')) fs.copyFileSync(path.join(ROOT, dir, f), path.join(ws, f));
  }
  return ws;
}

function copyLogs(tmp: string, results: string): void {
  // The extension's own output channel and the extension host log, for reading failures after CI.
  const logs = path.join(tmp, 'user-data', 'logs');
  if (!fs.existsSync(logs)) return;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (/^(Dateline\.log|remoteexthost\.log|exthost\.log)$/.test(e.name)) fs.copyFileSync(full, path.join(results, e.name));
    }
  };
  walk(logs);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const results = path.join(ROOT, 'test-results', 'e2e');
  fs.rmSync(results, { recursive: true, force: true });
  fs.mkdirSync(results, { recursive: true });
  const vsix = path.join(ROOT, 'dist', 'dateline.vsix');
  if (!fs.existsSync(vsix)) throw new Error('dist/dateline.vsix is missing: run `npm run package` (`npm run test:e2e` does it first)');
  const log = (line: string): void => console.log(line);

  const tools = ensureTools();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dateline-e2e-'));
  const workspace = makeWorkspace(tmp);
  log(`e2e: ${installExtension(tools, tmp, vsix)}`);
  const server = await startCodeServer(tools, tmp, path.join(results, 'code-server.log'), USER_SETTINGS);
  runningServer = server;
  log(`e2e: code-server on ${server.url} (${((Date.now() - t0) / 1000).toFixed(1)}s since start)`);
  const browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_FLAGS, headless: true });
  const stepResults: StepResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => undefined);
    });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await waitFor('the workbench to show the workspace\u2019s articles in the Explorer', async () => {
      const rows = await page.locator('.explorer-folders-view .monaco-list-row').allInnerTexts();
      return rows.some((r) => r.includes('2017-09-02-army-advances-in-hama.txt'));
    }, { timeout: 90_000, interval: 500 });
    await page.screenshot({ path: path.join(results, '00-workbench.png') });
    log(`e2e: workbench ready (${((Date.now() - t0) / 1000).toFixed(1)}s); scenario:`);
    const ctx: ScenarioContext = {
      page,
      workspace,
      results,
      dialogs,
      read: (f) => fs.readFileSync(path.join(workspace, f), 'utf8'),
    };
    stepResults.push(...(await runScenario(ctx, STEPS, log)));
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    runningServer = null;
    copyLogs(tmp, results);
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  log('e2e: LSP clients that are not ours:');
  const clients: { name: string; missing: () => string | null; run: () => Promise<string> }[] = [
    { name: 'Neovim: hover and diagnostics', missing: () => null, run: () => checkNeovim(tools.nvim, results) },
    { name: 'Emacs (eglot): hover and diagnostics', missing: emacsMissing, run: () => checkEmacs(results) },
  ];
  for (const c of clients) {
    const why = c.missing();
    if (why) {
      stepResults.push({ name: c.name, status: 'skipped', detail: why, ms: 0 });
      log(`  - skipped: ${c.name}: ${why}`);
      continue;
    }
    const start = Date.now();
    try {
      const saw = await c.run();
      stepResults.push({ name: c.name, status: 'passed', detail: saw, ms: Date.now() - start });
      log(`  ✓ ${c.name} (${((Date.now() - start) / 1000).toFixed(1)}s): ${saw}`);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      stepResults.push({ name: c.name, status: 'failed', detail: msg, ms: Date.now() - start });
      log(`  ✗ ${c.name}: ${msg}`);
    }
  }

  const count = (s: StepResult['status']): number => stepResults.filter((r) => r.status === s).length;
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  writeResults(results, stepResults, { seconds: Number(seconds) });
  log(`e2e: ${count('passed')} passed, ${count('skipped')} skipped, ${count('failed')} failed in ${seconds}s (screenshots and logs in test-results/e2e/)`);
  return count('failed') > 0 ? 1 : 0;
}

const limit = setTimeout(() => {
  console.error(`e2e: gave up after ${RUN_LIMIT_MS / 60_000} minutes`);
  runningServer?.kill();
  process.exit(1);
}, RUN_LIMIT_MS);
limit.unref();

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    process.exit(1);
  },
);
