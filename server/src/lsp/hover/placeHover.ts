import { PlaceMention } from '../../analysis';
import { escapeMarkdown } from './markdown';
import { HoverContext } from './hoverContext';

/** Hover for a place: canonical name, type, region, country, coordinates, OpenStreetMap link. */
export function placeHover(m: PlaceMention, _ctx: HoverContext): string {
  const lines = [`**${escapeMarkdown(m.name)}** — ${m.feature}`];
  const where = [m.admin1, m.countryName ?? m.country].filter(Boolean).map((s) => escapeMarkdown(String(s)));
  if (where.length) lines.push(where.join(', '));
  if (m.lat !== null && m.lon !== null) {
    lines.push(`${fmtCoord(m.lat, 'N', 'S')}, ${fmtCoord(m.lon, 'E', 'W')} · [OpenStreetMap](https://www.openstreetmap.org/?mlat=${m.lat}&mlon=${m.lon}#map=10/${m.lat}/${m.lon})`);
  }
  if (m.population) lines.push(`population ${m.population.toLocaleString('en')}`);
  return lines.join('\n\n');
}

function fmtCoord(v: number, pos: string, neg: string): string {
  return `${Math.abs(v).toFixed(4)}°${v >= 0 ? pos : neg}`;
}
