// Hover for a place: what it is, where it is, how sure the choice was, how the workspace spells it,
// and the other places of the same name. Everything taken from an article is escaped.
import { PlaceMention } from '../../analysis';
import { placeAt, placeIndexOf, PlaceRecord } from '../../analysis/places/placeIndex';
import { featureWord } from '../../analysis/places/resolvePlace';
import { groupDigits } from '../../analysis/groupDigits';
import { escapeMarkdown } from './markdown';
import { HoverContext } from './hoverContext';
import { Summary, Tally, workspaceSummary } from './workspaceMentions';

/** Hover for a place: canonical name, type, region, country, coordinates, population, workspace spellings, OpenStreetMap link. */
export function placeHover(m: PlaceMention, ctx: HoverContext): string {
  const lines = [`**${escapeMarkdown(m.name)}** — ${featureWord(m.feature)}`];
  const where = [m.admin1, m.countryName ?? m.country].filter((s): s is string => !!s && s !== m.name).map(escapeMarkdown);
  if (where.length) lines.push(where.join(', '));
  const facts: string[] = [];
  if (m.lat !== null && m.lon !== null) facts.push(`${fmtCoord(m.lat, 'N', 'S')}, ${fmtCoord(m.lon, 'E', 'W')} · ${osmLink(m.lat, m.lon, m.feature)}`);
  if (m.population) facts.push(`population ${groupDigits(m.population)}`);
  if (facts.length) lines.push(facts.join(' · '));
  const usage = workspaceUsage(m.id, ctx);
  const spellings = usage.spellings.filter((s) => s !== m.name);
  if (usage.articles > 0) {
    lines.push(`Mentioned in ${usage.articles} article${usage.articles === 1 ? '' : 's'}${spellings.length ? `, written ${spellings.map((s) => `“${escapeMarkdown(s)}”`).join(', ')}` : ''}`);
  }
  lines.push(`${confidenceWord(m.confidence)} (${Math.round(m.confidence * 100)}%): ${escapeMarkdown(m.reason)} · \`${m.id.replace(/[`\r\n]/g, "'")}\``);
  const others = m.alternatives.map((id) => otherPlace(id, ctx)).filter((p): p is PlaceRecord => p !== null);
  if (others.length) lines.push(`Other places with this name: ${others.map(describe).join('; ')}`);
  return lines.join('\n\n');
}

/** How many articles in the workspace mention this place, and the spellings they use (most used first). */
export function workspaceUsage(id: string, ctx: HoverContext): { articles: number; spellings: string[] } {
  const usage = workspaceSummary(ctx.store, 'place', id, usageSummary(id));
  return { articles: usage.articles, spellings: [...usage.spellings] };
}

interface UsageTotal {
  articles: number;
  /** Mentions per spelling. */
  spellings: Tally;
}

/** The workspace usage of a place, kept as running totals (ties between spellings keep first seen in store order). */
export function usageSummary(id: string): Summary<UsageTotal, { articles: number; spellings: string[] }> {
  return {
    name: 'usage',
    empty: () => ({ articles: 0, spellings: new Tally() }),
    apply(t, analysis, uri, sign) {
      const counts = new Map<string, number>();
      for (const x of analysis.mentions) if (x.kind === 'place' && x.id === id) counts.set(x.text, (counts.get(x.text) ?? 0) + 1);
      if (!counts.size) return;
      t.articles += sign;
      let at = 0;
      for (const [text, n] of counts) {
        if (sign > 0) t.spellings.add(text, n, uri, at++);
        else t.spellings.remove(text, n, uri);
      }
    },
    exact: (t) => t.spellings.exact,
    value: (t) => ({
      articles: t.articles,
      spellings: t.spellings
        .inOrder()
        .sort((a, b) => b[1] - a[1])
        .map(([s]) => s)
        .slice(0, 8),
    }),
  };
}

function otherPlace(id: string, ctx: HoverContext): PlaceRecord | null {
  const i = placeIndexOf(ctx.knowledge.places, id);
  return i < 0 ? null : placeAt(ctx.knowledge.places, i);
}

function describe(p: PlaceRecord): string {
  const where = [p.admin1, p.countryName ?? p.country].filter(Boolean).join(', ');
  const link = p.lat !== null && p.lon !== null ? ` ${osmLink(p.lat, p.lon, p.feature, 'map')}` : '';
  return `${escapeMarkdown(p.name)} (${featureWord(p.feature)}${where ? `, ${escapeMarkdown(where)}` : ''})${link}`;
}

function confidenceWord(c: number): string {
  return c >= 0.9 ? 'Sure' : c >= 0.7 ? 'Likely' : 'Unsure';
}

/** An OpenStreetMap link; coordinates come from our gazetteer, never from the article. */
function osmLink(lat: number, lon: number, feature: string, label = 'OpenStreetMap'): string {
  const zoom = feature === 'country' ? 5 : feature === 'admin1' || feature === 'region' || feature === 'desert' || feature === 'river' ? 7 : 11;
  return `[${label}](https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${zoom}/${lat}/${lon})`;
}

function fmtCoord(v: number, pos: string, neg: string): string {
  return `${Math.abs(v).toFixed(4)}°${v >= 0 ? pos : neg}`;
}
