// Steps that open Dateline's webviews: the timeline (issue 7), its handling of hostile article text
// (issue 10 item 4) and the map (issue 11). Webviews live in nested iframes: frames are found by content.
import type { Frame, Page } from 'playwright-core';
import { Step } from '../lib/scenario';
import { waitFor } from '../lib/poll';
import { commandLabel, exists } from '../lib/tree';
import { findWebviewFrame, frameTexts, pickQuickItem, runCommand } from '../lib/workbench';

const TIMELINE_WEBVIEW = 'media/src/timeline/main.ts';
/** What the two samples together must put on the timeline (a subset of issue 7's list). */
const SAMPLE_EVENTS = ['since 2015', '18 Aug 2017', '1 Sep 2017', '8 Nov 2017', 'Uqayribat', 'Raqqa', 'al-Bukamal'];
/** A place only the hostile fixture mentions: proves its events reached the timeline. */
export const HOSTILE_MARKER = 'Palmyra';

async function buildTimeline(page: Page): Promise<void> {
  await runCommand(page, 'Dateline: Build timeline');
  await pickQuickItem(page, 'All articles in the workspace');
}

function missingFrom(text: string, wanted: string[]): string[] {
  return wanted.filter((w) => !text.includes(w));
}

let timelineFrame: Frame | null = null;

export const timeline: Step = {
  name: 'Dateline: Build timeline shows the samples\u2019 events',
  async run({ page }) {
    await buildTimeline(page);
    if (!exists(TIMELINE_WEBVIEW)) {
      // Before the webview lands the command opens a Markdown chronology: check that one instead, and say so.
      const text = await waitFor('an editor with the "# Timeline" chronology', async () => {
        const t = await page.locator('.editor-instance .view-lines').first().innerText().catch(() => '');
        return /# Timeline/.test(t) ? t : null;
      }, { timeout: 30_000 });
      const events = text.split('\n').filter((l) => /^- /.test(l.trim()));
      const absent = missingFrom(text, ['1 Sep 2017', 'Uqayribat']);
      if (events.length < 3 || absent.length) throw new Error(`Markdown timeline has ${events.length} events, missing ${absent.join(', ')}: ${text.slice(0, 300)}`);
      return `timeline webview not in the tree yet (${TIMELINE_WEBVIEW}): Markdown chronology with ${events.length} events, e.g. "${events[0].trim()}"`;
    }
    const frame = await findWebviewFrame(page, 'the timeline with "Uqayribat"', (t) => t.includes('Uqayribat'), 45_000);
    timelineFrame = frame;
    const text = await waitFor('every expected sample event in the timeline', async () => {
      const t = await frame.evaluate(() => document.body.innerText);
      return missingFrom(t, SAMPLE_EVENTS).length === 0 ? t : null;
    }, { timeout: 20_000 }).catch(async (e) => {
      const t = await frame.evaluate(() => document.body.innerText).catch(() => '');
      throw new Error(`${(e as Error).message}; missing ${missingFrom(t, SAMPLE_EVENTS).join(', ')}; webview text: ${t.replace(/\s+/g, ' ').slice(0, 400)}`);
    });
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    const eventLines = lines.filter((l) => /\b(19|20)\d\d\b/.test(l));
    return `webview shows ${SAMPLE_EVENTS.map((s) => `"${s}"`).join(', ')}; ${eventLines.length} dated lines, e.g. ${eventLines.slice(0, 4).map((l) => `"${l.slice(0, 90)}"`).join('; ')}`;
  },
};

interface Inertness {
  pwned: string | null;
  imgWithHandlers: number;
  javascriptLinks: number;
  scriptsWithoutNonce: number;
  iframesOrObjects: number;
  markupAsText: boolean;
}

/** Looks for anything the hostile article could have turned into live markup inside one frame. */
async function inertness(frame: Frame): Promise<Inertness> {
  return frame.evaluate(() => ({
    pwned: document.body.dataset.pwned ?? (window as unknown as { __pwned?: string }).__pwned ?? null,
    imgWithHandlers: Array.from(document.querySelectorAll('img, svg image')).filter((e) => Array.from(e.attributes).some((a) => /^on/i.test(a.name)) || e.getAttribute('src') === 'x').length,
    javascriptLinks: Array.from(document.querySelectorAll('[href], [src], [action], [formaction]')).filter((e) =>
      ['href', 'src', 'action', 'formaction'].some((n) => /^\s*javascript:/i.test(e.getAttribute(n) ?? '')),
    ).length,
    scriptsWithoutNonce: Array.from(document.querySelectorAll('script')).filter((s) => !s.nonce && !s.getAttribute('nonce')).length,
    iframesOrObjects: document.querySelectorAll('iframe, object, embed, textarea').length,
    markupAsText: /<script|onerror=|javascript:|<\/textarea>/i.test(document.body.innerText),
  }));
}

export const hostileTimeline: Step = {
  name: 'hostile article text renders inert in the timeline',
  missing: () => (exists(TIMELINE_WEBVIEW) ? null : `timeline webview not in the tree yet (${TIMELINE_WEBVIEW}, issue 7)`),
  async run({ page, dialogs }) {
    const frame =
      timelineFrame && !timelineFrame.isDetached()
        ? timelineFrame
        : (await buildTimeline(page), await findWebviewFrame(page, 'the timeline', (t) => t.includes('Uqayribat'), 45_000));
    await waitFor(`the hostile article's events ("${HOSTILE_MARKER}") in the timeline`, async () => (await frame.evaluate(() => document.body.innerText)).includes(HOSTILE_MARKER), { timeout: 20_000 });
    // Check every webview frame, not only the timeline's: the payload must not run anywhere.
    const reports: string[] = [];
    for (const { frame: f, url } of await frameTexts(page)) {
      if (!/webview|vscode-cdn|fake\.html|index\.html/.test(url) && f !== frame) continue;
      const r = await inertness(f).catch(() => null);
      if (!r) continue;
      const bad = [
        r.pwned && `payload ran (${r.pwned})`,
        r.imgWithHandlers && `${r.imgWithHandlers} <img> from article text`,
        r.javascriptLinks && `${r.javascriptLinks} javascript: links`,
        f === frame && r.scriptsWithoutNonce && `${r.scriptsWithoutNonce} <script> without nonce`,
        f === frame && r.iframesOrObjects && `${r.iframesOrObjects} iframe/object/embed/textarea elements`,
      ].filter(Boolean);
      if (bad.length) throw new Error(`webview frame ${url.slice(0, 80)}: ${bad.join(', ')}`);
      if (f === frame) reports.push(`timeline frame: no payload ran, no <img>/javascript: links/unnonced scripts; markup shown as text: ${r.markupAsText ? 'yes' : 'no'}`);
    }
    if (dialogs.length) throw new Error(`article text opened ${dialogs.length} dialog(s): ${dialogs.join(', ')}`);
    return `${HOSTILE_MARKER} events shown; ${reports.join('; ')}; no dialogs`;
  },
};

export const map: Step = {
  name: 'Dateline: Show map shows markers for the samples\u2019 places',
  missing: () => (commandLabel('dateline.showMap') ? null : 'package.json contributes no "dateline.showMap" command yet (issue 11)'),
  async run({ page }) {
    await runCommand(page, commandLabel('dateline.showMap')!);
    const labelsIn = (f: Frame): Promise<string[]> =>
      f.evaluate(() => {
        const out = new Set<string>();
        for (const e of Array.from(document.querySelectorAll('[aria-label], title, text, [data-label], .marker, .label'))) {
          const v = (e.getAttribute('aria-label') ?? e.getAttribute('data-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (v) out.add(v);
        }
        return [...out];
      });
    const wanted = ['Raqqa', 'Uqayribat', 'al-Bukamal'];
    let frame: Frame | null = null;
    const labels = await waitFor(`map markers labelled ${wanted.join(', ')}`, async () => {
      for (const { frame: f } of await frameTexts(page)) {
        if (f.childFrames().length) continue;
        const ls = await labelsIn(f).catch(() => [] as string[]);
        if (wanted.every((w) => ls.some((l) => l.includes(w)))) {
          frame = f;
          return ls;
        }
      }
      return null;
    }, { timeout: 45_000, interval: 500 });
    const markers = labels.filter((l) => wanted.some((w) => l.includes(w)));
    return `map frame ${frame ? 'found' : '?'}; ${labels.length} labels, marker labels: ${markers.slice(0, 8).map((l) => `"${l.slice(0, 80)}"`).join(', ')}`;
  },
};
