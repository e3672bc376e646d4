// The timeline webview: keeps the view state, talks to the extension with typed messages, renders, and handles the
// keyboard. Bundled by esbuild into dist/media/timeline.js (with timeline.css); loaded under a nonce-only CSP.
import '../../timeline.css';
import type { TimelineEvent } from '../../../server/src/protocol';
import { DEFAULT_VIEW_STATE, FromWebview, normalizeState, TimelineViewState, ToWebview } from '../../../client/src/timeline/messages';
import { Actions, FilterName, renderTimeline } from './render';
import { buildViewModel, EventBox, MIN_BOX, ViewModel } from './viewModel';
import { clampZoom } from './timeScale';
import { nextBox } from './keyboard';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;

let state: TimelineViewState = normalizeState((vscode.getState() as { view?: unknown } | undefined)?.view ?? DEFAULT_VIEW_STATE);
let events: TimelineEvent[] = [];
let articles = 0;
let title = 'Timeline';
let loading = true;
let error: string | null = null;
let note: string | null = null;
let vm: ViewModel = buildViewModel([], state);

function post(m: FromWebview): void {
  vscode.postMessage(m);
}

function saveState(): void {
  vscode.setState({ view: state });
  post({ type: 'stateChanged', state });
}

/** Applies a change and re-renders; on zoom the selected event (else the date in the middle) stays in view. */
function update(change: Partial<TimelineViewState>, keepCentre = false): void {
  const scroller = app.querySelector('.tl-scroll') as HTMLElement | null;
  const centreDay = scroller ? vm.minDay + (scroller.scrollLeft + scroller.clientWidth / 2) / vm.pxPerDay : null;
  state = { ...state, ...change };
  render();
  const after = app.querySelector('.tl-scroll') as HTMLElement | null;
  if (keepCentre && after) {
    const selected = vm.order.find((b) => b.id === state.selectedId);
    const centreX = selected ? selected.x + Math.min(selected.width, after.clientWidth) / 2 : centreDay !== null ? (centreDay - vm.minDay) * vm.pxPerDay : null;
    if (centreX !== null) after.scrollLeft = Math.max(0, centreX - after.clientWidth / 2);
  }
  if (after) state.scrollLeft = after.scrollLeft;
  saveState();
}

/** Zoom so that every dated event fits the visible width. */
function fit(): void {
  const scroller = app.querySelector('.tl-scroll') as HTMLElement | null;
  if (!scroller || vm.order.length === 0) return;
  const span = (vm.width - MIN_BOX) / vm.pxPerDay;
  update({ pxPerDay: clampZoom((scroller.clientWidth - MIN_BOX) / Math.max(1, span)), scrollLeft: 0 });
}

const actions: Actions = {
  select: (id) => {
    update({ selectedId: id });
    focusEvent(id);
    scrollIntoView(id);
  },
  open: (location) => post({ type: 'open', location }),
  setLaneBy: (laneBy) => update({ laneBy }),
  zoom: (px) => update({ pxPerDay: clampZoom(px) }, true),
  zoomBy: (f) => update({ pxPerDay: clampZoom(vm.pxPerDay * f) }, true),
  fit: () => fit(),
  toggle: (name: FilterName, value: string) => {
    const list = state.hidden[name] as string[];
    const hidden = { ...state.hidden, [name]: list.includes(value) ? list.filter((v) => v !== value) : [...list, value] } as TimelineViewState['hidden'];
    update({ hidden });
  },
  setConflictsOnly: (on) => update({ conflictsOnly: on }),
  setAllSentences: (on) => {
    update({ allDatedSentences: on });
    post({ type: 'setOptions', allDatedSentences: on });
  },
  exportAs: (format) => post({ type: 'export', format, eventIds: [...vm.order.map((b) => b.id), ...vm.undated.map((e) => e.id)] }),
  refresh: () => post({ type: 'refresh' }),
  showOnMap: (placeId) => post({ type: 'showOnMap', placeId }),
};

function render(): void {
  const hadFocus = document.activeElement?.getAttribute('data-event-id') ?? null;
  const openFilters = Array.from(app.querySelectorAll('details[open]')).map((d) => d.getAttribute('data-testid') ?? d.className);
  vm = buildViewModel(events, state);
  const root = renderTimeline(document, { vm, state, title, articles, loading, error, note }, actions);
  app.replaceChildren(root);
  for (const d of Array.from(app.querySelectorAll('details'))) if (openFilters.includes(d.getAttribute('data-testid') ?? d.className)) d.setAttribute('open', '');
  const scroller = app.querySelector('.tl-scroll') as HTMLElement | null;
  if (scroller) {
    scroller.scrollLeft = state.scrollLeft;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', onWheel, { passive: false });
  }
  if (hadFocus) focusEvent(hadFocus);
}

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
function onScroll(e: Event): void {
  state.scrollLeft = (e.target as HTMLElement).scrollLeft;
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(saveState, 200);
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
      render();
      vscode.setState({ view: state });
      break;
    case 'loading':
      loading = true;
      render();
      break;
    case 'events': {
      const first = events.length === 0 && state.scrollLeft === 0;
      events = Array.isArray(m.events) ? m.events : [];
      articles = typeof m.articles === 'number' ? m.articles : 0;
      title = typeof m.title === 'string' ? m.title : 'Timeline';
      loading = false;
      error = null;
      render();
      // A first look starts at the latest events (the news), not at the oldest background ("since 2015").
      const scroller = app.querySelector('.tl-scroll') as HTMLElement | null;
      const latest = vm.order.reduce((x, b) => Math.max(x, b.x), 0);
      if (first && scroller) state.scrollLeft = scroller.scrollLeft = Math.max(0, latest + MIN_BOX + 16 - scroller.clientWidth);
      break;
    }
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
