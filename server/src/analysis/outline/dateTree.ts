// Dates in chronological order, grouped by year; durations, recurring and unresolved expressions after them.
import { DateMention } from '../types';
import { collectEntities, countLeaves, EntityMentions, entityNode, groupNode } from './entities';
import { OutlineArticle, OutlineNode, OutlineTree } from './types';

interface Dated {
  e: EntityMentions<DateMention>;
  /** Sort key: first day, last day. */
  from: string;
  to: string;
}

const TAIL_GROUPS = [
  { key: 'duration', label: 'Durations', about: 'Lengths of time ("three months")' },
  { key: 'recurring', label: 'Recurring', about: 'Repeated times ("every Friday")' },
  { key: 'unresolved', label: 'Unresolved', about: 'Expressions without a calendar date (no publication date, or vague)' },
] as const;

/** Dates by year (oldest first), each year's dates in calendar order; then durations, recurring, unresolved. */
export function dateTree(articles: readonly OutlineArticle[]): OutlineTree {
  const years = new Map<string, Dated[]>();
  const tails = new Map<string, EntityMentions<DateMention>[]>();
  for (const e of collectEntities(articles, 'date').values()) {
    const m = e.refs[0].mention;
    const from = m.interval?.from ?? m.range?.from ?? null;
    const tail = m.type === 'DURATION' ? 'duration' : m.type === 'SET' ? 'recurring' : !from || !/^\d{4}/.test(from) ? 'unresolved' : null;
    if (tail) {
      tails.set(tail, [...(tails.get(tail) ?? []), e]);
      continue;
    }
    const year = from!.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), { e, from: from!, to: m.interval?.to ?? m.range?.to ?? from! }]);
  }
  const nodes: OutlineNode[] = [...years.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([year, list]) =>
      groupNode(
        `date:year:${year}`,
        year,
        'year',
        list.sort(chronological).map((d) => dateNode(d.e)),
        'date',
      ),
    );
  for (const g of TAIL_GROUPS) {
    const list = tails.get(g.key);
    if (list) nodes.push(groupNode(`date:group:${g.key}`, g.label, g.key === 'duration' ? 'duration' : 'date', list.map(dateNode), 'date', g.about));
  }
  return { nodes, total: countLeaves(nodes) };
}

/** Earlier start first; at the same start the narrower interval (a day before its month). */
function chronological(a: Dated, b: Dated): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0;
}

function dateNode(e: EntityMentions<DateMention>): OutlineNode {
  const m = e.refs[0].mention;
  const node = entityNode(e, `date:${e.id}`, m.type === 'DURATION' ? 'duration' : 'date', `${m.value}${m.mod ? ` (${m.mod.toLowerCase()})` : ''}`);
  // The resolved label ("1 Sep 2017") names the entity; the spellings ("on Friday") are the children.
  node.label = m.label || e.name;
  return node;
}
