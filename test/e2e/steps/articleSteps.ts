// Steps on one open article: open it, hover places, check semantic highlighting, find our commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Step } from '../lib/scenario';
import { generateArticle } from '../../../scripts/bench/newsCorpus';
import { goTo, hasCommand, hoverAtCursor, openByPath, openFile, positionOf, runCommand } from '../lib/workbench';
import { waitFor } from '../lib/poll';
import { commandWithLabel } from '../lib/tree';

export const SAMPLE = '2017-09-02-army-advances-in-hama.txt';
/** A 200 KB report hoverInLongReport writes into the workspace (our own generated news text). */
const LONG_REPORT = 'long-report.txt';

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export const openArticle: Step = {
  name: 'open a sample article',
  async run({ page }) {
    await openFile(page, SAMPLE);
    const lines = await page.locator('.editor-instance .view-line').count();
    return `editor tab "${SAMPLE}" active, ${lines} lines rendered`;
  },
};

/** Hover on a place: its canonical name, region, country and coordinates. */
function hoverPlace(word: string, occurrence: number, expect: { name: RegExp; country: RegExp }): Step {
  return {
    name: `hover the place "${word}"`,
    async run({ page, read }) {
      const { line, column } = positionOf(read(SAMPLE), word, occurrence);
      await goTo(page, line, column);
      const text = await hoverAtCursor(page, /\d+\.\d+°[NS]/);
      const problems: string[] = [];
      if (!expect.name.test(text)) problems.push(`no name ${expect.name}`);
      if (!expect.country.test(text)) problems.push(`no country ${expect.country}`);
      if (!/\d+\.\d+°[NS], \d+\.\d+°[EW]/.test(text)) problems.push('no coordinates');
      if (problems.length) throw new Error(`hover "${oneLine(text)}": ${problems.join(', ')}`);
      await page.keyboard.press('Escape');
      return `hover at ${line}:${column}: "${oneLine(text)}"`;
    },
  };
}

export const hoverUqayribat = hoverPlace('Uqayribat', 1, { name: /Uqayribat/, country: /Syria/ });
export const hoverRaqqa = hoverPlace('Raqqa', 1, { name: /Raqqa/, country: /Syria/ });

/** Semantic highlighting, read from VS Code's own token inspector. */
function semanticToken(word: string, type: string): Step {
  return {
    name: `semantic token of "${word}" is "${type}"`,
    async run({ page, read }) {
      const { line, column } = positionOf(read(SAMPLE), word);
      await goTo(page, line, column);
      await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
      const text = await waitFor('the token inspector to show a semantic token type', async () => {
        const t = (await page.locator('.token-inspect-widget').allInnerTexts()).join('\n');
        return /semantic token type/.test(t) ? t : null;
      }, { timeout: 20_000 });
      await page.keyboard.press('Escape');
      const m = /semantic token type\s+(\S+)/.exec(text);
      const modifiers = /modifiers\s+([^\n]+)/.exec(text)?.[1]?.trim();
      if (!m || m[1] !== type) throw new Error(`token inspector says semantic token type "${m?.[1] ?? 'none'}" for "${word}"`);
      return `inspector on "${word}" at ${line}:${column}: semantic token type ${m[1]}${modifiers ? `, modifiers ${modifiers}` : ''}`;
    },
  };
}

export const placeToken = semanticToken('Uqayribat', 'place');
export const dateToken = semanticToken('Aug. 18', 'date');

export const commandPalette: Step = {
  name: 'command palette lists the Dateline commands',
  async run({ page }) {
    const labels = ['Dateline: Build timeline', 'Dateline: Reanalyze workspace', 'Dateline: Show map'].filter((l) => commandWithLabel(l) !== null);
    if (!labels.includes('Dateline: Build timeline')) throw new Error('package.json does not contribute "Dateline: Build timeline"');
    const missing: string[] = [];
    for (const label of labels) if (!(await hasCommand(page, label))) missing.push(label);
    if (missing.length) throw new Error(`not in the palette: ${missing.join(', ')}`);
    return `palette lists ${labels.map((l) => `"${l}"`).join(', ')}`;
  },
};

/**
 * A place in a long report: from 128 K characters the server analyses a document in a worker thread. The hover
 * must come as in a short article, and the Dateline output log must say the worker started (it falls back to
 * its own thread, silently, when a worker cannot start inside the extension host).
 */
export const hoverInLongReport: Step = {
  name: 'hover a place in a 200 KB report (analysed in a worker thread)',
  async run({ page, read, workspace }) {
    fs.writeFileSync(path.join(workspace, LONG_REPORT), generateArticle(4711, 200 * 1024));
    // One editor group, so the new tab is the active one openFile looks for.
    await runCommand(page, 'View: Close All Editor Groups');
    await openByPath(page, path.join(workspace, LONG_REPORT));
    const { line, column } = positionOf(read(LONG_REPORT), 'Palmyra', 40);
    await goTo(page, line, column);
    const text = await hoverAtCursor(page, /\d+\.\d+°[NS]/);
    await page.keyboard.press('Escape');
    if (!/Palmyra/.test(text) || !/Syria/.test(text)) throw new Error(`hover "${oneLine(text)}": no Palmyra, Syria`);
    const logged = await waitFor('the Dateline output log to say the worker thread started', () => workerLogLine(path.join(path.dirname(workspace), 'user-data', 'logs')), { timeout: 20_000 });
    return `hover at ${line}:${column}: "${oneLine(text).slice(0, 80)}…"; log: "${logged}"`;
  },
};

/** The line of any Dateline output log under `dir` that says the open-document worker started, or null. */
function workerLogLine(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name !== 'Dateline.log') continue;
    const line = fs.readFileSync(path.join(e.parentPath, e.name), 'utf8').split('\n').find((l) => l.includes('analysed in a worker thread'));
    if (line) return line.trim();
  }
  return null;
}
