// Driving the VS Code workbench in the browser the way a user does: command palette, quick open,
// go to line, hover, views, panels and webviews. Every wait polls for a visible condition.
import type { Frame, Page } from 'playwright-core';
import { waitFor } from './poll';

const QUICK_INPUT = '.quick-input-widget';
const QUICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

/** Opens the command palette (F1) with `text` typed after its ">" prefix (or replacing it when `replacePrefix`). */
async function openQuickInput(page: Page, text: string, replacePrefix: boolean): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await page.locator(`${QUICK_INPUT} input`).first().waitFor({ state: 'visible', timeout: 15_000 });
  if (replacePrefix) await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** The texts of the rows the quick input currently lists. */
export async function quickRows(page: Page): Promise<string[]> {
  return (await page.locator(QUICK_ROWS).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Runs a command from the palette by its full label ("Dateline: Build timeline"); fails when the palette has no such entry. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await openQuickInput(page, label, false);
  await waitFor(`the command palette to list "${label}"`, async () => {
    const rows = await quickRows(page);
    return rows.some((r) => r === label || r.startsWith(`${label} `));
  }, { timeout: 15_000 });
  // The best match is selected first; make sure it is ours before pressing Enter.
  const focused = page.locator(`${QUICK_ROWS}.focused`).first();
  const text = (await focused.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  if (!text.startsWith(label)) {
    await page.locator(QUICK_ROWS, { hasText: label }).first().click();
  } else {
    await page.keyboard.press('Enter');
  }
}

/** Whether the palette offers a command with this label (closes the palette again). */
export async function hasCommand(page: Page, label: string): Promise<boolean> {
  await openQuickInput(page, label, false);
  const found = await waitFor(`the command palette to settle for "${label}"`, async () => {
    const rows = await quickRows(page);
    if (rows.some((r) => r.startsWith(label))) return 'yes';
    if (rows.some((r) => /No matching commands/i.test(r))) return 'no';
    return null;
  }, { timeout: 10_000 }).catch(() => 'no');
  await page.keyboard.press('Escape');
  return found === 'yes';
}

/** Picks an item in an open quick pick (e.g. "All articles in the workspace"). */
export async function pickQuickItem(page: Page, label: string): Promise<string[]> {
  const rows = await waitFor(`a quick pick offering "${label}"`, async () => {
    const r = await quickRows(page);
    return r.some((t) => t.includes(label)) ? r : null;
  }, { timeout: 20_000 });
  await page.locator(QUICK_ROWS, { hasText: label }).first().click();
  return rows;
}

/** Opens a workspace file by name through quick open and waits for its editor tab to be active. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await openQuickInput(page, fileName, true);
  await waitFor(`quick open to list ${fileName}`, async () => (await quickRows(page)).some((r) => r.includes(fileName)), { timeout: 20_000 });
  await page.keyboard.press('Enter');
  await activeEditor(page, fileName);
}

/** Waits until the active editor tab is this file's and its text is shown. */
async function activeEditor(page: Page, fileName: string, timeout = 20_000): Promise<void> {
  await waitFor(`an editor tab for ${fileName}`, async () => {
    const active = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => null);
    return active?.includes(fileName) ?? false;
  }, { timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/**
 * Opens a file by its full path through File: Open File… (the workbench's own path input): unlike quick open
 * it reads the folder when asked, so it finds a file written a moment ago.
 */
export async function openByPath(page: Page, filePath: string): Promise<void> {
  const name = filePath.split('/').pop()!;
  // Once in CI runs, Enter in the dialog opened no editor at all: the dialog is then opened again, up to 3 tries.
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'File: Open File...');
    const input = page.locator(`${QUICK_INPUT} input`).first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills in its starting folder as it opens, and once did so after the path was typed: Enter then
    // opened nothing. The path is typed again until the input holds it and the list offers the file.
    await waitFor(`the path input to hold ${filePath} and offer ${name}`, async () => {
      if ((await input.inputValue()) !== filePath) await input.fill(filePath);
      return (await input.inputValue()) === filePath && (await quickRows(page)).some((r) => r.includes(name));
    }, { timeout: 20_000 });
    await page.keyboard.press('Enter');
    try {
      await activeEditor(page, name, attempt < 3 ? 8_000 : 20_000);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Moves the cursor to a 1-based line and column (quick open's ":line:col") and waits for the status bar to agree. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await openQuickInput(page, `:${line}:${column}`, true);
  await page.keyboard.press('Enter');
  await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () => {
    const labels = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
    return labels.some((l) => l.includes(`Ln ${line}, Col ${column}`));
  }, { timeout: 10_000 });
}

/** 1-based line/column of the n-th occurrence of `word` in `text` (column inside the word, so hovers hit it). */
export function positionOf(text: string, word: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(word, at + 1);
    if (at < 0) throw new Error(`"${word}" (occurrence ${occurrence}) is not in the article`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - (before.lastIndexOf('\n') + 1) + 2;
  return { line, column };
}

/** Shows the hover at the cursor (editor.action.showHover) and returns its text once it has some. */
export async function hoverAtCursor(page: Page, expect: RegExp): Promise<string> {
  let tries = 0;
  let last = '';
  return waitFor(`a hover matching ${expect}`, async () => {
    // Re-trigger now and then: the first request can race the server's first analysis.
    if (tries++ % 10 === 0) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
    }
    last = (await page.locator('.monaco-hover:visible').allInnerTexts()).join('\n').trim();
    return expect.test(last) ? last : null;
  }, { timeout: 30_000, interval: 300 }).catch((e: Error) => {
    throw new Error(`${e.message}; the hover showed ${last ? `"${last.replace(/\s+/g, ' ').slice(0, 200)}"` : 'nothing'}`);
  });
}

/** Every frame whose document has text, with that text: webviews live in nested iframes. */
export async function frameTexts(page: Page): Promise<{ frame: Frame; url: string; text: string }[]> {
  const out: { frame: Frame; url: string; text: string }[] = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    out.push({ frame, url: frame.url(), text });
  }
  return out;
}

/** The innermost webview frame whose text satisfies `accept` (polled). */
export async function findWebviewFrame(page: Page, what: string, accept: (text: string) => boolean, timeout = 30_000): Promise<Frame> {
  return waitFor(`a webview showing ${what}`, async () => {
    const frames = await frameTexts(page);
    const hit = frames.find((f) => accept(f.text) && f.frame.childFrames().length === 0);
    return hit?.frame ?? null;
  }, { timeout, interval: 300 });
}
