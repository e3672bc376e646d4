// The Outline of one article: headline, then Places, Factions, Dates and Claims, each nested like the side panel.
// Within a group every symbol's span encloses its children's; the groups themselves are reached from the article.
import { Span } from '../types';
import { collapse, lineOf, spanIn } from './articleText';
import { entityTree } from './entityTree';
import { OutlineArticle, OutlineIcon, OutlineKind, OutlineNode, OutlineRole, OutlineTree } from './types';

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

/**
 * Outline symbols of one article: the headline, then one group per kind that has anything. `treeOf` gives the
 * article's tree of a kind (a caller that keeps the trees the side panel made passes them in).
 */
export function documentOutline(article: OutlineArticle, treeOf: (kind: OutlineKind) => OutlineTree = (kind) => entityTree([article], kind)): OutlineSymbol[] {
  try {
    return outline(article, treeOf);
  } catch {
    return [];
  }
}

function outline(article: OutlineArticle, treeOf: (kind: OutlineKind) => OutlineTree): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const length = article.text.length;
  const whole = { start: 0, end: length };
  // The headline symbol spans the whole article. Editors put the cursor in the first symbol whose range holds it
  // and never look further; the kind groups interleave all over the text, so any of them spanning its mentions
  // would claim positions of other kinds ("Places › Syria › Hama" on "the army"). With the article first, the
  // breadcrumb names the article wherever the cursor is, and the groups are reached from its dropdown.
  const h = article.analysis.structure.headline ? spanIn(article, article.analysis.structure.headline) : null;
  const title = h && article.analysis.headline ? collapse(article.analysis.headline) : '';
  out.push({
    name: title || firstLine(article.text) || 'Article',
    detail: title ? 'headline' : 'article',
    icon: 'headline',
    role: 'headline',
    span: whole,
    selection: h && title ? h : { start: 0, end: 0 },
    children: [],
  });
  // Groups start one character apart after the headline, so an Outline sorted by position keeps this order.
  let at = Math.min(h ? h.end : 0, length);
  for (const g of GROUPS) {
    const tree = treeOf(g.kind);
    const children = tree.nodes.map((n) => toSymbol(article, n)).filter((s): s is OutlineSymbol => s !== null);
    if (children.length === 0) continue;
    const start = Math.min(at++, length);
    const first = children[0].selection;
    out.push({
      name: g.name,
      detail: `${tree.total}`,
      icon: 'group',
      role: 'group',
      span: { start, end: length },
      selection: first.start >= start ? first : { start, end: start },
      children,
    });
  }
  return out;
}

/** The first non-blank line, shortened: the name of an article without a headline. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 20).find((l) => l.trim() !== '') ?? '';
  return collapse(line).slice(0, 80);
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
