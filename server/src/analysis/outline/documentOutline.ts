// The Outline of one article: headline, then Places, Factions, Dates and Claims, each nested like the side panel.
// Every symbol's span encloses its children's, so breadcrumbs can follow the cursor down to the mention.
import { Span } from '../types';
import { collapse, lineOf, spanIn } from './articleText';
import { entityTree } from './entityTree';
import { OutlineArticle, OutlineIcon, OutlineKind, OutlineNode, OutlineRole } from './types';

export interface OutlineSymbol {
  name: string;
  detail: string;
  icon: OutlineIcon | 'headline';
  role: OutlineRole | 'headline';
  /** Encloses every child's span. */
  span: Span;
  /** What is selected when the symbol is picked: the (first) mention. */
  selection: Span;
  children: OutlineSymbol[];
}

const GROUPS: { kind: OutlineKind; name: string }[] = [
  { kind: 'place', name: 'Places' },
  { kind: 'faction', name: 'Factions' },
  { kind: 'date', name: 'Dates' },
  { kind: 'claim', name: 'Claims' },
];

/** Outline symbols of one article: the headline, then one group per kind that has anything. */
export function documentOutline(article: OutlineArticle): OutlineSymbol[] {
  try {
    return outline(article);
  } catch {
    return [];
  }
}

function outline(article: OutlineArticle): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const h = article.analysis.structure.headline ? spanIn(article, article.analysis.structure.headline) : null;
  if (h && article.analysis.headline) {
    out.push({ name: collapse(article.analysis.headline) || 'Headline', detail: 'headline', icon: 'headline', role: 'headline', span: h, selection: h, children: [] });
  }
  for (const g of GROUPS) {
    const tree = entityTree([article], g.kind);
    const children = tree.nodes.map((n) => toSymbol(article, n)).filter((s): s is OutlineSymbol => s !== null);
    if (children.length === 0) continue;
    out.push({
      name: g.name,
      detail: `${tree.total}`,
      icon: 'group',
      role: 'group',
      span: enclosing(children),
      selection: children[0].selection,
      children,
    });
  }
  return out;
}

function toSymbol(article: OutlineArticle, node: OutlineNode): OutlineSymbol | null {
  const children = node.children.map((c) => toSymbol(article, c)).filter((s): s is OutlineSymbol => s !== null);
  const own = node.at && node.at.uri === article.uri ? { start: node.at.start, end: node.at.end } : null;
  if (!own && children.length === 0) return null;
  const span = own && children.length === 0 ? own : enclosing(children, own);
  const selection = node.role === 'group' ? firstSelection(children) ?? span : own ?? children[0].selection;
  const detail = node.role === 'mention' ? `line ${lineOf(article, node.at!.start) + 1}` : node.role === 'claim' ? node.description ?? '' : node.count !== null ? `${node.count}` : node.description ?? '';
  return { name: node.label, detail, icon: node.icon, role: node.role, span, selection, children };
}

function firstSelection(children: OutlineSymbol[]): Span | null {
  let best: Span | null = null;
  for (const c of children) if (!best || c.selection.start < best.start) best = c.selection;
  return best;
}

function enclosing(children: OutlineSymbol[], own: Span | null = null): Span {
  let start = own?.start ?? Infinity;
  let end = own?.end ?? -Infinity;
  for (const c of children) {
    start = Math.min(start, c.span.start);
    end = Math.max(end, c.span.end);
  }
  return { start, end };
}
