// Dates in chronological order, grouped by year; durations, recurring and unresolved expressions after them.
import { DateMention } from '../types';
import { countLeaves, EntityMentions, entityNode, groupNode, RowMode } from './entities';
import { OutlineNode, OutlineTree } from './types';

interface Dated {
  e: EntityMentions<DateMention>;
  /** Sort key: first day, last day. */
  from: string;
  to: string;
}

/** Above this many dates in a year, the year is split by month. */
const MONTHS_FROM = 12;

const TAIL_GROUPS = [
  { key: 'duration', label: 'Durations', about: 'Lengths of time ("three months")' },
  { key: 'recurring', label: 'Recurring', about: 'Repeated times ("every Friday")' },
  { key: 'unresolved', label: 'Unresolved', about: 'Expressions without a calendar date (no publication date, or vague)' },
] as const;

/** Dates by year (oldest first), each year's dates in calendar order; then durations, recurring, unresolved. */
export function dateTree(dates: Map<string, EntityMentions<DateMention>>, mode: RowMode): OutlineTree {
  const years = new Map<string, Dated[]>();
  const tails = new Map<string, EntityMentions<DateMention>[]>();
  for (const e of dates.values()) {
    const m = e.first;
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
    .map(([year, list]) => {
      // "in 2015" (the whole year) is the year node itself.
      const whole = list.find((d) => isWhole(d, year, year));
      const inside = yearChildren(list.filter((d) => d !== whole).sort(chronological), mode);
      const node = whole ? entityNode(whole.e, `date:year:${year}`, 'year', year, mode, inside, 'date') : groupNode(`date:year:${year}`, year, 'year', inside, 'date');
      node.label = year;
      return node;
    });
  for (const g of TAIL_GROUPS) {
    const list = tails.get(g.key);
    if (list) nodes.push(groupNode(`date:group:${g.key}`, g.label, g.key === 'duration' ? 'duration' : 'date', list.map((e) => dateNode(e, mode)), 'date', g.about));
  }
  return { nodes, total: countLeaves(nodes) };
}

/** A year's dates; a busy year (a workspace of many articles) is split by month, wider dates staying at year level. */
function yearChildren(list: Dated[], mode: RowMode): OutlineNode[] {
  if (list.length <= MONTHS_FROM) return list.map((d) => dateNode(d.e, mode));
  // "2017", "summer 2017" or "since March" span months: they stay directly under the year, placed where they start
  // (before the month that starts on the same day).
  const items: { key: string; node: OutlineNode }[] = [];
  const months = new Map<string, Dated[]>();
  for (const d of list) {
    const month = d.from.slice(0, 7);
    if (!/^\d{4}-\d{2}$/.test(month) || d.to.slice(0, 7) !== month) items.push({ key: `${d.from}a`, node: dateNode(d.e, mode) });
    else months.set(month, [...(months.get(month) ?? []), d]);
  }
  for (const [month, dates] of months) {
    const id = `date:month:${month}`;
    const label = monthLabel(month) ?? month;
    // "March" (the whole month) is the month node itself, like a country that is mentioned by name.
    const whole = dates.find((d) => isWhole(d, month, label));
    const inside = dates.filter((d) => d !== whole).map((d) => dateNode(d.e, mode));
    const node = whole ? entityNode(whole.e, id, 'date', month, mode, inside, 'date') : groupNode(id, label, 'date', inside, 'date');
    node.label = label;
    items.push({ key: `${month}-01b`, node });
  }
  return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((i) => i.node);
}

/** The date is the year or month itself ("in 2015", "in March"), not "since 2015" or "late March". */
function isWhole(d: Dated, value: string, label: string): boolean {
  const m = d.e.first;
  return d.e.id === value && !m.mod && !m.range && (m.label || label) === label;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthLabel(month: string): string | null {
  const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1];
  return name ? `${name} ${month.slice(0, 4)}` : null;
}

/** Earlier start first; at the same start the narrower interval (a day before its month). */
function chronological(a: Dated, b: Dated): number {
  if (a.from !== b.from) return a.from < b.from ? -1 : 1;
  if (a.to !== b.to) return a.to < b.to ? -1 : 1;
  return a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0;
}

function dateNode(e: EntityMentions<DateMention>, mode: RowMode): OutlineNode {
  const m = e.first;
  const node = entityNode(e, `date:${e.id}`, m.type === 'DURATION' ? 'duration' : 'date', `${m.value}${m.mod ? ` (${m.mod.toLowerCase()})` : ''}`, mode);
  // The resolved label ("1 Sep 2017") names the entity; the spellings ("on Friday") are the children.
  node.label = m.label || e.name;
  return node;
}
