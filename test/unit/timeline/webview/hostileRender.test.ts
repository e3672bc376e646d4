// Article text is untrusted: rendered through the real DOM-building code (on a DOM shim), a hostile article's
// <script>, <img onerror>, javascript: links and </textarea> end up as inert text, never as elements or attributes
// that load or run anything. And no webview source uses an HTML-parsing API at all.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTimeline, indexTimeline, timelineWindow } from '../../../../server/src/analysis/timeline';
import { DEFAULT_VIEW_STATE } from '../../../../client/src/timeline/messages';
import { timelineCsp, timelineHtml } from '../../../../client/src/timeline/timelineHtml';
import { buildViewModel } from '../../../../media/src/timeline/viewModel';
import { Actions, renderTimeline } from '../../../../media/src/timeline/render';
import { Doc, isAllowedAttribute } from '../../../../media/src/timeline/dom';
import { ShimElement, shimDocument } from '../../../support/domShim';
import { hostileArticle, HOSTILE_SUMMARY } from '../hostileClaims';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

function noop(): Actions {
  const calls: string[] = [];
  const record = (name: string) => (...args: unknown[]) => void calls.push(`${name} ${JSON.stringify(args)}`);
  return { select: record('select'), open: record('open'), setLaneBy: record('setLaneBy'), zoom: record('zoom'), zoomBy: record('zoomBy'), zoomTo: record('zoomTo'), fit: record('fit'), toggle: record('toggle'), setConflictsOnly: record('setConflictsOnly'), setAllSentences: record('setAllSentences'), exportAs: record('exportAs'), refresh: record('refresh'), showOnMap: record('showOnMap') };
}

function renderHostile(): ShimElement {
  const events = buildTimeline([hostileArticle()]);
  // Hostile text in every field the view shows: lanes, places, sources, dates, versions, headlines.
  const evil = events.map((e, i) => ({
    ...e,
    place: `<img src=x onerror=alert(${i})>`,
    actor: `</textarea><script>alert('lane')</script>`,
    versions: [{ conflictId: 'c', kind: '<b>extent</b>', message: '<a href="javascript:alert(5)">x</a>', eventId: events[1 - i]?.id ?? null, summary: '<script>alert(6)</script>', source: 'javascript:alert(7)', modality: 'reported' as const, dateLabel: '<i>x</i>', extent: null, article: null }],
    conflicts: ['c'],
  }));
  const state = { ...DEFAULT_VIEW_STATE, selectedId: evil[0].id };
  const vm = buildViewModel(timelineWindow(indexTimeline(evil), {}, 1), state);
  return renderTimeline(shimDocument as unknown as Doc, { vm, state, title: '<script>alert("title")</script>', articles: 1, loading: false, error: null, note: null, detail: evil[0] }, noop()) as unknown as ShimElement;
}

test('webview: a hostile article renders as inert text', () => {
  const root = renderHostile();
  const tags = new Set([...root.walk()].map((e) => e.tagName));
  for (const bad of ['SCRIPT', 'IMG', 'A', 'IFRAME', 'TEXTAREA', 'OBJECT', 'EMBED', 'LINK', 'STYLE']) assert.ok(!tags.has(bad), `no <${bad.toLowerCase()}> element`);
  for (const el of root.walk()) {
    for (const name of el.attributes.keys()) {
      assert.ok(isAllowedAttribute(name), `attribute ${name} is on the allow-list`);
      assert.ok(!/^on/i.test(name) && !['src', 'href', 'style', 'srcdoc', 'action', 'formaction'].includes(name), `no loading or running attribute (${name})`);
    }
  }
  // The hostile strings are there, whole, as text the user can read.
  const text = [...root.texts()].map((t) => t.data).join('\n');
  assert.ok(text.includes(HOSTILE_SUMMARY), 'summary shown verbatim as text');
  assert.ok(text.includes("</textarea><script>alert('lane')</script>"), 'lane name shown as text');
  assert.ok(text.includes('<script>alert(6)</script>'), 'conflicting version shown as text');
  assert.ok(text.includes('<img src=x onerror=alert(0)>'), 'place shown as text');
  const labels = [...root.walk()].map((e) => e.getAttribute('aria-label') ?? '').join('\n');
  assert.ok(labels.includes(HOSTILE_SUMMARY), 'aria-label carries the text as an attribute value');
});

test('webview: events carry stable hooks for end-to-end tests', () => {
  const root = renderHostile();
  const items = [...root.walk()].filter((e) => e.getAttribute('data-testid') === 'timeline-event');
  assert.equal(items.length, 2);
  for (const item of items) {
    assert.equal(item.getAttribute('role'), 'listitem');
    assert.ok(item.getAttribute('data-event-id'));
    assert.ok((item.getAttribute('aria-label') ?? '').length > 10);
    assert.equal(typeof item.style.left, 'string', 'positioned through the CSSOM');
  }
  assert.equal(items.filter((i) => i.getAttribute('tabindex') === '0').length, 1, 'one tab stop (roving tabindex)');
  const details = [...root.walk()].find((e) => e.getAttribute('data-testid') === 'event-details')!;
  assert.match(details.textContent, /Other versions/);
});

test('webview: controls call their actions', () => {
  const calls: string[] = [];
  const actions = new Proxy({} as Actions, { get: (_t, name) => (...args: unknown[]) => calls.push(`${String(name)}:${JSON.stringify(args)}`) });
  const events = buildTimeline([hostileArticle()]);
  const vm = buildViewModel(timelineWindow(indexTimeline(events), {}, 1), DEFAULT_VIEW_STATE);
  const root = renderTimeline(shimDocument as unknown as Doc, { vm, state: DEFAULT_VIEW_STATE, title: 'T', articles: 1, loading: false, error: null, note: null, detail: null }, actions) as unknown as ShimElement;
  const byTestId = (id: string) => [...root.walk()].find((e) => e.getAttribute('data-testid') === id)!;
  byTestId('export-csv').dispatch('click');
  byTestId('timeline-event').dispatch('click');
  byTestId('timeline-event').dispatch('dblclick');
  assert.deepEqual(calls.map((c) => c.split(':')[0]), ['exportAs', 'select', 'open']);
  assert.equal(calls[0], 'exportAs:["csv"]');
});

test('webview: no source under media/src parses HTML or evaluates strings', () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.(ts|js)$/.test(e.name)) {
        const src = fs.readFileSync(full, 'utf8').replace(/\/\/.*$/gm, '');
        for (const bad of [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\s*\(/, /new\s+Function\s*\(/, /setAttribute\(\s*['"](?:on|src|href|style)/i, /DOMParser/, /createContextualFragment/]) {
          if (bad.test(src)) offenders.push(`${path.relative(ROOT, full)}: ${bad}`);
        }
      }
    }
  };
  walk(path.join(ROOT, 'media', 'src'));
  assert.ok(fs.existsSync(path.join(ROOT, 'media', 'src', 'timeline', 'render.ts')), 'the webview sources are where this test looks');
  assert.deepEqual(offenders, []);
});

test('webview: the HTML shell has a nonce-only CSP and loads bundled assets only', () => {
  const csp = timelineCsp('vscode-webview://abc', 'N0nce+/=');
  assert.equal(csp, "default-src 'none'; script-src 'nonce-N0nce+/='; style-src vscode-webview://abc; img-src vscode-webview://abc data:; font-src vscode-webview://abc");
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  const html = timelineHtml({ cspSource: 'vscode-webview://abc', nonce: 'N0nce', scriptUri: 'vscode-webview://abc/dist/media/timeline.js', styleUri: 'vscode-webview://abc/dist/media/timeline.css', title: 'Timeline: <x>.txt' });
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.deepEqual(scripts, ['<script nonce="N0nce" src="vscode-webview://abc/dist/media/timeline.js">']);
  assert.match(html, /<link rel="stylesheet" href="vscode-webview:\/\/abc\/dist\/media\/timeline\.css">/);
  assert.match(html, /<title>Timeline: &lt;x&gt;\.txt<\/title>/);
  assert.doesNotMatch(html, /https?:\/\//);
});
