// The timeline webview: keeps the view state, talks to the extension with typed messages, renders, and handles the
// keyboard. Bundled by esbuild into dist/media/timeline.js (with timeline.css); loaded under a nonce-only CSP.
import '../../timeline.css';
import type { TimelineEvent, TimelineWindowResult } from '../../../server/src/protocol';
import { DEFAULT_VIEW_STATE, FromWebview, normalizeState, TimelineViewState, ToWebview, WindowQuery } from '../../../client/src/timeline/messages';
import { Actions, FilterName, renderTimeline } from './render';
import { axisOf, bucketDaysAt, buildViewModel, EventBox, MIN_BOX, ViewModel } from './viewModel';
import { clampZoom, dayOf, ZOOM_PRESETS } from './timeScale';
import { nextBox } from './keyboard';
import { covers, daysOnScreen, isoOfDay } from './window';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

let state: TimelineViewState = normalizeState((vscode.getState() as { view?: unknown } | undefined)?.view ?? DEFAULT_VIEW_STATE);
/** The last window the server sent, the query it answers and the filters it was asked with. */
let win: TimelineWindowResult | null = null;
let loaded: { query: WindowQuery; filters: string } | null = null;
/** Sequence number of the window asked for last: older answers are dropped. */
let seq = 0;
let detail: TimelineEvent | null = null;
let title = 'Timeline';
let loading = true;
let error: string | null = null;
let note: string | null = null;
/** The first window of a scope scrolls to the latest events (the news), not to the oldest background ("since 2015"). */
let first = state.scrollLeft === 0;
let vm: ViewModel = buildViewModel(null, state);

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

function saveState(): void {
  vscode.setState({ view: state });
  post({ type: 'stateChanged', state });
}

/** What the server filters on: a window asked with other filters must be asked again. */
function filtersKey(): string {
  return JSON.stringify([state.hidden, state.conflictsOnly, state.laneBy, state.allDatedSentences]);
}

function scroller(): HTMLElement | null {
  return app.querySelector('.tl-scroll') as HTMLElement | null;
}

/** Asks for what the panel shows: every event when the filters changed, else the days on screen and a screen either side. */
function askWindow(): void {
  const s = scroller();
  const filters = filtersKey();
  const bucketDays = bucketDaysAt(vm.pxPerDay);
  let query: WindowQuery = { from: null, to: null, bucketDays, laneBy: state.laneBy };
  if (loaded?.filters === filters && win?.range && s) {
    const screen = daysOnScreen(axisOf(win.range, state), s.scrollLeft, s.clientWidth, MIN_BOX);
    if (covers(loaded.query, win, screen, bucketDays)) return;
    // A screen's width either side saves asking again at every scroll; when the last answer was too many to
    // draw, the screen alone may not be.
    const margin = win.lanes ? 0 : screen.to - screen.from;
    query = { from: isoOfDay(screen.from - margin), to: isoOfDay(screen.to + margin), bucketDays, laneBy: state.laneBy };
  }
  loaded = { query, filters };
  post({ type: 'window', seq: ++seq, query });
}

function askDetail(id: string | null): void {
  if (id && detail?.id !== id) post({ type: 'detail', id });
}

/** Applies a change and re-renders; on zoom the selected event (else the date in the middle) stays in view. */
function update(change: Partial<TimelineViewState>, keepCentre = false): void {
  const before = scroller();
  const centreDay = before ? vm.minDay + (before.scrollLeft + before.clientWidth / 2) / vm.pxPerDay : null;
  state = { ...state, ...change };
  render();
  const after = scroller();
  if (keepCentre && after) {
    const selected = vm.order.find((b) => b.id === state.selectedId);
    const centreX = selected ? selected.x + Math.min(selected.width, after.clientWidth) / 2 : centreDay !== null ? (centreDay - vm.minDay) * vm.pxPerDay : null;
    if (centreX !== null) after.scrollLeft = Math.max(0, centreX - after.clientWidth / 2);
  }
  if (after) state.scrollLeft = after.scrollLeft;
  saveState();
  askWindow();
}

/** Zoom so that every dated event fits the visible width. */
function fit(): void {
  const s = scroller();
  if (!s || !win?.range) return;
  const span = (vm.width - MIN_BOX) / vm.pxPerDay;
  update({ pxPerDay: clampZoom((s.clientWidth - MIN_BOX) / Math.max(1, span)), scrollLeft: 0 });
}

/** Scrolls so that a day is in the middle of the screen. */
function centreOn(day: number): void {
  const s = scroller();
  if (!s) return;
  s.scrollLeft = state.scrollLeft = Math.max(0, (day - vm.minDay) * vm.pxPerDay - s.clientWidth / 2);
  askWindow();
}

const actions: Actions = {
  select: (id) => {
    update({ selectedId: id });
    focusEvent(id);
    scrollIntoView(id);
    askDetail(id);
  },
  open: (location) => post({ type: 'open', location }),
  setLaneBy: (laneBy) => update({ laneBy }),
  zoom: (px) => update({ pxPerDay: clampZoom(px) }, true),
  zoomBy: (f) => update({ pxPerDay: clampZoom(vm.pxPerDay * f) }, true),
  zoomTo: (day) => {
    update({ pxPerDay: ZOOM_PRESETS.days });
    const d = dayOf(day);
    if (d !== null) centreOn(d + 0.5);
  },
  fit: () => fit(),
  toggle: (name: FilterName, value: string) => {
    const list = state.hidden[name] as string[];
    const hidden = { ...state.hidden, [name]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } as TimelineViewState['hidden'];
    update({ hidden });
  },
  setConflictsOnly: (on) => update({ conflictsOnly: on }),
  setAllSentences: (on) => {
    state = { ...state, allDatedSentences: on };
    saveState();
    // The extension asks the server for the other build and tells this view to ask again.
    post({ type: 'setOptions', allDatedSentences: on });
  },
  exportAs: (format) => post({ type: 'export', format }),
  refresh: () => post({ type: 'refresh' }),
  showOnMap: (placeId) => post({ type: 'showOnMap', placeId }),
};

function render(): void {
  const hadFocus = document.activeElement?.getAttribute('data-event-id') ?? null;
  const openFilters = Array.from(app.querySelectorAll('details[open]')).map((d) => d.getAttribute('data-testid') ?? d.className);
  vm = buildViewModel(win, state, loaded?.query.bucketDays ?? 1);
  const root = renderTimeline(document, { vm, state, title, articles: win?.articles ?? 0, loading, error, note, detail }, actions);
  app.replaceChildren(root);
  for (const d of Array.from(app.querySelectorAll('details'))) if (openFilters.includes(d.getAttribute('data-testid') ?? d.className)) d.setAttribute('open', '');
  const s = scroller();
  if (s) {
    s.scrollLeft = state.scrollLeft;
    s.addEventListener('scroll', onScroll, { passive: true });
    s.addEventListener('wheel', onWheel, { passive: false });
  }
  if (hadFocus) focusEvent(hadFocus);
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
function onScroll(e: Event): void {
  state.scrollLeft = (e.target as HTMLElement).scrollLeft;
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    saveState();
    askWindow();
  }, 150);
}

/** Ctrl/Cmd + wheel zooms around the pointer's date, as in map and timeline tools. */
function onWheel(e: WheelEvent): void {
  if (!e.ctrlKey && !e.metaKey) return;
  e.preventDefault();
  actions.zoomBy(e.deltaY < 0 ? 1.25 : 0.8);
}

function eventElement(id: string): HTMLElement | null {
  for (const el of Array.from(app.querySelectorAll('[data-event-id]'))) if (el.getAttribute('data-event-id') === id) return el as HTMLElement;
  return null;
}

function focusEvent(id: string): void {
  const el = eventElement(id);
  if (!el) return;
  for (const other of Array.from(app.querySelectorAll('.tl-event[tabindex="0"]'))) other.setAttribute('tabindex', '-1');
  el.setAttribute('tabindex', '0');
  el.focus({ preventScroll: true });
}

function scrollIntoView(id: string): void {
  eventElement(id)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

app.addEventListener('keydown', (e: KeyboardEvent) => {
  const target = e.target as HTMLElement;
  const inField = target.tagName === 'INPUT' || target.tagName === 'SELECT';
  if (!inField && (e.key === '+' || e.key === '=')) return void (actions.zoomBy(1.5), e.preventDefault());
  if (!inField && (e.key === '-' || e.key === '_')) return void (actions.zoomBy(1 / 1.5), e.preventDefault());
  const id = target.getAttribute('data-event-id');
  if (!id) return;
  const box = vm.order.find((b) => b.id === id) ?? null;
  const event = box?.event ?? vm.undated.find((u) => u.id === id) ?? null;
  if (e.key === 'Enter' && event) {
    e.preventDefault();
    actions.open(event.location);
    return;
  }
  if (e.key === ' ' && event) {
    e.preventDefault();
    actions.select(event.id);
    return;
  }
  const next: EventBox | null = box ? nextBox(vm, box, e.key) : null;
  if (next) {
    e.preventDefault();
    focusEvent(next.id);
    scrollIntoView(next.id);
  }
});

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as ToWebview;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'state':
      state = normalizeState(m.state);
      first = state.scrollLeft === 0;
      render();
      vscode.setState({ view: state });
      break;
    case 'changed':
      // The events changed (an edit, the index, another scope): ask again for the window and the opened event.
      title = typeof m.title === 'string' ? m.title : title;
      loaded = null;
      detail = null;
      askWindow();
      askDetail(state.selectedId);
      break;
    case 'window': {
      if (m.seq !== seq || !m.window) break;
      const unbounded = loaded !== null && loaded.query.from === null && loaded.query.to === null;
      // Counts over every day are only a step to the range: the days on screen are asked for next.
      win = m.window.lanes && unbounded ? { ...m.window, lanes: [] } : m.window;
      title = typeof m.title === 'string' ? m.title : title;
      loading = false;
      error = null;
      render();
      const s = scroller();
      if (first && s && win.range) {
        first = false;
        state.scrollLeft = s.scrollLeft = Math.max(0, (dayOf(win.range.to)! - vm.minDay) * vm.pxPerDay + MIN_BOX + 16 - s.clientWidth);
      }
      askWindow();
      break;
    }
    case 'detail':
      if (m.id !== state.selectedId) break;
      detail = m.event;
      render();
      // The other version of a dispute may be on days not loaded yet: bring them on screen.
      if (m.event && !vm.order.some((b) => b.id === m.id)) {
        const day = dayOf(m.event.sortDate);
        if (day !== null) centreOn(day);
      }
      break;
    case 'error':
      loading = false;
      error = String(m.message);
      render();
      break;
    case 'exported':
      note = m.target ? `Saved ${m.format} export to ${m.target}.` : null;
      render();
      break;
  }
});

render();
post({ type: 'ready' });
