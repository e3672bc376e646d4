// Builds the timeline's DOM from the view model: toolbar, lanes of event boxes on a time axis, details, undated list.
// Everything from articles goes in as text nodes or attribute values (see dom.ts); nothing is parsed as HTML.
import type { Location, TimelineEvent, TimelineEventBrief, TimelineFormat } from '../../../server/src/protocol';
import { EXPORTS, KindFilter, LaneBy, TimelineViewState } from '../../../client/src/timeline/messages';
import { append, Doc, h, place } from './dom';
import { CountBar, EventBox, FilterOption, KIND_LABELS, precisionWords, ROW_HEIGHT, ViewModel } from './viewModel';
import { ZOOM_PRESETS, zoomLevelOf } from './timeScale';

export type FilterName = 'factions' | 'places' | 'sources' | 'kinds';

/** What the user can do; main.ts turns these into state changes and messages. */
export interface Actions {
  select(id: string): void;
  open(location: Location): void;
  setLaneBy(by: LaneBy): void;
  zoom(pxPerDay: number): void;
  zoomBy(factor: number): void;
  /** Zoom in to days around this day (a count bar was clicked). */
  zoomTo(day: string): void;
  fit(): void;
  toggle(filter: FilterName, value: string): void;
  setConflictsOnly(on: boolean): void;
  setAllSentences(on: boolean): void;
  exportAs(format: TimelineFormat): void;
  refresh(): void;
  showOnMap(placeId: string): void;
}

export interface RenderInput {
  vm: ViewModel;
  state: TimelineViewState;
  title: string;
  articles: number;
  loading: boolean;
  error: string | null;
  note: string | null;
  /** The selected event in full, once the server has sent it. */
  detail: TimelineEvent | null;
}

/** The whole panel as a fresh element tree. */
export function renderTimeline(doc: Doc, input: RenderInput, actions: Actions): HTMLElement {
  const { vm, state } = input;
  const status = input.error
    ? `Could not build the timeline: ${input.error}`
    : input.loading
      ? 'Building the timeline…'
      : `${vm.shown} of ${vm.total} events from ${input.articles} article${input.articles === 1 ? '' : 's'}${vm.undatedCount ? `, ${vm.undatedCount} undated` : ''}.${aggregatedNote(vm)}${input.note ? ` ${input.note}` : ''}`;
  return h(
    doc,
    'div',
    { class: 'tl-root' },
    toolbar(doc, input, actions),
    h(doc, 'div', { class: 'tl-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'timeline-status' }, status),
    h(doc, 'div', { class: 'tl-main' }, canvas(doc, vm, state, actions), details(doc, input.detail?.id === state.selectedId ? input.detail : null, actions, vm.selected)),
    undatedList(doc, vm, state, actions),
  );
}

/** Said when the days on screen hold too many events to draw one by one. */
function aggregatedNote(vm: ViewModel): string {
  return vm.aggregated ? ` ${vm.inWindow} events around the days shown: counted per lane; zoom in or filter to see them one by one.` : '';
}

function toolbar(doc: Doc, input: RenderInput, actions: Actions): HTMLElement {
  const { vm, state } = input;
  const laneSelect = h(
    doc,
    'select',
    { 'aria-label': 'Lanes', 'data-testid': 'lane-by' },
    h(doc, 'option', { value: 'faction' }, 'Lanes by faction'),
    h(doc, 'option', { value: 'place' }, 'Lanes by place'),
  ) as HTMLSelectElement;
  laneSelect.value = state.laneBy;
  laneSelect.addEventListener('change', () => actions.setLaneBy(laneSelect.value === 'place' ? 'place' : 'faction'));

  const level = zoomLevelOf(vm.pxPerDay);
  const zoomButtons = (['days', 'months', 'years'] as const).map((z) =>
    button(doc, z[0].toUpperCase() + z.slice(1), () => actions.zoom(ZOOM_PRESETS[z]), { 'aria-pressed': String(level === z), 'data-zoom': z, title: `Zoom to ${z}` }),
  );
  const zoom = h(
    doc,
    'div',
    { class: 'tl-group', role: 'group', 'aria-label': 'Zoom' },
    ...zoomButtons,
    button(doc, '−', () => actions.zoomBy(1 / 1.5), { 'aria-label': 'Zoom out', title: 'Zoom out (-)', 'aria-keyshortcuts': '-' }),
    button(doc, '+', () => actions.zoomBy(1.5), { 'aria-label': 'Zoom in', title: 'Zoom in (+)', 'aria-keyshortcuts': '+' }),
    button(doc, 'Fit', () => actions.fit(), { title: 'Zoom to fit every event' }),
  );

  const filters = h(
    doc,
    'div',
    { class: 'tl-group', role: 'group', 'aria-label': 'Filters' },
    filter(doc, 'Factions', 'factions', vm.filters.factions, actions),
    filter(doc, 'Places', 'places', vm.filters.places, actions),
    filter(doc, 'Kinds', 'kinds', vm.filters.kinds, actions, (v) => KIND_LABELS[v as KindFilter] ?? v),
    filter(doc, 'Sources', 'sources', vm.filters.sources, actions),
    checkbox(doc, 'Disputed only', state.conflictsOnly, (on) => actions.setConflictsOnly(on), 'conflicts-only'),
    checkbox(doc, 'All dated sentences', state.allDatedSentences, (on) => actions.setAllSentences(on), 'all-sentences'),
  );

  const exports = h(
    doc,
    'div',
    { class: 'tl-group', role: 'group', 'aria-label': 'Export the events shown' },
    ...EXPORTS.map((x) => button(doc, x.label, () => actions.exportAs(x.format), { title: `Export: ${x.title}`, 'data-format': x.format, 'data-testid': `export-${x.format}` })),
    button(doc, 'Refresh', () => actions.refresh(), { title: 'Rebuild from the articles now' }),
  );

  return h(doc, 'div', { class: 'tl-toolbar', role: 'toolbar', 'aria-label': 'Timeline' }, h(doc, 'h2', { class: 'tl-title' }, input.title), laneSelect, zoom, filters, exports);
}

function filter(doc: Doc, label: string, name: FilterName, opts: FilterOption[], actions: Actions, show: (v: string) => string = (v) => v): HTMLElement {
  const visible = opts.filter((o) => !o.hidden).length;
  const list = h(doc, 'div', { class: 'tl-filter-list', role: 'group', 'aria-label': label });
  for (const o of opts) list.appendChild(checkbox(doc, `${show(o.value)} (${o.count})`, !o.hidden, () => actions.toggle(name, o.value)));
  return h(doc, 'details', { class: 'tl-filter', 'data-testid': `filter-${name}` }, h(doc, 'summary', {}, `${label} ${visible}/${opts.length}`), list);
}

function checkbox(doc: Doc, label: string, checked: boolean, onChange: (on: boolean) => void, testid?: string): HTMLElement {
  const input = h(doc, 'input', { type: 'checkbox', 'data-testid': testid }) as HTMLInputElement;
  input.checked = checked;
  input.addEventListener('change', () => onChange(input.checked));
  return h(doc, 'label', { class: 'tl-check' }, input, label);
}

function button(doc: Doc, text: string, onClick: () => void, attrs: Record<string, string> = {}): HTMLElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}

function canvas(doc: Doc, vm: ViewModel, state: TimelineViewState, actions: Actions): HTMLElement {
  const axis = place(h(doc, 'div', { class: 'tl-axis', 'aria-hidden': 'true' }), { width: vm.width });
  for (const t of vm.ticks) axis.appendChild(place(h(doc, 'span', { class: t.major ? 'tl-tick tl-major' : 'tl-tick' }, t.label), { left: t.x }));

  const lanes = place(h(doc, 'div', { class: 'tl-lanes' }), { width: vm.width, height: vm.height });
  const labels = h(doc, 'div', { class: 'tl-lane-labels', 'aria-hidden': 'true' });
  const focusId = state.selectedId && vm.order.some((b) => b.id === state.selectedId) ? state.selectedId : vm.order[0]?.id;
  for (const lane of vm.lanes) {
    const row = place(h(doc, 'div', { class: `tl-lane tl-colour-${lane.colour}`, role: 'list', 'aria-label': lane.label, 'data-lane': lane.key }), { top: lane.top, height: lane.height, width: vm.width });
    for (const b of lane.boxes) row.appendChild(eventBox(doc, b, b.id === state.selectedId, b.id === focusId, actions));
    for (const bar of lane.bars) row.appendChild(countBar(doc, bar, lane.height, actions));
    lanes.appendChild(row);
    labels.appendChild(place(h(doc, 'div', { class: `tl-lane-label tl-colour-${lane.colour}`, title: lane.label }, lane.label), { top: lane.top, height: lane.height }));
  }
  const empty = vm.lanes.length === 0 ? h(doc, 'p', { class: 'tl-empty' }, vm.total === 0 ? 'No dated events in these articles yet.' : vm.shown === 0 ? 'No events match the filters.' : 'No events on these days.') : null;
  const scroller = h(doc, 'div', { class: 'tl-scroll', 'data-testid': 'timeline-scroll' }, axis, lanes, empty);
  return h(doc, 'div', { class: 'tl-canvas' }, place(labels, {}), scroller);
}

function eventBox(doc: Doc, b: EventBox, selected: boolean, focusable: boolean, actions: Actions): HTMLElement {
  const e = b.event;
  const classes = ['tl-event', b.predicted ? 'tl-predicted' : 'tl-reported', b.open ? 'tl-open' : '', b.conflict ? 'tl-conflict' : '', selected ? 'tl-selected' : '', e.kind === 'dated-sentence' ? 'tl-dated' : ''];
  const el = h(
    doc,
    'div',
    {
      class: classes.filter(Boolean).join(' '),
      role: 'listitem',
      tabindex: focusable ? 0 : -1,
      'aria-label': b.ariaLabel,
      'aria-selected': String(selected),
      title: `${b.label}\nDouble-click to open the article`,
      'data-testid': 'timeline-event',
      'data-event-id': e.id,
      'data-modality': e.modality,
      'data-precision': e.precision,
      'data-conflict': b.conflict ? 'true' : 'false',
    },
    b.conflict ? h(doc, 'span', { class: 'tl-badge', title: 'Sources disagree' }, '⚠') : null,
    h(doc, 'span', { class: 'tl-date' }, e.dateLabel),
    h(doc, 'span', { class: 'tl-what' }, b.label.slice(e.dateLabel.length + 3)),
  );
  place(el, { left: b.x, top: 8 + b.row * ROW_HEIGHT, width: b.width });
  el.addEventListener('click', () => actions.select(e.id));
  el.addEventListener('dblclick', () => actions.open(e.location));
  return el;
}

/** How many events of a lane start in a bucket of days; a click zooms in there. */
function countBar(doc: Doc, bar: CountBar, laneHeight: number, actions: Actions): HTMLElement {
  const label = `${bar.count} event${bar.count === 1 ? '' : 's'} from ${bar.day}: zoom in to see them`;
  const height = Math.max(3, Math.round(bar.level * (laneHeight - 16)));
  const el = h(doc, 'div', { class: 'tl-bar', role: 'button', tabindex: -1, title: label, 'aria-label': label, 'data-testid': 'timeline-bar' });
  place(el, { left: bar.x, top: laneHeight - 8 - height, width: bar.width, height });
  el.addEventListener('click', () => actions.zoomTo(bar.day));
  return el;
}

/** The selected event in full: date and its precision, who did what where, every report, and the other versions. */
export function details(doc: Doc, e: TimelineEvent | null, actions: Actions, selected: TimelineEventBrief | null = null): HTMLElement {
  const aside = h(doc, 'aside', { class: 'tl-details', 'aria-label': 'Event details', 'data-testid': 'event-details' });
  if (!e) {
    const hint = selected ? `${selected.dateLabel} · ${selected.summary}: loading its reports…` : 'Select an event (click, or arrow keys then Space) to read it here; Enter opens the article at the sentence.';
    aside.appendChild(h(doc, 'p', { class: 'tl-hint' }, hint));
    return aside;
  }
  const field = (label: string, value: string | null) => (value ? h(doc, 'p', { class: 'tl-field' }, h(doc, 'strong', {}, `${label}: `), value) : null);
  const fields = [
    h(doc, 'h3', {}, e.modality === 'predicted' ? `Predicted: ${e.summary}` : e.summary),
    field('Date', `${e.dateLabel} (${precisionWords(e)})`),
    field('Actor', e.actor),
    field('Action', e.actionLabel),
    field('Other party', e.patient),
    field('Place', [e.place, e.admin1, e.countryName ?? e.country].filter(Boolean).join(', ') || null),
    field('Extent', e.extent),
    field('Count', e.count === null ? null : String(e.count)),
    field('Modality', e.modality),
  ];
  for (const f of fields) append(doc, aside, f);
  if (e.placeId) append(doc, aside, button(doc, 'Show on map', () => actions.showOnMap(e.placeId!), { 'data-testid': 'show-on-map', title: 'Open the map at this place' }));
  aside.appendChild(h(doc, 'h3', {}, e.reports.length > 1 ? `Reported ${e.reports.length} times` : 'Report'));
  const reports = h(doc, 'ul', { class: 'tl-reports' });
  for (const r of e.reports) {
    reports.appendChild(
      h(
        doc,
        'li',
        {},
        h(doc, 'strong', {}, r.source),
        ` — ${r.article.headline ?? r.article.uri}${r.article.published ? `, ${r.article.published}` : ''}`,
        h(doc, 'blockquote', {}, r.sentence),
        button(doc, 'Open in article', () => actions.open(r.location), { 'data-testid': 'open-report' }),
      ),
    );
  }
  aside.appendChild(reports);
  if (e.versions.length) {
    aside.appendChild(h(doc, 'h3', { class: 'tl-conflict-title' }, '⚠ Other versions'));
    const list = h(doc, 'ul', { class: 'tl-versions', 'data-testid': 'event-versions' });
    for (const v of e.versions) {
      const verb = v.modality === 'predicted' ? ' predicted' : v.modality === 'denied' ? ' denied' : '';
      const say = `${v.kind === 'prediction' ? 'Prediction and outcome' : `Disputed (${v.kind})`}: ${v.source ? `${v.source}${verb}: ` : ''}${v.summary}${v.dateLabel ? ` (${v.dateLabel})` : ''}`;
      const goTo = v.eventId ? button(doc, 'Show', () => actions.select(v.eventId!), { title: 'Select the other version on the timeline', 'data-target': v.eventId }) : null;
      list.appendChild(h(doc, 'li', {}, say, v.message ? h(doc, 'p', { class: 'tl-message' }, v.message) : null, goTo));
    }
    aside.appendChild(list);
  }
  return aside;
}

function undatedList(doc: Doc, vm: ViewModel, state: TimelineViewState, actions: Actions): HTMLElement | null {
  if (vm.undatedCount === 0) return null;
  const list = h(doc, 'div', { class: 'tl-undated-list', role: 'list', 'aria-label': 'Undated events' });
  for (const e of vm.undated) {
    const item = h(doc, 'div', { class: `tl-undated${e.id === state.selectedId ? ' tl-selected' : ''}`, role: 'listitem', tabindex: -1, 'aria-label': `undated: ${e.summary}`, 'data-testid': 'timeline-event', 'data-event-id': e.id }, e.summary);
    item.addEventListener('click', () => actions.select(e.id));
    list.appendChild(item);
  }
  const cut = vm.undatedCount > vm.undated.length ? h(doc, 'p', { class: 'tl-hint' }, `The first ${vm.undated.length} of ${vm.undatedCount}: filter to see the others, or export them.`) : null;
  return h(doc, 'details', { class: 'tl-undated-box' }, h(doc, 'summary', {}, `Undated (${vm.undatedCount})`), list, cut);
}
