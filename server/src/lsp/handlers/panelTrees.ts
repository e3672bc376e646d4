// The side panel's trees, made once per store version and sent a page at a time: an article's whole unless it is
// a long report, a workspace's a few levels at a time with each entity's rows filled in when it is expanded.
import { ArticleEntities, childrenOf, complete, completeRows, EntityCollector, entitiesOfArticle, entityTree, findNode, FIRST_ROW, mentionKindsOf, OutlineKind, OutlineNode, OutlineTree, PagedNode, readingOrder, RowCursor, rowCount, rowsPage, StringPool, treesFrom, withoutMentions } from '../../analysis/outline';
import { LatestBuilds } from '../latestBuilds';
import { IdleRelease } from '../idleRelease';
import { NO_PROGRESS_WINDOW, ProgressWindow, readArticlesInSlices, withSlowWorkProgress } from '../slowWorkProgress';
import type { MentionKind } from '../../analysis';
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

/**
 * Rows of a workspace node sent at once; the rest come behind a "N more mentions…" node. Moscow's 16,168
 * mentions at 10,000 articles were 12.5 MB and held the server 4.2 s (each row's sentence read from its article).
 */
const ROWS_AT_ONCE = 500;

/** The id of the node that stands for the rows of `id` from `cursor` on. */
function moreId(id: string, cursor: RowCursor): string {
  return `${id}|more@${cursor.at}:${cursor.before}`;
}
const MORE_ID = /^(.*)\|more@(\d+):(\d+)$/;

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

/** What the workspace holds now: its articles and the store version they are of. */
export type LatestWorkspace = () => Promise<{ records: ArticleRecord[]; version: number }>;

export class PanelTrees {
  private readonly made = new Map<string, Made>();
  /** Workspace trees being made (in slices) or waiting their turn, by their kinds: one make at a time. */
  private readonly making = new LatestBuilds<void>();
  /** Rows filled in for the nodes last expanded: the view asks again for a node collapsed and opened, or refreshed. */
  private readonly expanded = new Map<string, { version: number; nodes: PagedNode[] }>();
  /**
   * Each article's entities as read for the workspace trees, by record (a changed article is a new record) and
   * mention kinds: a make after an edit reads the edited article only. At 10,000 indexed articles, unpacking
   * every article for its mentions was most of a make's ~3 s, and the panel asks again after every pause in typing.
   */
  private entities = new Map<string, WeakMap<ArticleRecord, ArticleEntities>>();
  /** Owns the kept entities' strings (dropped with them). */
  private strings = new StringPool();
  /** Lets the kept entities go once no workspace tree has been made for a while (a closed panel). */
  private readonly idle = new IdleRelease(() => this.letGo());

  constructor(
    private readonly latest: LatestWorkspace,
    private readonly progressWindow: ProgressWindow = NO_PROGRESS_WINDOW,
  ) {}

  /** The nodes of one page: the top of the tree, or the children of `parent` (none for an unknown id). */
  async page(records: ArticleRecord[], scope: 'article' | 'workspace', kind: OutlineKind, uri: string | undefined, version: number, parent?: string): Promise<PanelPage> {
    const key = `${scope}:${kind}:${scope === 'article' ? uri : ''}`;
    const made = await this.tree(key, records, scope, kind, version);
    const paged = scope === 'workspace' || made.tree.total > ARTICLE_ROWS_AT_ONCE;
    const levels = scope === 'workspace' ? WORKSPACE_LEVELS_AT_ONCE : Infinity;
    if (typeof parent !== 'string') return { nodes: paged ? withoutMentions(made.tree.nodes, levels) : complete(made.tree.nodes), total: made.tree.total, index: made.index };
    const at = `${key}\u0000${parent}`;
    const seen = this.expanded.get(at);
    if (seen?.version === version) return { nodes: seen.nodes, total: made.tree.total, index: made.index };
    const more = scope === 'workspace' ? MORE_ID.exec(parent) : null;
    const node = findNode(made.tree.nodes, more ? more[1] : parent);
    let nodes: PagedNode[] = [];
    if (node && scope === 'workspace') {
      const cursor = more ? { at: Number(more[2]), before: Number(more[3]) } : FIRST_ROW;
      nodes = [...(more ? [] : withoutMentions(node.children, levels)), ...this.rowPage(node, cursor, made.index)];
    } else if (node) nodes = paged ? childrenOf(node) : complete(node.children);
    if (this.expanded.size >= EXPANDED_KEPT) this.expanded.delete(this.expanded.keys().next().value!);
    this.expanded.set(at, { version, nodes });
    return { nodes, total: made.tree.total, index: made.index };
  }

  /** A page of a workspace node's rows, filled in, and a node for the rest when there are more. */
  private rowPage(node: OutlineNode, cursor: RowCursor, index: Map<string, ArticleRecord>): PagedNode[] {
    const { rows, next } = rowsPage(node, cursor, ROWS_AT_ONCE);
    const page: PagedNode[] = completeRows(rows, (u) => index.get(u)).map((r) => ({ ...r, childCount: 0, children: [] }));
    if (next) {
      const left = rowCount(node) - next.before;
      const noun = node.claims ? 'claim' : 'mention';
      page.push({ id: moreId(node.id, next), label: `${left} more ${noun}${left === 1 ? '' : 's'}…`, count: null, description: null, tooltip: `Expand to list the next ${noun}s of ${node.label}`, icon: 'group', role: 'group', entity: null, at: null, childCount: left, children: [] });
    }
    return page;
  }

  /** The tree for `key` at this store version, made if need be. */
  private async tree(key: string, records: ArticleRecord[], scope: 'article' | 'workspace', kind: OutlineKind, version: number): Promise<Made> {
    const hit = this.made.get(key);
    if (hit && hit.version >= version) return hit;
    // Trees of older versions are of no use any more (keeps one tree per article viewed from piling up).
    for (const [k, v] of this.made) if (v.version < version) this.made.delete(k);
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
    // A make that read the workspace just before this ask's version is followed by one that reads it after.
    for (let tries = 0; tries < 3; tries++) {
      await this.madeFor(kinds, version);
      const made = this.made.get(key);
      if (made && made.version >= version) return made;
    }
    return { version, tree: { nodes: [], total: 0 }, records, index };
  }

  /**
   * Waits for workspace trees of these kinds of this version or later: the make under way if it is of this
   * version, else one queued behind it, which reads the workspace when it starts (shared by every ask made while
   * it waits). A make per pause in typing, each beside the others, had 6 asks at 10,000 articles answered 20 s
   * after the last, with 22.6 s of CPU.
   */
  private madeFor(kinds: readonly OutlineKind[], version: number): Promise<void> {
    return this.making.get(kinds.join(), version, async (started) => {
      const { records, version: now } = await this.latest();
      started(now);
      await this.makeWorkspace(records, kinds, now, byUri(records));
    });
  }

  /** Workspace trees of these kinds, the articles read a slice at a time between requests. */
  private async makeWorkspace(records: ArticleRecord[], kinds: readonly OutlineKind[], version: number, index: Map<string, ArticleRecord>): Promise<void> {
    const mentionKinds = mentionKindsOf(kinds);
    const entitiesOf = this.keptEntities(mentionKinds);
    const collector = new EntityCollector(mentionKinds, 'deferred', this.strings);
    const title = `Dateline: listing the workspace's ${kinds.includes('claim') ? 'claims' : 'places, factions and dates'}`;
    const trees = await withSlowWorkProgress(this.progressWindow, title, async (progress) => {
      // Read between requests: at 10,000 indexed articles the three mention trees read for ~4 s, and the panel asks
      // again after every pause in typing. (A malformed analysis has its mentions left out, not the whole tree.)
      if (mentionKinds.length > 0) await readArticlesInSlices(progress, readingOrder(records), (article) => collector.addEntities(article, entitiesOf(article)));
      progress.phase('making the tree');
      return treesFrom(records, kinds, mentionKinds, collector.found, 'deferred');
    });
    // A newer version's trees may have been made meanwhile: these are for their own version only.
    for (const [k, tree] of trees) {
      const key = `workspace:${k}:`;
      if ((this.made.get(key)?.version ?? -1) <= version) this.made.set(key, { version, tree, records, index });
    }
  }

  /** The entities of a record for these mention kinds: read once per record, then kept until the panel idles. */
  private keptEntities(kinds: readonly MentionKind[]): (record: ArticleRecord) => ArticleEntities {
    this.idle.touch();
    const key = kinds.join();
    let kept = this.entities.get(key);
    if (!kept) this.entities.set(key, (kept = new WeakMap()));
    const strings = this.strings;
    return (record) => {
      let own = kept.get(record);
      if (!own) kept.set(record, (own = entitiesOfArticle(record.analysis.mentions, kinds, strings)));
      return own;
    };
  }

  private letGo(): void {
    this.entities = new Map();
    this.strings = new StringPool();
  }
}
