// One entry point for the side panel: the grouped tree of one kind for a set of articles.
import { claimTree } from './claimTree';
import { dateTree } from './dateTree';
import { factionTree } from './factionTree';
import { placeTree } from './placeTree';
import { RowMode } from './entities';
import { OutlineArticle, OutlineKind, OutlineTree } from './types';

/**
 * The grouped, counted tree of one kind (places, factions with sources, dates, claims) over the articles. With
 * `rows` 'deferred' (a workspace) the mention and claim rows are left for completeRows to fill in when shown.
 */
export function entityTree(articles: readonly OutlineArticle[], kind: OutlineKind, rows: RowMode = 'full'): OutlineTree {
  try {
    return build(articles, kind, rows);
  } catch {
    // A malformed analysis must not take the panel down: an empty view shows its welcome text instead.
    return { nodes: [], total: 0 };
  }
}

function build(articles: readonly OutlineArticle[], kind: OutlineKind, rows: RowMode): OutlineTree {
  switch (kind) {
    case 'place':
      return placeTree(articles, rows);
    case 'faction':
      return factionTree(articles, rows);
    case 'date':
      return dateTree(articles, rows);
    case 'claim':
      return claimTree(articles, rows);
    default:
      return { nodes: [], total: 0 };
  }
}
