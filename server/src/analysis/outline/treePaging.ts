// Large workspaces make big trees (hundreds of articles: thousands of mentions). Views get the groups and
// entities first and each entity's mentions when it is expanded; these helpers cut and find subtrees.
import { claimNode } from './claimTree';
import { mentionLeaf } from './entities';
import { StringPool } from './ownStrings';
import { OutlineEntityRef, OutlineNode } from './types';

/** Rows that come by the thousand in a workspace: mentions, and claims (one per sentence that claims something). */
function isLeafRow(n: OutlineNode): boolean {
  return n.role === 'mention' || n.role === 'claim';
}

/**
 * A copy of the nodes with mention and claim rows left out (their number stays in `childCount`), and, below
 * `levels` levels, every child (a workspace's dates: thousands of entities under years and months).
 */
export function withoutMentions(nodes: readonly OutlineNode[], levels = Infinity): PagedNode[] {
  return nodes.map(({ rows, claims, ...n }) => {
    const kept = levels > 1 ? n.children.filter((c) => !isLeafRow(c)) : [];
    return { ...n, childCount: n.children.length + (rows?.count ?? 0) + (claims?.length ?? 0), children: withoutMentions(kept, levels - 1) };
  });
}

/**
 * A node's children with all its rows not yet made (a deferred tree's) read now from their articles, after the
 * others; they are left deferred (completeRows fills them in).
 */
export function withRows(node: OutlineNode): OutlineNode[] {
  return [...node.children, ...rowsPage(node, FIRST_ROW, Infinity).rows];
}

/** Where a page of a node's deferred rows starts: an index into its articles (or claims), and the rows before it. */
export interface RowCursor {
  at: number;
  before: number;
}

export const FIRST_ROW: RowCursor = { at: 0, before: 0 };

/**
 * A page of a node's deferred rows, from `cursor` on: at least `max` rows unless fewer are left (mention rows
 * end with an article, as they are read an article at a time), left deferred for completeRows, and where the
 * next page starts (null after the last).
 */
export function rowsPage(node: OutlineNode, cursor: RowCursor, max: number): { rows: OutlineNode[]; next: RowCursor | null } {
  if (node.claims) {
    const end = Math.min(node.claims.length, cursor.at + max);
    const rows = node.claims.slice(cursor.at, end).map((r) => claimNode(r.article, r.claim, r.repeat, 'deferred'));
    return { rows, next: end < node.claims.length ? { at: end, before: end } : null };
  }
  if (!node.rows) return { rows: [], next: null };
  const { kind, id, articles } = node.rows;
  const rows: OutlineNode[] = [];
  const refs = new Map<string, OutlineEntityRef>();
  // Expanded rows are kept a while (lsp panelTrees): their strings must not hold the articles' unpacked texts.
  const strings = new StringPool();
  let at = cursor.at;
  for (; at < articles.length && rows.length < max; at++) {
    const article = articles[at];
    let ordinal = 0;
    for (const m of article.analysis.mentions) {
      if (m.kind !== kind || m.id !== id) continue;
      let entity = refs.get(m.name);
      if (!entity) refs.set(m.name, (entity = { kind, id, name: strings.own(m.name) }));
      rows.push(mentionLeaf({ article, entity, text: strings.own(m.text), start: m.start, end: m.end, sentence: m.sentence, ordinal: ordinal++ }, node.id, 'deferred'));
    }
  }
  return { rows, next: at < articles.length ? { at, before: cursor.before + rows.length } : null };
}

/** How many deferred rows a node has. */
export function rowCount(node: OutlineNode): number {
  return node.rows?.count ?? node.claims?.length ?? 0;
}

/** A node with the number of children it has, whether or not they are included. */
export type PagedNode = Omit<OutlineNode, 'children'> & { childCount: number; children: PagedNode[] };

/** Every node with its children, unchanged (childCount = children.length). */
export function complete(nodes: readonly OutlineNode[]): PagedNode[] {
  return nodes.map((n) => ({ ...n, childCount: n.children.length, children: complete(n.children) }));
}

/** A node's own children in full (its mention or claim rows included), their subtrees without such rows. */
export function childrenOf(node: OutlineNode, levels = Infinity): PagedNode[] {
  return withRows(node).map((c) => (isLeafRow(c) ? { ...c, childCount: 0, children: [] } : withoutMentions([c], levels)[0]));
}

/** The node with this id anywhere in the trees, or null. */
export function findNode(nodes: readonly OutlineNode[], id: string): OutlineNode | null {
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.id === id) return n;
    for (const c of n.children) stack.push(c);
  }
  return null;
}
