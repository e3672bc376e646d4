// One entry point for the side panel: the grouped tree of one kind for a set of articles.
import { claimTree } from './claimTree';
import { dateTree } from './dateTree';
import { factionTree } from './factionTree';
import { placeTree } from './placeTree';
import { OutlineArticle, OutlineKind, OutlineTree } from './types';

/** The grouped, counted tree of one kind (places, factions with sources, dates, claims) over the articles. */
export function entityTree(articles: readonly OutlineArticle[], kind: OutlineKind): OutlineTree {
  try {
    return build(articles, kind);
  } catch {
    // A malformed analysis must not take the panel down: an empty view shows its welcome text instead.
    return { nodes: [], total: 0 };
  }
}

function build(articles: readonly OutlineArticle[], kind: OutlineKind): OutlineTree {
  switch (kind) {
    case 'place':
      return placeTree(articles);
    case 'faction':
      return factionTree(articles);
    case 'date':
      return dateTree(articles);
    case 'claim':
      return claimTree(articles);
    default:
      return { nodes: [], total: 0 };
  }
}
