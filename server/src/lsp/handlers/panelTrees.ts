// The side panel's trees, made once per store version and sent a page at a time: an article's whole unless it is
// a long report, a workspace's a few levels at a time with each entity's rows filled in when it is expanded.
import { childrenOf, complete, completeRows, entityTree, entityTrees, findNode, OutlineKind, OutlineTree, PagedNode, withoutMentions } from '../../analysis/outline';
import { ArticleRecord } from '../articleStore';
import { articleTree, byUri } from './outlineArticles';

/**
 * An article's tree is sent whole up to this many mention (or claim) rows; past it, it comes paged like the
 * workspace's (each entity's rows when it is expanded). A 1.9 MB document made 13-21 MB of JSON per kind,
 * 0.3-0.9 s of the server's time each, and the panel asks for all four kinds at once.
 */
export const ARTICLE_ROWS_AT_ONCE = 2000;

/**
 * Levels of a workspace tree sent at once (the nodes asked for and their children); deeper nodes come when their
 * parent is expanded. Whole, the dates of 10,000 articles (years, months, thousands of days) made 6.9 MB of JSON
 * and read the text of every day's first article for its location.
 */
const WORKSPACE_LEVELS_AT_ONCE = 2;

/** Expanded nodes whose filled-in children are kept. */
const EXPANDED_KEPT = 16;

/** The kinds whose workspace trees come from the articles' mentions, made together (see tree()). */
const WORKSPACE_MENTION_TREES: readonly OutlineKind[] = ['place', 'faction', 'date'];

interface Made {
  version: number;
  tree: OutlineTree;
  records: ArticleRecord[];
  /** The records by URI, for filling in rows and converting spans. */
  index: Map<string, ArticleRecord>;
}

export interface PanelPage {
  nodes: PagedNode[];
  total: number;
  /** The records the tree was made from, by URI. */
  index: Map<string, ArticleRecord>;
}

export class PanelTrees {
  private readonly made = new Map<string, Made>();
  /** Rows filled in for the nodes last expanded: the view asks again for a node collapsed and opened, or refreshed. */
  private readonly expanded = new Map<string, { version: number; nodes: PagedNode[] }>();

  /** The nodes of one page: the top of the tree, or the children of `parent` (none for an unknown id). */
  page(records: ArticleRecord[], scope: 'article' | 'workspace', kind: OutlineKind, uri: string | undefined, version: number, parent?: string): PanelPage {
    const key = `${scope}:${kind}:${scope === 'article' ? uri : ''}`;
    const made = this.tree(key, records, scope, kind, version);
    const paged = scope === 'workspace' || made.tree.total > ARTICLE_ROWS_AT_ONCE;
    const levels = scope === 'workspace' ? WORKSPACE_LEVELS_AT_ONCE : Infinity;
    if (typeof parent !== 'string') return { nodes: paged ? withoutMentions(made.tree.nodes, levels) : complete(made.tree.nodes), total: made.tree.total, index: made.index };
    const at = `${key}\u0000${parent}`;
    const seen = this.expanded.get(at);
    if (seen?.version === version) return { nodes: seen.nodes, total: made.tree.total, index: made.index };
    const node = findNode(made.tree.nodes, parent);
    const nodes = node ? (paged ? completeRows(childrenOf(node, levels), (u) => made.index.get(u)) : complete(node.children)) : [];
    if (this.expanded.size >= EXPANDED_KEPT) this.expanded.delete(this.expanded.keys().next().value!);
    this.expanded.set(at, { version, nodes });
    return { nodes, total: made.tree.total, index: made.index };
  }

  /** The tree for `key` at this store version, made if need be. */
  private tree(key: string, records: ArticleRecord[], scope: 'article' | 'workspace', kind: OutlineKind, version: number): Made {
    const hit = this.made.get(key);
    if (hit?.version === version) return hit;
    // Trees of older versions are of no use any more (keeps one tree per article viewed from piling up).
    for (const [k, v] of this.made) if (v.version !== version) this.made.delete(k);
    const index = byUri(records);
    if (scope === 'article') {
      const tree = records.length === 1 ? articleTree(records[0], kind) : entityTree(records, kind);
      const made = { version, tree, records, index };
      this.made.set(key, made);
      return made;
    }
    // The panel shows every kind: the mention kinds' workspace trees are made together, with one pass over the
    // articles (each indexed one unpacked once), their rows filled in only when an entity is expanded.
    const kinds = kind === 'claim' ? (['claim'] as const) : WORKSPACE_MENTION_TREES;
    for (const [k, tree] of entityTrees(records, kinds, 'deferred')) this.made.set(`workspace:${k}:`, { version, tree, records, index });
    return this.made.get(key) ?? { version, tree: { nodes: [], total: 0 }, records, index };
  }
}
