// The map webview: an offline basemap (Natural Earth via world-atlas, drawn with d3-geo), the places as markers sized
// by mentions and coloured by who held them at the slider's date, details one click away, SVG and PNG export.
// Bundled by esbuild into dist/media/map.js (with map.css). Article text only ever becomes text nodes.
import '../../map.css';
import { geoMercator, geoPath, GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { MapControlPeriod, MapMention, MapResult } from '../../../server/src/protocol';
import { DEFAULT_MAP_STATE, FromMapWebview, MapViewState, normalizeMapState, ToMapWebview } from '../../../client/src/map/messages';
import { append, h } from '../timeline/dom';
import { svg } from './svg';
import { addDays, dayIndex, legendOf, LegendEntry, MapPlaceView, markersAt, MarkerModel, periodAt, placesOf, sidesText } from './mapModel';

interface VsCodeApi {
  postMessage(message: FromMapWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const W = 960;
const H = 620;

let state: MapViewState = normalizeMapState((vscode.getState() as { view?: unknown } | undefined)?.view ?? DEFAULT_MAP_STATE);
let result: MapResult | null = null;
/** The result's places with their periods' sides looked up, made once per result. */
let shownPlaces: MapPlaceView[] = [];
let topology: Topology | null = null;
let title = 'Map';
let status = 'Loading the places…';
let playing: ReturnType<typeof setInterval> | null = null;
/**
 * The selected place's details: its control periods in full (the claims behind each) and the sentences shown so
 * far, asked for from the extension a page at a time (`asked`: the offset awaited).
 */
let selected: { placeId: string; control: MapControlPeriod[] | null; rows: MapMention[]; next: number | null; asked: number | null; error: string | null } | null = null;

function post(m: FromMapWebview): void {
  vscode.postMessage(m);
}

function save(): void {
  vscode.setState({ view: state });
  post({ type: 'stateChanged', state });
}

function projectionFor(all: MapPlaceView[]): GeoProjection {
  const places = focusPlaces(all);
  const lons = places.map((p) => p.lon);
  const lats = places.map((p) => p.lat);
  const pad = 1.5;
  const [x0, x1, y0, y1] = places.length ? [Math.min(...lons) - pad, Math.max(...lons) + pad, Math.min(...lats) - pad, Math.max(...lats) + pad] : [25, 55, 25, 42];
  // Corners as points: a polygon's winding would decide whether d3 takes the box or the rest of the sphere.
  const box = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPoint' as const, coordinates: [[x0, y0], [x1, y0], [x1, y1], [x0, y1]] } };
  return geoMercator().fitExtent([[20, 20], [W - 20, H - 20]], box);
}

/**
 * The places the view is fitted to: those around the weighted centre of the towns and cities mentioned, so one
 * mention of London or the United States does not shrink the war to a dot. The others stay markers off the frame.
 */
function focusPlaces(all: MapPlaceView[]): MapPlaceView[] {
  const local = all.filter((p) => !AREAS.has(p.feature));
  const pool = local.length ? local : all;
  if (pool.length < 2) return pool;
  const median = (values: number[], weights: number[]) => {
    const order = values.map((v, i) => [v, weights[i]] as const).sort((a, b) => a[0] - b[0]);
    const half = weights.reduce((a, b) => a + b, 0) / 2;
    let acc = 0;
    for (const [v, w] of order) if ((acc += w) >= half) return v;
    return order[order.length - 1][0];
  };
  const w = pool.map((p) => p.mentions + (p.control.length ? 5 : 0));
  const lon = median(pool.map((p) => p.lon), w);
  const lat = median(pool.map((p) => p.lat), w);
  const near = pool.filter((p) => Math.abs(p.lon - lon) <= 12 && Math.abs(p.lat - lat) <= 9);
  return near.length ? near : pool;
}

/** Countries, regions and provinces are drawn as rings: a dot for a whole country would mislead. */
const AREAS = new Set(['country', 'region', 'admin1', 'admin2', 'river', 'desert', 'mountain']);

function basemap(projection: GeoProjection): SVGElement {
  const g = svg(document, 'g', { class: 'basemap' });
  if (!topology) return g;
  const path = geoPath(projection);
  try {
    const countries = topology.objects.countries as GeometryCollection;
    const land = feature(topology, countries);
    for (const f of 'features' in land ? land.features : [land]) {
      const d = path(f);
      if (d) g.appendChild(svg(document, 'path', { class: 'country', d }));
    }
    // Coastlines are the arcs with one country on one side only; borders those shared by two.
    const coast = path(mesh(topology, countries, (a, b) => a === b));
    if (coast) g.appendChild(svg(document, 'path', { class: 'coast', d: coast }));
    const borders = path(mesh(topology, countries, (a, b) => a !== b));
    if (borders) g.appendChild(svg(document, 'path', { class: 'border', d: borders }));
  } catch {
    // A broken basemap leaves a blank sea; the markers still work.
  }
  return g;
}

function render(): void {
  const places = shownPlaces;
  const range = result?.range ?? null;
  const date = state.date && range ? clampDate(state.date, range) : range?.to ?? null;
  const legend = legendOf(places);
  const markers = markersAt(places, date, legend);
  const projection = projectionFor(places);

  const map = svg(document, 'svg', { class: 'map', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Map of ${places.length} places${date ? ` on ${date}` : ''}`, 'data-testid': 'map-svg', xmlns: 'http://www.w3.org/2000/svg' });
  map.appendChild(svg(document, 'rect', { class: 'sea', x: 0, y: 0, width: W, height: H }));
  map.appendChild(basemap(projection));
  const layer = svg(document, 'g', { class: 'markers', role: 'list', 'aria-label': 'Places' });
  // Areas first (underneath), then towns; towns get their names written.
  const ordered = [...markers.filter((m) => AREAS.has(m.place.feature)), ...markers.filter((m) => !AREAS.has(m.place.feature))];
  ordered.forEach((m) => layer.appendChild(markerElement(m, projection, !AREAS.has(m.place.feature))));
  map.appendChild(layer);

  const root = h(document, 'div', { class: 'map-root' }, toolbar(range, date), h(document, 'div', { class: 'map-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'map-status' }, status));
  const body = h(document, 'div', { class: 'map-main' }, h(document, 'div', { class: 'map-frame' }, map, legendElement(legend)), details(places, date));
  root.appendChild(body);
  app.replaceChildren(root);
}

function clampDate(date: string, range: { from: string; to: string }): string {
  return date < range.from ? range.from : date > range.to ? range.to : date;
}

function markerElement(m: MarkerModel, projection: GeoProjection, labelled: boolean): SVGElement {
  const xy = projection([m.place.lon, m.place.lat]);
  const [x, y] = xy ?? [-100, -100];
  const cls = `marker ${m.status}${m.colour !== null ? ` faction-${m.colour}` : ''}${AREAS.has(m.place.feature) ? ' area' : ''}${m.place.id === state.selectedId ? ' selected' : ''}`;
  const g = svg(document, 'g', { class: cls, role: 'listitem', tabindex: 0, 'aria-label': m.label, 'data-testid': 'map-marker', 'data-place-id': m.place.id },
    svg(document, 'title', {}, hoverText(m)),
    svg(document, 'circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: m.r }),
    labelled ? svg(document, 'text', { x: (x + m.r + 3).toFixed(1), y: (y + 4).toFixed(1) }, m.place.name) : null,
  );
  g.addEventListener('click', () => select(m.place.id));
  g.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
      e.preventDefault();
      select(m.place.id);
    }
  });
  return g;
}

/** The hover: names as written, mentions, who held it, and the latest claims (all plain text). */
function hoverText(m: MarkerModel): string {
  const lines = [m.label];
  if (m.place.names.length > 1) lines.push(`Written as: ${m.place.names.join(', ')}`);
  for (const c of m.place.claims.slice(0, 3)) lines.push(`${c.dateLabel}: ${c.modality === 'predicted' ? 'predicted: ' : ''}${c.summary} (${c.source})`);
  return lines.join('\n');
}

/** Asks for a place's details (offset 0, which starts them again) or its next page of sentences. */
function askDetails(placeId: string, offset: number): void {
  const first = offset === 0 || selected?.placeId !== placeId;
  selected = first ? { placeId, control: null, rows: [], next: null, asked: 0, error: null } : { ...selected!, asked: offset };
  post({ type: 'placeDetails', placeId, offset: first ? 0 : offset });
}

function select(id: string): void {
  state = { ...state, selectedId: id };
  askDetails(id, 0);
  render();
  save();
  const el = Array.from(app.querySelectorAll('[data-testid="map-marker"]')).find((e) => e.getAttribute('data-place-id') === id) as HTMLElement | undefined;
  el?.focus();
}

function toolbar(range: { from: string; to: string } | null, date: string | null): HTMLElement {
  const bar = h(document, 'div', { class: 'map-toolbar', role: 'toolbar', 'aria-label': 'Map' }, h(document, 'h2', { class: 'map-title' }, title));
  if (range && date) {
    const max = Math.max(0, dayIndex(range.from, range.to));
    const slider = h(document, 'input', { type: 'range', 'aria-label': 'Date', 'data-testid': 'map-slider' }) as HTMLInputElement;
    slider.min = '0';
    slider.max = String(max);
    slider.value = String(dayIndex(range.from, date));
    slider.addEventListener('input', () => setDate(addDays(range.from, Number(slider.value))));
    const play = h(document, 'button', { type: 'button', 'aria-pressed': String(!!playing), title: 'Play the control changes' }, playing ? 'Pause' : 'Play');
    play.addEventListener('click', () => togglePlay(range));
    append(document, bar, h(document, 'label', { class: 'map-date' }, slider, h(document, 'strong', { 'data-testid': 'map-date' }, date)));
    append(document, bar, play);
  }
  for (const format of ['svg', 'png'] as const) {
    const b = h(document, 'button', { type: 'button', 'data-testid': `map-export-${format}`, title: `Export the map as ${format.toUpperCase()}` }, `Export ${format.toUpperCase()}`);
    b.addEventListener('click', () => void exportMap(format));
    bar.appendChild(b);
  }
  const refresh = h(document, 'button', { type: 'button' }, 'Refresh');
  refresh.addEventListener('click', () => post({ type: 'refresh' }));
  bar.appendChild(refresh);
  return bar;
}

function setDate(date: string): void {
  state = { ...state, date };
  render();
  (app.querySelector('[data-testid="map-slider"]') as HTMLElement | null)?.focus();
  save();
}

function togglePlay(range: { from: string; to: string }): void {
  if (playing) {
    clearInterval(playing);
    playing = null;
    render();
    return;
  }
  const span = dayIndex(range.from, range.to);
  const step = Math.max(1, Math.round(span / 120));
  let day = state.date && state.date < range.to ? dayIndex(range.from, state.date) : 0;
  playing = setInterval(() => {
    day = Math.min(span, day + step);
    state = { ...state, date: addDays(range.from, day) };
    if (day >= span && playing) {
      clearInterval(playing);
      playing = null;
    }
    render();
  }, 150);
  render();
}

function legendElement(legend: LegendEntry[]): HTMLElement {
  const box = h(document, 'div', { class: 'map-legend', 'aria-label': 'Legend' });
  for (const l of legend) box.appendChild(h(document, 'span', { class: `map-key faction-${l.colour}` }, l.name));
  box.appendChild(h(document, 'span', { class: 'map-key contested' }, 'Contested'));
  box.appendChild(h(document, 'span', { class: 'map-key unknown' }, 'No claim'));
  return box;
}

/** The selected place: who holds it at the date and the sources behind that colour, its history, its sentences. */
function details(places: MapPlaceView[], date: string | null): HTMLElement {
  const aside = h(document, 'aside', { class: 'map-details', 'aria-label': 'Place details', 'data-testid': 'map-details' });
  const p = places.find((x) => x.id === state.selectedId);
  if (!p) {
    aside.appendChild(h(document, 'p', { class: 'map-hint' }, places.length ? 'Select a place (click, or Tab then Enter) to see who held it, according to whom, and the sentences that mention it.' : 'No places with coordinates in these articles yet.'));
    return aside;
  }
  const period = periodAt(p.control, date);
  append(document, aside, h(document, 'h3', {}, p.name));
  append(document, aside, h(document, 'p', {}, [p.admin1, p.country].filter(Boolean).join(', ')));
  if (p.names.length > 1) append(document, aside, h(document, 'p', {}, `Written as: ${p.names.join(', ')}`));
  append(document, aside, h(document, 'p', {}, `${p.mentions} mention${p.mentions === 1 ? '' : 's'}`));
  append(document, aside, h(document, 'h3', {}, date ? `On ${date}` : 'Control'));
  if (period) {
    append(document, aside, h(document, 'p', {}, period.status === 'contested' ? `Contested${period.parties.length ? `: ${sidesText(period)}` : ''}` : `Held by ${period.faction?.name ?? 'an unnamed side'}`));
    // Who says so comes with the place's details (the same periods, with the claims behind each).
    const full = selected?.placeId === p.id && selected.control ? periodAt(selected.control, date) : null;
    if (full) {
      if (full.status === 'contested' && full.parties.length) aside.appendChild(sidesList(full));
      const sources = h(document, 'ul', { class: 'map-sources', 'data-testid': 'map-sources' });
      for (const b of full.basis) sources.appendChild(h(document, 'li', {}, h(document, 'strong', {}, b.source), ` — ${b.summary} (${b.dateLabel})`));
      aside.appendChild(sources);
    } else {
      const claims = `${period.claims} claim${period.claims === 1 ? '' : 's'} behind it`;
      append(document, aside, h(document, 'p', { class: 'map-hint' }, selected?.placeId === p.id && selected.error ? `${claims} (could not be loaded).` : `${claims}: loading them…`));
    }
    if (period.conflicts) append(document, aside, h(document, 'p', { class: 'map-warning' }, `⚠ Sources disagree (${period.conflicts} conflict${period.conflicts === 1 ? '' : 's'}).`));
  } else append(document, aside, h(document, 'p', {}, 'No claim says who held it then.'));
  if (p.control.length) {
    append(document, aside, h(document, 'h3', {}, 'Control history'));
    const list = h(document, 'ul', {});
    for (const c of p.control) list.appendChild(h(document, 'li', {}, `${c.from} – ${c.to ?? 'latest'}: ${c.status === 'contested' ? `contested${c.parties.length ? ` (${sidesText(c)})` : ''}` : c.faction?.name ?? '?'}`));
    aside.appendChild(list);
  }
  if (p.claims.length) {
    append(document, aside, h(document, 'h3', {}, 'Latest claims'));
    const list = h(document, 'ul', {});
    for (const c of p.claims) list.appendChild(h(document, 'li', {}, `${c.dateLabel}: ${c.modality === 'predicted' ? 'predicted: ' : ''}${c.summary} (${c.source})`));
    aside.appendChild(list);
  }
  append(document, aside, h(document, 'h3', {}, 'Sentences'));
  aside.appendChild(sentenceList(p));
  return aside;
}

/** The sentences of the selected place received so far, with "More sentences" while the server has more. */
function sentenceList(p: MapPlaceView): HTMLElement {
  const box = h(document, 'div', { 'data-testid': 'map-sentences' });
  const shown = selected?.placeId === p.id ? selected : null;
  const list = h(document, 'ul', { class: 'map-sentences' });
  for (const s of shown?.rows ?? []) {
    const open = h(document, 'button', { type: 'button', title: 'Open the article at this sentence' }, 'Open');
    open.addEventListener('click', () => post({ type: 'open', location: s.location }));
    list.appendChild(h(document, 'li', {}, h(document, 'blockquote', {}, s.sentence), `${s.article.headline ?? s.article.uri} `, open));
  }
  box.appendChild(list);
  if (!shown || shown.asked !== null) append(document, box, h(document, 'p', { class: 'map-hint' }, 'Loading the sentences…'));
  else if (shown.error) append(document, box, h(document, 'p', { class: 'map-warning' }, `Could not load the sentences: ${shown.error}`));
  else if (!shown.rows.length) append(document, box, h(document, 'p', { class: 'map-hint' }, 'No sentence found.'));
  else if (shown.next !== null) {
    const more = h(document, 'button', { type: 'button', 'data-testid': 'map-more-sentences' }, `More sentences (${shown.rows.length} shown)`);
    const next = shown.next;
    more.addEventListener('click', () => {
      askDetails(p.id, next);
      render();
    });
    box.appendChild(more);
  }
  return box;
}

/** Each side of a contested place, why it is named and who says so: "Islamic State — holding out (held it until it was taken)". */
function sidesList(period: MapControlPeriod): HTMLElement {
  const list = h(document, 'ul', { class: 'map-sides', 'data-testid': 'map-sides' });
  for (const side of period.parties) {
    const item = h(document, 'li', {}, h(document, 'strong', {}, side.name), ` — ${side.role ?? 'named'}${side.reason ? ` (${side.reason})` : ''}`);
    if (side.basis?.length) {
      const says = h(document, 'ul', {});
      for (const b of side.basis.slice(0, 5)) says.appendChild(h(document, 'li', {}, `${b.source}: ${b.summary} (${b.dateLabel})`));
      if (side.basis.length > 5) says.appendChild(h(document, 'li', { class: 'map-hint' }, `and ${side.basis.length - 5} more`));
      item.appendChild(says);
    }
    list.appendChild(item);
  }
  return list;
}

/** SVG with the theme's colours written into it (so it looks the same outside VS Code), or a PNG made from it. */
async function exportMap(format: 'svg' | 'png'): Promise<void> {
  const original = app.querySelector('svg.map') as SVGSVGElement | null;
  if (!original) return;
  const copy = original.cloneNode(true) as SVGSVGElement;
  const from = [original, ...Array.from(original.querySelectorAll('*'))];
  const to = [copy, ...Array.from(copy.querySelectorAll('*'))];
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    // Opacities too: the basemap's land and lines are the theme's text colour at partial strength.
    for (const prop of ['fill', 'stroke', 'stroke-width', 'fill-opacity', 'stroke-opacity'] as const) {
      const v = cs.getPropertyValue(prop);
      if (v) to[i].setAttribute(prop, v);
    }
  });
  copy.setAttribute('width', String(W));
  copy.setAttribute('height', String(H));
  const text = new XMLSerializer().serializeToString(copy);
  if (format === 'svg') return post({ type: 'export', format, data: text });
  const img = new Image();
  img.src = `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(text)))}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = W * 2;
  canvas.height = H * 2;
  const g = canvas.getContext('2d');
  if (!g) return;
  g.scale(2, 2);
  g.drawImage(img, 0, 0);
  post({ type: 'export', format, data: canvas.toDataURL('image/png') });
}

window.addEventListener('message', (e: MessageEvent) => {
  const m = e.data as ToMapWebview;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'state':
      state = normalizeMapState(m.state);
      vscode.setState({ view: state });
      break;
    case 'basemap':
      topology = m.topology && typeof m.topology === 'object' ? (m.topology as Topology) : null;
      break;
    case 'loading':
      status = 'Loading the places…';
      break;
    case 'places':
      result = m.result;
      shownPlaces = placesOf(m.result);
      // The articles may have changed: the selected place's details are asked for again.
      if (state.selectedId && result.places.some((p) => p.id === state.selectedId)) askDetails(state.selectedId, 0);
      title = typeof m.title === 'string' ? m.title : 'Map';
      status = `${m.result.places.length} places from ${m.result.articles} article${m.result.articles === 1 ? '' : 's'}${m.result.range ? `, ${m.result.range.from} to ${m.result.range.to}` : ''}.`;
      break;
    case 'placeDetails': {
      if (!selected || selected.placeId !== m.placeId || selected.asked !== m.offset) return;
      const first = m.offset === 0;
      selected = {
        placeId: m.placeId,
        control: first ? m.result.control : selected.control,
        rows: first ? m.result.sentences : [...selected.rows, ...m.result.sentences],
        next: m.result.next,
        asked: null,
        error: m.error ?? null,
      };
      break;
    }
    case 'error':
      status = `Could not build the map: ${String(m.message)}`;
      break;
    case 'saved':
      status = `Saved to ${String(m.target)}.`;
      break;
  }
  render();
});

render();
post({ type: 'ready' });
