// Steps on one open article: open it, hover places, check semantic highlighting, find our commands.
import { Step } from '../lib/scenario';
import { goTo, hasCommand, hoverAtCursor, openFile, positionOf, runCommand } from '../lib/workbench';
import { waitFor } from '../lib/poll';
import { commandWithLabel } from '../lib/tree';

export const SAMPLE = '2017-09-02-army-advances-in-hama.txt';

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
