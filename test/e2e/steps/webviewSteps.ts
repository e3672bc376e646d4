// Steps that open Dateline's webviews: the timeline (issue 7), its handling of hostile article text
// (issue 10 item 4) and the map (issue 11). Webviews live in nested iframes: frames are found by content.
import type { Frame, Page } from 'playwright-core';
import { Step } from '../lib/scenario';
import { waitFor } from '../lib/poll';
import { commandWithLabel, exists } from '../lib/tree';
import { findWebviewFrame, frameTexts, pickQuickItem, runCommand } from '../lib/workbench';

const TIMELINE_WEBVIEW = 'media/src/timeline/main.ts';
const SAMPLE_ARTICLE = '2017-09-02-army-advances-in-hama.txt';
const MAP_COMMAND = 'Dateline: Show map';
/** Events the two samples must put on the timeline, in chronological order (a subset of issue 7's list). */
const ORDERED_EVENTS = [/since 2015.*Deir al-Zour|Deir al-Zour.*since 2015/, /18 Aug 2017.*Uqayribat|Uqayribat.*18 Aug 2017/, /1 Sep 2017.*Uqayribat|Uqayribat.*1 Sep 2017/, /8 Nov 2017.*al-Bukamal|al-Bukamal.*8 Nov 2017/];
/** A place only the hostile fixture mentions: proves its events reached the timeline. */
export const HOSTILE_MARKER = 'Palmyra';
/** Events from the hostile fixture (its places). */
const HOSTILE_EVENT = /Palmyra|Arak/;

async function buildTimeline(page: Page): Promise<void> {
  await runCommand(page, 'Dateline: Build timeline');
  await pickQuickItem(page, 'All articles in the workspace');
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
      const absent = ['1 Sep 2017', 'Uqayribat'].filter((w) => !text.includes(w));
      if (events.length < 3 || absent.length) throw new Error(`Markdown timeline has ${events.length} events, missing ${absent.join(', ')}: ${text.slice(0, 300)}`);
      return `timeline webview not in the tree yet (${TIMELINE_WEBVIEW}): Markdown chronology with ${events.length} events, e.g. "${events[0].trim()}"`;
    }
    const frame = await findWebviewFrame(page, 'the timeline with "Uqayribat"', (t) => t.includes('Uqayribat'), 45_000);
    timelineFrame = frame;
    const events = await waitFor('the expected sample events in the timeline', async () => {
      const ev = await eventLabels(frame);
      return ORDERED_EVENTS.every((o) => ev.some((e) => o.test(e.text))) ? ev : null;
    }, { timeout: 20_000 }).catch(async (e) => {
      const ev = await eventLabels(frame).catch(() => []);
      const missing = ORDERED_EVENTS.filter((o) => !ev.some((x) => o.test(x.text)));
      throw new Error(`${(e as Error).message}; missing ${missing.join(', ')}; ${ev.length} events: ${ev.slice(0, 12).map((x) => `"${x.text.slice(0, 80)}"`).join('; ')}`);
    });
    // On a horizontal time axis, chronology is left-to-right position.
    const xs = ORDERED_EVENTS.map((o) => Math.min(...events.filter((e) => o.test(e.text)).map((e) => e.left)));
    const outOfOrder = ORDERED_EVENTS.slice(1).filter((o, i) => xs[i + 1] < xs[i]);
    if (outOfOrder.length) throw new Error(`events out of chronological order on the axis: ${outOfOrder.join(', ')} (x = ${xs.join(', ')})`);
    const shown = events.filter((e) => ORDERED_EVENTS.some((o) => o.test(e.text)));
    return `${events.length} events in the webview; in order left to right: ${shown.slice(0, 6).map((e) => `"${e.text.slice(0, 90)}"`).join('; ')}`;
  },
};

/** Each event box in the timeline webview: its accessible label (or text) and its left edge. */
async function eventLabels(frame: Frame): Promise<{ id: string; text: string; left: number }[]> {
  const ev = await frame.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="timeline-event"]')).map((e) => ({
      id: e.getAttribute('data-event-id') ?? '',
      text: ((e.getAttribute('aria-label') || (e as HTMLElement).innerText || '') as string).replace(/\s+/g, ' ').trim(),
      left: e.getBoundingClientRect().left + ((e.closest('[data-testid="timeline-scroll"]') as HTMLElement | null)?.scrollLeft ?? 0),
    })),
  );
  return ev.sort((a, b) => a.left - b.left);
}

/** A double-click on an event opens its article at the sentence (webview → extension message → editor). */
export const timelineOpensSentence: Step = {
  name: 'double-clicking a timeline event opens its sentence',
  missing: () => (exists(TIMELINE_WEBVIEW) ? null : `timeline webview not in the tree yet (${TIMELINE_WEBVIEW}, issue 7)`),
  async run({ page, read }) {
    if (!timelineFrame || timelineFrame.isDetached()) throw new Error('the timeline webview is not open (the previous step failed)');
    const frame = timelineFrame;
    const target = (await eventLabels(frame)).find((e) => ORDERED_EVENTS[2].test(e.text));
    if (!target) throw new Error('no "1 Sep 2017 … Uqayribat" event to open');
    await frame.locator(`[data-testid="timeline-event"][data-event-id="${target.id.replace(/["\\]/g, '\\$&')}"]`).first().dblclick({ timeout: 10_000 });
    // The sentence "On Friday the army seized Uqayribat, …" is on the line of the first "seized Uqayribat".
    const line = read(SAMPLE_ARTICLE).split('\n').findIndex((l) => l.includes('seized Uqayribat')) + 1;
    const status = await waitFor(`the editor of ${SAMPLE_ARTICLE} with the cursor on line ${line}`, async () => {
      const tab = await page.locator('.tabs-container .tab.active').first().getAttribute('aria-label').catch(() => null);
      const labels = await page.locator('.statusbar-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''));
      const ln = labels.find((l) => /Ln \d+, Col \d+/.test(l));
      return tab?.includes(SAMPLE_ARTICLE) && ln?.includes(`Ln ${line},`) ? ln : null;
    }, { timeout: 15_000 });
    return `double-click on "${target.text.slice(0, 60)}" → ${SAMPLE_ARTICLE} at ${status}`;
  },
};

interface Inertness {
  pwned: string | null;
  handlerAttributes: string[];
  javascriptUrls: number;
  payloadScripts: number;
  strayImages: number;
  csp: string | null;
  markupAsText: boolean;
}

/** Looks for anything the hostile article could have turned into live markup inside one frame. */
async function inertness(frame: Frame): Promise<Inertness> {
  return frame.evaluate(() => {
    const all = Array.from(document.querySelectorAll('*'));
    return {
      pwned: document.body.dataset.pwned ?? (window as unknown as { __pwned?: string }).__pwned ?? null,
      // Inline event handlers (onerror=, onload=…): neither VS Code's frame nor our webview uses them.
      handlerAttributes: all.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `<${e.tagName.toLowerCase()} ${a.name}>`)),
      javascriptUrls: all.filter((e) => ['href', 'src', 'action', 'formaction', 'xlink:href'].some((n) => /^\s*javascript:/i.test(e.getAttribute(n) ?? ''))).length,
      payloadScripts: Array.from(document.querySelectorAll('script')).filter((s) => /pwned|alert\(/.test(s.textContent ?? '')).length,
      strayImages: Array.from(document.querySelectorAll('img')).filter((e) => e.getAttribute('src') === 'x').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
      markupAsText: /<script|onerror=|javascript:|<\/textarea>/i.test(document.body.innerText),
    };
  });
}

export const hostileTimeline: Step = {
  name: 'hostile article text renders inert in the timeline',
  missing: () => (exists(TIMELINE_WEBVIEW) ? null : `timeline webview not in the tree yet (${TIMELINE_WEBVIEW}, issue 7)`),
  async run({ page, dialogs }) {
    const frame =
      timelineFrame && !timelineFrame.isDetached()
        ? timelineFrame
        : (await buildTimeline(page), await findWebviewFrame(page, 'the timeline', (t) => t.includes('Uqayribat'), 45_000));
    const hostile = await waitFor(`the hostile article's events ("${HOSTILE_MARKER}") in the timeline`, async () => {
      const labels = await eventLabels(frame);
      const hits = labels.filter((l) => HOSTILE_EVENT.test(l.text));
      return hits.some((l) => l.text.includes(HOSTILE_MARKER)) ? hits : null;
    }, { timeout: 20_000 });
    // Select each hostile event so its details (sentence, source, article headline: all untrusted) are rendered too.
    let markupShown = 0;
    const seen: string[] = [];
    for (const ev of hostile.slice(0, 6)) {
      await frame.locator(`[data-testid="timeline-event"][data-event-id="${ev.id.replace(/["\\]/g, '\\$&')}"]`).first().click({ timeout: 10_000 });
      // The details first say "loading its reports…" (the brief's summary names the place too): wait for the reports.
      const details = await waitFor('the selected event\u2019s reports in its details', async () => {
        const t = await frame.locator('[data-testid="event-details"]').first().innerText().catch(() => '');
        return HOSTILE_EVENT.test(t) && !/loading its reports/.test(t) ? t : null;
      }, { timeout: 10_000 });
      seen.push(details.replace(/\s+/g, ' ').slice(0, 160));
      if (/<img src=x|<\/textarea>|<script>|javascript:/.test(details)) markupShown++;
    }
    if (markupShown === 0) throw new Error(`no hostile event\u2019s details show the article\u2019s markup as text (sentence missing or altered): ${seen.map((t) => `"${t}"`).join('; ')}`);
    // Check every frame, not only the timeline's: the payload must not run anywhere.
    let timelineReport: Inertness | null = null;
    for (const { frame: f, url } of await frameTexts(page)) {
      const r = await inertness(f).catch(() => null);
      if (!r) continue;
      const bad = [
        r.pwned && `payload ran (${r.pwned})`,
        r.handlerAttributes.length && `inline handlers ${r.handlerAttributes.slice(0, 3).join(', ')}`,
        r.javascriptUrls && `${r.javascriptUrls} javascript: URLs`,
        r.payloadScripts && `${r.payloadScripts} <script> elements carrying the article's payload`,
        r.strayImages && `${r.strayImages} <img src=x> from article text`,
      ].filter(Boolean);
      if (bad.length) throw new Error(`frame ${url.slice(0, 100)}: ${bad.join(', ')}`);
      if (f === frame) timelineReport = r;
    }
    if (!timelineReport) throw new Error('could not inspect the timeline frame');
    const csp = timelineReport.csp ?? '';
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    if (!csp) throw new Error('the timeline document has no Content-Security-Policy meta tag');
    if (!/'nonce-/.test(scriptSrc) || /unsafe-inline|unsafe-eval|https?:|\*/.test(scriptSrc)) throw new Error(`weak script-src in the timeline CSP: "${scriptSrc}"`);
    if (dialogs.length) throw new Error(`article text opened ${dialogs.length} dialog(s): ${dialogs.join(', ')}`);
    return `${hostile.length} hostile-article event(s), e.g. "${hostile[0].text.slice(0, 90)}"; ${markupShown} selected event(s) show the markup as literal text; no payload ran in any frame, no inline handlers, javascript: URLs or <img src=x>; CSP script-src "${scriptSrc}"; no dialogs`;
  },
};

/** Each map marker's accessible label ("Raqqa: held by … since … — 5 mentions"). */
async function markerLabels(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="map-marker"]')).map((e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

const MAP_PLACES = ['Raqqa', 'Uqayribat', 'al-Bukamal'];
let mapFrame: Frame | null = null;

export const map: Step = {
  name: 'Dateline: Show map shows markers for the samples\u2019 places',
  missing: () => (commandWithLabel(MAP_COMMAND) ? null : `package.json contributes no "${MAP_COMMAND}" command yet (issue 11)`),
  async run({ page }) {
    await runCommand(page, MAP_COMMAND);
    // Like the timeline, the map asks for its scope: take the whole workspace.
    await pickQuickItem(page, 'All articles in the workspace');
    // The map's frame is the one with markers (the timeline's frame names the same places).
    const frame = await waitFor('a webview with map markers', async () => {
      for (const { frame: f } of await frameTexts(page)) if (f.childFrames().length === 0 && (await markerLabels(f).catch(() => [])).length) return f;
      return null;
    }, { timeout: 45_000, interval: 300 });
    mapFrame = frame;
    const labels = await waitFor(`map markers labelled ${MAP_PLACES.join(', ')}`, async () => {
      const ls = await markerLabels(frame);
      return MAP_PLACES.every((w) => ls.some((l) => l.startsWith(`${w}:`) || l.startsWith(w))) ? ls : null;
    }, { timeout: 30_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message}; markers: ${(await markerLabels(frame).catch(() => [])).slice(0, 10).map((l) => `"${l}"`).join(', ')}`);
    });
    const date = await frame.locator('[data-testid="map-date"]').first().innerText().catch(() => '?');
    const shown = MAP_PLACES.map((w) => labels.find((l) => l.startsWith(w))!);
    return `${labels.length} markers on ${date}; ${shown.map((l) => `"${l}"`).join('; ')}`;
  },
};

/** Issue 11's "done when": who holds what at two dates, read from the marker labels after moving the slider. */
const CONTROL_AT: { date: string; expect: [string, RegExp][] }[] = [
  // Contested with both sides: the SDF in the old city, IS holding out.
  { date: '2017-09-02', expect: [['Raqqa', /contested \(Syrian Democratic Forces in the old city vs Islamic State\)/], ['Uqayribat', /held by Syrian Arab Army/]] },
  { date: '2017-11-15', expect: [['Raqqa', /held by Syrian Democratic Forces/], ['al-Bukamal', /held by Syrian Arab Army/]] },
];

export const mapControl: Step = {
  name: 'map slider shows who held Raqqa, Uqayribat and al-Bukamal on 2 Sep and 15 Nov 2017',
  missing: () => (commandWithLabel(MAP_COMMAND) ? null : `package.json contributes no "${MAP_COMMAND}" command yet (issue 11)`),
  async run() {
    if (!mapFrame || mapFrame.isDetached()) throw new Error('the map webview is not open (the previous step failed)');
    const frame = mapFrame;
    const seen: string[] = [];
    for (const { date, expect } of CONTROL_AT) {
      // The slider counts days from the start of the range: derive that start from the current date and value.
      await frame.evaluate((target) => {
        const slider = document.querySelector('[data-testid="map-slider"]') as HTMLInputElement | null;
        const shown = document.querySelector('[data-testid="map-date"]')?.textContent ?? '';
        if (!slider || !/^\d{4}-\d{2}-\d{2}$/.test(shown)) throw new Error(`no date slider (date shown: "${shown}")`);
        const day = 86_400_000;
        const from = Date.parse(`${shown}T00:00:00Z`) - Number(slider.value) * day;
        slider.value = String(Math.round((Date.parse(`${target}T00:00:00Z`) - from) / day));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }, date);
      await waitFor(`the map to show ${date}`, async () => (await frame.locator('[data-testid="map-date"]').first().innerText()) === date, { timeout: 10_000 });
      const labels = await markerLabels(frame);
      for (const [place, re] of expect) {
        const label = labels.find((l) => l.startsWith(`${place}:`));
        if (!label || !re.test(label)) throw new Error(`on ${date}: ${place} should match ${re}, marker says "${label ?? 'no marker'}"`);
        seen.push(`${date} "${label}"`);
      }
    }
    return seen.join('; ');
  },
};
