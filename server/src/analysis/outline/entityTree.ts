// One entry point for the side panel: the grouped trees of the kinds asked for, over a set of articles.
import { claimTree } from './claimTree';
import { dateTree } from './dateTree';
import { collectEntitiesOf, EntityMentions, RowMode } from './entities';
import { factionTree } from './factionTree';
import { placeTree } from './placeTree';
import { OutlineArticle, OutlineKind, OutlineTree } from './types';
import { DateMention, FactionMention, MentionKind, PlaceMention, SourceMention } from '../types';

/**
 * The grouped, counted tree of one kind (places, factions with sources, dates, claims) over the articles. With
 * `rows` 'deferred' (a workspace) the mention and claim rows are left for completeRows to fill in when shown.
 */
export function entityTree(articles: readonly OutlineArticle[], kind: OutlineKind, rows: RowMode = 'full'): OutlineTree {
  return entityTrees(articles, [kind], rows).get(kind) ?? EMPTY;
}

/**
 * The trees of several kinds with one pass over the articles' mentions: in a workspace each article's are
 * unpacked from the index to be read, and the panel shows all kinds.
 */
export function entityTrees(articles: readonly OutlineArticle[], kinds: readonly OutlineKind[], rows: RowMode = 'full'): Map<OutlineKind, OutlineTree> {
  const mentionKinds = mentionKindsOf(kinds);
  let found: Map<string, EntityMentions>[] = [];
  try {
    // (The claims tree alone reads no mentions: in a workspace that would unpack every article for nothing.)
    if (mentionKinds.length > 0) found = collectEntitiesOf(articles, mentionKinds, rows);
  } catch {
    // Malformed analyses: the trees that need mentions come out empty (below).
  }
  return treesFrom(articles, kinds, mentionKinds, found, rows);
}

/** The kinds of mention the trees of these kinds list (for an EntityCollector), in a fixed order. */
export function mentionKindsOf(kinds: readonly OutlineKind[]): MentionKind[] {
  return MENTION_KINDS.filter((k) => kinds.includes(TREE_OF[k]));
}

/**
 * The trees of these kinds from the entities an EntityCollector found in the articles (`mentionKinds` as
 * mentionKindsOf gave them, `found` in the same order).
 */
export function treesFrom(articles: readonly OutlineArticle[], kinds: readonly OutlineKind[], mentionKinds: readonly MentionKind[], found: readonly Map<string, EntityMentions>[], rows: RowMode): Map<OutlineKind, OutlineTree> {
  const out = new Map<OutlineKind, OutlineTree>();
  const of = <M extends EntityMentions>(kind: MentionKind) => (found[mentionKinds.indexOf(kind)] ?? new Map()) as Map<string, M>;
  for (const kind of kinds) {
    try {
      out.set(kind, build(kind, rows, articles, of));
    } catch {
      // A malformed analysis must not take the panel down: an empty view shows its welcome text instead.
      out.set(kind, EMPTY);
    }
  }
  return out;
}

const EMPTY: OutlineTree = { nodes: [], total: 0 };
const MENTION_KINDS: MentionKind[] = ['place', 'faction', 'source', 'date'];
/** The tree each kind of mention is listed in (sources under factions). */
const TREE_OF: Record<MentionKind, OutlineKind> = { place: 'place', faction: 'faction', source: 'faction', date: 'date' };

function build(kind: OutlineKind, rows: RowMode, articles: readonly OutlineArticle[], of: <M extends EntityMentions>(kind: MentionKind) => Map<string, M>): OutlineTree {
  switch (kind) {
    case 'place':
      return placeTree(of<EntityMentions<PlaceMention>>('place'), rows);
    case 'faction':
      return factionTree(of<EntityMentions<FactionMention>>('faction'), of<EntityMentions<SourceMention>>('source'), rows);
    case 'date':
      return dateTree(of<EntityMentions<DateMention>>('date'), rows);
    case 'claim':
      return claimTree(articles, rows);
    default:
      return EMPTY;
  }
}
